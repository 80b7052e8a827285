// harness.mjs: what every browser walk shares (walk.mjs, cases.mjs):
// Playwright (playwright-core) driving Debian's chromium headless, TAP
// lines, screenshots, dependent steps, and the checks over a whole walk
// (no console error, uncaught exception or CSP violation; /favicon.ico).
//
// Environment (set by tests/browser/run.sh):
//   BASE      the server's address (http://127.0.0.1:PORT)
//   PW        the password of the test users (tests/http/lib.sh init_db)
//   OUT_DIR   where the screenshots go (out/browser/ at the project root)
//   CHROMIUM  the browser binary (default /usr/bin/chromium)
//   TAP_FROM  the number of TAP lines printed before this walk (default 0)
// and for a walk that asks run.sh for a second, public instance (a line
// "// instance: public" among its first lines; tests/browser/ferry.mjs):
//   P_BASE    the public instance's address (serve --public)
//   QF_BIN, QF_DB, QF_PDB, QF_PKEY, QF_TDIR, QF_LOG, BACKEND: the binary,
//             the two databases, the public key file, run.sh's temporary
//             folder, the servers' log, sqlite or pg (for ferry() and
//             dumpOf())
//
// A walk prints TAP lines "ok N - ..." / "not ok N - ..." (no plan: run.sh
// adds its own lines and the plan) and exits 1 on any failure.  Steps
// depend on each other, so a walk stops at the first failed step; the
// checks of finish() are still reported.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

export const BASE = process.env.BASE;
export const PW = process.env.PW;
export const P_BASE = process.env.P_BASE;
const OUT = process.env.OUT_DIR || 'out/browser';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
if (!BASE || !PW) {
	console.log('not ok 1 - the walk needs BASE and PW in the environment (run it through run.sh)');
	process.exit(1);
}

let n = Number(process.env.TAP_FROM || 0);
let failed = 0;
let shots = 0;
let prefix = 'walk';
export function ok(what) { console.log(`ok ${++n} - ${what}`); }
export function notOk(what, why) {
	failed++;
	console.log(`not ok ${++n} - ${what}`);
	for (const line of String(why || '').split('\n').slice(0, 20))
		console.log(`# ${line}`);
}
export function diag(line) { console.log(`# ${line}`); }
export function assert(cond, msg) { if (!cond) throw new Error(msg); }

let browser, watchdog;
export let page;
const problems = new Map();    // what -> the pages it happened on
const favicon = [];            // console errors about /favicon.ico
// a document status the current step expects (a form sent back with errors)
export const expect = { status: null };

function problem(what, p = page) {
	const at = p ? new URL(p.url()).pathname : '?';
	if (!problems.has(what))
		problems.set(what, new Set());
	problems.get(what).add(at);
}

