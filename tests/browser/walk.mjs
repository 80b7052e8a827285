// walk.mjs: one walk through the staff pages in a real browser, as a user
// would do it, through tests/browser/harness.mjs (the browser, TAP lines,
// screenshots).  Run by tests/browser/run.sh, which starts the server.
//
// As case manager "cm", by the UI only: log in, create a unit (first
// meeting the field errors), create a person in it, find both by search,
// look at the persons list on a phone-sized screen, log out.  Throughout,
// no console error, uncaught exception or CSP violation may occur.

import {
	BASE, PHONE, PW, assert, diag, expect, finish, fitsPhone, h1, nav, page, path_, shot, start, step,
} from './harness.mjs';

const UNIT = '市农业农村局';
const PERSON = '李四';
const POSITION = '局长';
const IDNUM = '11010519491231002X';

await start('walk', 90);

// 保存 on a form the server refuses: a POST to path answered 422 (its
// console line expected until expect.status is reset).
const save422 = async (path) => {
	expect.status = 422;
	const [resp] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path),
		page.getByRole('button', { name: '保存' }).click(),
	]);
	await page.waitForLoadState();
	assert(resp.status() === 422, `the server answered ${resp.status()}, not 422`);
};

// 1. Not signed in: the start page sends to the login page.
await step('opening / while signed out lands on the login page', async () => {
	await page.goto(`${BASE}/`);
	assert(path_() === '/login', `landed on ${page.url()}`);
	await page.getByRole('button', { name: '登录' }).waitFor();
}, 'login');

// 2. Log in by the labelled fields.
await step('logging in as case manager lands on 工作台', async () => {
	await page.getByLabel('用户名').fill('cm');
	await page.getByLabel('密码').fill(PW);
	await Promise.all([page.waitForURL(`${BASE}/`), page.getByRole('button', { name: '登录' }).click()]);
	await h1().filter({ hasText: '工作台' }).waitFor();
	assert(await nav().getByRole('link', { name: '单位管理' }).isVisible(), 'no 单位管理 in the navigation');
}, 'home');

// 3. Units, through the left navigation, then the new-unit form.
await step('the left navigation leads to 单位管理 and its 新增单位 form', async () => {
	await nav().getByRole('link', { name: '单位管理' }).click();
	await page.waitForURL(`${BASE}/units`);
	await h1().filter({ hasText: '单位管理' }).waitFor();
	const cur = await nav().getByRole('link', { name: '单位管理' }).getAttribute('aria-current');
	assert(cur === 'page', `the navigation does not mark 单位管理 as current (aria-current=${cur})`);
	await page.getByRole('link', { name: '新增单位' }).click();
	await page.waitForURL(`${BASE}/units/new`);
	await h1().filter({ hasText: '新增单位' }).waitFor();
}, 'unit-new');

// 4. The empty form: the browser itself refuses (the fields are required).
await step('saving the empty unit form is stopped by the required fields', async () => {
	await page.getByRole('button', { name: '保存' }).click();
	await page.waitForTimeout(300);
	assert(path_() === '/units/new', `the empty form was sent (now at ${page.url()})`);
	const missing = await page.getByLabel('单位名称').evaluate((el) => el.validity.valueMissing);
	assert(missing, '单位名称 is not marked as missing');
});

// 5. A name of blanks passes the browser but not the server: the error
// stands beside its field, and what was chosen is kept.
await step('a blank 单位名称 is answered with 请填写单位名称 beside the field, choices kept', async () => {
	await page.getByLabel('单位名称').fill('   ');
	await page.getByLabel('类别').selectOption({ label: '市直部门' });
	await save422('/units');
	const name = page.getByLabel('单位名称');
	assert(await name.getAttribute('aria-invalid') === 'true', '单位名称 is not aria-invalid');
	const errId = await name.getAttribute('aria-describedby');
	assert(errId, '单位名称 has no aria-describedby');
	const err = page.locator(`[id="${errId}"]`);
	assert((await err.textContent()).trim() === '请填写单位名称',
		`the error beside the field reads "${await err.textContent()}"`);
	assert(await err.isVisible(), 'the field error is not visible');
	// beside: in the same field block, just below the input
	const same = await name.evaluate((el, id) => el.closest('.field') ===
		document.getElementById(id).closest('.field'), errId);
	assert(same, 'the error is not in the block of its field');
	const nb = await name.boundingBox(), eb = await err.boundingBox();
	assert(eb.y >= nb.y && eb.y - (nb.y + nb.height) < 60,
		`the error is not right below the field (field at y=${nb.y}, error at y=${eb.y})`);
	// the summary at the top links to the field
	await page.getByRole('alert').getByRole('link', { name: '请填写单位名称' }).waitFor();
	const kind = await page.getByLabel('类别').evaluate((el) => el.selectedOptions[0]?.textContent);
	assert(kind === '市直部门', `类别 was not kept (shows "${kind}")`);
}, 'unit-error');
expect.status = null;

