// public.mjs: the public channel (issue 13) in a real browser on a phone,
// through tests/browser/harness.mjs, in single-instance mode (run.sh's one
// server serves the citizen's pages and the staff's).
//
// A citizen on a 360 px screen opens 网上举报 (no staff navigation, fits the
// screen), reports anonymously with a text that tries to inject a script and
// a PDF attached (a file past the limit is said at once, before it goes), and gets a 16-digit query code: the page's script solves
// the proof of work (assets/pow.js) before the form goes.  The intake clerk
// finds it in the report registry as 网络举报, sees the text escaped and the
// PDF as a download, and saves a reply.  The
// citizen, signed out, queries with the code: 已收到 and the reply, and
// sends a follow-up from that page; a wrong code is refused with its message.

import {
	BASE, assert, expect, finish, fitsPhone, login, nav, page, PHONE, start, step,
} from './harness.mjs';
import { openOnlineReport, powDone, reportAnonymously, sendFollowUp } from './channel.mjs';

await start('public', 90);

const TEXT = '<script>alert(1)</script>浏览器ZQX 公车私用';
const REPLY = '已转交有关部门核查，感谢您的监督。';
let code = '';

await step('on a phone, 网上举报 is bare (no staff navigation) and fits the screen', async () => {
	await page.setViewportSize(PHONE);
	await page.goto(`${BASE}/p/report`);
	await page.locator('h1', { hasText: '网上举报' }).waitFor();
	assert(await nav().count() === 0, 'the staff navigation is on the public page');
	await fitsPhone('the report form');
}, 'public-form');

await step('an anonymous report gives a 16-digit query code, shown once', async () => {
	// a file past the limit (4 MB by default) is said at once, by the field
	const files = page.getByLabel('附件（可选）');
	await files.setInputFiles({ name: '大.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(5 << 20, 37) });
	assert((await files.evaluate((el) => el.validationMessage)).includes('超过 4.0 MB'), 'no message for a big file');
	code = await reportAnonymously(BASE, TEXT, {
		name: '票据.pdf', mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4\n% ZQX browser walk\n%%EOF\n'),
	});
	await fitsPhone('the code page');
}, 'public-code');

await step('the clerk finds it as 网络举报, the text escaped, the PDF a download, and replies', async () => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await login('clerk');
	await openOnlineReport(TEXT);
	assert(await page.locator('#attachments a[href^="/attachments/"]', { hasText: '票据.pdf' }).count() === 1,
		'the PDF is not listed as a download');
	await page.getByLabel('答复内容').fill(REPLY);
	await Promise.all([page.waitForURL(/ok=saved/), page.getByRole('button', { name: '发送答复' }).click()]);
	assert((await page.locator('li.from-staff').innerText()).includes(REPLY), 'the reply is not listed');
}, 'public-staff-reply');

await step('signed out, on the phone, the code shows 已收到 and the reply', async () => {
	await Promise.all([page.waitForURL(`${BASE}/login`), page.getByRole('button', { name: '退出' }).click()]);
	await page.setViewportSize(PHONE);
	await page.goto(`${BASE}/p/query`);
	await page.getByLabel(/查询码/).fill(`${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8)}`);
	await powDone();
	await Promise.all([page.waitForURL(`${BASE}/p/query`), page.getByRole('button', { name: '查询' }).click()]);
	await page.locator('h1', { hasText: '办理情况' }).waitFor();
	assert(await page.getByText('已收到').count() === 1, 'no 已收到');
	assert((await page.locator('#public-answer').innerText()).includes(REPLY), 'the reply is not shown');
	await fitsPhone('the status page');
}, 'public-status');

await step('from the status page, a follow-up (补充说明) is sent', async () => {
	await sendFollowUp(BASE, '补充：另有票据可以提供。');
	await fitsPhone('the follow-up page');
}, 'public-follow-up');

await step('a wrong code, sent at once, is refused, saying so', async () => {
	await page.goto(`${BASE}/p/query`);
	const wrong = code.slice(0, 15) + String((Number(code[15]) + 1) % 10);
	await page.getByLabel(/查询码/).fill(wrong);
	// sent at once: when the proof of work is not found yet the form waits
	// for it and then goes by itself (assets/pow.js)
	expect.status = 404;
	await Promise.all([page.waitForURL(`${BASE}/p/query`), page.getByRole('button', { name: '查询' }).click()]);
	await page.getByText('查询码不正确').waitFor();
	expect.status = null;
}, 'public-wrong-code');

await finish(6);
