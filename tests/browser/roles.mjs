// roles.mjs: every business role walks every section of its navigation, on
// a phone and on a desktop (issue 10, last part: ui10).  Run by
// tests/browser/run.sh after cases.mjs, so the lists hold the clue, the
// case and the outcome of that walk.
//
// For each role: the section links are the ones its permissions allow
// (role.c, the same sets the routes check: docs/security.md "Roles and
// their permissions"), each answers 200 and, at 360x740, fits the screen
// with the navigation folded into one row (菜单); at 1280x800 the left
// list shows and the menu does not.  Then, as an attacker, the user opens
// the case of the walk by its number: 404 for whoever is not on its team
// nor a leader or the case manager, 403 for a role without the case list.  Throughout, no console error,
// uncaught exception or CSP violation (harness.mjs).

import {
	BASE, PHONE, assert, diag, expect, finish, fitsPhone, login, nav, page, path_, shot, start, step,
} from './harness.mjs';

const DESKTOP = { width: 1280, height: 800 };

// user, role label, sections it must have, sections it must not have,
// the answer to the walk's case: 200 (the team, leaders, the case
// manager), 404 (need-to-know: case_read but not on the team), 403 (no
// case_read)
const WALKERS = [
	['cm', '案件监督管理室', ['问题线索', '案件', '违纪违法类别', '规则表', '处分执行'], ['用户管理', '审计日志'], 200],
	['clerk', '信访室', ['信访举报', '登记线索'], ['案件', '问题线索', '规则表'], 403],
	['lead', '委领导', ['信访举报', '问题线索', '案件'], ['登记线索', '违纪违法类别'], 200],
	['inv1', '审查调查室', ['问题线索', '案件'], ['信访举报', '处分执行'], 200],
	['inv2', '审查调查室', ['案件'], ['信访举报'], 404],
	['judge', '案件审理室', ['案件'], ['问题线索', '信访举报'], 200],
	['sup', '监督检查室', ['问题线索', '登记线索', '案件', '问责与追缴'], ['信访举报', '处分执行'], 404],
];

await start('roles', 140);

// the case of cases.mjs, by its link on the case manager's list
let caseHref = null;
await step('the case manager finds the case of the case walk', async () => {
	await login('cm');
	await page.goto(`${BASE}/cases`);
	caseHref = await page.locator('table.list tbody a[href^="/cases/"]').first().getAttribute('href');
	assert(/^\/cases\/\d+$/.test(caseHref || ''), `no case link on /cases (${caseHref})`);
});

for (const [user, label, must, mustNot, caseStatus] of WALKERS) {
	await step(`${user} (${label}): every section of its navigation answers and fits a ${PHONE.width}px phone, ` +
		   'the navigation folded; the desktop shows the list', async () => {
		await page.setViewportSize(DESKTOP);
		await login(user);
		const links = await nav().locator(':scope > ul a').evaluateAll(
			(as) => as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
		const names = links.map(([t]) => t);
		diag(`${user}: ${names.length} sections: ${names.join(' ')}`);
		for (const m of must)
			assert(names.includes(m), `${user} has no ${m}`);
		for (const m of mustNot)
			assert(!names.includes(m), `${user} has ${m}`);
		await page.setViewportSize(PHONE);
		for (const [text, href] of links) {
			const resp = await page.goto(`${BASE}${href}`);
			assert(resp.status() === 200, `${user}: ${text} (${href}) answered ${resp.status()}`);
			const h = await nav().evaluate((el) => el.getBoundingClientRect().height);
			assert(h <= 60, `${user}: the folded navigation is ${Math.round(h)}px tall on ${href}`);
			await fitsPhone(`${user}'s ${text} (${href})`);
		}
		await shot(`${user}-phone`);
		await page.setViewportSize(DESKTOP);
		assert(await nav().getByRole('link', { name: names[names.length - 1] }).isVisible(),
			`${user}: the desktop list is hidden`);
	});

	await step(`${user} opens the walk's case by its number: ${caseStatus}`, async () => {
		expect.status = caseStatus === 200 ? null : caseStatus;
		await page.setViewportSize(PHONE);
		const resp = await page.goto(`${BASE}${caseHref}`);
		expect.status = null;
		assert(resp.status() === caseStatus, `${user}: ${caseHref} answered ${resp.status()}`);
		assert(path_() === caseHref, `landed on ${page.url()}`);
		if (caseStatus === 200)   /* the case record, its timeline and forms, on the phone */
			await fitsPhone(`${user}'s case page`);
		await page.setViewportSize(DESKTOP);
	});
}

// Wrong input on a phone, as the last walker (the supervisor registers
// clues): 登记线索 sent empty past the browser's own checks is answered 422,
// each error beside its field (aria-describedby), and the page with its
// errors still fits the screen.
await step(`sup sends 登记线索 empty on a ${PHONE.width}px phone: 422, the errors beside their fields, no sideways scrolling`, async () => {
	await page.setViewportSize(PHONE);
	await page.goto(`${BASE}/clues/new`);
	await page.locator('form.record-form').waitFor();
	await page.evaluate(() => { for (const f of document.querySelectorAll('form')) f.noValidate = true; });
	expect.status = 422;
	const [resp] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/clues'),
		page.locator('form.record-form button.primary').click(),
	]);
	await page.waitForLoadState();
	expect.status = null;
	assert(resp.status() === 422, `the server answered ${resp.status()}`);
	const invalid = page.locator('form.record-form [aria-invalid="true"]');
	const n = await invalid.count();
	assert(n >= 1, 'no field is marked invalid');
	for (let i = 0; i < n; i++) {
		// an ID list (the pickers of issue 12 name their hint too): the error is one of them
		const ids = ((await invalid.nth(i).getAttribute('aria-describedby')) || '').split(/\s+/).filter(Boolean);
		let seen = false;
		for (const id of ids)
			seen ||= id.startsWith('e-') && await page.locator(`[id="${id}"]`).isVisible();
		assert(seen, `field ${i} has no visible error beside it`);
	}
	diag(`sup: ${n} fields marked invalid on the empty clue form`);
	await shot('sup-phone-clue-errors');
	await fitsPhone('the clue form with its errors');
	await page.setViewportSize(DESKTOP);
});

await finish(WALKERS.length + 1);
