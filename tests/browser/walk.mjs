#!/usr/bin/env node
// The browser walk: ONE report, clicked through the real pages in Debian's Chromium like a person
// would, from the public form through intake, transfer, verification and feedback to the
// reporter's status page; then the public form once more with JavaScript off.
//
// Usage: node tests/browser/walk.mjs BASE_URL STATE_DIR ARTIFACT_DIR
//   BASE_URL      e.g. http://127.0.0.1:18500/jubao
//   STATE_DIR     the stack's state directory (staff accounts are made through its MariaDB socket)
//   ARTIFACT_DIR  where the PNG screenshots go (tests/artifacts/browser in make check)
// Environment: JUBAO_CHROMIUM (default /usr/bin/chromium).
//
// Staff accounts are made directly in SQL with a PBKDF2 hash computed here, as
// tests/integration/test_console.py does, so the walk does not depend on the code it tests to set
// itself up. Each browser context sends an X-Real-IP of its own: the test stack trusts it from
// loopback, so the walk never counts against another test's rate limits (and is harmless when
// the stack does not trust it).
//
// Prints one line per step and ends with exactly one line "browser: N passed, N failed";
// exits non-zero when anything failed.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { check, chineseContext, harness, launch, makeStaff, stackArgs, watchErrors }
	from './harness.mjs';

const CHROMIUM = process.env.JUBAO_CHROMIUM || '/usr/bin/chromium';
const PASSWORD = 'Browser-Walk-2026';

const h = harness('browser');
const { out } = h;
const t0 = Date.now();

