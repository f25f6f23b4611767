// harness.mjs: what the browser scripts share (extras, lists, ledgers, stats; walk.mjs keeps its
// own chained steps but uses the rest): their arguments (BASE_URL STATE_DIR ARTIFACT_DIR), their
// "ok" and "FAIL" lines and the one summary line "NAME: N passed, N failed" (with the exit
// status), check, Debian's Chromium launched headless, a context as a reader in China behind an
// address of its own (the stack trusts X-Real-IP from loopback), the script errors a page logs,
// SQL on the stack's MariaDB socket, a staff account made in SQL, and axe-core run in a page.

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

// The arguments BASE_URL STATE_DIR ARTIFACT_DIR of the script called file ("lists.mjs"), or its
// usage line and exit status 2. Returns the base URL without a trailing slash, the state and
// artifact directories resolved (the latter made), the stack's MariaDB socket with sql on it,
// jubaoctl (under BUILD, default build) and its configuration file.
export function stackArgs(file) {
	const [base, state, art] = process.argv.slice(2);
	if (!base || !state || !art) {
		console.error(`usage: node ${file} BASE_URL STATE_DIR ARTIFACT_DIR`);
		process.exit(2);
	}
	const a = { BASE: base.replace(/\/+$/, ''), STATE: path.resolve(state), ART: path.resolve(art) };
	fs.mkdirSync(a.ART, { recursive: true });
	a.DBSOCK = path.join(a.STATE, 'run', 'mysqld.sock');
	a.sql = sqlOn(a.DBSOCK);
	a.CTL = path.join(HERE, '..', '..', process.env.BUILD || 'build', 'tools', 'jubaoctl');
	a.CONF = path.join(a.STATE, 'conf', 'jubao.conf');
	return a;
}

// Debian's Chromium (or JUBAO_CHROMIUM), headless; args are added to the usual ones. Throws
// with what to install when Chromium or playwright-core is missing.
export async function launch({ args = [] } = {}) {
	const executablePath = process.env.JUBAO_CHROMIUM || '/usr/bin/chromium';
	if (!fs.existsSync(executablePath))
		throw new Error(`no Chromium at ${executablePath}: install Debian's chromium package ` +
			'(scripts/deps.sh does), or set JUBAO_CHROMIUM');
	let chromium;
	try {
		({ chromium } = await import('playwright-core'));
	} catch (e) {
		throw new Error('playwright-core is not installed: run ' +
			`\`npm ci --no-audit --no-fund --prefix tests/browser\` (${e.message.split('\n')[0]})`);
	}
	return chromium.launch({
		executablePath,
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync', ...args],
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

// Collect into errors what page reports as a script error or logs as a console error; where
// prefixes each with the page's address. A missing /favicon.ico is the portal's business, not
// jubao's.
export function watchErrors(page, errors, { where = false } = {}) {
	const at = () => (where ? `${page.url()}: ` : '');
	page.on('pageerror', (e) => errors.push(at() + e.message));
	page.on('console', (m) => {
		if (m.type() === 'error' && !/favicon/.test(m.text() + (m.location().url || '')))
			errors.push(`${at()}${m.text()} ${m.location().url || ''}`);
	});
}

// A staff account with one role on the department named dept, made with sql (from sqlOn) and a
// PBKDF2 hash computed here, so that a test does not depend on the code it tests to set itself
// up; 1000 iterations, no second factor set up, no password change asked.
export function makeStaff(sql, { login, password, name, role, dept }) {
	const salt = crypto.randomBytes(16);
	const hash = crypto.pbkdf2Sync(password, salt, 1000, 32, 'sha256');
	sql('INSERT INTO staff (login, display_name, email, pw_hash, pw_salt, pw_iter, must_change) ' +
		`VALUES ('${login}', '${name}', NULL, UNHEX('${hash.toString('hex')}'), ` +
		`UNHEX('${salt.toString('hex')}'), 1000, 0)`);
	sql(`INSERT INTO staff_role (staff_id, role, department_id) SELECT s.id, '${role}', d.id ` +
		`FROM staff s, department d WHERE s.login = '${login}' AND d.name = '${dept}'`);
	check(sql('SELECT COUNT(*) FROM staff_role r JOIN staff s ON s.id = r.staff_id ' +
		`WHERE s.login = '${login}'`)[0][0] === '1', `staff ${login}: no department ${dept}`);
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
