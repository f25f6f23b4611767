/*
 * jubao.js: progressive enhancement of the report form.  Optional: every
 * page works fully without it.  Loaded with defer from portal.xsl, so the
 * document is parsed when it runs.  No inline script, no inline style, no
 * eval (the pages are served with script-src 'self' and style-src 'self').
 *
 * Hooks in the markup (reportform.xsl):
 *   select#region[data-cascade=region]   options carry data-level
 *                                         (province|city|county),
 *                                         data-parent and data-name
 *   input[name=anonymous], fieldset#identity, [data-required-if-named]
 *   input#attachment[data-max-files][data-max-mb][data-status]
 *   textarea[data-counter]  (with minlength and maxlength)
 *   form#report-form, button#submit-button, #error-summary
 *   button#print-button[hidden]  (the receipt: shown and wired here; without
 *                                 script the browser's own print still works)
 *   input#ticket on the lookup page: filled from the fragment #t=<16 digits>
 *                                 that the receipt's QR code carries (a
 *                                 fragment is never sent to the server)
 */
(function () {
	"use strict";

	function byId(id) {
		return id ? document.getElementById(id) : null;
	}

	function text(el, s) {
		el.textContent = s;
	}

	/*
	 * (1) The region select becomes three cascading selects 省 → 市 → 县.
	 * The original select stays in the form, hidden, and keeps the name
	 * "region": it carries the deepest level chosen.
	 */
	function initRegion() {
		var sel = byId("region");
		if (!sel || sel.getAttribute("data-cascade") !== "region")
			return;

		var all = sel.querySelectorAll("option[data-level]");
		var byCode = {}, children = {}, provinces = [];
		var i;
		for (i = 0; i < all.length; i++) {
			var o = all[i];
			var node = {
				code: o.value,
				level: o.getAttribute("data-level"),
				parent: o.getAttribute("data-parent") || "",
				name: o.getAttribute("data-name") || o.textContent
			};
			if (!node.code)
				continue;
			byCode[node.code] = node;
			if (node.level === "province") {
				provinces.push(node);
			} else {
				if (!children[node.parent])
					children[node.parent] = [];
				children[node.parent].push(node);
			}
		}
		if (provinces.length === 0)
			return;

		var box = document.createElement("div");
		box.className = "region-cascade";

		function level(id, label) {
			var wrap = document.createElement("div");
			wrap.className = "region-level";
			var l = document.createElement("label");
			l.setAttribute("for", id);
			text(l, label);
			var s = document.createElement("select");
			s.id = id;
			wrap.appendChild(l);
			wrap.appendChild(s);
			box.appendChild(wrap);
			return s;
		}

		var ps = level("region-province", "省（自治区、直辖市）");
		var cs = level("region-city", "市（地、州、盟）");
		var ds = level("region-county", "县（市、区）");

		function fill(s, first, nodes) {
			while (s.firstChild)
				s.removeChild(s.firstChild);
			var o = document.createElement("option");
			o.value = "";
			text(o, first);
			s.appendChild(o);
			for (var j = 0; j < nodes.length; j++) {
				o = document.createElement("option");
				o.value = nodes[j].code;
				text(o, nodes[j].name);
				s.appendChild(o);
			}
			s.disabled = nodes.length === 0;
		}

		function sync() {
			sel.value = ds.value || cs.value || ps.value || "";
		}

		fill(ps, "请选择", provinces);
		fill(cs, "请先选择省份", []);
		fill(ds, "请先选择城市", []);

		function onProvince() {
			var kids = ps.value ? (children[ps.value] || []) : [];
			fill(cs, ps.value ? "不限（选择省级）" : "请先选择省份", kids);
			fill(ds, "请先选择城市", []);
			sync();
		}

		function onCity() {
			var kids = cs.value ? (children[cs.value] || []) : [];
			fill(ds, cs.value ? "不限（选择市级）" : "请先选择城市", kids);
			sync();
		}

		ps.addEventListener("change", onProvince);
		cs.addEventListener("change", onCity);
		ds.addEventListener("change", sync);

		/* Start from what the page already selected (the form shown again). */
		var chain = [];
		var cur = byCode[sel.value];
		while (cur && chain.length < 3) {
			chain.unshift(cur.code);
			cur = byCode[cur.parent];
		}
		if (chain.length === 0 && provinces.length === 1)
			chain = [provinces[0].code];
		if (chain.length > 0) {
			ps.value = chain[0];
			onProvince();
		}
		if (chain.length > 1) {
			cs.value = chain[1];
			onCity();
		}
		if (chain.length > 2) {
			ds.value = chain[2];
			sync();
		}

		/* Hand label, description, validity and error state over. */
		ps.required = sel.required;
		sel.required = false;
		var described = sel.getAttribute("aria-describedby");
		if (described)
			ps.setAttribute("aria-describedby", described);
		if (sel.getAttribute("aria-invalid") === "true") {
			ps.setAttribute("aria-invalid", "true");
			cs.setAttribute("aria-invalid", "true");
			ds.setAttribute("aria-invalid", "true");
		}
		var mainLabel = byId("region-label");
		if (mainLabel)
			mainLabel.setAttribute("for", "region-province");

		sel.hidden = true;
		sel.setAttribute("aria-hidden", "true");
		sel.tabIndex = -1;
		sel.parentNode.insertBefore(box, sel.nextSibling);
	}

	/*
	 * (2) The identity fieldset follows 实名/匿名.  Hidden means disabled
	 * too, so that an anonymous report does not send identity fields.
	 */
	function initIdentity() {
		var fs = byId("identity");
		var radios = document.querySelectorAll("input[name=anonymous]");
		if (!fs || radios.length === 0)
			return;

		function update() {
			var anon = false;
			for (var i = 0; i < radios.length; i++) {
				if (radios[i].checked && radios[i].value === "1")
					anon = true;
			}
			fs.hidden = anon;
			fs.disabled = anon;
			var req = fs.querySelectorAll("[data-required-if-named]");
			for (var j = 0; j < req.length; j++)
				req[j].required = !anon;
		}

		for (var i = 0; i < radios.length; i++)
			radios[i].addEventListener("change", update);
		update();
	}

	/*
	 * (3) Count the chosen files, warn about too many or too large ones and
	 * stop the form from being sent with them (the server would refuse the
	 * whole request, and the text typed would be lost).
	 */
	function initFiles() {
		var input = byId("attachment");
		if (!input || !input.files)
			return;
		var status = byId(input.getAttribute("data-status"));
		var maxFiles = parseInt(input.getAttribute("data-max-files"), 10) || 5;
		var maxMb = parseFloat(input.getAttribute("data-max-mb")) || 10;
		var maxBytes = maxMb * 1024 * 1024;
		var types = (input.getAttribute("accept") || "").split(",");

		function size(n) {
			if (n < 1048576)
				return Math.max(1, Math.ceil(n / 1024)) + " KB";
			return (n / 1048576).toFixed(1) + " MB";
		}

		function update() {
			var files = input.files;
			var n = files.length;
			var total = 0, big = [], odd = [];
			for (var i = 0; i < n; i++) {
				total += files[i].size;
				if (files[i].size > maxBytes)
					big.push(files[i].name);
				if (files[i].type && types.indexOf(files[i].type) < 0)
					odd.push(files[i].name);
			}
			var problems = [];
			if (n > maxFiles)
				problems.push("最多只能上传" + maxFiles + "个文件，您选择了" + n + "个，请重新选择。");
			if (big.length > 0)
				problems.push("以下文件超过" + maxMb + "MB：" + big.join("、") + "。");
			if (odd.length > 0)
				problems.push("以下文件不是JPG、PNG或PDF：" + odd.join("、") + "。");

			input.setCustomValidity(problems.join(""));
			if (!status)
				return;
			if (n === 0) {
				status.hidden = true;
				text(status, "");
				return;
			}
			text(status, "已选择 " + n + " 个文件，共 " + size(total) + "。" + problems.join(""));
			status.className = problems.length ? "file-status is-bad" : "file-status";
			status.hidden = false;
		}

		input.addEventListener("change", update);
		update();
	}

	/* A character count for the description (code points, as the server counts). */
	function initCounter() {
		var areas = document.querySelectorAll("textarea[data-counter]");
		for (var i = 0; i < areas.length; i++)
			counter(areas[i]);
	}

	function counter(ta) {
		var out = byId(ta.getAttribute("data-counter"));
		if (!out)
			return;
		var min = parseInt(ta.getAttribute("minlength"), 10) || 0;
		var max = parseInt(ta.getAttribute("maxlength"), 10) || 0;

		function update() {
			var n = Array.from(ta.value).length;
			var s = "已输入 " + n + " 字";
			if (n > 0 && n < min)
				s += "，至少需要 " + min + " 字";
			else if (max)
				s += "，最多 " + max + " 字";
			text(out, s);
			out.className = (max && n > max) || (n > 0 && n < min) ? "counter is-over" : "counter";
			out.hidden = false;
		}

		ta.addEventListener("input", update);
		update();
	}

	/* One click sends once; the server also deduplicates by token. */
	function initSubmit() {
		var form = byId("report-form");
		var button = byId("submit-button");
		if (!form || !button)
			return;
		var label = button.textContent;
		form.addEventListener("submit", function () {
			button.disabled = true;
			text(button, "正在提交，请稍候…");
		});
		window.addEventListener("pageshow", function () {
			button.disabled = false;
			text(button, label);
		});
	}

	/* Move focus to the problem list of a form shown again. */
	function initSummary() {
		var box = byId("error-summary");
		if (box && typeof box.focus === "function")
			box.focus();
	}

	/* The receipt's print button: hidden in the markup, shown only when it works. */
	function initPrint() {
		var button = byId("print-button");
		if (!button || typeof window.print !== "function")
			return;
		button.hidden = false;
		button.addEventListener("click", function () {
			window.print();
		});
	}

	/* The lookup page opened from the receipt's QR code: the ticket from the fragment, which
	 * is then dropped from the address bar (and so from the history). Never the code. */
	function initTicket() {
		var input = byId("ticket");
		var m = /^#t=([0-9]{16})$/.exec(window.location.hash || "");
		if (!input || !m || input.value !== "")
			return;
		input.value = m[1];
		if (window.history && typeof window.history.replaceState === "function")
			window.history.replaceState(null, "", window.location.pathname);
		var code = byId("code");
		if (code)
			code.focus();
	}

	initRegion();
	initIdentity();
	initFiles();
	initCounter();
	initSubmit();
	initSummary();
	initPrint();
	initTicket();
}());