function finish() {
	out(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
	h.finish();
}

function fatal(msg) {
	h.fail(msg);
	finish();
}

const { BASE, STATE, ART, DBSOCK, sql } = stackArgs('walk.mjs');
if (!fs.existsSync(DBSOCK))
	fatal(`no MariaDB socket at ${DBSOCK}: is the stack running with STATE_DIR=${STATE}?`);

for (const f of fs.readdirSync(ART))
	if (/^\d\d.*\.png$/.test(f))
		fs.rmSync(path.join(ART, f));

// ------------------------------------------------------------------------------------ helpers

// A small valid PNG (16x16, one colour); the server only sniffs the magic, but a real image is
// what a person attaches.
function pngBytes() {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (buf) => {
		let c = 0xffffffff;
		for (const b of buf)
			c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type, data) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const c = Buffer.alloc(4);
		c.writeUInt32BE(crc(td));
		return Buffer.concat([len, td, c]);
	};
	const w = 16, h = 16;
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0);
	ihdr.writeUInt32BE(h, 4);
	ihdr[8] = 8;    // bit depth
	ihdr[9] = 2;    // truecolour
	const raw = Buffer.alloc(h * (1 + w * 3));
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++)
			raw.set([0x8b, 0x1a, 0x1a], y * (1 + w * 3) + 1 + x * 3);
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function freshIp() {
	const n = crypto.randomInt(1 << 17);
	return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

function staff(login, role, dept) {
	makeStaff(sql, { login, password: PASSWORD, name: `浏览器测试${login}`, role, dept });
}

const jsErrors = [];
let shotNo = 0;

async function shot(page, name) {
	shotNo++;
	const file = path.join(ART, `${String(shotNo).padStart(2, '0')}-${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return path.basename(file);
}

async function newContext(browser, opts = {}) {
	const ctx = await chineseContext(browser, { extraHTTPHeaders: { 'X-Real-IP': freshIp() }, ...opts });
	ctx.setDefaultNavigationTimeout(30000);
	ctx.on('page', (page) => watchErrors(page, jsErrors, { where: true }));
	return ctx;
}

let current = null;            // the page of the running step, for a screenshot on failure
let broken = null;             // the first failed step of the chain: the later ones cannot run

async function step(name, fn, { chain = true } = {}) {
	if (chain && broken) {
		h.fail(`${name}: not run (needs "${broken}")`);
		return;
	}
	const s = Date.now();
	try {
		const note = await fn();
		h.passed++;
		out(`ok   ${name}${note ? ' — ' + note : ''} (${((Date.now() - s) / 1000).toFixed(1)} s)`);
	} catch (e) {
		if (chain)
			broken = name;
		h.fail(`${name}: ${String(e.message || e).split('\n').slice(0, 6).join(' | ')}`);
		if (current && !current.isClosed()) {
			try {
				out(`     at ${current.url()}; screenshot ` +
					`${await shot(current, 'FAILED-step' + name.split(' ')[0])}`);
			} catch { /* the page may be gone */ }
		}
	}
}

// Open the action box <details id="act-NAME"> by its summary (the action's label), as a person
// clicks it; returns the form inside.
async function openAction(page, name, label) {
	const box = page.locator(`details#act-${name}`);
	await box.waitFor({ state: 'attached' });
	const summary = box.locator('summary');
	check((await summary.innerText()).trim() === label,
		`action ${name} is labelled "${(await summary.innerText()).trim()}", not "${label}"`);
	if (!(await box.evaluate((d) => d.open)))
		await summary.click();
	return box.locator('form');
}

// Press the form's submit button and wait for the page it leads to (POST, 303, GET).
async function submitAndWait(page, button) {
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
}

async function caseState(page) {
	return (await page.locator('.case-flags .state').first().innerText()).trim();
}

// RFC 6238 (SHA-1, 30 s, 6 digits), as a phone's authenticator computes it.
function totp(base32, step = Math.floor(Date.now() / 30000)) {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = '';
	for (const ch of base32.replace(/[\s=]/g, '').toUpperCase())
		bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
	const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
	const msg = Buffer.alloc(8);
	msg.writeBigUInt64BE(BigInt(step));
	const h = crypto.createHmac('sha1', key).update(msg).digest();
	const o = h[h.length - 1] & 15;
	return String((h.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, '0');
}

async function login(page, who) {
	await page.goto(`${BASE}/admin/login`);
	await page.locator('#login').fill(who);
	await page.locator('#password').fill(PASSWORD);
	await submitAndWait(page, page.getByRole('button', { name: '登录' }));
	// A custodian (intake, contact) must set up its second factor first: read the key off
	// the set-up page, as a person types it into the phone, and confirm with a code.
	if (/\/admin\/totp/.test(page.url())) {
		check(await page.getByText('必须启用动态验证码').count() > 0,
			`the set-up page for ${who} does not say the factor is required`);
		const secret = (await page.locator('.totp-secret').innerText()).replace(/\s+/g, '');
		await page.locator('#password').fill(PASSWORD);
		await page.locator('#code').fill(totp(secret));
		await shot(page, 'totp-setup');
		await submitAndWait(page, page.getByRole('button', { name: '确认启用' }));
	}
	check(!/\/admin\/login/.test(page.url()) || await page.locator('nav.console-nav').count() > 0,
		`login as ${who} failed: ${await page.locator('main, body').first().innerText()}`.slice(0, 300));
	check(await page.locator('nav.console-nav a', { hasText: '案件' }).count() === 1,
		`no 案件 link in the console navigation after logging in as ${who}`);
}

// From anywhere in the console: 案件 → filter by the ticket → open the case.
async function openCase(page, ticket) {
	await submitAndWait(page, page.locator('nav.console-nav a', { hasText: '案件' }));
	check(/\/admin\/cases/.test(page.url()), `案件 led to ${page.url()}`);
	await page.locator('#flt-q').fill(ticket);
	await submitAndWait(page, page.getByRole('button', { name: '筛选' }));
	const link = page.locator('table.data-table a.ticket-inline', { hasText: group(ticket) });
	check(await link.count() === 1, `the case list filtered by ${ticket} shows ` +
		`${await link.count()} links to it`);
	await submitAndWait(page, link);
	check(/\/admin\/case\?id=\d+/.test(page.url()), `the ticket link led to ${page.url()}`);
	const h1 = (await page.locator('h1').first().innerText()).replace(/\s+/g, '');
	check(h1.includes(ticket), `the case page is headed "${h1}", not ticket ${ticket}`);
}

function group(ticket) {
	return ticket.replace(/(\d{4})(?=\d)/g, '$1 ');
}

async function fillReport(page, { js, subject, reporter, phone, file }) {
	await page.locator('input[name="category"][value="backward"]').check();
	check((await page.locator('label.choice', { has: page.locator('input[value="backward"]') })
		.innerText()).includes('落后产能'), 'the category backward is not labelled 落后产能');
	await page.getByLabel('能耗', { exact: true }).check();
	await page.locator('#industry').selectOption({ label: '钢铁' });
	if (js) {
		// The cascading selects jubao.js builds from the big region <select>.
		check(await page.locator('#region').isHidden(), 'jubao.js did not hide the region select');
		await page.locator('#region-province').selectOption({ label: '吉林省' });
		await page.locator('#region-city').selectOption({ label: '长春市' });
		await page.locator('#region-county').selectOption({ label: '南关区' });
		const v = await page.locator('#region').inputValue();
		check(v === '220102', `the cascade set region to "${v}", not 220102`);
	} else {
		check(await page.locator('#region-province').count() === 0, 'cascade selects without JavaScript?');
		await page.locator('#region').selectOption('220102');
	}
	await page.getByLabel('企业', { exact: true }).check();
	await page.locator('#subject_name').fill(subject);
	await page.locator('#subject_address').fill('长春市南关区幸福乡工业园区北侧厂区');
	await page.locator('#description').fill(
		'该企业厂区内仍有两台400立方米以下高炉在生产，属于应淘汰的落后产能，夜间生产，能耗明显超标。');
	await page.getByLabel('实名举报', { exact: true }).check();
	await page.locator('#reporter_name').fill(reporter);
	await page.locator('#reporter_phone').fill(phone);
	await page.locator('#attachment').setInputFiles(file);
	if (js) {
		const status = (await page.locator('#attachment-status').innerText()).trim();
		check(status.startsWith('已选择 1 个文件'), `file status reads "${status}"`);
	}
}

async function readReceipt(page) {
	check((await page.locator('h1').first().innerText()).includes('举报已提交'),
		`no receipt: ${(await page.locator('h1').first().innerText())}`);
	const shown = (await page.locator('.ticket-number').innerText()).trim();
	check(/^\d{4} \d{4} \d{4} \d{4}$/.test(shown), `ticket shown as "${shown}"`);
	const code = (await page.locator('.query-code').innerText()).trim();
	check(/^[0-9A-Za-z]{8}$/.test(code), `query code shown as "${code}"`);
	const warn = await page.locator('.warning-strong').innerText();
	check(warn.includes('查询码只显示这一次'), `no show-once warning: "${warn}"`);
	return { ticket: shown.replace(/ /g, ''), code };
}

async function lookup(page, ticket, code) {
	await page.locator('#ticket').fill(group(ticket));      // as printed on the receipt
	await page.locator('#code').fill(code);
	await submitAndWait(page, page.getByRole('button', { name: '查询', exact: true }));
	check((await page.locator('h1').first().innerText()).includes('办理进度') &&
		await page.locator('.case-summary').count() === 1,
	`the lookup did not show the case: ${(await page.locator('main, body').first().innerText()).slice(0, 200)}`);
	const t = (await page.locator('.case-summary .ticket-inline').innerText()).trim();
	check(t === group(ticket), `status page shows ticket "${t}"`);
	return (await page.locator('.case-summary .state').innerText()).trim();
}

// --------------------------------------------------------------------------------------- walk

const suffix = Date.now().toString(36).slice(-6) + crypto.randomBytes(2).toString('hex');
const INTAKE = 'bwintake' + suffix;
const HANDLER = 'bwhandler' + suffix;
const SUBJECT = '浏览器测试钢铁有限公司' + suffix;
const REPORTER = '浏览器保密举报人';
const PHONE = '13800' + String(crypto.randomInt(1000000)).padStart(6, '0');
const FINDINGS = `现场发现高炉两座仍在生产，台账不全（内部${suffix}）`;
const INSPECT_TEXT = '经现场核查，举报反映的落后产能仍在生产的情况属实。';
const DISPOSE_TEXT = '责令企业拆除落后高炉主体设备，并通报有关部门实施联合惩戒。';
const FEEDBACK = `经核查，举报情况属实。责任部门已责令企业拆除落后高炉，感谢您的监督。（${suffix}）`;
const PNG = { name: 'evidence.png', mimeType: 'image/png', buffer: pngBytes() };

out(`${BASE}, Chromium ${CHROMIUM}, screenshots in ${ART}`);
let browser;
try {
	browser = await launch({ args: ['--disable-quic'] });
} catch (e) {
	fatal(`Chromium did not start: ${e.message.split('\n')[0]}`);
}
out(`Chromium ${browser.version()}`);
// Whatever happens, the walk ends with its summary line, in bounded time.
setTimeout(() => fatal('the walk took longer than 300 s'), 300000).unref();

try {
	const reporterCtx = await newContext(browser);
	const reporter = await reporterCtx.newPage();
	let ticket = null, code = null;

	await step('1 public form: 落后产能/能耗/钢铁, 吉林省→长春市→南关区, 实名, PNG attached → receipt', async () => {
		current = reporter;
		await reporter.goto(`${BASE}/`);
		await submitAndWait(reporter, reporter.locator('main a[href$="/submit"]').first());
		check(/\/submit$/.test(reporter.url()), `the landing page's report link led to ${reporter.url()}`);
		await reporter.locator('#region-province').waitFor();
		await fillReport(reporter, { js: true, subject: SUBJECT, reporter: REPORTER, phone: PHONE, file: PNG });
		await shot(reporter, 'form-filled');
		await submitAndWait(reporter, reporter.getByRole('button', { name: '提交举报' }));
		({ ticket, code } = await readReceipt(reporter));
		await shot(reporter, 'receipt');
		return `ticket ${group(ticket)}`;
	});

	await step('1b the attachment is stored and the receipt says so (已收到附件 1 个)', async () => {
		current = reporter;
		check(ticket, 'no receipt from step 1');
		const n = sql(`SELECT COUNT(*) FROM attachment a JOIN report r ON r.id = a.report_id ` +
			`WHERE r.ticket = '${ticket}' AND a.mime = 'image/png'`)[0][0];
		check(n === '1', `${n} PNG attachments stored`);
		const steps = await reporter.locator('.next-steps').innerText();
		check(steps.includes('已收到附件 1 个'), `the receipt does not count the attachment: ` +
			`"${steps.replace(/\s+/g, ' ')}"`);
	}, { chain: false });

	await step('2 status page: ticket + code → 已提交', async () => {
		current = reporter;
		await submitAndWait(reporter, reporter.locator('main').getByRole('link', { name: '查询办理进度' }));
		const state = await lookup(reporter, ticket, code);
		check(state === '已提交', `state "${state}"`);
		await shot(reporter, 'status-submitted');
	});

	await step('3 staff accounts in SQL: intake 吉林省工业和信息化厅, handler 长春市南关区工业和信息化局', async () => {
		current = null;
		staff(INTAKE, 'intake', '吉林省工业和信息化厅');
		staff(HANDLER, 'handler', '长春市南关区工业和信息化局');
		return `${INTAKE}, ${HANDLER}`;
	});

	const intakeCtx = await newContext(browser);
	const intake = await intakeCtx.newPage();

	await step('4 intake officer: 案件 → case → 受理 → 移交 to the suggested lead 长春市南关区工业和信息化局', async () => {
		current = intake;
		await login(intake, INTAKE);
		await openCase(intake, ticket);
		check(await caseState(intake) === '已提交', `state "${await caseState(intake)}" before 受理`);
		const idBox = await intake.locator('.identity-box').innerText();
		check(idBox.includes('实名举报'), `the reporter box reads "${idBox}"`);
		let form = await openAction(intake, 'accept', '受理');
		await submitAndWait(intake, form.getByRole('button', { name: '确认受理' }));
		check(await caseState(intake) === '已受理', `state "${await caseState(intake)}" after 受理`);
		form = await openAction(intake, 'transfer', '移交');
		const leadName = { name: '牵头：长春市南关区工业和信息化局', exact: true };
		check(await form.getByRole('radio', leadName).isChecked(),
			'the suggested lead 长春市南关区工业和信息化局 is not preselected');
		const row = form.locator('tbody tr').filter({ has: intake.getByRole('radio', leadName) });
		check(await row.locator('input[type="checkbox"]').isChecked(), 'the lead department is not ticked');
		check((await row.innerText()).includes('建议牵头'), 'the lead row is not marked 建议牵头');
		await submitAndWait(intake, form.getByRole('button', { name: '确认移交' }));
		check(await caseState(intake) === '已移交', `state "${await caseState(intake)}" after 移交`);
		const depts = await intake.locator('.dept-list').innerText();
		check(/牵头\s*长春市南关区工业和信息化局/.test(depts), `责任部门 reads "${depts}"`);
		const main = await intake.locator('main').innerText();
		check(main.includes('实名举报'), 'the case page does not say 实名举报');
		check(!main.includes(REPORTER) && !main.includes(PHONE), "the case page shows the reporter's identity");
		check((await intake.content()).indexOf(REPORTER) < 0, "the reporter's name is in the page source");
		await shot(intake, 'intake-case-transferred');
	});

	const handlerCtx = await newContext(browser);
	const handler = await handlerCtx.newPage();

	await step('5 handler: 接收并组织核查 → 录入现场检查和核查结论 (属实) → 录入处置决定 → 起草反馈意见', async () => {
		current = handler;
		await login(handler, HANDLER);
		await openCase(handler, ticket);
		check(await caseState(handler) === '已移交', `state "${await caseState(handler)}"`);
		check(!(await handler.content()).includes(REPORTER), "the handler sees the reporter's name");
		let form = await openAction(handler, 'start_inspection', '接收并组织核查');
		await submitAndWait(handler, form.getByRole('button', { name: '确认接收' }));
		check(await caseState(handler) === '核查中', `state "${await caseState(handler)}" after 接收`);
		await shot(handler, 'handler-inspecting');

		const today = sql('SELECT CURDATE()')[0][0];
		form = await openAction(handler, 'inspect', '录入现场检查和核查结论');
		await form.getByLabel('现场检查日期').fill(today);
		await form.getByLabel('核查组成员').fill('南关区工信局核查组（浏览器测试）');
		await form.getByLabel('现场检查情况和核查意见').fill(FINDINGS);
		await form.getByLabel('属实', { exact: true }).check();
		await form.getByLabel('核查情况摘要').fill(INSPECT_TEXT);
		await submitAndWait(handler, form.getByRole('button', { name: '保存核查结果' }));
		check(await caseState(handler) === '已核实', `state "${await caseState(handler)}" after 核查`);
		check((await handler.locator('.verdict').innerText()).trim() === '属实', 'the verdict is not 属实');
		check((await handler.locator('.log-staff').innerText()).includes(FINDINGS),
			'the findings are not in 内部记录');

		form = await openAction(handler, 'dispose', '录入处置决定');
		await form.getByLabel('拆除主体设备').check();
		await form.getByLabel('处置决定说明').fill(DISPOSE_TEXT);
		await submitAndWait(handler, form.getByRole('button', { name: '保存处置决定' }));
		check(await caseState(handler) === '处置中', `state "${await caseState(handler)}" after 处置决定`);

		form = await openAction(handler, 'feedback', '起草反馈意见');
		await form.getByLabel('反馈意见').fill(FEEDBACK);
		await submitAndWait(handler, form.getByRole('button', { name: '保存反馈意见' }));
		const facts = await handler.locator('dl.facts').innerText();
		check(facts.includes('已起草，待审核'), `反馈举报人 does not read 已起草，待审核: ${facts.slice(-120)}`);
		check(await handler.locator('details#act-release').count() === 0, 'the handler is offered 审核并反馈举报人');
		await shot(handler, 'handler-feedback-drafted');
	});

	await step('6 intake officer: 审核并反馈举报人 → 已办结', async () => {
		current = intake;
		await intake.reload();
		const form = await openAction(intake, 'release', '审核并反馈举报人');
		const preview = await form.locator('.feedback-preview').innerText();
		check(preview.trim() === FEEDBACK, `the release preview reads "${preview}"`);
		await submitAndWait(intake, form.getByRole('button', { name: '审核通过，反馈举报人' }));
		check(await caseState(intake) === '已办结', `state "${await caseState(intake)}" after release`);
		await shot(intake, 'intake-case-closed');
	});

	await step('6b the closed case page says 反馈举报人: 已反馈', async () => {
		current = intake;
		check(ticket && /\/admin\/case\?id=/.test(intake.url()), 'no case page from step 6');
		const row = intake.locator('dl.facts > div').filter({ hasText: '反馈举报人' });
		const v = (await row.locator('dd').innerText()).trim();
		check(v === '已反馈', `反馈举报人 reads "${v}"`);
	}, { chain: false });

	await step('7 reporter: status page → 已办结 with the feedback, no staff-only findings', async () => {
		current = reporter;
		await reporter.goto(`${BASE}/status`);
		const state = await lookup(reporter, ticket, code);
		check(state === '已办结', `state "${state}"`);
		const main = await reporter.locator('main').innerText();
		check((await reporter.locator('.notice-success .event-text').innerText()).trim() === FEEDBACK,
			'the 已办结 box does not show the feedback');
		check(main.includes(INSPECT_TEXT), 'the public inspection summary is not in the timeline');
		const html = await reporter.content();
		check(!html.includes(FINDINGS) && !html.includes(suffix + '）现场') && !html.includes('核查组（浏览器测试）'),
			'staff-only findings or team reach the reporter');
		check(!html.includes(REPORTER), "the reporter's name is on the status page");
		await shot(reporter, 'status-closed');
	});

	await step('8 without JavaScript: the plain form (region select 220102) still gives a receipt', async () => {
		const ctx = await newContext(browser, { javaScriptEnabled: false });
		const page = await ctx.newPage();
		current = page;
		try {
			await page.goto(`${BASE}/submit`);
			await fillReport(page, { js: false, subject: SUBJECT + '（无脚本）', reporter: REPORTER,
				phone: PHONE, file: PNG });
			await submitAndWait(page, page.getByRole('button', { name: '提交举报' }));
			const r = await readReceipt(page);
			const row = sql(`SELECT region, anonymous, (SELECT COUNT(*) FROM attachment a WHERE ` +
				`a.report_id = r.id) FROM report r WHERE ticket = '${r.ticket}'`);
			check(row.length === 1 && row[0][0] === '220102' && row[0][1] === '0' && row[0][2] === '1',
				`stored as ${JSON.stringify(row)}`);
			await shot(page, 'nojs-receipt');
			return `ticket ${group(r.ticket)}`;
		} finally {
			current = null;
			await ctx.close();
		}
	}, { chain: false });

	await step('9 no JavaScript errors or CSP violations in any page', async () => {
		check(jsErrors.length === 0, jsErrors.slice(0, 5).join(' | '));
	}, { chain: false });

} catch (e) {
	h.fail(`the walk stopped: ${String(e.stack || e).split('\n').slice(0, 4).join(' | ')}`);
}
await browser.close().catch(() => {});
finish();
