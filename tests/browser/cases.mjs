// cases.mjs: a report's way to an outcome in a real browser, each step by
// the role that takes it, through the pages only (labels, buttons, links),
// via tests/browser/harness.mjs.  Run by tests/browser/run.sh after
// walk.mjs, on the same server; run.sh creates the staff:
//   lead   委领导 王书记 (the principal leader)   judge  案件审理室 陈静
//   inv1   审查调查室 刘明 (第一审查调查室)         inv2   审查调查室 赵强 (not on the team)
//
// clerk registers a real-name report naming 李四, accepts it and turns it
// into a problem clue; cm proposes 初步核实, the leader approves it; cm
// proposes 立案审查调查 (filing follows a verification: issue 10, 监督执纪工作
// 规则 art. 38); the leader, the principal leader, approves it from his
// 工作台 with the filing record (type, organ, categories, the party
// committee principal's approval); inv2 declares that he is a near relative of the subject (a
// statutory recusal ground); cm forms the team (inv1 主办, judge 审理): inv2
// is refused as 审理 (trial members come from the trial office, never from
// the investigation) and as 协办 (recusal, no override); inv2 gets 404 for
// the case; inv1 detains the subject with the level above's approval (the
// 24-hour notice clock shows overdue) and releases him; the judge accepts
// the case for trial review, closes it and records 记过; the outcome shows
// 第二种形态 and its influence period, which the person's page shows running.

import { readFileSync } from 'node:fs';

import {
	BASE, assert, expect, finish, h1, login, nav, page, path_, shot, start, step,
} from './harness.mjs';

const UNIT = '市农业农村局';       // walk.mjs made both; made here when missing
const PERSON = '李四';
const POSITION = '局长';
const REPORTER = '王五';
const CONTACT = '13800000000';
const LEAD = '刘明', JUDGE = '陈静', LEADER = '王书记', INV2 = '赵强';

