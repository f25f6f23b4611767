#!/usr/bin/env node
// The statistics (issue 10) in Debian's Chromium: a provincial official's statistics page with
// its SVG charts and the assessment table (考评), a county official's page limited to its county
// (a wider area is refused), and the public monthly summary /jubao/stats; axe-core
// (tests/browser/node_modules/axe-core) run on each page must find no violations. Screenshots go
// to ARTIFACT_DIR. The reports it needs are inserted with SQL on the stack's socket (two
// counties, this month) and the summary is made from them by `jubaoctl stats-rebuild`; the
// incremental path is tested by tests/integration/test_stats.py.
//
// Usage: node tests/browser/stats.mjs BASE_URL STATE_DIR ARTIFACT_DIR
// Environment: JUBAO_CHROMIUM (default /usr/bin/chromium), BUILD (default build).
// Ends with exactly one line "browser-stats: N passed, N failed"; non-zero exit on failure.

import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [BASE_ARG, STATE_ARG, ART_ARG] = process.argv.slice(2);
const CHROMIUM = process.env.JUBAO_CHROMIUM || '/usr/bin/chromium';
if (!BASE_ARG || !STATE_ARG || !ART_ARG) {
	console.error('usage: node stats.mjs BASE_URL STATE_DIR ARTIFACT_DIR');
	process.exit(2);
}
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const BASE = BASE_ARG.replace(/\/+$/, '');
const STATE = path.resolve(STATE_ARG);
const ART = path.resolve(ART_ARG);
const DBSOCK = path.join(STATE, 'run', 'mysqld.sock');
const CTL = path.join(ROOT, process.env.BUILD || 'build', 'tools', 'jubaoctl');
const AXE = fs.readFileSync(path.join(HERE, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const PASSWORD = 'Browser-Stats-2026';
const TAG = crypto.randomBytes(3).toString('hex');
const PROVINCE = `bsprov${TAG}`;
const COUNTY = `bscounty${TAG}`;
fs.mkdirSync(ART, { recursive: true });

let passed = 0;
let failed = 0;

function out(s) {
	console.log('browser-stats: ' + s);
}

function check(cond, msg) {
	if (!cond)
		throw new Error(msg);
}

async function step(name, fn) {
	try {
		await fn();
		passed++;
		out('ok   ' + name);
	} catch (e) {
		failed++;
		out('FAIL ' + name + ': ' + e.message);
	}
}

function finish() {
	console.log(`browser-stats: ${passed} passed, ${failed} failed`);
	process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

function sql(query) {
	const r = execFileSync('mariadb', ['--no-defaults', '--default-character-set=utf8mb4', '-S', DBSOCK,
		'-u', 'root', '-N', '-B', 'jubao', '-e', query], { encoding: 'utf8', timeout: 30000 });
	return r.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

// ------------------------------------------------------------------------------------ the data

// A staff account with one role on one department (PBKDF2 with the iterations it names).
function makeStaff(login, role, dept) {
	const salt = crypto.randomBytes(16);
	const hash = crypto.pbkdf2Sync(PASSWORD, salt, 1000, 32, 'sha256');
	sql(`INSERT INTO staff (login, display_name, email, pw_hash, pw_salt, pw_iter, must_change) ` +
		`VALUES ('${login}', '统计测试${login}', NULL, UNHEX('${hash.toString('hex')}'), ` +
		`UNHEX('${salt.toString('hex')}'), 1000, 0)`);
	sql(`INSERT INTO staff_role (staff_id, role, department_id) SELECT s.id, '${role}', d.id ` +
		`FROM staff s, department d WHERE s.login = '${login}' AND d.name = '${dept}'`);
	check(sql(`SELECT COUNT(*) FROM staff_role r JOIN staff s ON s.id = r.staff_id ` +
		`WHERE s.login = '${login}'`)[0][0] === '1', `staff ${login}: no department ${dept}`);
}

// Reports received now in 宽城区 (3) and 南关区 (2), each with its first event.
function insertReports() {
	const rows = [['220103', 'steel'], ['220103', 'cement'], ['220103', 'steel'],
		['220102', 'coal'], ['220102', 'steel']];
	for (const [region, industry] of rows) {
		const ticket = String(crypto.randomInt(1e8)).padStart(8, '0') +
			String(crypto.randomInt(1e8)).padStart(8, '0');
		sql('INSERT INTO report (ticket, code_mac, category, standards, industry, region, ' +
			'subject_type, subject_name, description, anonymous, submitted_at, due_date) VALUES ' +
			`('${ticket}', UNHEX(SHA2('${ticket}', 256)), 'backward', 'energy', '${industry}', ` +
			`'${region}', 'enterprise', '统计浏览器测试企业${TAG}', '浏览器测试用的举报内容。', 1, ` +
			'UTC_TIMESTAMP() + INTERVAL 8 HOUR, CURDATE() + INTERVAL 3 DAY)');
		sql("INSERT INTO report_event (report_id, at, state, text) SELECT id, submitted_at, " +
			`'submitted', '举报已提交，等待工信部门受理。' FROM report WHERE ticket = '${ticket}'`);
	}
	execFileSync(CTL, ['-c', path.join(STATE, 'conf', 'jubao.conf'), 'stats-rebuild'],
		{ encoding: 'utf8', timeout: 120000, stdio: ['ignore', 'pipe', 'pipe'] });
	makeStaff(PROVINCE, 'supervisor', '吉林省工业和信息化厅');
	makeStaff(COUNTY, 'handler', '长春市宽城区工业和信息化局');
}

// ------------------------------------------------------------------------------------ helpers

// axe-core injected through the DevTools protocol (page.evaluate), which the pages' CSP
// (script-src 'self') does not govern.
async function axe(page, name) {
	await page.evaluate(AXE);
	const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
	const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) =>
		n.target.join(' ')).join(', ')}`);
	check(v.length === 0, `axe on ${name}: ${v.join('; ')}`);
}

async function shot(page, file) {
	await page.screenshot({ path: path.join(ART, file), fullPage: true });
}

async function login(page, who) {
	await page.goto(`${BASE}/admin/login`);
	await page.locator('#login').fill(who);
	await page.locator('#password').fill(PASSWORD);
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.getByRole('button', { name: '登录' }).click()]);
	check(await page.locator('nav.console-nav').count() > 0,
		`login as ${who} failed: ${(await page.locator('main, body').first().innerText()).slice(0, 200)}`);
}

// ------------------------------------------------------------------------------------ the walk

try {
	insertReports();
} catch (e) {
	out('FAIL setup: ' + e.message.split('\n').slice(-3).join(' '));
	failed++;
	finish();
}

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
	executablePath: CHROMIUM,
	headless: true,
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	timeout: 60000,
});
setTimeout(() => { out('FAIL took longer than 180 s'); failed++; finish(); }, 180000).unref();

const errors = [];
async function newPage() {
	const ctx = await browser.newContext({
		locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 },
		extraHTTPHeaders: { 'X-Real-IP': `198.51.${crypto.randomInt(256)}.${crypto.randomInt(256)}` },
	});
	ctx.setDefaultTimeout(20000);
	const page = await ctx.newPage();
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error' && !/favicon/.test(m.text() + (m.location().url || '')))
			errors.push(`${m.text()} ${m.location().url || ''}`);
	});
	return page;
}

const prov = await newPage();
await step('a provincial official sees the province with SVG charts and the assessment', async () => {
	await login(prov, PROVINCE);
	const r = await prov.goto(`${BASE}/admin/stats`);
	check(r.status() === 200, `status ${r.status()}`);
	check(await prov.locator('main svg').count() >= 3, 'fewer than three charts');
	check(await prov.locator('table.assess-table').count() === 1, 'no assessment table');
	const text = await prov.locator('main').innerText();
	for (const s of ['吉林省', '长春市', '考评', '当前超期'])
		check(text.includes(s), `the page lacks ${s}`);
	await shot(prov, 'stats-01-province.png');
	await axe(prov, 'the provincial statistics page');
});

await step('the drill-down to the city lists its counties', async () => {
	await Promise.all([prov.waitForNavigation(),
		prov.locator('#st-regions-table').getByRole('link', { name: '长春市' }).click()]);
	check(new URL(prov.url()).searchParams.get('region') === '2201', `address ${prov.url()}`);
	const counties = await prov.locator('#st-regions-table tbody th').allInnerTexts();
	check(counties.includes('宽城区') && counties.includes('南关区'), `counties ${counties}`);
	await shot(prov, 'stats-02-city.png');
	await axe(prov, 'the city statistics page');
});

const county = await newPage();
await step('a county official sees only its county', async () => {
	await login(county, COUNTY);
	const r = await county.goto(`${BASE}/admin/stats`);
	check(r.status() === 200, `status ${r.status()}`);
	const crumbs = await county.locator('nav.crumbs').innerText();
	check(crumbs.includes('宽城区'), `the area shown is not 宽城区: ${crumbs}`);
	const text = await county.locator('main').innerText();
	check(!text.includes('南关区'), 'another county (南关区) appears on the county page');
	check(await county.locator('#st-regions-table').count() === 0, 'a table of areas below a county');
	check(await county.locator('main svg').count() >= 3, 'fewer than three charts');
	await shot(county, 'stats-03-county.png');
	await axe(county, 'the county statistics page');
	// a wider or another area, asked with the official's session (not a page load, whose
	// refused answer the browser would log as a console error)
	for (const region of ['22', '2201', '220102']) {
		const w = await county.request.get(`${BASE}/admin/stats?region=${region}`);
		check(w.status() === 403, `region=${region} answered ${w.status()}, not 403`);
	}
});

const pub = await newPage();
await step('the public monthly summary with its trend chart', async () => {
	const r = await pub.goto(`${BASE}/stats`);
	check(r.status() === 200, `status ${r.status()}`);
	check(await pub.locator('main svg').count() >= 1, 'no chart');
	check(await pub.locator('main table').count() >= 2, 'fewer than two tables');
	check((await pub.locator('main').innerText()).includes('长春市'), 'no 长春市 in the figures');
	await shot(pub, 'stats-04-public.png');
	await axe(pub, 'the public summary');
});

await step('no script errors on any page', async () => {
	check(errors.length === 0, errors.join('; '));
});

await browser.close();
finish();
