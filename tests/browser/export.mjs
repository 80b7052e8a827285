// export.mjs: "export a list" (issue 12, Lists out as Excel) in a real
// browser, through tests/browser/harness.mjs.  Run by tests/browser/run.sh
// after the other walks, on the same server: the clues and persons those
// walks made are the rows here.
//
// As the case manager: the problem clues filtered by a state the walks'
// clues are in; the pager says 共 N 条 and offers 导出Excel; clicking it
// downloads 问题线索_YYYY-MM-DD.xlsx (a zip: "PK"), the link carrying the
// filter; at a phone's width the list with its link still fits the screen.

import fs from 'node:fs';

import {
	BASE, assert, finish, fitsPhone, h1, login, page, PHONE, shot, start, step,
} from './harness.mjs';

await start('export', 60);

await step('the clue list offers 导出Excel with its filters', async () => {
	await login('cm');
	await page.goto(`${BASE}/clues?source=report`);
	await h1().filter({ hasText: '问题线索' }).waitFor();
	const link = page.getByRole('link', { name: '导出Excel' });
	assert(await link.count() === 1, `${await link.count()} 导出Excel links`);
	const href = await link.getAttribute('href');
	assert(href.includes('source=report') && href.includes('format=xlsx'), `the link is ${href}`);
}, 'export-list');

await step('clicking 导出Excel downloads the list as 问题线索_<day>.xlsx', async () => {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: '导出Excel' }).click(),
	]);
	const name = download.suggestedFilename();
	assert(/^问题线索_\d{4}-\d{2}-\d{2}\.xlsx$/.test(name), `the file is named ${name}`);
	const file = await download.path();
	const head = fs.readFileSync(file).subarray(0, 2).toString('latin1');
	assert(head === 'PK', `the file starts with ${JSON.stringify(head)}, not a workbook`);
	assert(fs.statSync(file).size > 2000, `the file has ${fs.statSync(file).size} bytes`);
});

await step('at a phone\'s width the list and its export link fit the screen', async () => {
	await page.setViewportSize(PHONE);
	await page.goto(`${BASE}/persons`);
	await h1().filter({ hasText: '监督对象' }).waitFor();
	assert(await page.getByRole('link', { name: '导出Excel' }).isVisible(), 'no visible 导出Excel link');
	await fitsPhone('the person list');
}, 'export-phone');

await shot('export-done');
await finish(3);
