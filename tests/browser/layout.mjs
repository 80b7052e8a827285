// layout.mjs: the layout on a phone (issue 12, "Layout and wording"),
// through tests/browser/harness.mjs.  Run by tests/browser/run.sh after
// cases.mjs, on the same server: the case is the one that walk files.
//
// As the case manager at 360 px: the navigation folds into 菜单 and opens
// and closes again; the case list's wide table scrolls inside its wrapper
// (the page is no wider than the screen), says so (左右滑动查看, the edge
// that hides more fading) and stops saying the edge hides more at its
// end; the case page's sections (办理组, 留置, ...) are open <details> that
// fold and unfold by their heading, without the page's script.

import {
	BASE, PHONE, assert, diag, finish, fitsPhone, h1, login, nav, page, shot, start, step,
} from './harness.mjs';

await start('layout', 60);

let caseId = 0;
await step('the case manager finds the case of the case walk', async () => {
	await login('cm');
	const list = await (await page.request.get(`${BASE}/api/cases`)).json();
	assert(list.total >= 1, `${list.total} cases`);
	caseId = list.items[0].id;
});

await step(`at ${PHONE.width}px the navigation is folded, opens on 菜单 and folds again`, async () => {
	await page.setViewportSize(PHONE);
	await page.goto(`${BASE}/cases`);
	const menu = nav().locator('details.navmenu > summary');
	const link = nav().getByRole('link', { name: '问题线索' });
	assert(await menu.isVisible(), 'no 菜单 on the phone');
	assert(!(await link.isVisible()), 'the sections show before the menu is opened');
	await menu.click();
	await link.waitFor();
	await shot('nav-open');
	await menu.click();
	await link.waitFor({ state: 'hidden' });
});

await step('the case list\'s wide table scrolls inside its wrapper and says so; the page keeps the screen\'s width', async () => {
	const wrap = page.locator('main .table-wrap').first();
	await wrap.waitFor();
	const m = await wrap.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth, cls: el.className }));
	diag(`the table is ${m.sw}px wide in a ${m.cw}px wrapper`);
	assert(m.sw > m.cw, `the table (${m.sw}px) does not overflow its ${m.cw}px wrapper at ${PHONE.width}px`);
	assert(/\bscrolls\b/.test(m.cls), `the wrapper is not marked as scrolling: "${m.cls}"`);
	const hint = await wrap.evaluate((el) => getComputedStyle(el, '::after').content);
	assert(hint.includes('左右滑动查看'), `the hint under the table reads ${hint}`);
	const mask = await wrap.evaluate((el) => getComputedStyle(el).maskImage || getComputedStyle(el).webkitMaskImage);
	assert(mask && mask !== 'none', 'the edge that hides more does not fade');
	await fitsPhone('the case list');
	await shot('table-scrolls');
	await wrap.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
	await page.waitForFunction(() => document.querySelector('main .table-wrap').classList.contains('at-end'));
	const end = await wrap.evaluate((el) => getComputedStyle(el).maskImage || getComputedStyle(el).webkitMaskImage);
	assert(end === 'none', `scrolled to its end, the edge still fades (${end})`);
	const doc = await page.evaluate(() => document.documentElement.scrollWidth);
	assert(doc <= PHONE.width + 2, `the page is ${doc}px wide after scrolling the table`);
}, 'table-end');

await step('the case page\'s sections fold and unfold by their heading', async () => {
	await page.goto(`${BASE}/cases/${caseId}`);
	await h1().filter({ hasText: `案件 ${caseId}` }).waitFor();
	const folds = page.locator('main details.fold');
	const n = await folds.count();
	assert(n >= 6, `${n} sections that fold on the case page`);
	const open = await folds.evaluateAll((d) => d.filter((x) => x.open).length);
	assert(open === n, `${open} of ${n} sections open at first`);
	const team = page.locator('details.fold', { has: page.locator('summary h2', { hasText: /^办理组$/ }) });
	const rows = team.locator('.table-wrap');
	assert(await rows.isVisible(), 'the team table is not shown at first');
	await team.locator('summary').click();
	await rows.waitFor({ state: 'hidden' });
	assert(!(await team.evaluate((d) => d.open)), 'the team section did not fold');
	await shot('team-folded');
	await team.locator('summary').click();
	await rows.waitFor();
	await fitsPhone('the case page');
	await page.setViewportSize({ width: 1280, height: 800 });
});

await finish(3);
