// targets.mjs: work reminders and the scoreboard (issue 14) in a real browser,
// through tests/browser/harness.mjs.  Run by tests/browser/run.sh on the
// server of the other walks (its staff: cm, sup of 第一监督检查室, lead).
//
// The case manager issues a reminder to the first supervision office; its
// number is drawn (〔年〕第N期).  The supervisor finds it among his to-dos,
// opens it and acknowledges it; it leaves his home page, and the issuer
// sees 已阅 1 / 共 1.  The case manager sets a criterion and a score for
// 2022's first quarter; the leader publishes the scoreboard; the supervisor
// reads it on a phone-sized page that fits the screen.

import {
	BASE, assert, finish, fitsPhone, h1, login, page, PHONE, start, step,
} from './harness.mjs';

await start('targets', 90);
const TITLE = '浏览器测试工作提示';
let reminderUrl = '';

await step('the case manager issues a reminder to an office: it is numbered', async () => {
	await login('cm');
	await page.goto(`${BASE}/reminders/new`);
	await page.getByLabel('类别').selectOption('recent');
	await page.getByLabel('标题').fill(TITLE);
	await page.getByLabel('提示内容').fill('请于本周五前报送整改进展。');
	await page.getByRole('checkbox', { name: '第一监督检查室', exact: true }).check();
	await Promise.all([page.waitForURL(/\/reminders\/\d+\?ok=created$/), page.getByRole('button', { name: '印发' }).click()]);
	reminderUrl = page.url().replace(/\?.*$/, '');
	await h1().filter({ hasText: TITLE }).waitFor();
	const text = await page.locator('main').innerText();
	assert(/〔\d{4}〕第\d+期/.test(text), 'no number 〔年〕第N期 on the reminder');
	assert(text.includes('已阅 0 / 共 1'), 'the issuer does not see the acknowledgements');
}, 'targets-issue');

await step('the recipient finds it on his home page and acknowledges it', async () => {
	await login('sup');
	const link = page.getByRole('link', { name: new RegExp(TITLE) });
	assert(await link.count() > 0, 'the reminder is not on the recipient\'s home page');
	await Promise.all([page.waitForURL(/\/reminders\/\d+$/), link.first().click()]);
	await Promise.all([page.waitForURL(/\?ok=done$/), page.getByRole('button', { name: '已阅' }).click()]);
	assert(await page.getByText('您已阅').count() === 1, 'no word that it is acknowledged');
	await page.goto(`${BASE}/`);
	await h1().filter({ hasText: '工作台' }).waitFor();
	assert(await page.getByRole('link', { name: new RegExp(TITLE) }).count() === 0,
		'the acknowledged reminder is still on the home page');
}, 'targets-ack');

await step('the issuer sees who has acknowledged', async () => {
	await login('cm');
	await page.goto(reminderUrl);
	assert((await page.locator('main').innerText()).includes('已阅 1 / 共 1'), 'the ack is not counted');
}, 'targets-acked');

await step('the scorers enter a quarter and the leader publishes it', async () => {
	await page.goto(`${BASE}/scores/sheet?year=2022&quarter=1`);
	await page.getByLabel('考核项目').fill('工作推进');
	await page.getByLabel('分值').fill('40');
	await Promise.all([page.waitForURL(/ok=saved/), page.getByRole('button', { name: '新增考核项目' }).click()]);
	await page.getByLabel('第一监督检查室 工作推进').fill('38.5');
	await Promise.all([page.waitForURL(/ok=saved/), page.getByRole('button', { name: '保存得分' }).click()]);
	await login('sup');
	await page.goto(`${BASE}/scores?year=2022&quarter=1`);
	assert(await page.getByText('本期考核成绩单尚未发布').count() === 1, 'staff see the scoreboard before it is published');
	await login('lead');
	await page.goto(`${BASE}/scores?year=2022&quarter=1`);
	await Promise.all([page.waitForURL(/ok=done/), page.getByRole('button', { name: /发布成绩单/ }).click()]);
}, 'targets-publish');

await step('the published scoreboard on a phone', async () => {
	await login('sup');
	await page.setViewportSize(PHONE);
	await page.goto(`${BASE}/scores?year=2022&quarter=1`);
	await h1().filter({ hasText: '成绩单' }).waitFor();
	assert(await page.getByRole('cell', { name: '38.5' }).count() > 0, 'the score is not on the scoreboard');
	await fitsPhone('the scoreboard');
}, 'targets-phone');

await finish(5);
