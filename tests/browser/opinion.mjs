// opinion.mjs: an integrity opinion request in a real browser (issue 15: "a
// browser test runs an opinion request from upload to letter").
//
// The case manager registers 意见示范局 and three persons in it, two of them
// named 林同名 (through the API, as find.mjs does).  The supervision office
// (sup) uploads the organisation department's list as a CSV file: the
// request's page shows 林同名 as 待确认 with both candidates and matches
// nobody by itself; sup chooses the second; 石新人, whom the register does
// not know (未找到), sup makes a person from the line on a phone-sized
// screen (the person form prefilled from the line, the page fits 360 px);
// then checks on today, confirms the rest as proposed and makes the
// letter; the letter downloads as a .docx (a zip starting PK) named after
// the request.

import fs from 'node:fs';
import { BASE, PHONE, assert, finish, fitsPhone, login, page, shot, start, step } from './harness.mjs';

await start('opinion', 90);

let unit = 0, second = 0, url = '';

await step('the case manager registers 意见示范局 and its three persons', async () => {
	await login('cm');
	const me = await (await page.request.get(`${BASE}/api/me`)).json();
	const post = async (path, data) => {
		const res = await page.request.post(`${BASE}${path}`, { headers: { 'X-CSRF-Token': me.csrf }, data });
		assert(res.status() === 201, `POST ${path} answered ${res.status()}`);
		return (await res.json()).id;
	};
	unit = await post('/api/units', { name: '意见示范局', kind: 'department' });
	await post('/api/persons', { name: '林同名', unit_id: unit, rank: 'section', position: '副局长' });
	second = await post('/api/persons', { name: '林同名', unit_id: unit, rank: 'section', position: '办公室主任' });
	await post('/api/persons', { name: '高唯一', unit_id: unit, rank: 'section', position: '局长' });
});

await step('the supervision office uploads the list as a CSV file', async () => {
	await login('sup');
	await page.goto(`${BASE}/opinions`);
	await Promise.all([page.waitForURL(`${BASE}/opinions/new`), page.getByRole('link', { name: '登记征求意见函' }).click()]);
	await page.getByLabel('来函文号').fill('示组干函〔2024〕5号');
	await page.getByLabel('来函单位').fill('中共示范县委组织部');
	await page.getByLabel('征求意见事由').selectOption({ label: '提拔使用' });
	const csv = '姓名,单位,身份证号码,职务\n高唯一,意见示范局,,局长\n林同名,意见示范局,,办公室主任\n石新人,意见示范局,,科员\n';
	await page.getByLabel('或上传 Excel / CSV 文件').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await Promise.all([page.waitForURL(/\/opinions\/\d+\?ok=created/), page.getByRole('button', { name: '保存并匹配人员' }).click()]);
	url = new URL(page.url()).pathname;
	const row = page.locator('tr[data-match="ambiguous"]');
	assert(await row.count() === 1, 'the namesake is not 待确认');
	assert((await row.innerText()).includes(`编号${second}`), 'the candidates are not listed');
	assert(await page.locator('tr[data-match="name"]').count() === 1, 'the unique name is not matched');
	assert(await page.locator('tr[data-match="none"]').count() === 1, 'the unknown name is not 未找到');
}, 'opinion-uploaded');

await step('sup resolves the ambiguous line by choosing the second candidate', async () => {
	const row = page.locator('tr[data-match="ambiguous"]');
	await row.getByLabel(new RegExp(`编号${second}`)).check();
	await Promise.all([page.waitForURL(/\?ok=done/), row.getByRole('button', { name: '确认为此人' }).click()]);
	assert(await page.locator('tr[data-match="chosen"]').count() === 1, 'the line is not resolved');
}, 'opinion-resolved');

await step('on a phone, sup makes 石新人 a person from the line (未找到)', async () => {
	await page.setViewportSize(PHONE);
	const row = page.locator('tr[data-match="none"]');
	assert(await page.locator('tr[data-match="ambiguous"]').getByRole('link', { name: '新建人员' }).count() === 0,
		'a 待确认 line offers 新建人员');
	await Promise.all([page.waitForURL(/\/opinions\/\d+\/person\?line_id=\d+/),
		row.getByRole('link', { name: '新建人员' }).click()]);
	assert(await page.getByLabel('姓名').inputValue() === '石新人', 'the name is not the line\'s');
	assert(await page.getByLabel('职务').inputValue() === '科员', 'the position is not the line\'s');
	await fitsPhone('the person form of a line');
	await shot('opinion-person-form');
	await page.getByLabel('职级').selectOption({ label: '一般干部' });
	await Promise.all([page.waitForURL(/\/opinions\/\d+\?ok=created/), page.getByRole('button', { name: '新建并匹配' }).click()]);
	const made = page.locator('tr[data-match="created"]');
	assert(await made.count() === 1, 'the line is not matched to the new person');
	assert((await made.innerText()).includes('新建人员：石新人（意见示范局）'), 'the new person is not shown on the line');
	await fitsPhone('the request with the new person');
}, 'opinion-person');

await step('sup checks, confirms every line as proposed and makes the letter', async () => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await Promise.all([page.waitForURL(/\?ok=done/), page.getByRole('button', { name: '核查', exact: true }).click()]);
	assert((await page.locator('main').innerText()).includes('建议：未发现问题'), 'no proposal shown');
	await Promise.all([page.waitForURL(/\?ok=done/), page.getByRole('button', { name: /全部按建议确认/ }).click()]);
	await Promise.all([page.waitForURL(/\?ok=done/), page.getByRole('button', { name: '出具回复函' }).click()]);
	assert((await page.locator('.record').first().innerText()).includes('纪函〔'), 'no letter number on the request');
}, 'opinion-replied');

await step('the letter downloads as a Word file', async () => {
	const [download] = await Promise.all([page.waitForEvent('download'),
		page.getByRole('link', { name: '下载回复函（Word）' }).click()]);
	assert(download.suggestedFilename().endsWith('.docx'), `the file is ${download.suggestedFilename()}`);
	const bytes = fs.readFileSync(await download.path());
	assert(bytes.subarray(0, 2).toString() === 'PK', 'the letter is not a zip');
	assert(url.startsWith('/opinions/'), 'no request page');
}, 'opinion-letter');

await finish(6);
