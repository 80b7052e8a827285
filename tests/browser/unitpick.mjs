// unitpick.mjs: the unit filter past 2,000 units in a real browser (issue
// 12, "no picker capped at a fixed number of rows"), through
// tests/browser/harness.mjs.  Run last by tests/browser/run.sh: it adds
// 2,001 units, after which every unit filter of the server is the picker.
//
// As the case manager: add the units and a clue in 青峰山村 (the API, as
// a script would); on /clues type 3 characters in the unit filter, choose
// the unit from the suggestions (assets/pick.js fills the hidden
// unit_id), send the filter and find the clue alone; the next page's
// field still names the unit.

import { BASE, assert, finish, h1, login, page, shot, start, step } from './harness.mjs';

const UNIT = '青峰山村';
const MORE = 2001;

await start('unitpick', 140);

let unitId = 0, clueId = 0;
await step(`the case manager adds ${MORE} units and a clue in ${UNIT} (the API)`, async () => {
	await login('cm');
	const me = await (await page.request.get(`${BASE}/api/me`)).json();
	const post = async (path, data) => {
		const res = await page.request.post(`${BASE}${path}`, { headers: { 'X-CSRF-Token': me.csrf }, data });
		assert(res.status() === 201, `POST ${path}: ${res.status()}`);
		return (await res.json()).id;
	};
	unitId = await post('/api/units', { name: UNIT, kind: 'village' });
	for (let i = 0; i < MORE; i += 10)
		await Promise.all(Array.from({ length: Math.min(10, MORE - i) }, (_, k) =>
			post('/api/units', { name: `走查村${String(i + k).padStart(4, '0')}`, kind: 'village' })));
	const person = await post('/api/persons', { name: '峰山甲', unit_id: unitId, rank: 'staff' });
	clueId = await post('/api/clues', { received: '2026-03-02', source: 'report', summary: '反映其违规收受礼金',
		subjects: [person], confirm: true });
});

await step(`/clues: typing 3 characters of ${UNIT} suggests it; choosing fills the filter`, async () => {
	await page.goto(`${BASE}/clues`);
	await h1().filter({ hasText: '问题线索' }).waitFor();
	assert(await page.locator('select[name="unit_id"]').count() === 0, 'the unit filter is still a <select>');
	const unit = page.getByLabel('单位', { exact: true });
	await unit.pressSequentially(UNIT.slice(0, 3), { delay: 60 });
	const opt = page.getByRole('option', { name: UNIT });
	await opt.first().waitFor();
	await shot('suggestions');
	await opt.first().click();
	const hidden = await page.locator('input[type="hidden"][name="unit_id"]').inputValue();
	assert(hidden === String(unitId), `the hidden unit_id is "${hidden}", want ${unitId}`);
}, 'chosen');

await step('sending the filter lists that unit\'s clue alone and keeps the unit named', async () => {
	await Promise.all([page.waitForURL(new RegExp(`unit_id=${unitId}`)),
		page.getByRole('button', { name: '查询' }).click()]);
	const rows = page.locator('table.list tbody tr');
	assert(await rows.count() === 1, `${await rows.count()} rows, want 1`);
	assert((await rows.first().textContent()).includes(String(clueId)), `the row is not clue ${clueId}`);
	const text = await page.getByLabel('单位', { exact: true }).inputValue();
	assert(text === UNIT, `the unit field reads "${text}"`);
	assert(!(await page.content()).includes('相符的单位有'), 'a message beside the unit');
}, 'filtered');

await finish(2);
