// dash.mjs: the dashboard of issue 11 in a real browser ("a browser test
// opens the dashboard, clicks a figure and finds the same count of rows"),
// through tests/browser/harness.mjs.  Run by tests/browser/run.sh after
// cases.mjs, on the same server: the records that walk made (a clue, a
// case, an outcome this year, or last year early in January) are the
// figures here.
//
// As the leader: the home page shows the charts (SVG drawn by the server,
// role="img"); click the first bar with a value above 0; the list it leads
// to has as many rows as the bar said, and says so in its count; back on
// the dashboard at a phone's width, the charts fit the screen.

import {
	BASE, assert, finish, h1, login, page, path_, shot, start, step,
} from './harness.mjs';

const PHONE = { width: 360, height: 740 };
const cst = new Date(Date.now() + 8 * 3600_000);
const YEAR = cst.getUTCFullYear();

await start('dash', 60);

let year = YEAR, want = 0, href = '';
await step('the leader\'s 工作台 is the dashboard: charts drawn as SVG, each labelled for assistive technology', async () => {
	await login('lead');
	for (const y of [YEAR, YEAR - 1]) {
		await page.goto(`${BASE}/?year=${y}`);
		await h1().filter({ hasText: '工作台' }).waitFor();
		const charts = page.locator('svg.chart[role="img"]');
		assert(await charts.count() >= 3, `${await charts.count()} charts on the dashboard`);
		for (const title of await page.locator('svg.chart:visible a title').allTextContents()) {
			const m = title.match(/：(\d+)$/);
			if (m && Number(m[1]) > 0) {
				want = Number(m[1]);
				href = title;
				break;
			}
		}
		if (want) {
			year = y;
			break;
		}
	}
	assert(want > 0, 'no figure above 0 on this year\'s or last year\'s dashboard');
}, 'dash');

await step('clicking a figure opens its list with as many rows as the figure', async () => {
	const bar = page.locator('svg.chart:visible a', { has: page.locator('title', { hasText: href }) }).first();
	const target = await bar.getAttribute('href');
	await Promise.all([page.waitForURL((u) => u.pathname !== '/'), bar.locator('rect').click()]);
	assert(`${path_()}${new URL(page.url()).search}` === target, `landed on ${page.url()}, not ${target}`);
	const rows = await page.locator('table.list tbody tr:not(:has(td.empty))').count();
	const count = (await page.locator('nav.pager .count').textContent()).trim();
	assert(rows === want, `${href}: the list shows ${rows} rows`);
	assert(count.startsWith(`共 ${want} 条`), `the list says "${count}", the figure ${want}`);
	assert(await page.locator('.figlist').count() === 1, 'the list does not name the figure\'s filters');
}, 'dash-list');

await step('at a phone\'s width the charts fit the screen', async () => {
	await page.setViewportSize(PHONE);
	await page.goto(`${BASE}/?year=${year}`);
	await h1().filter({ hasText: '工作台' }).waitFor();
	const widths = await page.locator('svg.chart').evaluateAll((v) => v.map((e) => e.getBoundingClientRect().right));
	assert(widths.length > 0 && widths.every((r) => r <= PHONE.width), `charts reach ${Math.max(...widths)}px`);
}, 'dash-phone');

await finish(3);
