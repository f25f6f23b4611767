#!/usr/bin/env node
// The published lists in Debian's Chromium (issue 9): the lists index, a list filtered through
// its form, an entry's permalink, the annual exit chart, and "举报此企业" to the report form with
// the enterprise filled in; axe-core (tests/browser/node_modules/axe-core) run on each new page
// must find no violations. The entries it needs are inserted with SQL on the stack's socket and
// published with `jubaoctl publish`, so the unfiltered pages come from publish_dir.
//
// Usage: node tests/browser/lists.mjs BASE_URL STATE_DIR ARTIFACT_DIR
// Environment: JUBAO_CHROMIUM (default /usr/bin/chromium), BUILD (default build).
// Ends with exactly one line "browser-lists: N passed, N failed"; non-zero exit on failure.

import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';

import { axe, check, chineseContext, harness, launch, stackArgs, watchErrors } from './harness.mjs';

const { BASE, ART, sql, CTL, CONF } = stackArgs('lists.mjs');
const { out, step, finish, fail, deadline } = harness('browser-lists');

// A 统一社会信用代码 with its check character (GB 32100-2015).
function creditCode(body17) {
	const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
	const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
	let s = 0;
	for (let i = 0; i < 17; i++)
		s += chars.indexOf(body17[i]) * w[i];
	return body17 + chars[(31 - (s % 31)) % 31];
}

// ------------------------------------------------------------------------------------ the data

const YEAR = 2026;
const TAG = crypto.randomBytes(3).toString('hex');
const NAME = `浏览器测试钢铁有限公司${TAG}`;
const CODE = creditCode('91220102MA0B' + String(crypto.randomInt(100000)).padStart(5, '0'));

function insertEntries() {
	const dept = sql("SELECT id FROM department WHERE region_code = '220102' AND kind = 'gongxin'")[0][0];
	const cols = 'list_type, state, department_id, region, industry, enterprise, credit_code, address, ' +
		'facts, legal_basis, requirement, deadline, equipment, quantity, capacity, capacity_unit, ' +
		'exit_method, completion, basis_date, due_date, year, created_by, noticed_on, announced_on';
	const row = (list, state, name, cap, announced) => `('${list}', '${state}', ${dept}, '220102', ` +
		`'steel', '${name}', '${CODE}', '长春市南关区测试路1号', '未经备案擅自建设。', ` +
		"'《产业结构调整指导目录》', '责令关停。', '2026-12-31', '中频炉', 2, " +
		`${cap}, '万吨/年', '拆除', ${announced ? "'已拆除并经验收。'" : 'NULL'}, ` +
		`'${YEAR}-03-02', '${YEAR}-03-16', ${YEAR}, 1, '${YEAR}-03-10', ` +
		`${announced ? `'${YEAR}-06-01'` : 'NULL'})`;
	sql(`INSERT INTO list_entry (${cols}) VALUES ` + [
		row('violation', 'notice', NAME, 'NULL', false),
		row('violation', 'announcement', NAME + '二厂', 'NULL', true),
		row('elimination', 'announcement', NAME + '三厂', 35.5, true),
	].join(', '));
	const r = execFileSync(CTL, ['-c', CONF, 'publish'],
		{ encoding: 'utf8', timeout: 120000 });
	out(r.trim());
}

async function shot(page, file) {
	await page.screenshot({ path: path.join(ART, file), fullPage: true });
}

// ------------------------------------------------------------------------------------ the walk

try {
	insertEntries();
} catch (e) {
	fail('setup: ' + e.message.split('\n').slice(-3).join(' '));
	finish();
}

const browser = await launch();
deadline(180);
const ctx = await chineseContext(browser);
const page = await ctx.newPage();
const errors = [];
watchErrors(page, errors);

await step('the lists index shows every list with its count', async () => {
	const r = await page.goto(`${BASE}/lists`);
	check(r.status() === 200, `status ${r.status()}`);
	for (const label of ['违法信息', '淘汰信息', '整改信息', '不达标强制退出', '合法合规'])
		check((await page.locator('main').innerText()).includes(label), `no ${label}`);
	await shot(page, 'lists-01-index.png');
	await axe(page, 'the index');
});

await step('a list filtered through its form (city, year) reaches the program', async () => {
	await page.goto(`${BASE}/lists/violation`);
	await page.getByLabel('年度').selectOption(String(YEAR));
	await page.getByLabel('地区').selectOption('220100');
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '筛选' }).click()]);
	const u = new URL(page.url());
	check(u.searchParams.get('region') === '220100' && u.searchParams.get('year') === String(YEAR),
		`filtered address ${page.url()}`);
	check(await page.getByRole('link', { name: NAME, exact: true }).count() === 1, `${NAME} not listed`);
	await shot(page, 'lists-02-filtered.png');
	await axe(page, 'the filtered list');
});

await step('an entry has a plain permalink and its fields', async () => {
	await Promise.all([page.waitForNavigation(),
		page.getByRole('link', { name: NAME, exact: true }).click()]);
	check(/\/lists\/violation\/\d+$/.test(page.url()), `permalink ${page.url()}`);
	const text = await page.locator('main').innerText();
	for (const s of [NAME, CODE, '未经备案擅自建设。', '《产业结构调整指导目录》', '2026-12-31'])
		check(text.includes(s), `the entry lacks ${s}`);
	await shot(page, 'lists-03-entry.png');
	await axe(page, 'the entry');
});

let entryUrl = '';
await step('the annual exit chart: SVG bars with titles and the numbers in a table', async () => {
	entryUrl = page.url();
	const r = await page.goto(`${BASE}/lists/annual_exit?year=${YEAR}`);
	check(r.status() === 200, `status ${r.status()}`);
	check(await page.locator('svg').count() >= 2, 'fewer than two charts');
	check(await page.locator('table').count() >= 1, 'no table');
	check((await page.locator('main').innerText()).includes('长春市'), 'no 长春市 in the figures');
	await shot(page, 'lists-04-annual-exit.png');
	await axe(page, 'the annual exit page');
});

await step('"举报此企业" opens the report form with the enterprise filled in', async () => {
	await page.goto(entryUrl);
	await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '举报此企业' }).click()]);
	check(new URL(page.url()).pathname.endsWith('/submit'), `form address ${page.url()}`);
	check(await page.locator('#subject_name').inputValue() === NAME, 'enterprise not filled in');
	check(await page.locator('#credit_code').inputValue() === CODE, 'credit code not filled in');
	check(await page.locator('#industry').inputValue() === 'steel', 'industry not filled in');
	check(await page.locator('#region-county').inputValue() === '220102', 'county not filled in');
	await shot(page, 'lists-05-report-form.png');
	await axe(page, 'the prefilled report form');
});

await step('no script errors on any page', async () => {
	check(errors.length === 0, errors.join('; '));
});

await browser.close();
finish();
