// docs.mjs: print a sanction decision (issue 12, documents 文书) in a real
// browser, after cases.mjs recorded 记过 for 李四: the case manager opens
// the outcome, makes its 处分决定书 from the page's 文书 section, sees it
// listed with its number (发文字号), downloads it (.docx, as an
// attachment), and prints the outcome page: the printed page (print media,
// page.pdf) shows the record and the documents without navigation, forms or
// buttons; the page fits a 360 px phone.

import {
	BASE, PHONE, assert, finish, fitsPhone, h1, login, nav, page, shot, start, step,
} from './harness.mjs';

const PERSON = '李四';
const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
let number = '';

await start('docs', 120);

await step(`cm opens ${PERSON}'s 记过 and makes its 处分决定书 from the page`, async () => {
	await login('cm');
	await nav().getByRole('link', { name: '处理结果' }).click();
	await page.locator('table.list tbody tr', { hasText: PERSON }).first().getByRole('link').first().click();
	await page.waitForURL(/\/outcomes\/\d+$/);
	await h1().filter({ hasText: '处理结果' }).waitFor();
	const docs = page.locator('section.documents');
	await docs.getByRole('heading', { name: '文书' }).waitFor();
	await docs.getByLabel('生成文书').selectOption({ label: '处分决定书' });
	await Promise.all([page.waitForURL(/\/outcomes\/\d+\?ok=done$/),
		docs.getByRole('button', { name: '生成文书' }).click()]);
	const row = page.locator('section.documents table.list tbody tr').first();
	number = (await row.locator('td').first().textContent()).trim();
	assert(new RegExp(`^测纪处〔${year}〕\\d+号$`).test(number), `the document's number reads "${number}"`);
	assert((await row.textContent()).includes('处分决定书'), `the row reads "${await row.textContent()}"`);
}, 'sanction-decision-made');

await step('the number downloads the .docx as an attachment named by kind and number', async () => {
	const [dl] = await Promise.all([page.waitForEvent('download'),
		page.locator('section.documents').getByRole('link', { name: number }).click()]);
	const name = dl.suggestedFilename();
	assert(name === `处分决定书-${number}.docx`, `the download is named "${name}"`);
	const file = await dl.path();
	assert(file, 'the download was saved');
});

await step('printed, the outcome page shows the record and its documents, no navigation, form or button', async () => {
	await page.emulateMedia({ media: 'print' });
	const visible = async (sel) => page.locator(sel).evaluateAll((els) =>
		els.filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden').length);
	for (const sel of ['nav.sidenav', '.topbar', 'main form', 'main button', 'main input', 'main select',
		'main textarea', 'a.button'])
		assert(await visible(sel) === 0, `${sel} is printed (${await visible(sel)} visible)`);
	assert(await visible('dl.record') >= 1, 'the record is not printed');
	assert(await visible('section.documents table.list') === 1, 'the documents are not printed');
	const pdf = await page.pdf({ format: 'A4', printBackground: false });
	assert(pdf.length > 1000, `the printed page is ${pdf.length} bytes`);
	await shot('outcome-printed');
	await page.emulateMedia({ media: 'screen' });
});

await step('the outcome page with its documents fits a 360 px phone', async () => {
	await page.setViewportSize(PHONE);
	await page.reload();
	await fitsPhone('the outcome page');
	await page.setViewportSize({ width: 1280, height: 800 });
}, 'outcome-phone');

await step('cm opens 文书模板: the kinds, the template with its fields; fits a phone', async () => {
	await nav().getByRole('link', { name: '文书模板' }).click();
	await h1().filter({ hasText: '文书模板' }).waitFor();
	await page.getByRole('navigation', { name: '文书种类' }).getByRole('link', { name: '处分决定书' }).click();
	await page.getByRole('heading', { name: '处分决定书模板' }).waitFor();
	const tmpl = await page.getByLabel('模板').inputValue();
	assert(tmpl.includes('{{受处分人}}'), 'the template text lacks {{受处分人}}');
	await page.setViewportSize(PHONE);
	await fitsPhone('the templates page');
	await page.setViewportSize({ width: 1280, height: 800 });
}, 'templates');

await step('cm opens 编号规则: every kind, the 文号 pattern with the next number; fits a phone', async () => {
	await nav().getByRole('link', { name: '编号规则' }).click();
	await h1().filter({ hasText: '编号规则' }).waitFor();
	await page.getByRole('link', { name: '处分决定书文号' }).click();
	await h1().filter({ hasText: '处分决定书文号' }).waitFor();
	const pattern = await page.getByLabel('编号规则').inputValue();
	assert(pattern === '{机关代字}纪处〔{年}〕{序号}号', `the pattern reads "${pattern}"`);
	const next = (await page.locator('.next-number').textContent()).trim();
	assert(new RegExp(`^测纪处〔${year}〕\\d+号$`).test(next), `the next number reads "${next}"`);
	await page.setViewportSize(PHONE);
	await fitsPhone('the number patterns page');
	await page.setViewportSize({ width: 1280, height: 800 });
}, 'numbers');

await finish(5);
