#!/usr/bin/env node
// The citizen's extras in Debian's Chromium (issue 9): the receipt's print button, its print
// layout (media emulation, and a PDF that must be one A4 page) and QR code; the status page
// opened as the QR code opens it (the ticket from the #t= fragment filled in by jubao.js, the code typed); at 1,280 px the 16-digit
// ticket stays inside its column of the case summary.
//
// Usage: node tests/browser/extras.mjs BASE_URL ARTIFACT_DIR
// Environment: JUBAO_CHROMIUM (default /usr/bin/chromium).
// Ends with exactly one line "browser-extras: N passed, N failed"; non-zero exit on failure.

import fs from 'node:fs';
import path from 'node:path';

import { check, chineseContext, harness, launch, watchErrors } from './harness.mjs';

const [BASE_ARG, ART_ARG] = process.argv.slice(2);
if (!BASE_ARG || !ART_ARG) {
	console.error('usage: node extras.mjs BASE_URL ARTIFACT_DIR');
	process.exit(2);
}
const BASE = BASE_ARG.replace(/\/+$/, '');
const ART = path.resolve(ART_ARG);
const { out, step, finish, deadline } = harness('browser-extras');
fs.mkdirSync(ART, { recursive: true });

const browser = await launch();
deadline(180);
const ctx = await chineseContext(browser);
const page = await ctx.newPage();
const errors = [];
watchErrors(page, errors);

let ticket = '';
let code = '';

await step('the form offers the host province, a report gives a receipt', async () => {
	await page.goto(`${BASE}/submit`);
	const provinces = await page.locator('#region-province option[value]:not([value=""])').allInnerTexts();
	check(provinces.length === 1 && provinces[0].includes('吉林省'), `provinces offered: ${provinces}`);
	await page.locator('input[name="category"][value="backward"]').check();
	await page.getByLabel('能耗', { exact: true }).check();
	await page.locator('#industry').selectOption({ label: '钢铁' });
	await page.locator('#region-province').selectOption({ label: '吉林省' });
	await page.locator('#region-city').selectOption({ label: '长春市' });
	await page.locator('#region-county').selectOption({ label: '南关区' });
	await page.getByLabel('企业', { exact: true }).check();
	await page.locator('#subject_name').fill('吉林某某铸造有限公司');
	await page.locator('#subject_address').fill('长春市南关区某某路8号');
	await page.locator('#description').fill('厂区内仍在使用已列入淘汰目录的冲天炉，夜间生产。');
	await page.getByLabel('实名举报', { exact: true }).check();
	await page.locator('#reporter_name').fill('王五');
	await page.locator('#reporter_phone').fill('13800138000');
	await Promise.all([page.waitForNavigation(), page.locator('#submit-button').click()]);
	check((await page.locator('h1').first().innerText()).includes('举报已提交'), 'no receipt');
	ticket = (await page.locator('.ticket-number').innerText()).replace(/\s/g, '');
	code = (await page.locator('.query-code').innerText()).trim();
	check(/^\d{16}$/.test(ticket) && /^[0-9A-Za-z]{8}$/.test(code), `${ticket} ${code}`);
});

await step('the receipt: print button wired by jubao.js, QR code shown', async () => {
	check(await page.locator('#print-button').isVisible(), 'the print button is not shown');
	check(await page.locator('svg.receipt-qr').isVisible(), 'no QR code');
	const box = await page.locator('svg.receipt-qr').boundingBox();
	check(box.width >= 120 && Math.abs(box.width - box.height) < 1, `QR box ${JSON.stringify(box)}`);
	// the button calls window.print (replaced here: a headless print dialog would block)
	await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed++; }; });
	await page.locator('#print-button').click();
	check(await page.evaluate(() => window.__printed) === 1, 'the button did not print');
	await page.screenshot({ path: path.join(ART, 'extras-01-receipt.png'), fullPage: true });
});

await step('the receipt printed: ticket, code, date and address, no navigation, one A4 page', async () => {
	await page.emulateMedia({ media: 'print' });
	for (const sel of ['.ticket-number', '.query-code', '.receipt-time', '.lookup-address', 'svg.receipt-qr'])
		check(await page.locator(sel).isVisible(), `${sel} not printed`);
	for (const sel of ['.site-nav', '.site-footer', '#print-button', '.receipt-actions'])
		check(!(await page.locator(sel).first().isVisible()), `${sel} printed`);
	check((await page.locator('.ticket-number').innerText()).replace(/\s/g, '') === ticket, 'ticket');
	check((await page.locator('.query-code').innerText()).trim() === code, 'code');
	await page.screenshot({ path: path.join(ART, 'extras-02-receipt-print.png'), fullPage: true });
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
	fs.writeFileSync(path.join(ART, 'extras-receipt.pdf'), pdf);
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
	check(pages === 1, `the receipt prints on ${pages} pages`);
	await page.emulateMedia({ media: 'screen' });
});

await step('the QR address opens the lookup with the ticket filled in; the code is typed', async () => {
	const url = (await page.locator('.lookup-address').first().innerText()).trim();
	check(url.endsWith(`/status#t=${ticket}`) && !url.includes(code), `QR address ${url}`);
	await page.goto(url);
	check(await page.locator('#ticket').inputValue() === ticket, 'ticket not filled in');
	check(!page.url().includes(ticket), `the ticket stays in the address bar: ${page.url()}`);
	check(await page.locator('#code').inputValue() === '', 'code filled in');
	await page.locator('#code').fill(code);
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '查询' }).click()]);
	check((await page.locator('h1').first().innerText()).includes('办理进度'), 'no case page');
});

// How far the ticket's text runs past its cell (px; <= 0 inside).
const overflow = () => page.evaluate(() => {
	const dd = document.querySelector('.case-summary .ticket-inline');
	const cell = dd.parentElement.getBoundingClientRect();
	const r = document.createRange();
	r.selectNodeContents(dd);
	const text = r.getBoundingClientRect();
	return Math.max(text.right - (cell.right - 1), cell.left - text.left);
});

await step('at 1280 px the ticket stays inside its column of the case summary', async () => {
	check(page.viewportSize().width === 1280, 'viewport');
	await page.screenshot({ path: path.join(ART, 'extras-03-status-1280.png'), fullPage: true });
	const o = await overflow();
	check(o <= 0, `the ticket runs ${o.toFixed(1)} px past its column`);
	// the measure would see the old layout's fault: one column for the ticket
	await page.evaluate(() => { document.querySelector('.case-summary > div').style.gridColumn = 'auto'; });
	const old = await overflow();
	await page.evaluate(() => { document.querySelector('.case-summary > div').style.gridColumn = ''; });
	out(`     ticket overflow: ${o.toFixed(1)} px now, ${old.toFixed(1)} px in one column`);
	check(old > 0, 'the measure does not see an overflow in one column');
});

await step('the help page is linked from the footer and no script errors', async () => {
	await page.locator('.site-footer a[href$="/help"]').click();
	check((await page.locator('h1').first().innerText()).includes('举报须知'), 'no help page');
	await page.screenshot({ path: path.join(ART, 'extras-04-help.png'), fullPage: true });
	check(errors.length === 0, errors.join('; '));
});

await browser.close();
finish();
