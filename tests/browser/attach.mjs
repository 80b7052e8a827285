// attach.mjs: attachments in a real browser (issue 12: "the browser walk
// extended: ... attach a scan").  Run by tests/browser/run.sh after cases.mjs,
// on the same server: inv1 is on the team of the case that walk filed.
//
// As inv1: the case page's 附件 section offers the upload form; a scan (a
// PNG) chosen in the file field and sent comes back in the list with the
// server's thumbnail (an <img> that loaded) and a download link that the
// server answers as a download (Content-Disposition: attachment); an
// executable named .pdf is refused with the message beside the reason; at a
// phone's width the page with its attachments fits the screen.

import {
	BASE, PHONE, assert, expect, finish, fitsPhone, h1, login, page, shot, start, step,
} from './harness.mjs';
import { png } from './files.mjs';

await start('attach', 60);

let caseUrl = '';
const section = () => page.locator('section#attachments');

await step('inv1 opens a case of their team and finds the 附件 section with its upload form', async () => {
	await login('inv1');
	await page.goto(`${BASE}/cases`);
	const link = page.locator('table.list a[href^="/cases/"]').first();
	caseUrl = await link.getAttribute('href');
	await page.goto(`${BASE}${caseUrl}`);
	await h1().waitFor();
	assert(await section().locator('h2', { hasText: '附件' }).count() === 1, 'no 附件 heading');
	assert(await section().locator('form[enctype="multipart/form-data"] input[type="file"][name="file"]').count() === 1,
		'no file field in a multipart form');
}, 'attach-section');

await step('a scan chosen and sent is listed with the server\'s thumbnail and a download link', async () => {
	await section().locator('input[type="file"]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: png(320, 200) });
	await Promise.all([page.waitForURL(/\?ok=saved/), section().getByRole('button', { name: '上传', exact: true }).click()]);
	const row = section().locator('tbody tr', { hasText: '现场照片.png' });
	assert(await row.count() === 1, 'the upload is not in the list');
	const img = row.locator('img.thumb');
	await img.waitFor();
	const size = await img.evaluate((e) => e.complete ? [e.naturalWidth, e.naturalHeight] : [0, 0]);
	assert(size[0] === 240 && size[1] === 150, `the thumbnail is ${size[0]}x${size[1]}, not 240x150`);
	const href = await row.locator('a[download]').getAttribute('href');
	const res = await page.request.get(`${BASE}${href}`);
	assert(res.status() === 200, `the download answered ${res.status()}`);
	assert(/^attachment;/.test(res.headers()['content-disposition'] || ''), 'the file is not sent as a download');
	assert(res.headers()['content-type'] === 'application/octet-stream', `served as ${res.headers()['content-type']}`);
	assert((await res.body()).length > 1000, 'the download is not the file');
}, 'attach-listed');

await step('an executable named .pdf is refused, saying the type is judged by content', async () => {
	await page.goto(`${BASE}${caseUrl}`);
	await section().locator('input[type="file"]').setInputFiles({ name: '材料.pdf', mimeType: 'application/pdf',
		buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]) });
	expect.status = 422;
	await Promise.all([page.waitForURL(`${BASE}${caseUrl}/attachments`), section().getByRole('button', { name: '上传', exact: true }).click()]);
	const text = await page.locator('main').textContent();
	expect.status = null;
	assert(text.includes('不接受此类文件') && text.includes('按文件内容判断'), 'no reason given');
}, 'attach-refused');

await step('at a phone\'s width the case page with its attachments fits the screen', async () => {
	await page.setViewportSize(PHONE);
	await page.goto(`${BASE}${caseUrl}#attachments`);
	await section().waitFor();
	await fitsPhone('the case page with its attachments');
	await page.setViewportSize({ width: 1280, height: 800 });
}, 'attach-phone');

await finish(4);
