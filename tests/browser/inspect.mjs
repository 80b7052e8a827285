// inspect.mjs: an inspection (巡察, issue 14) in a real browser, from its
// start to a finding rectified.  Run by tests/browser/run.sh, which makes
// the inspection office's insp1 (role inspection), the supervisor sup, the
// investigator inv1, the unit 整改示范局 and its rectification account rect1
// (the rectify walk's); before unitpick.mjs (the unit select must still be
// a select).
//
// insp1 finds 巡察 in the navigation, registers a round, an inspection of
// 整改示范局 led by sup, adds inv1 as a member lent from 第一审查调查室 and
// sets the feedback day (the report's due day shows with its clock); he
// records a finding (the problem form's fields) and transfers a clue (the
// clue form, the source fixed): the inspection page lists both, and the
// clue's page (the case manager's) names the inspection.  On a phone, rect1
// opens the finding, starts it, photographs the evidence and asks to close
// it; insp1 confirms it (the inspection office): the inspection page shows
// it rectified, and fits a 360 px screen.

import { BASE, PHONE, assert, finish, fitsPhone, h1, login, nav, page, path_, start, step } from './harness.mjs';
import { png } from './files.mjs';

await start('inspect', 120);

const UNIT = '整改示范局';
const PERSON = '巡察甲';
const FINDING = '“三重一大”事项未经集体研究决定';
const CLUE = '反映其在工程验收中收受施工方礼金';
const main = () => page.locator('main');
let inspection = '', problem = '', clue = '';

await step(`the case manager adds ${PERSON} of ${UNIT} (the API: the inspection office adds no persons)`, async () => {
	await login('cm');
	const me = await (await page.request.get(`${BASE}/api/me`)).json();
	const units = await (await page.request.get(`${BASE}/api/units?q=${encodeURIComponent(UNIT)}`)).json();
	const unit = (units.items || units).find((u) => u.name === UNIT);
	assert(unit, `${UNIT} is not found`);
	const res = await page.request.post(`${BASE}/api/persons`, { headers: { 'X-CSRF-Token': me.csrf },
		data: { name: PERSON, unit_id: unit.id, rank: 'section' } });
	assert(res.status() === 201, `POST /api/persons: ${res.status()}`);
});

await step('insp1 opens 巡察 from the navigation and registers a round', async () => {
	await login('insp1');
	await Promise.all([page.waitForURL(`${BASE}/inspections`), nav().getByRole('link', { name: '巡察' }).click()]);
	await page.getByLabel('年度').fill('2026');
	await page.getByLabel('轮次（第几轮）').fill('1');
	await page.getByLabel('名称').fill('2026年走查巡察');
	await page.getByLabel('开始日期').fill('2026-09-01');
	await Promise.all([page.waitForURL(/\/inspection-rounds\/\d+\?ok=created/), page.getByRole('button', { name: '登记轮次' }).click()]);
	await h1().filter({ hasText: '2026年走查巡察' }).waitFor();
}, 'inspect-round');

await step(`insp1 registers the inspection of ${UNIT}, led by sup`, async () => {
	await page.getByLabel('被巡察党组织').selectOption({ label: UNIT });
	await page.getByLabel('巡察类型').selectOption({ label: '常规巡察' });
	await page.getByLabel('巡察组').fill('走查巡察组');
	await page.getByLabel('组长').selectOption({ label: '孙监督（监督检查室）' });
	await page.getByLabel('进驻日期').fill('2026-09-10');
	await Promise.all([page.waitForURL(/\/inspections\/\d+\?ok=created/), page.getByRole('button', { name: '登记巡察' }).click()]);
	inspection = path_();
	await h1().filter({ hasText: `走查巡察组：${UNIT}` }).waitFor();
	assert((await main().innerText()).includes('孙监督'), 'the leader is not among the members');
}, 'inspect-inspection');

await step('insp1 adds inv1, lent from 第一审查调查室, and sets the feedback day', async () => {
	await page.getByLabel('成员').selectOption({ label: '刘明（审查调查室）' });
	await page.getByLabel(/派出单位/).fill('市纪委监委第一审查调查室');
	await Promise.all([page.waitForURL(/\?ok=saved/), page.getByRole('button', { name: '增加成员' }).click()]);
	assert((await main().innerText()).includes('市纪委监委第一审查调查室'), 'the lent member\'s office is not shown');
	await page.getByLabel(/反馈日期/).fill('2026-11-20');
	await Promise.all([page.waitForURL(/\?ok=saved/), page.getByRole('button', { name: '保存反馈日期' }).click()]);
	const text = await main().innerText();
	assert(text.includes('2027-01-20'), 'the report\'s due day (2 months after the feedback) is not shown');
	assert(await page.locator('main .clock').count() > 0, 'the report\'s clock badge is not shown');
}, 'inspect-members');