// 6. Now properly: the detail page shows the new unit.
let unitId = null;
await step(`saving the unit ${UNIT} shows its detail page`, async () => {
	await page.getByLabel('单位名称').fill(UNIT);
	await Promise.all([page.waitForURL(/\/units\/\d+\?ok=saved$/), page.getByRole('button', { name: '保存' }).click()]);
	unitId = path_().split('/')[2];
	await h1().filter({ hasText: UNIT }).waitFor();
	await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
	const kind = page.locator('dl.record dt', { hasText: '类别' }).locator('xpath=following-sibling::dd[1]');
	assert((await kind.textContent()).trim() === '市直部门', `类别 shows "${await kind.textContent()}"`);
}, 'unit-detail');

// 7. Find the unit by name.
await step(`searching units by name finds ${UNIT}, a name not there finds none`, async () => {
	await nav().getByRole('link', { name: '单位管理' }).click();
	await page.waitForURL(`${BASE}/units`);
	await page.getByLabel('名称').fill('农业');
	await Promise.all([page.waitForURL(/\/units\?/), page.getByRole('button', { name: '查询' }).click()]);
	const row = page.locator('table.list tbody tr', { hasText: UNIT });
	assert(await row.count() === 1, `${await row.count()} rows with ${UNIT}`);
	assert(await row.getByRole('link', { name: UNIT }).getAttribute('href') === `/units/${unitId}`,
		'the row does not link to the unit');
	assert(await page.getByLabel('名称').inputValue() === '农业', 'the search field lost its text');
	await shot('unit-search');
	await page.getByLabel('名称').fill('公安');
	await Promise.all([page.waitForURL(/q=/), page.getByRole('button', { name: '查询' }).click()]);
	await page.getByText('没有符合条件的单位').waitFor();
	assert(await page.locator('table.list tbody tr', { hasText: UNIT }).count() === 0,
		`${UNIT} is listed for 公安`);
}, 'unit-search-none');

// 8. A person in that unit.
let personId = null;
await step(`adding the person ${PERSON} in ${UNIT} shows the detail page with the ID number`, async () => {
	await nav().getByRole('link', { name: '监督对象' }).click();
	await page.waitForURL(`${BASE}/persons`);
	await h1().filter({ hasText: '监督对象' }).waitFor();
	await page.getByRole('link', { name: '新增监督对象' }).click();
	await page.waitForURL(`${BASE}/persons/new`);
	await page.getByLabel('姓名').fill(PERSON);
	await page.getByLabel('所在单位').pressSequentially(UNIT, { delay: 30 });   // the picker (issue 12)
	await page.getByRole('option', { name: new RegExp(`^${UNIT}`) }).first().click();
	await page.getByLabel('职务').fill(POSITION);
	await page.getByLabel('职级').selectOption({ label: '科级' });
	await page.getByLabel('一把手').check();
	await page.getByLabel('身份证号码').fill(IDNUM);
	await shot('person-form');
	await Promise.all([page.waitForURL(/\/persons\/\d+\?ok=saved$/), page.getByRole('button', { name: '保存' }).click()]);
	personId = path_().split('/')[2];
	await h1().filter({ hasText: PERSON }).waitFor();
	const dd = (label) => page.locator('dl.record dt', { hasText: new RegExp(`^${label}$`) })
		.locator('xpath=following-sibling::dd[1]');
	const want = { 所在单位: UNIT, 职务: POSITION, 职级: '科级', 一把手: '是', 身份证号码: IDNUM };
	for (const [k, v] of Object.entries(want)) {
		const got = (await dd(k).textContent())?.trim();
		assert(got === v, `${k} shows "${got}", want "${v}"`);
	}
}, 'person-detail');

// 9. Find the person by name; and a search that finds nobody.
await step(`searching persons for 李 lists ${PERSON}; a name not there says 没有符合条件的监督对象`, async () => {
	await nav().getByRole('link', { name: '监督对象' }).click();
	await page.waitForURL(`${BASE}/persons`);
	await page.getByLabel('姓名或职务').fill('李');
	await Promise.all([page.waitForURL(/\/persons\?/), page.getByRole('button', { name: '查询' }).click()]);
	const row = page.locator('table.list tbody tr', { hasText: PERSON });
	assert(await row.count() === 1, `${await row.count()} rows with ${PERSON}`);
	const cells = (await row.locator('td').allTextContents()).map((s) => s.trim());
	assert(cells[0] === PERSON && cells[1] === UNIT && cells[2] === POSITION && cells[3] === '科级' &&
		cells[4] === '是', `the row reads ${JSON.stringify(cells)}`);
	assert(await row.getByRole('link', { name: PERSON }).getAttribute('href') === `/persons/${personId}`,
		'the row does not link to the person');
	assert(!(await page.content()).includes(IDNUM), 'the list shows the ID number');
	await shot('person-search');
	await page.getByLabel('姓名或职务').fill('王五');
	await Promise.all([page.waitForURL(/q=%E7%8E%8B/), page.getByRole('button', { name: '查询' }).click()]);
	await page.getByText('没有符合条件的监督对象').waitFor();
	assert(await page.locator('table.list tbody tr', { hasText: PERSON }).count() === 0,
		`${PERSON} is listed for 王五`);
}, 'person-search-none');

