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
import path from 'node:path';

import { axe, check, chineseContext, harness, launch, makeStaff, stackArgs, watchErrors }
	from './harness.mjs';

const { BASE, ART, sql, CTL, CONF } = stackArgs('stats.mjs');
const { step, finish, fail, deadline } = harness('browser-stats');
const PASSWORD = 'Browser-Stats-2026';
const TAG = crypto.randomBytes(3).toString('hex');
const PROVINCE = `bsprov${TAG}`;
const COUNTY = `bscounty${TAG}`;

// ------------------------------------------------------------------------------------ the data

const staff = (login, role, dept) => makeStaff(sql, { login, password: PASSWORD,
	name: `统计测试${login}`, role, dept });

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
	execFileSync(CTL, ['-c', CONF, 'stats-rebuild'],
		{ encoding: 'utf8', timeout: 120000, stdio: ['ignore', 'pipe', 'pipe'] });
	staff(PROVINCE, 'supervisor', '吉林省工业和信息化厅');
	staff(COUNTY, 'handler', '长春市宽城区工业和信息化局');
}

// ------------------------------------------------------------------------------------ helpers

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
	fail('setup: ' + e.message.split('\n').slice(-3).join(' '));
	finish();
}

const browser = await launch();
deadline(180);

const errors = [];
async function newPage() {
	const page = await (await chineseContext(browser)).newPage();
	watchErrors(page, errors);
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

await step('the dashboard\'s reporting calendar: late in words, marked filed, taken back', async () => {
	const r = await prov.goto(`${BASE}/admin/`);
	check(r.status() === 200, `status ${r.status()}`);
	check((await prov.locator('main').innerText()).includes('逾期未报'), 'no late item in words');
	const mark = prov.locator('form[action$="/admin/reporting"] button', { hasText: '标记已报送' });
	check(await mark.count() > 0, 'no item to mark as filed');
	await axe(prov, 'the dashboard with the reporting calendar');
	const label = await mark.first().getAttribute('aria-label');
	await Promise.all([prov.waitForNavigation(), mark.first().click()]);
	const undo = prov.getByRole('button', { name: label.replace('标记已报送', '撤销已报送'), exact: true });
	check(await undo.count() === 1, `no undo for «${label}» after marking it`);
	await shot(prov, 'stats-00-dashboard.png');
	await axe(prov, 'the dashboard after marking an item filed');
	await Promise.all([prov.waitForNavigation(), undo.click()]);
	check(await prov.getByRole('button', { name: label, exact: true }).count() === 1,
		`the undo did not bring «${label}» back`);
});

await step('who below has reported: the province\'s cities in a table, states in words', async () => {
	await prov.goto(`${BASE}/admin/`);
	await Promise.all([prov.waitForNavigation(),
		prov.getByRole('link', { name: '下级报送情况' }).click()]);
	check(new URL(prov.url()).pathname.endsWith('/admin/reporting'), `address ${prov.url()}`);
	const table = prov.locator('table.reporting-below-table');
	check(await table.locator('caption').count() === 1, 'no caption');
	const rows = await table.locator('tbody th[scope="row"]').allInnerTexts();
	check(rows.includes('长春市工业和信息化局') && !rows.some((n) => n.includes('区')),
		`rows ${rows}`);
	check((await table.innerText()).includes('逾期未报'), 'no late cell in words');
	await shot(prov, 'stats-00-reporting-below.png');
	await axe(prov, 'the page of who below has reported');
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