// Days as the server counts them (China Standard Time), relative to today.
const DAY_MS = 86_400_000;
const cst = new Date(Date.now() + 8 * 3600_000);
const today = Date.UTC(cst.getUTCFullYear(), cst.getUTCMonth(), cst.getUTCDate());
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const ago = (n) => iso(today - n * DAY_MS);
// A calendar month later, clamped to the month's end (2022-01-31 + 1 = 2022-02-28).
function addMonths(day, n) {
	const [y, m, d] = day.split('-').map(Number);
	const first = new Date(Date.UTC(y, m - 1 + n, 1));
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	return iso(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
}
// The working-day calendar the server loads (data/cn-holidays.csv): a day
// listed with off_day 1 is a holiday, 0 a weekend day made a working day.
const OFF = new Map(readFileSync(new URL('../../data/cn-holidays.csv', import.meta.url), 'utf8')
	.split('\n').filter((l) => /^\d{4}-/.test(l)).map((l) => l.split(',')).map(([d, off]) => [d, off === '1']));
const isRest = (day) => OFF.has(day) ? OFF.get(day) : [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
// A calendar-day or month limit that ends on a rest day moves to the next
// working day (Civil Code art. 203; detention excepted).
function restDayForward(day) {
	let t = Date.parse(`${day}T00:00:00Z`);
	while (isRest(iso(t)))
		t += DAY_MS;
	return iso(t);
}
const D = {
	received: ago(40), accepted: ago(39), clue: ago(38), verified: ago(35), filed: ago(30),
	approved: ago(29), detained: ago(28), released: ago(12), trial: ago(8), closed: ago(2), outcome: ago(3),
};

await start('cases', 120);

// The form below a heading (the pages put each form right after its h2/h3).
const formUnder = (title) => page.locator(`:is(h2, h3):text-is("${title}") + form`);
// The value beside a label in a record (<dl class="record">).
const dd = (label) => page.locator('dl.record dt', { hasText: new RegExp(`^${label}$`) })
	.locator('xpath=following-sibling::dd[1]');
const text = async (loc) => (await loc.textContent()).replace(/\s+/g, ' ').trim();
// Submits by the button and waits for the page the server redirects to.
async function submit(button, url) {
	await Promise.all([page.waitForURL(url), button.click()]);
	await page.waitForLoadState();
}

// ---- 1. the person named in the report ------------------------------------------------
await step(`cm finds ${PERSON} of ${UNIT} among the persons (adds them when missing)`, async () => {
	await login('cm');
	await nav().getByRole('link', { name: '监督对象' }).click();
	await page.getByLabel('姓名或职务').fill(PERSON);
	await submit(page.getByRole('button', { name: '查询' }), /\/persons\?/);
	if (await page.locator('table.list tbody tr', { hasText: PERSON }).count() === 0) {
		await nav().getByRole('link', { name: '单位管理' }).click();
		await page.getByRole('link', { name: '新增单位' }).click();
		await page.getByLabel('单位名称').fill(UNIT);
		await page.getByLabel('类别').selectOption({ label: '市直部门' });
		await submit(page.getByRole('button', { name: '保存' }), /\/units\/\d+\?ok=saved$/);
		await nav().getByRole('link', { name: '监督对象' }).click();
		await page.getByRole('link', { name: '新增监督对象' }).click();
		await page.getByLabel('姓名').fill(PERSON);
		await page.getByLabel('所在单位').pressSequentially(UNIT, { delay: 30 });   // the picker (issue 12)
		await page.getByRole('option', { name: new RegExp(`^${UNIT}`) }).first().click();
		await page.getByLabel('职务').fill(POSITION);
		await page.getByLabel('职级').selectOption({ label: '科级' });
		await submit(page.getByRole('button', { name: '保存' }), /\/persons\/\d+\?ok=saved$/);
		await nav().getByRole('link', { name: '监督对象' }).click();
		await page.getByLabel('姓名或职务').fill(PERSON);
		await submit(page.getByRole('button', { name: '查询' }), /\/persons\?/);
	}
	const row = page.locator('table.list tbody tr', { hasText: PERSON });
	assert(await row.count() === 1, `${await row.count()} rows for ${PERSON}`);
	assert((await text(row)).includes(UNIT), `the row reads "${await text(row)}"`);
});

// ---- 2. the intake office: report, acceptance, clue --------------------------------------
let reportId = null;
await step('clerk registers a real-name report (信访举报) naming the person', async () => {
	await login('clerk');
	await nav().getByRole('link', { name: '信访举报' }).click();
	await page.getByRole('link', { name: '登记信访举报' }).click();
	await h1().filter({ hasText: '登记信访举报' }).waitFor();
	await page.getByLabel('收到日期').fill(D.received);
	await page.getByLabel('举报渠道').selectOption({ label: '来信' });
	await page.getByLabel('举报类别').selectOption({ label: '检举控告' });
	await page.getByLabel('办理依据').selectOption({ label: '检举控告' });
	await page.getByLabel('实名举报').check();
	await page.getByLabel('举报人姓名').fill(REPORTER);
	await page.getByLabel('联系方式').fill(CONTACT);
	// the persons' picker (issue 12): type the name, choose the suggestion
	await page.getByLabel('被反映人').pressSequentially(PERSON, { delay: 50 });
	await page.getByRole('option', { name: new RegExp(`^${PERSON}（`) }).click();
	await page.getByLabel('反映的主要问题').fill('反映其在项目验收中收受管理服务对象礼金。');
	await shot('report-form');
	await submit(page.getByRole('button', { name: '保存' }), /\/reports\/\d+\?ok=created$/);
	reportId = path_().split('/')[2];
	await h1().filter({ hasText: `信访举报 ${reportId}` }).waitFor();
	const want = { 举报人: REPORTER, 联系方式: CONTACT, 被反映人: PERSON, 所属单位: UNIT, 收到日期: D.received };
	for (const [k, v] of Object.entries(want))
		assert(await text(dd(k)) === v, `${k} shows "${await text(dd(k))}", want "${v}"`);
	assert(await text(page.locator('.record-head .state')) === '待受理', 'the report is not 待受理');
}, 'report');

await step('clerk accepts it (受理) and registers it as a problem clue', async () => {
	const decision = formUnder('受理决定');
	await decision.getByLabel('日期').fill(D.accepted);
	await submit(decision.getByRole('button', { name: '受理', exact: true }), /\?ok=done$/);
	assert(await text(page.locator('.record-head .state')) === '已受理', 'the report is not 已受理');
	assert((await text(dd('受理决定'))).startsWith(D.accepted), `受理决定 shows "${await text(dd('受理决定'))}"`);
	const toClue = formUnder('转为问题线索');
	await toClue.getByLabel('线索受理日期').fill(D.clue);
	const [resp] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/reports/${reportId}/clue`)),
		toClue.getByRole('button', { name: '登记为问题线索' }).click(),
	]);
	await page.waitForLoadState();
	if (resp.status() === 409) {   // the person has an open clue already: confirm it is another matter
		const again = formUnder('转为问题线索');
		await again.getByRole('alert').filter({ hasText: PERSON }).waitFor();
		await again.getByLabel('线索受理日期').fill(D.clue);
		await again.getByLabel('确认登记').check();
		await submit(again.getByRole('button', { name: '登记为问题线索' }), /\?ok=done$/);
	}
	assert(/\?ok=done$/.test(page.url()), `the clue was not registered (at ${page.url()}, ${resp.status()})`);
	assert(/^问题线索 \d+$/.test(await text(dd('问题线索'))), `问题线索 shows "${await text(dd('问题线索'))}"`);
	assert(await formUnder('转为问题线索').count() === 0, 'the report may be turned into a clue twice');
}, 'report-accepted');

// ---- 3. the case manager proposes filing; the leader approves -------------------------------
let clueId = null;
await step('cm finds the clue in the registry, proposes 初步核实, sees the reporter hidden', async () => {
	await login('cm');
	await nav().getByRole('link', { name: '问题线索' }).click();
	await page.getByLabel('被反映人').fill(PERSON);
	await submit(page.getByRole('button', { name: '查询' }), /\/clues\?/);
	const row = page.locator('table.list tbody tr', { hasText: D.clue });
	assert(await row.count() === 1, `${await row.count()} clues of ${PERSON} received ${D.clue}`);
	const cells = (await row.locator('td:not(.pick)').allTextContents()).map((s) => s.trim());
	assert(cells[2] === PERSON && cells[3] === UNIT && cells[4] === '信访举报' && cells[5] === '待处置',
		`the row reads ${JSON.stringify(cells)}`);
	await shot('clue-list');
	await row.getByRole('link').first().click();
	await page.waitForURL(/\/clues\/\d+$/);
	clueId = path_().split('/')[2];
	const propose = formUnder('提出处置意见');
	assert(!(await propose.getByLabel('处置方式').textContent()).includes('立案审查调查'),
		'filing is offered before a preliminary verification');
	await propose.getByLabel('处置方式').selectOption({ label: '初步核实' });
	await propose.getByLabel('处置理由').fill('反映问题具体，拟初步核实。');
	await submit(propose.getByRole('button', { name: '提交审批' }), /\?ok=saved$/);
	const disp = page.locator('table.list tbody tr', { hasText: '初步核实' });
	assert((await text(disp)).includes('待审批'), `the disposition reads "${await text(disp)}"`);
	assert(await formUnder('审批处置意见').count() === 0, 'the case manager is offered the approval');
	// the report, as the case manager sees it: the reporter's identity is not his to see
	await nav().getByRole('link', { name: '信访举报' }).click();
	await page.locator('table.list tbody tr').getByRole('link', { name: reportId, exact: true }).click();
	await page.waitForURL(`${BASE}/reports/${reportId}`);
	const who = await text(dd('举报人'));
	assert(who !== REPORTER && who.includes('身份信息仅限'), `举报人 shows "${who}" to the case manager`);
	assert(!(await page.content()).includes(CONTACT), 'the contact is shown to the case manager');
}, 'report-as-cm');

await step('the leader approves the verification; cm then proposes 立案审查调查', async () => {
	await login('lead');
	await page.goto(`${BASE}/clues/${clueId}`);
	const decide = formUnder('审批处置意见');
	await decide.getByLabel('审批日期').fill(D.verified);
	await submit(decide.getByRole('button', { name: '批准' }), /\?ok=done$/);
	assert(await text(page.locator('.record-head .state')) === '初步核实中', 'the clue is not 初步核实中');
	await login('cm');
	await page.goto(`${BASE}/clues/${clueId}`);
	const propose = formUnder('提出处置意见');
	await propose.getByLabel('处置方式').selectOption({ label: '立案审查调查' });
	await propose.getByLabel('处置理由').fill('初步核实发现其违规收受礼金，拟立案审查调查。');
	await submit(propose.getByRole('button', { name: '提交审批' }), /\?ok=saved$/);
	const disp = page.locator('table.list tbody tr', { hasText: '立案审查调查' });
	assert((await text(disp)).includes('待审批'), `the disposition reads "${await text(disp)}"`);
}, 'clue-verified');

let caseId = null;
await step('the leader finds the approval on his 工作台 and approves filing: a case exists', async () => {
	await login('lead');
	const todo = page.locator('table.list tbody tr', { hasText: '处置意见待审批：立案审查调查' });
	assert(await todo.count() === 1, `${await todo.count()} approvals waiting on the leader's 工作台`);
	await shot('leader-home');
	await todo.getByRole('link', { name: new RegExp(`问题线索 ${clueId}`) }).click();
	await page.waitForURL(`${BASE}/clues/${clueId}`);
	const decide = formUnder('审批处置意见');
	await decide.getByLabel('审批日期').fill(D.filed);
	await decide.getByLabel('案件类型').selectOption({ label: '纪律审查和监察调查' });
	await decide.getByLabel('承办机关类别').selectOption({ label: '本委审查调查（监督检查）室' });
	await decide.getByLabel('承办机关名称').fill('第一审查调查室');
	await decide.getByLabel('违反廉洁纪律').check();
	await decide.getByLabel('批准立案的同级党委主要负责人').fill('县委书记');
	await decide.getByLabel('同级党委主要负责人批准日期').fill(D.filed);
	await decide.getByLabel('审批意见（退回时必填）').fill('同意立案');
	await submit(decide.getByRole('button', { name: '批准' }), /\?ok=done$/);
	assert(await text(page.locator('.record-head .state')) === '已立案', 'the clue is not 已立案');
	const disp = page.locator('table.list tbody tr', { hasText: '立案审查调查' });
	assert((await text(disp)).includes('已批准') && (await text(disp)).includes(D.filed),
		`the disposition reads "${await text(disp)}"`);
	const filed = page.locator('summary:has(h2:text-is("办理记录")) + ol.timeline .what', { hasText: /^立案：案件 \d+$/ });
	assert(await filed.count() === 1, 'the clue\'s timeline does not record the filing');
	caseId = (await text(filed)).match(/\d+$/)[0];
	await shot('clue-approved');
	await nav().getByRole('link', { name: '案件' }).click();
	await page.waitForURL(`${BASE}/cases`);
	const row = page.locator('table.list tbody tr', { hasText: PERSON });
	assert(await row.count() === 1, `${await row.count()} cases of ${PERSON} listed`);
	await row.getByRole('link', { name: caseId, exact: true }).click();
	await page.waitForURL(`${BASE}/cases/${caseId}`);
	assert(await text(dd('立案日期')) === D.filed, `立案日期 shows "${await text(dd('立案日期'))}"`);
	assert(await text(dd('违纪违法类别')) === '违反廉洁纪律', `违纪违法类别 shows "${await text(dd('违纪违法类别'))}"`);
	assert(await text(dd('问题线索')) === `问题线索 ${clueId}`, `问题线索 shows "${await text(dd('问题线索'))}"`);
	assert((await text(dd('被调查人'))).startsWith(PERSON), `被调查人 shows "${await text(dd('被调查人'))}"`);
	assert(await text(page.locator('.record-head .state')) === '审查调查中', 'the case is not 审查调查中');
	await page.getByText('尚未组成办理组').waitFor();
}, 'case-filed');

// ---- 4. the team ----------------------------------------------------------------------------
// Supervision Law 2018 art. 58: a near relative of the subject must recuse
await step(`${INV2} declares on 回避申报 that he is a near relative of ${PERSON}`, async () => {
	await login('inv2');
	await page.goto(`${BASE}/account/conflicts`);
	const form = formUnder('申报');
	await form.getByLabel('人员').pressSequentially(PERSON, { delay: 50 });   // the picker (issue 12)
	await form.getByRole('option', { name: new RegExp(`^${PERSON}（${UNIT}`) }).click();
	await form.getByLabel('事由').selectOption({ label: '是被调查人（被反映人）的近亲属' });
	await form.getByLabel('说明').fill('表兄弟');
	await submit(form.getByRole('button', { name: '申报' }), /\?ok=saved$/);
	const row = page.locator('table tbody tr', { hasText: PERSON });
	assert((await text(row)).includes('近亲属'), `the declaration reads "${await text(row)}"`);
}, 'recusal-declared');

await step(`cm makes ${LEAD} 主办 and ${JUDGE} 审理 on the case page; ${INV2} is refused as 审理 (not from the trial office) and as 协办 (recusal)`, async () => {
	await login('cm');
	await nav().getByRole('link', { name: '案件' }).click();
	await page.locator('table.list tbody tr').getByRole('link', { name: caseId, exact: true }).click();
	await page.waitForURL(`${BASE}/cases/${caseId}`);
	for (const [who, role, as] of [[LEAD, '审查调查室', '主办'], [JUDGE, '案件审理室', '审理']]) {
		const add = formUnder('加入办理组');
		await add.getByLabel('人员').selectOption({ label: `${who}（${role}）` });
		await add.getByLabel('分工').selectOption({ label: as });
		await submit(add.getByRole('button', { name: '加入' }), /\?ok=saved$/);
	}
	// the separation of investigation and trial, then the statutory recusal
	for (const [as, want] of [['审理', '审理人员须来自案件审理室'], ['协办', '属法定回避情形']]) {
		expect.status = 422;
		const add = formUnder('加入办理组');
		await add.getByLabel('人员').selectOption({ label: `${INV2}（审查调查室）` });
		await add.getByLabel('分工').selectOption({ label: as });
		const [resp] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/cases/${caseId}/team`)),
			add.getByRole('button', { name: '加入' }).click(),
		]);
		await page.waitForLoadState();
		expect.status = null;
		assert(resp.status() === 422, `${INV2} as ${as} was answered ${resp.status()}`);
		const alert = await text(page.getByRole('alert'));
		assert(alert.includes(want), `the refusal of ${INV2} as ${as} reads "${alert}"`);
		await shot(as === '审理' ? 'team-trial-refused' : 'team-recusal-refused');
	}
	const team = page.locator('summary:has(h2:text-is("办理组")) + .table-wrap tbody tr');
	const rows = (await team.allTextContents()).map((s) => s.replace(/\s+/g, ''));
	assert(rows.length === 2 && rows.some((r) => r.startsWith(`${LEAD}主办第一审查调查室`)) &&
		rows.some((r) => r.startsWith(`${JUDGE}审理案件审理室`)), `the team reads ${JSON.stringify(rows)}`);
	assert(await formUnder('采取留置措施').count() === 0, 'the case manager (not on the team) may detain');
}, 'case-team');

// ---- 5. need-to-know --------------------------------------------------------------------------
await step('an investigator not on the team does not list the case, and /cases/ID is 页面不存在 (404)', async () => {
	await login('inv2');
	await nav().getByRole('link', { name: '案件' }).click();
	await page.waitForURL(`${BASE}/cases`);
	await page.getByText('仅列出您所在办理组的案件。').waitFor();
	await page.getByText('没有符合条件的案件').waitFor();
	expect.status = 404;
	const resp = await page.goto(`${BASE}/cases/${caseId}`);
	assert(resp.status() === 404, `the case page answered ${resp.status()}`);
	await page.getByText('页面不存在').first().waitFor();
	const body = await page.content();
	assert(!body.includes(PERSON) && !body.includes(UNIT), 'the 404 page names the subject or the unit');
}, 'case-404');
expect.status = null;

// ---- 6. detention, trial review, closure ------------------------------------------------------
const detentionRow = () => page.locator('summary:has(h2:text-is("留置")) + .table-wrap tbody tr', { hasText: PERSON });
await step(`${LEAD} (主办) detains ${PERSON}: due three months on, 办理中; then releases him`, async () => {
	await login('inv1');
	await nav().getByRole('link', { name: '案件' }).click();
	const row = page.locator('table.list tbody tr', { hasText: PERSON });
	assert((await text(row)).includes(LEAD), `the lead's list row reads "${await text(row)}"`);
	await row.getByRole('link', { name: caseId, exact: true }).click();
	await page.waitForURL(`${BASE}/cases/${caseId}`);
	const detain = formUnder('采取留置措施');
	await detain.getByLabel('被调查人').selectOption({ label: PERSON });
	await detain.getByLabel('批准机关').fill('省纪委监委');
	await detain.getByLabel('批准日期').fill(D.approved);
	await detain.getByLabel('宣布留置之日').fill(D.detained);
	await detain.getByLabel('宣布时间').fill('10:00');
	await submit(detain.getByRole('button', { name: '保存' }), /\?ok=saved$/);
	const cells = (await detentionRow().locator('td').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
	const due = addMonths(D.detained, 3);
	assert(cells[1] === D.detained && cells[4] === `${due} 办理中` && cells[6] === '',
		`the detention reads ${JSON.stringify(cells)}, want start ${D.detained}, due ${due} 办理中`);
	assert(cells[2].startsWith(`${D.approved} 省纪委监委 批准`), `the approval reads "${cells[2]}"`);
	assert(cells[3].includes('逾期'), `the 24-hour notice clock reads "${cells[3]}"`);
	await shot('detention');
	const release = formUnder(`解除留置：${PERSON}`);
	await release.getByLabel('解除日期').fill(D.released);
	await submit(release.getByRole('button', { name: `解除留置：${PERSON}` }), /\?ok=saved$/);
	const after = (await detentionRow().locator('td').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
	assert(after[4] === `${due} 已办结` && after[6] === D.released, `the released detention reads ${JSON.stringify(after)}`);
}, 'detention-released');

await step(`${JUDGE} (审理) accepts the case for trial review, due a month on; a closure dated before it is refused beside the field; sends it back and receives it again (the due day moves); closes it (结案)`, async () => {
	await login('judge');
	await nav().getByRole('link', { name: '案件' }).click();
	await page.locator('table.list tbody tr').getByRole('link', { name: caseId, exact: true }).click();
	await page.waitForURL(`${BASE}/cases/${caseId}`);
	const trial = formUnder('移送审理（审理受理）');
	await trial.getByLabel('审理受理日期').fill(D.trial);
	await submit(trial.getByRole('button', { name: '移送审理（审理受理）' }), /\?ok=saved$/);
	const due = restDayForward(addMonths(D.trial, 1));
	assert(await text(page.locator('.record-head .state')) === '审理中', 'the case is not 审理中');
	assert(await text(dd('审理')) === `${D.trial} 受理，期限至 ${due} 办理中`, `审理 shows "${await text(dd('审理'))}"`);
	assert(await text(dd('移送司法机关')) === '未移送', `移送司法机关 shows "${await text(dd('移送司法机关'))}"`);
	await shot('trial');
	// a closure dated before the trial acceptance: refused, the message beside the field
	expect.status = 422;
	await formUnder('结案').getByLabel('结案日期').fill(ago(9));
	const [resp] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/cases/${caseId}/closure`)),
		formUnder('结案').getByRole('button', { name: '结案' }).click(),
	]);
	await page.waitForLoadState();
	expect.status = null;
	assert(resp.status() === 422, `the early closure was answered ${resp.status()}`);
	const field = formUnder('结案').getByLabel('结案日期');
	assert(await field.inputValue() === ago(9), 'the date sent was not kept');
	const err = page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`);
	assert(await text(err) === `日期不能早于审理受理日期（${D.trial}）`, `the field error reads "${await text(err)}"`);
	await page.getByRole('alert').getByRole('link', { name: `日期不能早于审理受理日期（${D.trial}）` }).click();
	assert(await field.evaluate((el) => el === document.activeElement || location.hash === `#${el.id}`),
		'the summary does not lead to the field');
	await shot('closure-error');
	// issue 12: sent back for supplementary investigation (退回补充调查) and
	// received again: the trial clock pauses while the case is back
	const back = formUnder('退回补充调查');
	await back.getByLabel('退回日期').fill(ago(7));
	await back.getByLabel('退回理由').fill('部分事实不清，需补充证据');
	await submit(back.getByRole('button', { name: '退回补充调查' }), /\?ok=saved$/);
	assert(await text(page.locator('.record-head .state')) === '审查调查中', 'the case sent back is not 审查调查中');
	assert((await text(dd('审理'))).includes('审理期限暂停计算'), `审理 shows "${await text(dd('审理'))}"`);
	await shot('trial-sent-back');
	const again = formUnder('补充调查后重新受理');
	await again.getByLabel('审理受理日期').fill(ago(3));
	await submit(again.getByRole('button', { name: '补充调查后重新受理' }), /\?ok=saved$/);
	assert(await text(page.locator('.record-head .state')) === '审理中', 'the case received again is not 审理中');
	const ret = await text(page.locator('table:has(caption:text-is("退回补充调查")) tbody tr').first());
	for (const w of ['第1次', ago(7), '部分事实不清，需补充证据', ago(3)])
		assert(ret.includes(w), `the return row "${ret}" lacks "${w}"`);
	// the due day moves by the working days the case was back (t185 checks
	// the count; here the days before today may all be rest days)
	const moved = (await text(dd('审理'))).match(/期限至 (\d{4}-\d\d-\d\d)/);
	assert(moved && moved[1] >= due, `the due day moved before ${due}: "${await text(dd('审理'))}"`);
	const due2 = moved[1];
	await shot('trial-received-again');
	const close = formUnder('结案');
	await close.getByLabel('结案日期').fill(D.closed);
	await submit(close.getByRole('button', { name: '结案' }), /\?ok=saved$/);
	assert(await text(page.locator('.record-head .state')) === '已结案', 'the case is not 已结案');
	assert(await text(dd('结案')) === D.closed, `结案 shows "${await text(dd('结案'))}"`);
	assert(await text(dd('审理')) === `${D.trial} 受理，期限至 ${due2} 已办结`, `审理 shows "${await text(dd('审理'))}"`);
	assert(await page.locator('h2:text-is("办理")').count() === 0, 'a closed case still offers its steps');
	assert(await formUnder('加入办理组').count() === 0, 'a closed case still offers to add to the team');
	const timeline = await page.locator('summary:has(h2:text-is("办理记录")) + ol.timeline').textContent();
	for (const w of ['立案', `留置：${PERSON}`, '审理受理', '退回补充调查', '补充调查后重新受理', '结案'])
		assert(timeline.includes(w), `the case timeline lacks "${w}"`);
}, 'case-closed');

// ---- 7. the outcome and the person's record ---------------------------------------------------
const until = addMonths(D.outcome, 12);
await step(`${JUDGE} records 记过 for ${PERSON}: 第二种形态, 影响期至 twelve months on`, async () => {
	await page.getByRole('link', { name: '记录处理结果' }).click();
	await page.waitForURL(`${BASE}/outcomes/new?case=${caseId}`);
	await h1().filter({ hasText: '记录处理结果' }).waitFor();
	await page.getByLabel('人员').selectOption({ label: `${PERSON}（${UNIT}）` });
	await page.getByRole('textbox', { name: '处理日期', exact: true }).fill(D.outcome);
	await page.getByRole('group', { name: '第二种形态' }).getByLabel('记过', { exact: true }).check();
	await shot('outcome-form');
	await submit(page.getByRole('button', { name: '保存' }), /\/outcomes\/\d+\?ok=created$/);
	await page.getByRole('status').filter({ hasText: '已新增' }).waitFor();
	assert(await page.getByRole('status').count() === 1, `${await page.getByRole('status').count()} notices on the page`);
	const want = { 人员: `${PERSON}（${UNIT}）`, 事项: `案件 ${caseId}`, 处理日期: D.outcome, 生效日期: D.outcome,
		处理措施: '记过', 形态: '第二种形态', 处分影响期: `影响期至 ${until}` };
	for (const [k, v] of Object.entries(want))
		assert(await text(dd(k)) === v, `${k} shows "${await text(dd(k))}", want "${v}"`);
	await page.getByRole('heading', { name: '处分决定执行' }).waitFor();
}, 'outcome');

await step(`cm sees on ${PERSON}'s page the running period (影响期至 ${until}), the closed case and the outcome`, async () => {
	await login('cm');
	await nav().getByRole('link', { name: '监督对象' }).click();
	await page.getByLabel('姓名或职务').fill(PERSON);
	await submit(page.getByRole('button', { name: '查询' }), /\/persons\?/);
	await page.locator('table.list tbody tr').getByRole('link', { name: PERSON }).click();
	await page.waitForURL(/\/persons\/\d+$/);
	assert(await text(dd('处分影响期')) === `影响期至 ${until}`, `处分影响期 shows "${await text(dd('处分影响期'))}"`);
	assert((await text(dd('案件'))).includes(`案件 ${caseId} 立案 ${D.filed} 已结案`), `案件 shows "${await text(dd('案件'))}"`);
	assert((await text(dd('问题线索'))).includes(`问题线索 ${clueId}`), `问题线索 shows "${await text(dd('问题线索'))}"`);
	const out = page.locator('table.list', { has: page.locator('caption', { hasText: '处理结果' }) })
		.locator('tbody tr', { hasText: '记过' });
	assert(await out.count() === 1, `${await out.count()} 记过 rows in the person's 处理结果`);
	const cells = (await out.locator('td').allTextContents()).map((s) => s.trim());
	assert(cells[0] === D.outcome && cells[2] === '第二种形态' && cells[3] === until,
		`the outcome row reads ${JSON.stringify(cells)}`);
}, 'person-record');

await finish(14);
