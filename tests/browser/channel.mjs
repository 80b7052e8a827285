// channel.mjs: the steps of the public channel (issue 13) that more than
// one walk takes (public.mjs, rate.mjs, ferry.mjs), on harness.mjs's
// current page.

import { BASE, assert, h1, page } from './harness.mjs';

// the page's script has found the proof of work of its form (assets/pow.js);
// a form sent earlier waits for it, but then the page would not change yet
export const powDone = () => page.locator('form[data-pow-done]').waitFor({ state: 'attached' });

// As a user who may add units (the case manager): a new department named
// `name`, and from its page its QR code page; the rating page's address
// (path or absolute, as the page links it).  The page stays on the QR page.
export async function newRatedUnit(name) {
	await page.goto(`${BASE}/units/new`);
	await page.getByLabel('单位名称').fill(name);
	await page.getByLabel('类别').selectOption('department');
	await Promise.all([page.waitForURL(/\/units\/\d+\?ok=saved$/), page.getByRole('button', { name: '保存' }).click()]);
	await page.getByRole('link', { name: '评价二维码与海报' }).click();
	await h1().filter({ hasText: '评价二维码' }).waitFor();
	const url = await page.locator('a[href*="/p/rate/"]').first().getAttribute('href');
	assert(/\/p\/rate\/[A-Za-z0-9_-]{43}$/.test(url), `the rating page is ${url}`);
	return url;
}

// On a report's status page (of the server at `base`): a follow-up (补充说明).
export async function sendFollowUp(base, text) {
	await page.getByLabel('补充说明').fill(text);
	await powDone();
	await Promise.all([page.waitForURL(`${base}/p/message`),
		page.getByRole('button', { name: '提交补充说明' }).click()]);
	await page.locator('#message-sent').waitFor();
}

// On the report form of the server at `base`: an anonymous report of
// `text` (about 张某 of 某镇政府) with `file` ({ name, mimeType, buffer })
// attached; the 16-digit query code the answer shows.
export async function reportAnonymously(base, text, file) {
	await page.getByLabel('被反映人姓名').fill('张某');
	await page.getByLabel('被反映人所在单位、职务').fill('某镇政府');
	await page.getByLabel('反映的主要问题').fill(text);
	await page.getByLabel('附件（可选）').setInputFiles(file);
	await powDone();
	assert(/^\d+$/.test(await page.locator('input[name="pow"]').inputValue()), 'no nonce found');
	await Promise.all([page.waitForURL(`${base}/p/report`), page.getByRole('button', { name: '提交举报' }).click()]);
	await h1().filter({ hasText: '举报已提交' }).waitFor();
	const code = (await page.locator('#query-code').innerText()).replace(/\s/g, '');
	assert(/^\d{16}$/.test(code), `the code is ${JSON.stringify(code)}`);
	return code;
}

// As the intake clerk (signed in): opens the newest online report from the
// registry and checks its text `text` is shown as text (no script element).
export async function openOnlineReport(text) {
	await page.goto(`${BASE}/reports?channel=online`);
	const link = page.locator('table a[href^="/reports/"]').filter({ hasText: /^\d+$/ }).first();
	await Promise.all([page.waitForURL(/\/reports\/\d+$/), link.click()]);
	await page.getByText('网络举报', { exact: true }).first().waitFor();
	assert(await page.getByText(text, { exact: false }).count() >= 1, 'the text is not shown as text');
	assert(await page.locator('main script').count() === 0, 'a script element in the page');
}
