// ferry.mjs: the public channel (issue 13) across two instances joined by
// ferry batches, in a real browser, through tests/browser/harness.mjs.
// instance: public
// (the line above makes run.sh start a second, public instance beside the
// intranet one, with the keys exchanged: P_BASE; see run.sh start_public)
//
// The citizen is a phone (360 px, a phone's user agent, its own cookies)
// on the public instance only; the staff a desktop browser on the
// intranet; the operator moves the batches between them by the CLI
// (harness ferry(): export on one side, import on the other).
//  1. the citizen reports anonymously (a text that tries to inject a
//     script, a PDF), gets the code and queries at once: 已收到; every
//     citizen page fits the phone, has the one brand line and footer, and
//     touch targets of 44 px and more;
//  2. ferry in and back;
//  3. the intake clerk finds the report, downloads the PDF (the same bytes),
//     sees the text escaped, accepts it and replies;
//  4. ferry; the citizen reads 已受理 and the reply, sends a follow-up;
//     ferry; the clerk sees the follow-up after the reply;
//  5. a unit's rating page is a 404 on the public side until a reply batch
//     brings the rating points; one star with a comment and a letter: the
//     receipt's two codes; ferry; the case manager sees the bad review and
//     the letter, answers the letter and calls back; ferry; the citizen
//     reads the answer and gives the follow-up rating; ferry: recorded;
//  6. every citizen page at desktop width: the same centred column;
//  7. what the browser sent: the phone's user agent is in neither
//     instance's database, disk files or log; no 127.0.0.1 in the public
//     instance's database or on the log's /p/ lines, none on the intranet's
//     records from public routes; no plaintext of the citizen's texts, the
//     attachment or the codes in the public instance's database or files.
// The rule behind the reply (as t195): 《纪检监察机关处理检举控告工作规则》
// (2020) art. 24-25, the accuser is told of acceptance and result.

import fs from 'node:fs';
import {
	BASE, P_BASE, PHONE, assert, diag, dumpOf, expect, ferry, filesOf, finish, fits, h1, login,
	nav, newPage, page, serverLog, sqlOf, start, step, usePage,
} from './harness.mjs';
import {
	newRatedUnit, openOnlineReport, powDone, reportAnonymously, sendFollowUp,
} from './channel.mjs';

await start('ferry', 140);
assert(P_BASE, 'no public instance (run.sh start_public)');
const staff = page;
const UA = 'Mozilla/5.0 (Linux; Android 12; QFWalk13-Phone) AppleWebKit/537.36 (KHTML, like Gecko) ' +
	'Chrome/120.0 Mobile Safari/537.36';
const phone = await newPage({ viewport: PHONE, userAgent: UA, isMobile: true, hasTouch: true });
const citizen = () => usePage(phone);
const desk = () => usePage(staff);

const MARK = 'ZQF13';
const TEXT = `<script>alert(13)</script>浏览器${MARK}公车私用`;
const PDF = Buffer.from(`%PDF-1.4\n% ${MARK}PDF attachment\n%%EOF\n`);
const PDF_NAME = `票据${MARK}.pdf`;
const REPLY = `已受理，正在核查${MARK}回复`;
const MORE = `补充${MARK}：另有报销单据`;
const UNIT = '摆渡评价测试局';
const COMMENT = `<img src=x>差评${MARK}窗口`;
const LETTER = `信件${MARK}希望增加周末窗口`;
const CONTACT = '13913130013';
const ANSWER = `信件答复${MARK}：已增加周六上午窗口`;
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
let code = '', token = '', fcode = '', lcode = '';
const plain = [TEXT, `${MARK}PDF`, PDF_NAME, MORE, COMMENT, LETTER, CONTACT];

