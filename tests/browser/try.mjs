import { chromium } from 'playwright-core';
const BASE = 'http://127.0.0.1:18777';
const [user, pw, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, h, tag] of [[360, 740, 'm'], [1280, 900, 'd']]) {
	const ctx = await browser.newContext({ viewport: { width: w, height: h } });
	const page = await ctx.newPage();
	await page.goto(BASE + '/login');
	await page.getByLabel('用户名').fill(user);
	await page.getByLabel('密码').fill(pw);
	await page.getByRole('button', { name: '登录' }).click();
	await page.waitForLoadState();
	if (page.url().includes('password')) {
		console.log('forced change at', page.url());
	}
	for (const p of paths) {
		const r = await page.goto(BASE + p);
		const name = `/tmp/try/${tag}-${p.replace(/[^a-z0-9]/gi, '_')}.png`;
		await page.screenshot({ path: name, fullPage: true });
		console.log(tag, p, r.status(), name);
	}
	await ctx.close();
}
await browser.close();
