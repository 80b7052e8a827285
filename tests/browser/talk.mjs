// talk.mjs: daily supervision's talks and personal matter reports in a real
// browser (issue 15).  Run by tests/browser/run.sh (WALKS="talk"); the
// persons are put in the rectify walk's unit 整改示范局 (run.sh makes it).
//
// The case manager records three pre-appointment talks at once (quick
// entry: one kind and day, the persons picked one after another), a
// reminder talk, and records it as first-form treatment (谈话提醒) with one
// click: the talk's page links the outcome, whose page names the talk as
// its matter.  On a phone, a wedding reported 31 days after the event is
// recorded: its page shows the due day and 逾期报告 and fits the screen; the
// check (已核查) closes it.  Still on the phone, 编辑 corrects the event day
// to 2022-06-02 (the 30th day a Saturday, due Monday 2022-07-04): saved
// with a blank reason the form comes back with the message beside the field
// and nothing written; with one the page shows the new due day, no 逾期报告,
// and the correction on its timeline.  The reminder talk's note is then
// corrected the same way on the phone.

import { BASE, PHONE, assert, expect, finish, fitsPhone, h1, login, page, sqlOf, start, step } from './harness.mjs';

await start('talk', 90);

const NAMES = ['谈甲科长', '谈乙科长', '谈丙科长'];
const unit = sqlOf('intranet', "SELECT id FROM units WHERE name = '整改示范局'");
for (const n of NAMES)
	sqlOf('intranet', `INSERT INTO persons(region, unit_id, name, position, rank, created_at, updated_at) ` +
		`VALUES ('230100', ${unit}, '${n}', '科长', 'section', 0, 0)`);
const main = () => page.locator('main');

// the persons' picker: type the name, choose the suggestion
async function pick(label, name) {
	await page.getByLabel(label).pressSequentially(name, { delay: 40 });
	await page.getByRole('option', { name: new RegExp(`^${name}（`) }).first().click();
}

await step('the case manager records three pre-appointment talks at once', async () => {
	await login('cm');
	await page.goto(`${BASE}/talks/new`);
	await page.getByLabel('谈话类别').selectOption({ label: '任前廉政谈话' });
	await page.getByLabel('谈话日期').fill('2022-03-15');
	for (const n of NAMES)
		await pick('谈话对象', n);
	await page.getByLabel('谈话情况').fill('提出廉洁从政要求');
	await Promise.all([page.waitForURL(/\/talks\?ok=created/), page.getByRole('button', { name: '保存' }).click()]);
	const rows = page.locator('table.list tbody tr', { hasText: '任前廉政谈话' });
	assert(await rows.count() === 3, `${await rows.count()} rows of 任前廉政谈话, not 3`);
}, 'talk-batch');

let talk = '';
await step('a reminder talk recorded as first-form treatment with one click', async () => {
	await page.goto(`${BASE}/talks/new`);
	await page.getByLabel('谈话类别').selectOption({ label: '提醒谈话' });
	await page.getByLabel('谈话日期').fill('2022-05-20');
	await pick('谈话对象', NAMES[0]);
	await Promise.all([page.waitForURL(/\/talks\/\d+\?ok=created/), page.getByRole('button', { name: '保存' }).click()]);
	talk = new URL(page.url()).pathname;
	await Promise.all([page.waitForURL(/\?ok=done/), page.getByRole('button', { name: '记录处理结果' }).click()]);
	const link = main().getByRole('link', { name: /第一种形态/ });
	assert(await link.count() === 1, 'the talk does not link its outcome');
	await Promise.all([page.waitForURL(/\/outcomes\/\d+$/), link.click()]);
	assert(await main().getByRole('link', { name: /^谈话 \d+$/ }).count() === 1, 'the outcome does not name its talk');
	assert((await main().innerText()).includes('第一种形态'), 'the outcome is not first form');
}, 'talk-outcome');

await step('on a phone, a wedding reported late shows 逾期报告 and is checked', async () => {
	await page.setViewportSize(PHONE);
	await page.goto(`${BASE}/matter-reports/new`);
	await pick('报告人', NAMES[1]);
	await page.getByLabel('事项类别').selectOption({ label: '婚嫁' });
	await page.getByLabel('事项日期').fill('2022-06-01');
	await page.getByLabel('报告日期').fill('2022-07-02');
	await page.getByLabel('宾客人数').fill('80');
	await Promise.all([page.waitForURL(/\/matter-reports\/\d+\?ok=created/), page.getByRole('button', { name: '保存' }).click()]);
	const text = await main().innerText();
	assert(text.includes('2022-07-01') && text.includes('逾期报告'), 'the due day or 逾期报告 is not shown');
	await fitsPhone('the report page');
	await Promise.all([page.waitForURL(/\?ok=done/), page.getByRole('button', { name: '已核查，未发现问题' }).click()]);
	assert((await main().innerText()).includes('已核查'), 'the report is not 已核查');
	await h1().waitFor();
}, 'talk-report');

await step('on a phone, 编辑 corrects the report and the talk with a reason', async () => {
	const report = new URL(page.url()).pathname;
	await Promise.all([page.waitForURL(/\/edit$/), main().getByRole('link', { name: '编辑' }).click()]);
	await fitsPhone('the report edit form');
	await page.getByLabel('事项日期').fill('2022-06-02');
	await page.getByLabel('修改原因').fill('　');   // a full-width space passes the browser's check, not the server's
	expect.status = 422;       /* the form sent back with the error */
	await page.getByRole('button', { name: '保存修改' }).click();
	await page.locator('#e-reason').waitFor();
	expect.status = null;
	assert((await page.locator('#e-reason').innerText()).includes('请填写修改原因'), 'no message beside 修改原因');
	await page.getByLabel('修改原因').fill('事项日期登记错误');
	await Promise.all([page.waitForURL(/\/matter-reports\/\d+\?ok=saved/), page.getByRole('button', { name: '保存修改' }).click()]);
	assert(new URL(page.url()).pathname === report, 'not back on the report');
	const text = await main().innerText();
	assert(text.includes('2022-07-04') && await main().locator('.clock.overdue').count() === 0,
		'the due day is not 2022-07-04 on time');
	assert(text.includes('事项日期登记错误'), 'the correction is not on the timeline');
	await fitsPhone('the corrected report');
	await page.goto(`${BASE}${talk}/edit`);
	await fitsPhone('the talk edit form');
	await page.getByLabel('谈话情况').fill('补记：本人表示接受提醒');
	await page.getByLabel('修改原因').fill('补充谈话情况');
	await Promise.all([page.waitForURL(/\/talks\/\d+\?ok=saved/), page.getByRole('button', { name: '保存修改' }).click()]);
	const t = await main().innerText();
	assert(t.includes('补记：本人表示接受提醒') && t.includes('谈话情况：已修改'), 'the talk\'s note or its correction is not shown');
}, 'talk-edit');

await finish(4);