// A new browser context (its own cookies) and its page, watched like the
// first one; `options` as Playwright's newContext (viewport, userAgent,
// isMobile ...).  usePage() makes it the page the helpers act on.
export async function newPage(options = {}) {
	const ctx = await browser.newContext({
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		viewport: { width: 1280, height: 800 },
		...options,
	});
	ctx.setDefaultTimeout(10_000);
	ctx.setDefaultNavigationTimeout(15_000);
	// A CSP violation also shows as a console error; the event listener
	// catches the ones that do not (report-only, or before the console hooks).
	await ctx.exposeBinding('__qfCspViolation', (_, v) => problem(`CSP violation: ${v}`));
	await ctx.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			window.__qfCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} ` +
				`(${e.sourceFile || ''}:${e.lineNumber || ''})`);
		});
	});
	const p = await ctx.newPage();
	p.on('console', (m) => {
		if (m.type() !== 'error')
			return;
		const text = m.text();
		const src = m.location().url || '';
		// The browser reports a page answered with an error status as a
		// failed resource; expected once, for the form sent back with errors.
		if (expect.status && text.includes(`status of ${expect.status}`) && src === p.url())
			return;
		// The browser asks for /favicon.ico by itself: reported on its own.
		if (new URL(src || p.url()).pathname === '/favicon.ico') {
			favicon.push(text);
			return;
		}
		problem(`console error: ${text}` + (src && src !== p.url() ? ` [${src}]` : ''), p);
	});
	p.on('pageerror', (e) => problem(`uncaught exception: ${e.message}`, p));
	return p;
}
export function usePage(p) { page = p; }

// Starts the browser; `name` prefixes this walk's screenshots; the walk
// must end within `seconds`.
export async function start(name, seconds) {
	prefix = name;
	fs.mkdirSync(OUT, { recursive: true });
	for (const f of fs.readdirSync(OUT))
		if (f.startsWith(`${prefix}-`) && f.endsWith('.png')) fs.rmSync(path.join(OUT, f));
	watchdog = setTimeout(() => {
		notOk(`the walk finished within ${seconds} s`, 'watchdog fired');
		process.exit(1);
	}, seconds * 1000);
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	page = await newPage();
}

export async function shot(name) {
	shots++;
	const file = path.join(OUT, `${prefix}-${String(shots).padStart(2, '0')}-${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

let stopped = false;
export async function step(what, fn, shotName) {
	if (stopped)
		return;
	try {
		await fn();
		if (shotName)
			await shot(shotName);
		ok(what);
	} catch (e) {
		let where = '';
		try { where = `${await shot('FAILED')} at ${page.url()}`; } catch { /* page gone */ }
		notOk(what, `${e.message}\n${where}`);
		diag('later steps depend on this one: the walk stops here');
		stopped = true;
	}
}

export const path_ = () => new URL(page.url()).pathname;
export const nav = () => page.getByRole('navigation', { name: '主导航' });
export const h1 = () => page.locator('main h1');

// A phone-sized screen, and the px of horizontal overflow forgiven (rounding).
export const PHONE = { width: 360, height: 740 };
const SLACK = 2;

// Asserts nothing on the page is wider than the screen, except what sits in
// its own horizontal scroll container (`what` names the page in messages);
// fits() on a screen of any width.
export async function fitsPhone(what) { return fits(what, PHONE.width, 'phone'); }
export async function fits(what, width, screen = `${width}px`) {
	const m = await page.evaluate(() => {
		const vw = document.documentElement.clientWidth;
		const scrolls = (el) => {
			for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
				const ox = getComputedStyle(a).overflowX;
				if ((ox === 'auto' || ox === 'scroll') && a.getBoundingClientRect().right <= vw + 2)
					return true;
			}
			return false;
		};
		const wide = [];
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (r.right > vw + 2 && r.width > 0 && !scrolls(el))
				wide.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}` +
					` right=${Math.round(r.right)}`);
		}
		return { doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, vw, wide };
	});
	diag(`${screen}, ${what}: viewport ${m.vw}px, document ${m.doc}px, body ${m.body}px wide`);
	assert(m.doc <= width + SLACK && m.body <= width + SLACK,
		`${what} is ${m.doc}px wide on a ${width}px screen (body ${m.body}px); too wide: ` +
		m.wide.slice(0, 6).join(', '));
}

// ---- the second, public instance (a walk that asks run.sh for one) ----------

function cli(args) {
	try {
		return execFileSync(process.env.QF_BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (e) {
		throw new Error(`qingfeng ${args.join(' ')} exited ${e.status}: ${e.stderr}`);
	}
}

// The operator's ferry between the two instances, by the CLI, as with a
// transfer device: 'in' exports the public instance's inbox and imports
// the batch on the intranet, 'back' the intranet's reply batch to the
// public side.  Returns the batch's file and the import's output.
let batches = 0;
export function ferry(way) {
	const { QF_DB, QF_PDB, QF_PKEY, QF_TDIR } = process.env;
	assert(QF_PDB && QF_TDIR, 'no public instance: the walk needs "// instance: public" for run.sh');
	const file = path.join(QF_TDIR, `ferry-${++batches}-${way}.batch`);
	const pub = ['--db', QF_PDB, '--key', QF_PKEY];
	const [from, to] = way === 'in' ? [pub, ['--db', QF_DB]] : [['--db', QF_DB], pub];
	cli(['ferry', 'export', ...from, '--out', file]);
	return { file, out: cli(['ferry', 'import', file, ...to]) };
}

// What an instance ('public' or 'intranet') keeps: its database's content
// as SQL text (sqlite3 .dump or pg_dump), and the files on its disk (the
// SQLite database and its WAL, the key file).
export function dumpOf(which) {
	const db = which === 'public' ? process.env.QF_PDB : process.env.QF_DB;
	const out = process.env.BACKEND === 'pg'
		? execFileSync('pg_dump', ['--no-owner', '--no-privileges', db], { encoding: 'utf8', maxBuffer: 1 << 28 })
		: execFileSync('sqlite3', [db, '.dump'], { encoding: 'utf8', maxBuffer: 1 << 28 });
	assert(out.includes('audit_log'), `the dump of the ${which} database has no audit_log`);
	return out;
}
export function filesOf(which) {
	const { QF_DB, QF_PDB, QF_PKEY, BACKEND } = process.env;
	const key = which === 'public' ? QF_PKEY : process.env.QINGFENG_KEY || `${QF_DB}.key`;
	const db = which === 'public' ? QF_PDB : QF_DB;
	const files = BACKEND === 'pg' ? [key] : [db, `${db}-wal`, key];
	return files.filter((f) => fs.existsSync(f));
}
// One value from an instance's database (sqlite3, or psql on PostgreSQL).
export function sqlOf(which, query) {
	const db = which === 'public' ? process.env.QF_PDB : process.env.QF_DB;
	return (process.env.BACKEND === 'pg'
		? execFileSync('psql', ['-X', '-At', db, '-c', query], { encoding: 'utf8' })
		: execFileSync('sqlite3', [db, query], { encoding: 'utf8' })).trim();
}
// The servers' log (both instances write to run.sh's one log).
export const serverLog = () => fs.readFileSync(process.env.QF_LOG, 'utf8');

// Logs in as `user` (from wherever the page is: logs out first).
export async function login(user) {
	await page.goto(`${BASE}/login`);
	if (path_() !== '/login') {
		await Promise.all([page.waitForURL(`${BASE}/login`), page.getByRole('button', { name: '退出' }).click()]);
	}
	await page.getByLabel('用户名').fill(user);
	await page.getByLabel('密码').fill(PW);
	await Promise.all([page.waitForURL(`${BASE}/`), page.getByRole('button', { name: '登录' }).click()]);
	await h1().filter({ hasText: '工作台' }).waitFor();
}

// The checks over the whole walk, then exit.
export async function finish(minShots) {
	if (stopped)
		diag('the walk stopped early: the checks below cover only the pages it reached');
	if (problems.size === 0)
		ok('no console error, uncaught exception or CSP violation on any page');
	else
		notOk(`no console error, uncaught exception or CSP violation on any page (${problems.size} kinds)`,
			[...problems].map(([what, at]) => `${what} (on ${[...at].join(' ')})`).join('\n'));
	if (favicon.length === 0)
		ok('the icon the browser asks for by itself (/favicon.ico) loads without error');
	else
		notOk('the icon the browser asks for by itself (/favicon.ico) loads without error',
			`${favicon[0]}\n(the pages name no <link rel="icon">, so the browser asks for /favicon.ico)`);
	if (shots >= minShots)
		ok(`${shots} screenshots in ${OUT}`);
	else
		notOk(`screenshots in ${OUT}`, `only ${shots} taken`);
	await browser.close();
	clearTimeout(watchdog);
	process.exit(failed ? 1 : 0);
}

// A w x h PNG of one flat colour (a photographed piece of evidence, small):
// the rectify and inspect walks upload it.
export function png(w, h) {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (b) => { let c = 0xffffffff; for (const x of b) c = crcTable[(c ^ x) & 255] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
	const chunk = (type, data) => {
		const t = Buffer.concat([Buffer.from(type), data]);
		const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
		const c = Buffer.alloc(4); c.writeUInt32BE(crc(t));
		return Buffer.concat([len, t, c]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
	const rows = Buffer.alloc((w * 3 + 1) * h, 90);
	for (let y = 0; y < h; y++) rows[y * (w * 3 + 1)] = 0;
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]), chunk('IHDR', ihdr),
		chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