await step('insp1 records a finding with the problem form\'s fields', async () => {
	await Promise.all([page.waitForURL(/\/findings\/new$/), page.getByRole('link', { name: '登记发现问题' }).click()]);
	assert(await page.getByLabel(/整改单位/).inputValue() !== '', 'the inspected unit is not preselected');
	await page.getByLabel('问题描述').fill(FINDING);
	await page.getByLabel('发现日期').fill('2026-10-10');
	await page.getByLabel('整改时限').fill('2027-01-31');
	await Promise.all([page.waitForURL(/\/problems\/\d+\?ok=created/), page.getByRole('button', { name: '保存' }).click()]);
	problem = path_();
	assert(await main().locator(`a[href="${inspection}"]`).count() > 0, 'the problem does not link its inspection');
}, 'inspect-finding');

await step('insp1 transfers a clue (移交问题线索): the clue form without a source field', async () => {
	await page.goto(`${BASE}${inspection}`);
	await Promise.all([page.waitForURL(/\/clues\/new$/), page.getByRole('link', { name: '移交问题线索' }).click()]);
	assert(await page.locator('select[name="source"]').count() === 0, 'the clue form asks for a source');
	await page.getByLabel('受理日期').fill('2026-10-20');
	await page.getByLabel(/被反映人/).pressSequentially(PERSON, { delay: 50 });
	await page.getByRole('option', { name: new RegExp(`^${PERSON}（`) }).click();
	await page.getByLabel('反映的主要问题').fill(CLUE);
	await Promise.all([page.waitForURL(/\/inspections\/\d+\?ok=created/), page.getByRole('button', { name: '保存' }).click()]);
	const link = main().locator('a[href^="/clues/"]').first();
	clue = await link.getAttribute('href');
	const text = await main().innerText();
	assert(text.includes(FINDING), 'the inspection page does not list the finding');
	assert(clue, 'the inspection page does not list the clue');
}, 'inspect-clue');

await step('the clue\'s page (the case manager\'s) names the inspection', async () => {
	await login('cm');
	await page.goto(`${BASE}${clue}`);
	assert(await main().locator(`a[href="${inspection}"]`).count() > 0, 'the clue does not link its inspection');
	assert((await main().innerText()).includes(CLUE), 'the clue page lacks its summary');
}, 'inspect-clue-page');

await step('on a phone, rect1 starts the finding, photographs the evidence and asks to close it', async () => {
	await page.setViewportSize(PHONE);
	await login('rect1');
	await page.goto(`${BASE}${problem}`);
	await page.getByLabel('整改措施').fill('重新修订议事规则，重大事项一律集体研究');
	await Promise.all([page.waitForURL(/\?ok=done/), page.getByRole('button', { name: '开始整改' }).click()]);
	const section = page.locator('section#attachments');
	await section.locator('input[type="file"]').setInputFiles({ name: '议事规则.png', mimeType: 'image/png', buffer: png(320, 240) });
	await Promise.all([page.waitForURL(/\?ok=/), section.getByRole('button', { name: '上传', exact: true }).click()]);
	assert(await page.locator('section#attachments tbody tr', { hasText: '议事规则.png' }).count() === 1, 'the evidence is not listed');
	await Promise.all([page.waitForURL(/\?ok=done/), page.getByRole('button', { name: '申请销号' }).click()]);
	assert((await main().innerText()).includes('已整改（待确认）'), 'the state is not 已整改（待确认）');
	await fitsPhone('the finding with its evidence');
}, 'inspect-rectified');

await step('insp1 (the inspection office) confirms it: the inspection page shows it rectified', async () => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await login('insp1');
	await page.goto(`${BASE}${problem}`);
	await page.getByLabel('确认意见').fill('佐证材料齐全，同意销号');
	await Promise.all([page.waitForURL(/\?ok=done/), page.getByRole('button', { name: '确认销号' }).click()]);
	assert((await main().innerText()).includes('已整改（已确认）'), 'the state is not 已整改（已确认）');
	await page.goto(`${BASE}${inspection}`);
	const row = main().locator('tr', { hasText: FINDING });
	assert((await row.innerText()).includes('已确认'), 'the inspection page does not show the finding confirmed');
}, 'inspect-confirmed');

await step('the inspection page fits a 360 px screen', async () => {
	await page.setViewportSize(PHONE);
	await page.goto(`${BASE}${inspection}`);
	await h1().waitFor();
	await fitsPhone('the inspection page');
}, 'inspect-phone');

await finish(8);
