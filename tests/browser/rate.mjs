// rate.mjs: "码上问效" (issue 13) in a real browser on a phone-sized page,
// through tests/browser/harness.mjs.  Run by tests/browser/run.sh on the
// server of the other walks.
//
// As the case manager: a new unit's page links to its QR code, whose page
// shows the SVG and the rating page's address.  Then, without any cookie,
// at 360 px: the rating page fits the screen, has no navigation; two stars,
// a comment and a letter are sent; the receipt shows the follow-up and the
// letter's codes and what happens next, and fits the screen; the letter's
// code opens its state on /p/letter.  Back as the case manager, the bad
// review is listed with its clocks.

import {
	BASE, assert, finish, fitsPhone, h1, login, nav, page, PHONE, shot, start, step,
} from './harness.mjs';
import { newRatedUnit } from './channel.mjs';

await start('rate', 90);
const UNIT = '扫码评价测试局';
let rateUrl = '';
let letterCode = '';

await step('a unit\'s page leads to its QR code and rating page', async () => {
	await login('cm');
	rateUrl = await newRatedUnit(UNIT);
	assert(await page.locator('div.qr svg').count() === 1, 'no QR code on the page');
}, 'rate-qr');

await step('the citizen\'s page fits a phone, without navigation', async () => {
	await page.context().clearCookies();
	await page.setViewportSize(PHONE);
	await page.goto(rateUrl.startsWith('http') ? rateUrl : `${BASE}${rateUrl}`);
	await h1().filter({ hasText: UNIT }).waitFor();
	assert(await nav().count() === 0, 'the staff navigation is on the citizen\'s page');
	await fitsPhone('the rating page');
}, 'rate-form');

await step('two stars with a letter: the receipt gives the codes and what happens next', async () => {
	await page.getByLabel('2星 不满意').check();
	await page.getByLabel('评价意见（可不填）').fill('窗口排队太久');
	await page.getByLabel('信件内容').fill('希望增加周末窗口');
	await page.getByRole('button', { name: '提交' }).click();
	await h1().filter({ hasText: '提交成功' }).waitFor();
	const codes = await page.locator('p.code').allTextContents();
	assert(codes.length === 2 && codes.every((c) => /^\d{4} \d{4} \d{4} \d{4}$/.test(c)), `the codes are ${codes}`);
	letterCode = codes[1];
	assert(await page.getByText('1个工作日内').count() > 0, 'no word of the call-back');
	await fitsPhone('the receipt');
}, 'rate-receipt');

await step('the letter\'s code shows its state', async () => {
	await page.goto(`${BASE}/p/letter`);
	await page.getByLabel('查询码（16位数字）').fill(letterCode);
	await page.getByRole('button', { name: '查询' }).click();
	await page.getByText('待受理').waitFor();
	await fitsPhone('the letter\'s state');
}, 'rate-letter');

await step('the case manager sees the bad review with its clocks', async () => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await login('cm');
	await page.goto(`${BASE}/ratings/bad`);
	await h1().filter({ hasText: '差评办理' }).waitFor();
	const row = page.locator('tr', { hasText: UNIT });
	assert(await row.count() === 1, `${await row.count()} rows of ${UNIT}`);
	assert(await row.locator('.clock').count() === 2, 'the row has not its two clocks');
}, 'rate-staff');

await finish(5);
