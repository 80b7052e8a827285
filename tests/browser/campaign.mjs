// campaign.mjs: special campaigns (专项整治, issue 14, camp14) in a real
// browser, through tests/browser/harness.mjs.  Run by tests/browser/run.sh
// on the server of the other walks (its staff: cm).
//
// The case manager creates a campaign on /campaigns and lands on its page,
// sets up a working group with an area and a member; a case filed outside
// the campaign (through the API, as a script would: the case manager
// proposes, the leader approves) is tagged to it with the case picker and
// counts as its 立案 figure; the case manager records money
// recovered for the campaign on /accountability (yuan typed with two
// decimals), and sees the figure on the campaign's page, linked to the
// ledger behind it; a third decimal is refused with the Chinese message.
// The campaign's page fits a phone-sized screen.

import {
	BASE, assert, expect, finish, fitsPhone, h1, login, page, PHONE, start, step,
} from './harness.mjs';

await start('campaign', 90);
const NAME = '浏览器测试种植补贴专项整治';
const SUBJECT = '欧阳补贴';
let campaignUrl = '';

// the API as the signed-in user: the answer's status and JSON body
async function api(method, path, data) {
	const me = await (await page.request.get(`${BASE}/api/me`)).json();
	const res = await page.request.fetch(`${BASE}${path}`, { method, headers: { 'X-CSRF-Token': me.csrf }, data });
	return { status: res.status(), body: await res.json().catch(() => null) };
}

async function decide(id, extra) {
	await login('lead');
	const r = await api('POST', `/api/dispositions/${id}/decision`, { approve: true, day: '2022-05-20', ...extra });
	assert(r.status === 200, `the leader's decision: ${r.status}`);
	await login('cm');
}

await step('the case manager creates a campaign and lands on its page', async () => {
	await login('cm');
	await page.goto(`${BASE}/campaigns`);
	await page.getByLabel('名称').fill(NAME);
	await page.getByLabel('开始日期').fill('2022-04-01');
	await page.getByLabel('结束日期').fill('2022-12-31');
	await page.getByLabel('工作方案').fill('重点对虚报种植面积套取补贴问题开展监督检查。');
	await Promise.all([page.waitForURL(/\/campaigns\/\d+\?ok=created$/), page.getByRole('button', { name: '保存' }).click()]);
	campaignUrl = page.url().replace(/\?.*$/, '');
	await h1().filter({ hasText: NAME }).waitFor();
	assert((await page.locator('main').innerText()).includes('已结束'), 'the state is not computed from the days');
}, 'campaign-create');

await step('a working group with its area and a member', async () => {
	await page.getByLabel('工作组名称').fill('第一专项工作组');
	await page.getByLabel('负责单位或区域').fill('柳溪镇');
	await page.getByLabel(/^成员/).fill('cm');
	await Promise.all([page.waitForURL(/\?ok=created$/), page.getByRole('button', { name: '成立' }).click()]);
	const row = page.getByRole('row', { name: /第一专项工作组/ });
	assert(await row.count() === 1, 'the group is not listed');
	assert((await row.innerText()).includes('柳溪镇'), 'the group\'s area is not shown');
	assert((await page.locator('main').innerText()).includes('专项工作组（1个）'), 'the groups are not counted');
}, 'campaign-group');

await step('a case filed outside the campaign is tagged to it with the case picker', async () => {
	const unit = await api('POST', '/api/units', { name: '浏览器测试农业局', kind: 'department' });
	const person = await api('POST', '/api/persons', { name: SUBJECT, unit_id: unit.body.id, rank: 'village' });
	const clue = await api('POST', '/api/clues', { received: '2022-05-02', source: 'report',
		summary: '反映其虚报种植面积', subjects: [person.body.id] });
	assert(clue.status === 201, `POST /api/clues: ${clue.status}`);
	let d = await api('POST', `/api/clues/${clue.body.id}/dispositions`, { method: 'preliminary_verification', reason: '拟初核' });
	await decide(d.body.id, {});
	d = await api('POST', `/api/clues/${clue.body.id}/dispositions`, { method: 'file_case', reason: '拟立案' });
	await decide(d.body.id, { filing: { case_type: 'discipline', organ_kind: 'office', organ_name: '第一审查调查室',
		categories: ['integrity'], committee_by: '县委书记', committee_day: '2022-05-20' } });
	await page.goto(campaignUrl);
	assert(await page.locator('tr[data-key="cases_filed"] a').innerText() === '0', 'a case counted before it was tagged');
	const pick = page.locator('input[name="case_id_q"]');
	await pick.pressSequentially(SUBJECT.slice(0, 3), { delay: 60 });
	const opt = page.getByRole('option', { name: new RegExp(SUBJECT) });
	await opt.first().waitFor();
	await opt.first().click();
	await Promise.all([page.waitForURL(/\?ok=saved$/), page.getByRole('button', { name: '纳入本专项整治' }).click()]);
	const filed = page.locator('tr[data-key="cases_filed"] a');
	assert(await filed.innerText() === '1', `the campaign's 立案 figure reads ${await filed.innerText()}`);
	await Promise.all([page.waitForURL(/\/cases\?/), filed.click()]);
	assert((await page.locator('main').innerText()).includes(SUBJECT), 'the case is not in the list behind the figure');
}, 'campaign-case');

await step('money recovered for the campaign, typed in yuan', async () => {
	await page.goto(`${BASE}/accountability`);
	const form = page.locator('form[action="/recoveries"]');
	await form.getByLabel('日期').fill('2022-10-08');
	await form.getByLabel(/^金额/).fill('1234.567');
	await form.getByLabel('类别').selectOption('recovered');
	await form.getByLabel('专项整治').selectOption({ label: NAME });
	expect.status = 422;       /* the form sent back with the error */
	await form.getByRole('button', { name: '保存' }).click();
	await page.getByText('金额最多两位小数').first().waitFor();
	expect.status = null;
	const again = page.locator('form[action="/recoveries"]');
	await again.getByLabel(/^金额/).fill('1234.56');
	await again.getByLabel('日期').fill('2022-10-08');
	await again.getByLabel('类别').selectOption('recovered');
	await again.getByLabel('专项整治').selectOption({ label: NAME });
	await Promise.all([page.waitForURL(/ok=created/), again.getByRole('button', { name: '保存' }).click()]);
}, 'campaign-money');

await step('the campaign\'s page shows the figure, linked to its ledger', async () => {
	await page.goto(campaignUrl);
	const link = page.locator('tr[data-key="recovered"] a');
	assert(await link.count() === 1, 'no linked 挽回经济损失 figure');
	assert((await link.innerText()).includes('1,234.56'), 'the figure is not the money recorded');
	await Promise.all([page.waitForURL(/\/accountability\?/), link.click()]);
	assert((await page.locator('main').innerText()).includes('1,234.56'), 'the ledger behind the figure lacks it');
}, 'campaign-figure');

await step('the campaign\'s page on a phone', async () => {
	await page.setViewportSize(PHONE);
	await page.goto(campaignUrl);
	await h1().filter({ hasText: NAME }).waitFor();
	await fitsPhone('the campaign page');
}, 'campaign-phone');

await finish(6);
