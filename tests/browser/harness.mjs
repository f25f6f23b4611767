// harness.mjs: what the browser scripts share (extras.mjs, lists.mjs, ledgers.mjs): their "ok" and
// "FAIL" lines and the one summary line "NAME: N passed, N failed" (with the exit status),
// check, Debian's Chromium launched headless, a context as a reader in China behind an address
// of its own (the stack trusts X-Real-IP from loopback), SQL on the stack's MariaDB socket, and
// axe-core run in a page.

import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export function check(cond, msg) {
	if (!cond)
		throw new Error(msg);
}

// The counters and lines of one script called name ("browser-lists").
export function harness(name) {
	const h = { passed: 0, failed: 0 };
	h.out = (s) => console.log(`${name}: ${s}`);
	h.fail = (msg) => {
		h.failed++;
		h.out('FAIL ' + msg);
	};
	h.step = async (label, fn) => {
		try {
			await fn();
			h.passed++;
			h.out('ok   ' + label);
		} catch (e) {
			h.fail(label + ': ' + e.message.split('\n')[0]);
		}
	};
	h.finish = () => {
		console.log(`${name}: ${h.passed} passed, ${h.failed} failed`);
		process.exit(h.failed === 0 && h.passed > 0 ? 0 : 1);
	};
	// The whole script's time limit: past it, one FAIL and the summary.
	h.deadline = (seconds) => setTimeout(() => {
		h.fail(`took longer than ${seconds} s`);
		h.finish();
	}, seconds * 1000).unref();
	return h;
}

export async function launch() {
	const { chromium } = await import('playwright-core');
	return chromium.launch({
		executablePath: process.env.JUBAO_CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
		timeout: 60000,
	});
}

export async function chineseContext(browser, extra = {}) {
	const ctx = await browser.newContext({
		locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 },
		extraHTTPHeaders: { 'X-Real-IP': `198.51.${crypto.randomInt(256)}.${crypto.randomInt(256)}` },
		...extra,
	});
	ctx.setDefaultTimeout(20000);
	return ctx;
}

// sql(query) -> rows of strings, as root on the stack's socket.
export function sqlOn(dbsock) {
	return (query) => {
		const r = execFileSync('mariadb', ['--no-defaults', '--default-character-set=utf8mb4', '-S',
			dbsock, '-u', 'root', '-N', '-B', 'jubao', '-e', query], { encoding: 'utf8', timeout: 30000 });
		return r.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
	};
}

let axeSource = null;

// axe-core run in the page as it is; injected through the DevTools protocol (page.evaluate),
// which the pages' CSP (script-src 'self') does not govern. No violation may be found.
export async function axe(page, name) {
	if (axeSource === null)
		axeSource = fs.readFileSync(path.join(HERE, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
	await page.evaluate(axeSource);
	const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
	const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) =>
		n.target.join(' ')).join(', ')}`);
	check(v.length === 0, `axe on ${name}: ${v.join('; ')}`);
}
