// find.mjs: finding people in a real browser (issue 12, "search a person
// by typing"), through tests/browser/harness.mjs.  Run by
// tests/browser/run.sh after the other walks, on the same server: the
// unit 市农业农村局 is walk.mjs's.
//
// As the case manager: on the 问责与追缴 page, type 3 characters of a unit's
// name in the unit picker and 3 of a person's in the person picker, choose
// each from the suggestions (assets/pick.js fills the hidden ids), save,
// and find the record in the ledger; the picker at a phone's width (big
// touch targets, nothing wider than the screen); the search box in the
// top bar finds the person and links to the page.

import {
	BASE, PHONE, assert, finish, fitsPhone, h1, login, page, shot, start, step,
} from './harness.mjs';

const UNIT = '市农业农村局';
const PERSON = '欧阳明华';

await start('find', 60);

let personId = 0;
await step(`the case manager adds ${PERSON} to ${UNIT} (the API, as a script would)`, async () => {
	await login('cm');
	const me = await (await page.request.get(`${BASE}/api/me`)).json();
	const units = await (await page.request.get(`${BASE}/api/pick/units?q=${encodeURIComponent(UNIT)}`)).json();
	assert(units.total === 1, `${units.total} units named ${UNIT}`);
	const res = await page.request.post(`${BASE}/api/persons`, {
		headers: { 'X-CSRF-Token': me.csrf },
		data: { name: PERSON, unit_id: units.items[0].id, rank: 'section', position: '科长' },
	});
	assert(res.status() === 201, `POST /api/persons: ${res.status()}`);
	personId = (await res.json()).id;
});

await step('typing 3 characters in each picker suggests the matches; choosing fills the form', async () => {
	await page.goto(`${BASE}/accountability`);
	await h1().filter({ hasText: '问责与追缴' }).waitFor();
	await page.getByLabel('启动日期').fill('2022-06-01');
	const unit = page.getByLabel('被问责单位');
	await unit.pressSequentially(UNIT.slice(1, 4), { delay: 60 });
	const uopt = page.getByRole('option', { name: UNIT });
	await uopt.first().waitFor();
	await uopt.first().click();
	assert(await unit.inputValue() === UNIT, `the unit field reads "${await unit.inputValue()}"`);
	const person = page.getByLabel('被问责人员');
	await person.pressSequentially(PERSON.slice(0, 3), { delay: 60 });
	const popt = page.getByRole('option', { name: new RegExp(`^${PERSON}（${UNIT}`) });
	await popt.waitFor();
	await shot('person-suggestions');
	await popt.click();
	const hidden = await page.locator('input[type="hidden"][name="person_id"]').inputValue();
	assert(hidden === String(personId), `the hidden person_id is "${hidden}", want ${personId}`);
	assert(await page.getByRole('listbox').first().isHidden(), 'the suggestions stay open after choosing');
}, 'chosen');

await step('saving records the accountability with the chosen person and unit', async () => {
	const form = page.locator('form[action="/accountabilities"]');
	await Promise.all([page.waitForURL(/\/accountability\?ok=created$/),
		form.getByRole('button', { name: '保存' }).click()]);
	const row = page.locator('table.list tbody tr', { hasText: PERSON });
	assert(await row.count() >= 1, `no ledger row with ${PERSON}`);
	assert((await row.first().textContent()).includes(UNIT), `the row does not name ${UNIT}`);
}, 'saved');

await step(`at ${PHONE.width}px the suggestions are big touch targets and nothing is wider than the screen`, async () => {
	await page.setViewportSize(PHONE);
	await page.goto(`${BASE}/accountability`);
	const person = page.getByLabel('被问责人员');
	await person.pressSequentially(PERSON.slice(0, 3), { delay: 60 });
	const popt = page.getByRole('option', { name: new RegExp(`^${PERSON}`) });
	await popt.waitFor();
	const box = await popt.boundingBox();
	assert(box.height >= 44, `a suggestion is ${box.height}px high (want at least 44)`);
	assert(box.x >= 0 && box.x + box.width <= PHONE.width, `a suggestion spans ${box.x}..${box.x + box.width}px`);
	await shot('phone-picker');
	await fitsPhone('the accountability page with the suggestions open');
	await page.setViewportSize({ width: 1280, height: 800 });
});

await step('the search box in the top bar finds the person and links to the page', async () => {
	await page.goto(`${BASE}/`);
	const box = page.getByRole('search').getByLabel('搜索');
	await box.fill(PERSON);
	await Promise.all([page.waitForURL(/\/search\?q=/), box.press('Enter')]);
	await h1().filter({ hasText: '搜索' }).waitFor();
	const link = page.locator(`main a[href="/persons/${personId}"]`);
	assert(await link.count() === 1, `${await link.count()} links to the person`);
	await Promise.all([page.waitForURL(`${BASE}/persons/${personId}`), link.click()]);
	await h1().filter({ hasText: PERSON }).waitFor();
}, 'search');

await finish(4);