// the one frame of the citizen's pages (pages/citizen.c): the brand line,
// the footer, the links, touch targets of 44 px and more; fits the phone
async function citizenPage(what, width = PHONE.width) {
	await fits(what, width, width === PHONE.width ? 'phone' : 'desktop');
	assert(await nav().count() === 0, `the staff navigation is on ${what}`);
	assert(await page.locator('.citizen > .citizen-brand').count() === 1, `no brand line on ${what}`);
	const foot = await page.locator('.citizen > .citizen-foot').innerText();
	assert(foot.includes('本页面不记录您的IP地址'), `the footer of ${what} reads ${foot}`);
	const small = await page.locator('.citizen').evaluate((box) => [...box.querySelectorAll(
		'input:not([type="hidden"]), select, textarea, button, label.radio, nav.citizen-links a')]
		.map((el) => [el.tagName.toLowerCase() + (el.name ? `[${el.name}]` : ''), el.getBoundingClientRect()])
		.filter(([, r]) => r.height > 0 && r.height < 43.5 && !(r.width > 0 && r.width < 30))
		.map(([t, r]) => `${t} ${Math.round(r.height)}px`));
	assert(small.length === 0, `touch targets under 44 px on ${what}: ${small.join(', ')}`);
}

function ferried(way, want) {
	const { file, out } = ferry(way);
	diag(`ferry ${way}: ${out.trim()}`);
	assert(out.includes(want), `ferry ${way}: the import says ${out.trim()}, not "${want}"`);
	return file;
}

await step('citizen, phone: the report form on the public instance is the one citizen page', async () => {
	citizen();
	await page.goto(`${P_BASE}/p/report`);
	await h1().filter({ hasText: '网上举报' }).waitFor();
	await citizenPage('the report form');
}, 'report-form');

await step('citizen: an anonymous report with a PDF gives a 16-digit code', async () => {
	code = await reportAnonymously(P_BASE, TEXT, { name: PDF_NAME, mimeType: 'application/pdf', buffer: PDF });
	await citizenPage('the code page');
}, 'report-code');

async function query() {
	await page.goto(`${P_BASE}/p/query`);
	await page.getByLabel(/查询码/).fill(`${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8)}`);
	await powDone();
	await Promise.all([page.waitForURL(`${P_BASE}/p/query`), page.getByRole('button', { name: '查询' }).click()]);
	await h1().filter({ hasText: '办理情况' }).waitFor();
}

await step('citizen: queried at once, the report is 已收到, nothing collected yet', async () => {
	await query();
	assert(await page.getByText('已收到', { exact: true }).count() === 1, 'no 已收到');
	assert(await page.locator('#public-answer').count() === 0, 'an answer before any reply');
	await citizenPage('the status page');
}, 'report-received');

await step('operator: ferry in (public -> intranet) and back (replies -> public)', async () => {
	const batch = ferried('in', '1 applied');
	const bytes = fs.readFileSync(batch);
	for (const s of plain)
		assert(!bytes.includes(Buffer.from(s)), `the inbox batch holds ${s}`);
	ferried('back', 'applied');
});

await step('intake clerk, intranet: the report, the text escaped, the PDF a download of the same bytes', async () => {
	desk();
	await login('clerk');
	await openOnlineReport(TEXT);
	const file = page.locator('#attachments a[href^="/attachments/"]', { hasText: PDF_NAME });
	assert(await file.count() === 1, 'the PDF is not listed');
	const [dl] = await Promise.all([page.waitForEvent('download'), file.click()]);
	assert(dl.suggestedFilename() === PDF_NAME, `the download is named ${dl.suggestedFilename()}`);
	assert(fs.readFileSync(await dl.path()).equals(PDF), 'the download is not the PDF sent');
}, 'clerk-report');

await step('intake clerk: accepts the report and replies', async () => {
	const decide = page.locator('form', { has: page.locator('input[name="form"][value="decision"]') });
	await decide.getByLabel('日期').fill(today);
	await Promise.all([page.waitForURL(/ok=/), decide.getByRole('button', { name: '受理', exact: true }).click()]);
	await page.getByLabel('答复内容').fill(REPLY);
	await Promise.all([page.waitForURL(/ok=saved/), page.getByRole('button', { name: '发送答复' }).click()]);
	assert((await page.locator('li.from-staff').innerText()).includes(REPLY), 'the reply is not listed');
}, 'clerk-reply');

await step('ferry; citizen: 已受理 and the reply; a follow-up', async () => {
	ferried('in', '0 applied');
	ferried('back', 'applied');
	citizen();
	await query();
	assert(await page.getByText('已受理', { exact: true }).count() === 1, 'no 已受理');
	assert((await page.locator('#public-answer').innerText()).includes(REPLY), 'the reply is not shown');
	await citizenPage('the status page with the reply');
	await sendFollowUp(P_BASE, MORE);
	await citizenPage('the follow-up page');
}, 'citizen-reply');

