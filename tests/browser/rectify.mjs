// rectify.mjs: the rectification ledger in a real browser (issue 14: "the
// unit's account on a phone uploads evidence, the supervising office
// confirms").  Run by tests/browser/run.sh, which makes the unit 整改示范局
// and its rectification account rect1 (role rectifier) before the server
// starts; before unitpick.mjs (the unit select must still be a select).
//
// The case manager registers a problem of 整改示范局 past its deadline.  On a
// phone, rect1 finds it among the home page's to-dos marked 逾期, opens it,
// starts the rectification with its measures, photographs the evidence into
// the 附件 section and asks to close it (申请销号); the page fits the
// screen.  The case manager confirms it (确认销号): the state, the confirmer
// and the timeline's four steps show on the page.

import { BASE, PHONE, assert, finish, fitsPhone, h1, login, page, png, start, step } from './harness.mjs';

await start('rectify', 90);

const SUMMARY = '窗口服务事项办理超时，群众多次往返';
let url = '';
const state = () => page.locator('.record').first();

await step('the case manager registers a problem of 整改示范局, past its deadline', async () => {
	await login('cm');
	await page.goto(`${BASE}/problems/new`);
	await page.getByLabel('整改单位').selectOption({ label: '整改示范局' });
	await page.getByLabel('问题来源').selectOption({ label: '明察暗访' });
	await page.getByLabel('问题描述').fill(SUMMARY);
	await page.getByLabel('发现日期').fill('2022-03-01');
	await page.getByLabel('整改时限').fill('2022-04-01');
	await Promise.all([page.waitForURL(/\/problems\/\d+\?ok=created/), page.getByRole('button', { name: '保存' }).click()]);
	url = new URL(page.url()).pathname;
	assert((await page.locator('main').innerText()).includes('逾期'), 'the new problem is not shown overdue');
}, 'rectify-added');

await step('on a phone, rect1 finds it among the home page\'s to-dos and opens it', async () => {
	await page.setViewportSize(PHONE);
	await login('rect1');
	const todo = page.locator(`main a[href="${url}"]`).first();
	await todo.waitFor();
	await Promise.all([page.waitForURL(`${BASE}${url}`), todo.click()]);
	assert((await page.locator('main').innerText()).includes(SUMMARY), 'the problem page lacks its summary');
	await fitsPhone('the problem page');
}, 'rectify-phone-open');

await step('rect1 starts the rectification with its measures', async () => {
	await page.getByLabel('整改措施').fill('调整窗口人员，实行一次性告知和限时办结');
	await Promise.all([page.waitForURL(/\?ok=done/), page.getByRole('button', { name: '开始整改' }).click()]);
	assert((await page.locator('main').innerText()).includes('整改中'), 'the state is not 整改中');
}, 'rectify-started');

await step('rect1 photographs the evidence into the 附件 section and asks to close it', async () => {
	const section = page.locator('section#attachments');
	await section.locator('input[type="file"]').setInputFiles({ name: '整改现场.png', mimeType: 'image/png', buffer: png(320, 240) });
	await Promise.all([page.waitForURL(/\?ok=/), section.getByRole('button', { name: '上传', exact: true }).click()]);
	assert(await page.locator('section#attachments tbody tr', { hasText: '整改现场.png' }).count() === 1, 'the evidence is not listed');
	await Promise.all([page.waitForURL(/\?ok=done/), page.getByRole('button', { name: '申请销号' }).click()]);
	assert((await page.locator('main').innerText()).includes('已整改（待确认）'), 'the state is not 已整改（待确认）');
	assert(await page.getByRole('button', { name: '确认销号' }).count() === 0, 'the unit is offered the confirmation');
	await fitsPhone('the problem page with its evidence');
}, 'rectify-applied');

await step('the case manager confirms it: the confirmer and the four steps show', async () => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await login('cm');
	await page.goto(`${BASE}${url}`);
	await page.getByLabel('确认意见').fill('佐证材料齐全，同意销号');
	await Promise.all([page.waitForURL(/\?ok=done/), page.getByRole('button', { name: '确认销号' }).click()]);
	const text = await page.locator('main').innerText();
	assert(text.includes('已整改（已确认）'), 'the state is not 已整改（已确认）');
	assert(!text.includes('逾期'), 'a confirmed problem still shows overdue');
	const steps = await page.locator('ol.timeline > li').count();
	assert(steps === 4, `the timeline holds ${steps} steps, not 4`);
	await h1().waitFor();
}, 'rectify-confirmed');

await finish(5);
