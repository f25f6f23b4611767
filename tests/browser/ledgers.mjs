#!/usr/bin/env node
// The ledgers and exports in Debian's Chromium (issue 10): a county handler opens 台账导出 from
// the console's navigation (axe-core finds no violations), downloads 整改及退出台账 as Excel and
// as CSV through the form's two buttons (the browser's file name is the Chinese one of the
// Content-Disposition, the .xlsx is a zip with its sheet), the same for 整改及退出台账（企业明细）,
// and the case list's Excel export from
// the link under its filter. Screenshots in ARTIFACT_DIR.
//
// Usage: node tests/browser/ledgers.mjs BASE_URL STATE_DIR ARTIFACT_DIR
// Environment: JUBAO_CHROMIUM (default /usr/bin/chromium).
// Ends with exactly one line "browser-ledgers: N passed, N failed"; non-zero exit on failure.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { axe, check, chineseContext, harness, launch, makeStaff, stackArgs } from './harness.mjs';

const { BASE, ART, sql } = stackArgs('ledgers.mjs');
const PASSWORD = 'Jubao-demo-2026';
const LOGIN = 'brledger' + crypto.randomBytes(3).toString('hex');
const DEPT = '长春市双阳区工业和信息化局';
const { step, finish, fail, deadline } = harness('browser-ledgers');

// Click what starts a download; the file as the browser names and saves it.
async function download(page, locator, file) {
	const [d] = await Promise.all([page.waitForEvent('download'), locator.click()]);
	const to = path.join(ART, file);
	await d.saveAs(to);
	return { name: d.suggestedFilename(), data: fs.readFileSync(to) };
}

try {
	// A handler needs no second factor.
	makeStaff(sql, { login: LOGIN, password: PASSWORD, name: '浏览器台账', role: 'handler',
		dept: DEPT });
} catch (e) {
	fail('setup: ' + e.message.split('\n').slice(-3).join(' '));
	finish();
}

const browser = await launch();
deadline(120);
const ctx = await chineseContext(browser, { acceptDownloads: true });
const page = await ctx.newPage();

await step('a county handler signs in and opens 台账导出 from the navigation', async () => {
	await page.goto(`${BASE}/admin/login`);
	await page.locator('#login').fill(LOGIN);
	await page.locator('#password').fill(PASSWORD);
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '登录' }).click()]);
	await Promise.all([page.waitForNavigation(),
		page.locator('nav.console-nav a', { hasText: '台账导出' }).click()]);
	check(/\/admin\/ledgers/.test(page.url()), `台账导出 led to ${page.url()}`);
	const areas = await page.locator('#lg-region option').allInnerTexts();
	check(areas.length === 1 && areas[0].includes('双阳区'), `areas offered: ${areas}`);
	await page.screenshot({ path: path.join(ART, 'ledgers-01-page.png'), fullPage: true });
	await axe(page, 'the 台账导出 page');
});

await step('整改及退出台账 as Excel and as CSV, named in Chinese', async () => {
	await page.locator('#lg-kind').selectOption('rectify');
	await page.locator('#lg-period').selectOption('year');
	const x = await download(page, page.getByRole('button', { name: '导出Excel' }), 'ledger.xlsx');
	check(/^整改及退出台账（吉林省 长春市 双阳区，\d{4}年1月至\d{4}年12月）\.xlsx$/.test(x.name),
		`file name ${x.name}`);
	check(x.data.subarray(0, 2).toString() === 'PK' && x.data.includes('xl/worksheets/sheet1.xml'),
		'the .xlsx is not a workbook');
	const c = await download(page, page.getByRole('button', { name: '导出CSV' }), 'ledger.csv');
	check(c.name.endsWith('.csv') && c.name.startsWith('整改及退出台账'), `file name ${c.name}`);
	const text = c.data.toString('utf8');
	check(text.startsWith('\ufeff整改及退出台账') && text.includes('\r\n双阳区,') &&
		text.includes('\r\n合计,'), `CSV: ${text.slice(0, 200)}`);
});

await step('整改及退出台账（企业明细） as Excel and CSV: the same form, one row per enterprise', async () => {
	await page.locator('#lg-kind').selectOption('enterprise');
	await page.locator('#lg-period').selectOption('year');
	const x = await download(page, page.getByRole('button', { name: '导出Excel' }), 'ledger-enterprise.xlsx');
	check(/^整改及退出台账（企业明细）（吉林省 长春市 双阳区，\d{4}年1月至\d{4}年12月）\.xlsx$/.test(x.name),
		`file name ${x.name}`);
	check(x.data.subarray(0, 2).toString() === 'PK', 'the .xlsx is not a workbook');
	const c = await download(page, page.getByRole('button', { name: '导出CSV' }), 'ledger-enterprise.csv');
	const text = c.data.toString('utf8');
	check(text.startsWith('\ufeff整改及退出台账（企业明细）') && text.includes('\r\n序号,企业名称,') &&
		text.includes('\r\n合计（条）,'), `CSV: ${text.slice(0, 300)}`);
});

await step('the case list offers its export under the filter', async () => {
	await Promise.all([page.waitForNavigation(),
		page.locator('nav.console-nav a', { hasText: '案件' }).click()]);
	const x = await download(page, page.locator('.export-links a', { hasText: 'Excel' }), 'cases.xlsx');
	check(x.name === '案件清单.xlsx' && x.data.subarray(0, 2).toString() === 'PK', `file ${x.name}`);
	await page.screenshot({ path: path.join(ART, 'ledgers-02-case-list.png'), fullPage: true });
	await axe(page, 'the case list with its export links');
});

await browser.close();
finish();