await step('ferry; intake clerk: the follow-up after the reply', async () => {
	ferried('in', '1 applied');
	desk();
	await page.reload();
	const items = await page.locator('li.from-staff, li.from-reporter').allInnerTexts();
	const at = (s) => items.findIndex((t) => t.includes(s));
	assert(at(REPLY) >= 0 && at(MORE) > at(REPLY), `the exchange reads ${JSON.stringify(items)}`);
}, 'clerk-follow-up');

await step('a unit\'s rating page: a 404 on the public side until a reply batch brings the points', async () => {
	await login('cm');
	token = (await newRatedUnit(UNIT)).replace(/.*\/p\/rate\//, '');
	citizen();
	expect.status = 404;
	const res = await page.goto(`${P_BASE}/p/rate/${token}`);
	expect.status = null;
	assert(res.status() === 404, `${res.status()} before the points`);
	await h1().filter({ hasText: '未找到评价页面' }).waitFor();
	await citizenPage('the unknown rating page');
	ferried('back', 'applied');
	await page.goto(`${P_BASE}/p/rate/${token}`);
	await h1().filter({ hasText: UNIT }).waitFor();
	await citizenPage('the rating page');
}, 'rate-form');

await step('citizen: one star, a comment and a letter: the receipt with the two codes', async () => {
	await page.getByLabel('1星 很不满意').check();
	await page.getByLabel('评价意见（可不填）').fill(COMMENT);
	await page.getByLabel('信件内容').fill(LETTER);
	await page.getByLabel(/联系方式/).fill(CONTACT);
	await page.getByRole('button', { name: '提交', exact: true }).click();
	await h1().filter({ hasText: '提交成功' }).waitFor();
	const codes = await page.locator('p.code').allTextContents();
	assert(codes.length === 2 && codes.every((c) => /^\d{4} \d{4} \d{4} \d{4}$/.test(c)), `the codes are ${codes}`);
	[fcode, lcode] = codes;
	assert(await page.getByText('1个工作日内').count() > 0, 'no word of the call-back');
	await citizenPage('the receipt');
}, 'rate-receipt');

await step('ferry; the case manager sees the bad review and the letter, answers and calls back', async () => {
	ferried('in', '2 applied');
	desk();
	await page.goto(`${BASE}/ratings/bad`);
	const row = page.locator('tr', { hasText: UNIT });
	assert(await row.count() === 1, `${await row.count()} bad reviews of ${UNIT}`);
	await Promise.all([page.waitForURL(/\/ratings\/bad\/\d+$/), row.locator('a[href^="/ratings/bad/"]').first().click()]);
	assert(await page.getByText(COMMENT, { exact: false }).count() >= 1, 'the comment is not shown as text');
	assert(await page.locator('main img').count() === 0, 'the comment made an image');
	await page.getByLabel('回访情况').fill('已电话回访，正在整改');
	await Promise.all([page.waitForURL(/ok=done/), page.getByRole('button', { name: '已回访' }).click()]);
	await page.goto(`${BASE}/ratings/letters`);
	const letter = page.locator('tr', { hasText: UNIT });
	assert(await letter.count() === 1, `${await letter.count()} letters of ${UNIT}`);
	await Promise.all([page.waitForURL(/\/ratings\/letters\/\d+$/),
		letter.locator('a[href^="/ratings/letters/"]').first().click()]);
	assert(await page.getByText(LETTER).count() === 1, 'the letter is not shown');
	assert(await page.getByText(CONTACT).count() === 1, 'the contact is not shown to staff');
	await Promise.all([page.waitForURL(/ok=/), page.getByRole('button', { name: '受理', exact: true }).click()]);
	await page.getByLabel(/答复内容/).fill(ANSWER);
	await Promise.all([page.waitForURL(/ok=/), page.getByRole('button', { name: '办结' }).click()]);
	await page.getByText(ANSWER).waitFor();
}, 'rate-staff');

await step('ferry; citizen: the letter\'s answer, then the follow-up rating; ferry: recorded', async () => {
	ferried('back', 'applied');
	citizen();
	await page.goto(`${P_BASE}/p/letter`);
	await page.getByLabel('查询码（16位数字）').fill(lcode);
	await Promise.all([page.waitForURL(/\/p\/letter\?/), page.getByRole('button', { name: '查询' }).click()]);
	await page.getByText('已办结').waitFor();
	assert(await page.getByText(ANSWER).count() === 1, 'the answer is not shown');
	await citizenPage('the letter\'s state');
	await page.goto(`${P_BASE}/p/followup?code=${fcode.replace(/ /g, '')}`);
	await page.getByText('已回访，整改中').waitFor();
	await citizenPage('the follow-up page');
	await page.getByLabel('4星 满意').check();
	await page.getByRole('button', { name: '提交', exact: true }).click();
	await page.getByText('回访评价已提交').waitFor();
	ferried('in', '1 applied');
	desk();
	await page.goto(`${BASE}/ratings/bad`);
	await Promise.all([page.waitForURL(/\/ratings\/bad\/\d+$/),
		page.locator('tr', { hasText: UNIT }).locator('a[href^="/ratings/bad/"]').first().click()]);
	await page.getByText(`4星（${today}）`).waitFor();
}, 'rate-follow-up');

await step('at desktop width every citizen page is the same centred column', async () => {
	citizen();
	await page.setViewportSize({ width: 1280, height: 800 });
	const pages = [['/p/report', '网上举报'], ['/p/query', '查询办理情况'], [`/p/rate/${token}`, UNIT],
		['/p/letter', '查询信件办理情况'], ['/p/followup', '回访评价']];
	for (const [path, title] of pages) {
		await page.goto(`${P_BASE}${path}`);
		await h1().filter({ hasText: title }).waitFor();
		await citizenPage(path, 1280);
		const box = await page.locator('.citizen').boundingBox();
		assert(box.width <= 578 && Math.abs(box.x + box.width / 2 - 640) < 20,
			`${path}: the column is ${Math.round(box.width)}px wide at x ${Math.round(box.x)}`);
	}
	await page.setViewportSize(PHONE);
}, 'desktop');

// ---- what the instances kept of what the browser sent -------------------------
const kept = (which) => [dumpOf(which), ...filesOf(which).map((f) => fs.readFileSync(f))];
const holds = (blobs, s) => blobs.some((b) => (typeof b === 'string' ? b.includes(s) : b.includes(Buffer.from(s))));

await step('the phone\'s user agent is in neither instance\'s database, files or log', async () => {
	const log = serverLog();
	for (const which of ['public', 'intranet']) {
		const blobs = kept(which);
		assert(!holds(blobs, UA) && !holds(blobs, 'QFWalk13'), `the ${which} instance keeps the user agent`);
	}
	assert(!log.includes('QFWalk13'), 'the log holds the user agent');
});

await step('no address from the public routes: not in the public instance, its log lines, the intranet\'s records', async () => {
	assert(!holds(kept('public'), '127.0.0.1'), 'the public instance keeps 127.0.0.1');
	const lines = serverLog().split('\n').filter((l) => l.includes(' /p/'));
	assert(lines.length > 10, `${lines.length} log lines of /p/ routes`);
	const bad = lines.filter((l) => l.includes('127.0.0.1'));
	assert(bad.length === 0, `log lines of /p/ routes with the address: ${bad.slice(0, 3).join(' | ')}`);
	// '-' (a public route in single-instance mode), 'local' (the ferry's import by the CLI)
	const n = sqlOf('intranet', "SELECT count(*) FROM audit_log WHERE user_name = 'public' AND ip NOT IN ('-', 'local')");
	const all = sqlOf('intranet', "SELECT count(*) FROM audit_log WHERE user_name = 'public'");
	assert(Number(all) > 0 && n === '0', `${n} of ${all} audit entries from public routes carry an address`);
});

await step('the public instance holds no plaintext of what the citizen sent, nor the codes', async () => {
	const blobs = kept('public');
	// the search sees what the public instance keeps in clear: the rating points' unit names
	assert(holds(blobs, UNIT), `the search does not find ${UNIT} (public_points) in the public instance`);
	for (const s of [...plain, code, fcode.replace(/ /g, ''), lcode.replace(/ /g, '')])
		assert(!holds(blobs, s), `the public instance keeps ${s}`);
	diag(`searched: the ${process.env.BACKEND} dump, ${filesOf('public').join(', ')}`);
});

await finish(12);