// 10. The persons list and two forms on a phone: nothing wider than the
// screen, except what sits in its own horizontal scroll container.
await step(`the persons list fits a ${PHONE.width}x${PHONE.height} phone screen without sideways scrolling`, async () => {
	await page.setViewportSize(PHONE);
	await page.goto(`${BASE}/persons?q=${encodeURIComponent('李')}`);
	await page.locator('table.list').waitFor();
	await shot('phone-persons');
	await fitsPhone('the persons list');
	await page.setViewportSize({ width: 1280, height: 800 });
});

// Issue 9, the page kit: the forms built by the kit (fields with their
// labels and errors, selects, textareas, the buttons row) fit a phone too,
// errors shown beside their fields.
await step(`the kit's forms (新增监督对象 with its errors, 修改密码) fit a ${PHONE.width}px phone screen`, async () => {
	await page.setViewportSize(PHONE);
	await page.goto(`${BASE}/persons/new`);
	await page.locator('form.record-form').waitFor();
	await page.evaluate(() => { for (const f of document.querySelectorAll('form')) f.noValidate = true; });
	await save422('/persons');
	const name = page.getByLabel('姓名');
	const err = page.locator(`[id="${await name.getAttribute('aria-describedby')}"]`);
	assert(await err.isVisible(), 'no error beside 姓名 on the phone');
	await shot('phone-form-person');
	await fitsPhone('the person form with its errors');
	await page.goto(`${BASE}/account`);
	await page.locator('form.record-form').waitFor();
	await shot('phone-form-password');
	await fitsPhone('the password form');
	await page.setViewportSize({ width: 1280, height: 800 });
});
expect.status = null;

// Issue 10 (ui10), the phone layout: the case manager has 14 sections,
// which wrapped to 4 rows above every page on a phone.  There the sections
// fold into a <details> menu (one row: 菜单 and the current section, no
// script); the desktop keeps its left list and shows no menu.  The
// category catalog's rows held a block form (label, date, button below
// each other): one line now, so a row is no taller than a line of text.
await step(`on a ${PHONE.width}px phone the navigation is one folded row, opened it leads on; the desktop keeps its list`, async () => {
	await page.setViewportSize(PHONE);
	await page.goto(`${BASE}/persons`);
	const menu = nav().locator('details.navmenu > summary');
	assert(await menu.isVisible(), 'no 菜单 on the phone');
	const h = await nav().evaluate((el) => el.getBoundingClientRect().height);
	diag(`phone: the navigation is ${Math.round(h)}px tall folded`);
	assert(h <= 60, `the folded navigation is ${Math.round(h)}px tall on a phone`);
	assert(await menu.innerText().then((t) => t.includes('监督对象')), 'the menu does not name the current section');
	assert(!(await nav().getByRole('link', { name: '单位管理' }).isVisible()), 'the sections show before the menu is opened');
	await shot('phone-nav-folded');
	await menu.click();
	const units = nav().getByRole('link', { name: '单位管理' });
	await units.waitFor();
	await shot('phone-nav-open');
	await fitsPhone('the opened menu');
	await Promise.all([page.waitForURL(`${BASE}/units`), units.click()]);
	await h1().filter({ hasText: '单位管理' }).waitFor();
	await page.setViewportSize({ width: 1280, height: 800 });
	assert(!(await menu.isVisible()), 'the desktop shows the phone menu');
	assert(await nav().getByRole('link', { name: '违纪违法类别' }).isVisible(), 'the desktop list is gone');
}, 'phone-nav');

await step(`the category catalog's rows are one line each, on the desktop and on a ${PHONE.width}px phone`, async () => {
	for (const vp of [{ width: 1280, height: 800 }, PHONE]) {
		await page.setViewportSize(vp);
		await page.goto(`${BASE}/categories`);
		const rows = page.locator('table.list tbody tr');
		await rows.first().waitFor();
		const hs = await rows.evaluateAll((tr) => tr.map((r) => r.getBoundingClientRect().height));
		const max = Math.max(...hs);
		diag(`${vp.width}px: ${hs.length} category rows, the tallest ${Math.round(max)}px`);
		assert(max <= 60, `a category row is ${Math.round(max)}px tall at ${vp.width}px`);
		assert(await page.getByLabel('违反政治纪律的停用日期').count() === 1,
			'the retire date has no label naming its category');
	}
	await shot('phone-categories');
	await fitsPhone('the category catalog');
	await page.setViewportSize({ width: 1280, height: 800 });
}, 'phone-categories');

// 11. Log out; the pages are closed again.
await step('退出 logs out to the login page, and /persons then asks to log in', async () => {
	await page.goto(`${BASE}/`);
	await Promise.all([page.waitForURL(`${BASE}/login`), page.getByRole('button', { name: '退出' }).click()]);
	await page.getByRole('button', { name: '登录' }).waitFor();
	await page.getByLabel('用户名').waitFor();
	await shot('logged-out');
	await page.goto(`${BASE}/persons`);
	assert(path_() === '/login', `/persons after logout landed on ${page.url()}`);
	await page.getByRole('button', { name: '登录' }).waitFor();
}, 'persons-after-logout');

await finish(10);
