#!/usr/bin/env python3
"""Integration tests of the staff console (/jubao/admin/), against the real stack.

Staff accounts are made directly in the database with a PBKDF2 hash computed here (a low
iteration count keeps the suite quick; the count is stored per user, as in production), so the
test does not depend on the code it tests to set itself up. Everything else goes through HTTP.

Usage: test_console.py BASE_URL STATE_DIR [test-name-substring]
Prints "console: N passed, N failed".
"""

import datetime
import hashlib
import os
import re
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_public as pub  # noqa: E402  (the HTTP and SQL helpers)

PASSWORD = "Console-Test-2026"
sql = pub.sql


TOTP_SECRETS = {}   # login -> the base32 TOTP secret the tests set up for it
SESSIONS = {}       # login -> the cookies of a live session, shared by the Browsers


def totp_at(secret_b32, step):
    import base64
    import hmac
    import struct
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    h = hmac.new(key, struct.pack(">Q", step), "sha1").digest()
    o = h[-1] & 15
    return "%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7FFFFFFF) % 1000000)


def fresh_code(login):
    """A code the console has not accepted yet: of a step after the last it accepted, within
    the one step of drift it allows (waiting for the clock when all three are used)."""
    last = int(sql("SELECT totp_last_step FROM staff WHERE login = '%s'" % login)[0][0])
    while True:
        now = int(time.time() // 30)
        step = max(now - 1, last + 1)
        if step <= now + 1:
            return totp_at(TOTP_SECRETS[login], step)
        time.sleep(1)


class Browser:
    """A staff member's browser: cookies, the session's csrf token, redirects followed."""

    def __init__(self, ip=None):
        self.cookies = {}
        self.ip = ip or pub.fresh_ip()
        self.csrf = None

    def cookie_header(self):
        return "; ".join("%s=%s" % kv for kv in self.cookies.items())

    def _remember(self, a):
        for line in (a.header("set-cookie") or "").split("\n"):
            if not line:
                continue
            name, _, rest = line.partition("=")
            value = rest.split(";")[0]
            if "Max-Age=0" in line:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value

    def get(self, path, follow=True):
        a = pub.request("GET", path, headers={"Cookie": self.cookie_header()}, ip=self.ip)
        a.url = path
        self._remember(a)
        if follow and a.status == 303:
            loc = a.header("location")
            assert loc.startswith(pub.PREFIX), loc
            return self.get(loc[len(pub.PREFIX):], follow=False)
        m = re.search(r'name="csrf" value="([0-9a-f]{32})"', a.text)
        if m:
            self.csrf = m.group(1)
        return a

    def post(self, path, fields, follow=True):
        body = urllib.parse.urlencode(fields).encode()
        a = pub.request("POST", path, body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": self.cookie_header()},
            ip=self.ip)
        self._remember(a)
        if follow and a.status == 303:
            loc = a.header("location")
            assert loc.startswith(pub.PREFIX), loc
            return self.get(loc[len(pub.PREFIX):])
        return a

    def login(self, login, password=PASSWORD, totp=None, auto=True):
        """Sign in. With auto (and no totp given), a second factor is handled as its owner
        would: set up when the console asks for it (the secret is kept in TOTP_SECRETS), a
        fresh code typed when the account has one; and since a code is accepted once, a live
        session of the same account is shared rather than signing in again (SESSIONS).
        auto=False: only the password (and totp) posted, the answer as it comes."""
        if auto and totp is None and password == PASSWORD and self._reuse(login):
            return self.get("/admin/")
        if auto and totp is None and login in TOTP_SECRETS:
            totp = fresh_code(login)
        a = self._post_login(login, password, totp)
        if auto and a.status == 200 and getattr(a, "url", "") == "/admin/totp" and password == PASSWORD:
            a = self._enrol(login, password)
        if auto and a.status == 200 and password == PASSWORD:
            SESSIONS[login] = dict(self.cookies)
        return a

    def _post_login(self, login, password, totp):
        a = self.get("/admin/login")
        assert a.status == 200, a.status
        token = re.search(r'name="csrf" value="([^"]+)"', a.text).group(1)
        fields = [("csrf", token), ("login", login), ("password", password)]
        if totp:
            fields.append(("totp", totp))
        return self.post("/admin/login", fields)

    def _reuse(self, login):
        cookies = SESSIONS.get(login)
        if not cookies:
            return False
        a = pub.request("GET", "/admin/?format=xml", headers={"Cookie": "; ".join(
            "%s=%s" % kv for kv in cookies.items())}, ip=self.ip)
        if a.status != 200 or "<dashboard" not in a.text or \
                'login="%s"' % login not in a.text:
            SESSIONS.pop(login, None)
            return False
        self.cookies = dict(cookies)
        return True

    def _enrol(self, login, password):
        x = self.get("/admin/totp?format=xml").xml()
        secret = x.findtext("secret")
        TOTP_SECRETS[login] = secret
        step = int(time.time() // 30)
        a = self.post("/admin/totp", [("csrf", self.csrf), ("action", "enable"),
                                      ("password", password), ("code", totp_at(secret, step))])
        assert a.status == 200, a.text[:300]
        return a

    def act(self, case_id, action, **fields):
        f = [("csrf", self.csrf), ("id", str(case_id)), ("action", action)]
        for k, v in fields.items():
            for item in (v if isinstance(v, list) else [v]):
                f.append((k, str(item)))
        return self.post("/admin/case/action", f)

    def case_xml(self, case_id):
        a = self.get("/admin/case?id=%d&format=xml" % case_id)
        assert a.status == 200, (a.status, a.text[:300])
        return a.xml()


def dept_id(name):
    rows = sql("SELECT id FROM department WHERE name = '%s'" % name)
    assert rows, name
    return int(rows[0][0])


def make_staff(login, roles, must_change=False, email=None):
    """roles: list of (role, department name)."""
    salt = os.urandom(16)
    h = hashlib.pbkdf2_hmac("sha256", PASSWORD.encode(), salt, 1000)
    sql("INSERT INTO staff (login, display_name, email, pw_hash, pw_salt, pw_iter, must_change) "
        "VALUES ('%s', '%s', %s, UNHEX('%s'), UNHEX('%s'), 1000, %d)" %
        (login, "测试" + login, "'%s'" % email if email else "NULL", h.hex(), salt.hex(),
         1 if must_change else 0))
    sid = int(sql("SELECT id FROM staff WHERE login = '%s'" % login)[0][0])
    for role, dept in roles:
        sql("INSERT INTO staff_role (staff_id, role, department_id) VALUES (%d, '%s', %d)" %
            (sid, role, dept_id(dept)))
    return sid


SUFFIX = "%x" % (int(time.time() * 1000) % 0xFFFFFF)
U = {}


def setup_staff():
    prov = "吉林省工业和信息化厅"
    nanguan = "长春市南关区工业和信息化局"
    U["intake"] = "intake" + SUFFIX
    U["handler"] = "handler" + SUFFIX
    U["contact"] = "contact" + SUFFIX
    U["other"] = "other" + SUFFIX
    U["super"] = "super" + SUFFIX
    U["admin"] = "admin" + SUFFIX          # a security administrator (安全管理员)
    U["admin2"] = "admintwo" + SUFFIX      # a second one, who approves what the first asks
    U["sysadmin"] = "sysadmin" + SUFFIX    # system administration (系统管理员)
    U["auditor"] = "auditor" + SUFFIX      # the audit trail (审计管理员)
    U["newbie"] = "newbie" + SUFFIX
    make_staff(U["intake"], [("intake", prov)])
    make_staff(U["handler"], [("handler", nanguan)])
    make_staff(U["contact"], [("contact", nanguan)])
    make_staff(U["other"], [("handler", "长春市朝阳区工业和信息化局")])
    make_staff(U["super"], [("supervisor", "长春市工业和信息化局")])
    make_staff(U["admin"], [("secadmin", prov)])
    make_staff(U["admin2"], [("secadmin", prov)])
    make_staff(U["sysadmin"], [("sysadmin", prov)])
    make_staff(U["auditor"], [("auditor", prov)])
    make_staff(U["newbie"], [("intake", prov)], must_change=True)


def public_report(**over):
    over.setdefault("reporter_name", "保密测试人")
    over.setdefault("reporter_phone", "13700001111")
    a, _, _ = pub.submit(ip=pub.fresh_ip(), **over)
    assert a.status == 200, a.text
    r = a.xml()
    ticket, code = r.findtext("ticket"), r.findtext("code")
    cid = int(sql("SELECT id FROM report WHERE ticket = '%s'" % ticket)[0][0])
    return cid, ticket, code


def nanguan_case():
    """A new public report, accepted and transferred to 南关区's 工信 bureau (the handler's
    unit) by a signed-in intake officer; returns the case id and that officer."""
    cid, _, _ = public_report()
    intake = Browser()
    intake.login(U["intake"])
    lead = dept_id("长春市南关区工业和信息化局")
    intake.act(cid, "accept")
    intake.act(cid, "transfer", lead=lead, department=[lead])
    return cid, intake


def workdays_after(n, start=None):
    rows = sql("SELECT day, is_off FROM holiday")
    exc = {d: off == "1" for d, off in rows}
    d = start or datetime.date.fromisoformat(sql("SELECT DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR)")[0][0])
    k = 0
    while k < n:
        d += datetime.timedelta(days=1)
        key = d.isoformat()
        if ((not exc[key]) if key in exc else d.weekday() < 5):
            k += 1
    return d.isoformat()


def audit_count(action, case_id=None):
    q = "SELECT COUNT(*) FROM audit WHERE action = '%s'" % action
    if case_id:
        q += " AND report_id = %d" % case_id
    return int(sql(q)[0][0])


TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn

# ---------------------------------------------------------------------------------------------


@test
def unauthenticated_requests_go_to_login():
    b = Browser()
    a = pub.request("GET", "/admin/", ip=b.ip)
    assert a.status == 303 and a.header("location").endswith("/admin/login")
    a = pub.request("GET", "/admin/cases?format=xml", ip=b.ip)
    assert a.status == 401
    pub.assert_security_headers(a)


@test
def login_page_has_token_and_session_cookie_is_strict():
    b = Browser()
    a = b.login(U["intake"])
    assert a.status == 200 and "<dashboard" in b.get("/admin/?format=xml").text
    sc = [c for c in b.cookies if c == "jubao_staff"]
    assert sc, b.cookies
    raw = pub.request("POST", "/admin/login", body=b"", headers={}, ip=b.ip)
    assert raw.status in (400, 403, 415)


@test
def wrong_password_fails_and_is_throttled_after_repeated_failures():
    login = U["newbie"]
    b = Browser()
    before = audit_count("login_failed")
    for i in range(5):
        a = b.login(login, "Wrong-password-123")
        assert a.status == 401, a.status
    assert audit_count("login_failed") == before + 5
    a = b.login(login)            # the right password, but this address must wait now
    assert a.status == 401 and "锁定" not in a.text
    sql("DELETE FROM login_throttle")
    sql("UPDATE staff SET failed_logins = 0 WHERE login = '%s'" % login)


@test
def first_login_must_change_password():
    b = Browser()
    a = b.login(U["newbie"])
    assert a.status == 200 and 'name="new_password"' in a.text, a.text[:500]
    a = b.get("/admin/cases")
    assert 'name="new_password"' in a.text          # redirected until changed
    a = b.post("/admin/password", [("csrf", b.csrf), ("old_password", PASSWORD),
                                   ("new_password", "short"), ("new_password2", "short")])
    assert a.status == 400
    new = "Changed-Pass-2026!"
    a = b.post("/admin/password", [("csrf", b.csrf), ("old_password", PASSWORD),
                                   ("new_password", new), ("new_password2", new)])
    # an intake officer then sets up its second factor before anything else opens
    assert a.status == 200 and "必须启用动态验证码" in a.text, a.text[:500]
    assert b.get("/admin/cases").url == "/admin/totp"
    assert sql("SELECT must_change FROM staff WHERE login = '%s'" % U["newbie"])[0][0] == "0"
    assert Browser().login(U["newbie"], new).status == 200


@test
def custodians_and_administrators_must_set_up_a_second_factor():
    """Intake, contact and every administrator: the password alone opens only the set-up page
    (every other page and every action redirect there); once set up, sign-in asks for a code,
    and the factor cannot be switched off, only reset by two security administrators."""
    for role, dept in (("intake", "吉林省工业和信息化厅"), ("contact", "长春市南关区工业和信息化局"),
                       ("sysadmin", "吉林省工业和信息化厅"), ("secadmin", "吉林省工业和信息化厅"),
                       ("auditor", "吉林省工业和信息化厅")):
        login = "factor%s%s" % (role, SUFFIX)
        make_staff(login, [(role, dept)])
        b = Browser()
        a = b.login(login, auto=False)
        assert a.status == 200 and a.url == "/admin/totp" and "必须启用动态验证码" in a.text, role
        for path in ("/admin/", "/admin/cases", "/admin/case?id=1", "/admin/users",
                     "/admin/audit", "/admin/routing", "/admin/intake"):
            r = b.get(path, follow=False)
            assert r.status == 303 and r.header("location").endswith("/admin/totp"), (role, path)
        r = b.post("/admin/case/action", [("csrf", b.csrf), ("id", "1"), ("action", "note"),
                                          ("text", "x")], follow=False)
        assert r.status == 303 and r.header("location").endswith("/admin/totp"), role
        # set up: then the page offers no switch-off, and posting one is refused
        a = b._enrol(login, PASSWORD)
        assert a.status == 200 and "<dashboard" in b.get("/admin/?format=xml").text, role
        assert 'value="disable"' not in b.get("/admin/totp").text
        off = b.post("/admin/totp", [("csrf", b.csrf), ("action", "disable"), ("password", PASSWORD),
                                     ("code", fresh_code(login))])
        assert off.status == 400 and "不能停用" in off.text, role
        assert sql("SELECT totp_secret IS NULL FROM staff WHERE login = '%s'" % login)[0][0] == "0"
        # a new sign-in with the password alone is asked for the code
        a = Browser().login(login, auto=False)
        assert a.status == 200 and 'name="totp"' in a.text, role
    # a handler's second factor stays optional
    h = "factorhandler" + SUFFIX
    make_staff(h, [("handler", "长春市南关区工业和信息化局")])
    b = Browser()
    a = b.login(h, auto=False)
    assert a.status == 200 and "<dashboard" in b.get("/admin/?format=xml").text


@test
def post_without_session_csrf_is_refused():
    b = Browser()
    b.login(U["intake"])
    cid, _, _ = public_report()
    a = b.post("/admin/case/action", [("id", str(cid)), ("action", "accept")])
    assert a.status == 403
    a = b.post("/admin/case/action", [("csrf", "0" * 32), ("id", str(cid)), ("action", "accept")])
    assert a.status == 403
    assert sql("SELECT state FROM report WHERE id = %d" % cid)[0][0] == "submitted"


@test
def identity_is_hidden_except_for_intake_officer_and_named_contact():
    cid, ticket, _ = public_report(reporter_name="身份可见性测试", reporter_phone="13911112222")
    intake, handler, contact, admin = Browser(), Browser(), Browser(), Browser()
    intake.login(U["intake"])
    handler.login(U["handler"])
    contact.login(U["contact"])
    admin.login(U["auditor"])
    # before anyone screened it, nobody may see the identity
    x = intake.case_xml(cid)
    assert x.find("identity").get("state") == "hidden" and "身份可见性测试" not in intake.get(
        "/admin/case?id=%d" % cid).text
    names = {a.get("name") for a in x.findall("actions/action")}
    assert "reveal" not in names
    assert intake.act(cid, "reveal").status == 409
    # administrators handle no case at all (三员分立)
    for who in ("admin", "sysadmin", "auditor"):
        b = Browser()
        b.login(U[who])
        assert b.get("/admin/case?id=%d" % cid).status == 403, who
        assert b.act(cid, "reveal").status == 403, who
        assert "身份可见性测试" not in b.get("/admin/cases").text
    # the intake officer who screens it becomes the one who may see it
    assert intake.act(cid, "accept").status == 200
    x = intake.case_xml(cid)
    assert "reveal" in {a.get("name") for a in x.findall("actions/action")}
    before = audit_count("reveal_identity", cid)
    a = intake.act(cid, "reveal")
    assert a.status == 200 and "身份可见性测试" in a.text and "13911112222" in a.text
    assert audit_count("reveal_identity", cid) == before + 1
    # transfer to 南关区; the handler cannot see it, the named contact can
    lead = dept_id("长春市南关区工业和信息化局")
    assert intake.act(cid, "transfer", lead=lead, department=[lead]).status == 200
    assert handler.act(cid, "reveal").status == 409
    assert "身份可见性测试" not in handler.get("/admin/case?id=%d" % cid).text
    contact_id = int(sql("SELECT id FROM staff WHERE login = '%s'" % U["contact"])[0][0])
    assert handler.act(cid, "set_contact", staff=contact_id).status == 200
    a = contact.act(cid, "reveal")
    assert a.status == 200 and "身份可见性测试" in a.text
    assert audit_count("reveal_identity", cid) == before + 2
    # and never in lists, the dashboard or the audit trail
    for b in (intake, handler, admin):
        assert "身份可见性测试" not in b.get("/admin/cases").text
        assert "身份可见性测试" not in b.get("/admin/").text
    assert "身份可见性测试" not in admin.get("/admin/audit").text


@test
def full_walk_from_report_to_feedback_on_the_status_page():
    cid, ticket, code = public_report(subject_name="全流程测试钢铁公司")
    intake, handler = Browser(), Browser()
    intake.login(U["intake"])
    handler.login(U["handler"])
    assert intake.act(cid, "accept").status == 200
    x = intake.case_xml(cid)
    transfer = [a for a in x.findall("actions/action") if a.get("name") == "transfer"][0]
    suggested = {d.get("name"): d.get("suggested") for d in transfer.findall("department")}
    assert suggested.get("长春市南关区工业和信息化局") == "lead", suggested
    lead = dept_id("长春市南关区工业和信息化局")
    coops = [int(d.get("id")) for d in transfer.findall("department") if d.get("suggested") == "coop"]
    a = intake.act(cid, "transfer", lead=lead, department=[lead] + coops)
    assert a.status == 200
    x = intake.case_xml(cid)
    assert x.find("report").get("state") == "transferred"
    assert x.find("report").get("due") == workdays_after(5)
    assert handler.act(cid, "start_inspection").status == 200
    a = handler.act(cid, "inspect", inspected_on=datetime.date.today().isoformat(),
                    team="南关区工信局核查组", findings="现场发现中频炉两台仍在生产。（内部）",
                    verdict="true", text="经现场核查，举报情况属实。")
    assert a.status == 200, a.text[:500]
    x = handler.case_xml(cid)
    assert x.find("report").get("state") == "verified" and x.find("report").get("due") == workdays_after(10)
    assert handler.act(cid, "dispose", measure=["dismantle", "notify"], deadline="2026-12-31").status == 200
    assert handler.act(cid, "progress", text="已拆除一台中频炉。", complete="1").status == 200
    fb = "经核查，举报情况属实。责任部门已责令企业拆除中频炉，并通报有关部门。感谢您的监督。"
    assert handler.act(cid, "feedback", text=fb).status == 200
    assert handler.act(cid, "release").status == 409            # only 工信 releases
    assert intake.act(cid, "release").status == 200
    assert intake.case_xml(cid).find("report").get("state") == "closed"
    s = pub.lookup(ticket, code, ip=pub.fresh_ip())
    c = s.xml()
    assert c.findtext("state") == "closed"
    texts = [e.text for e in c.findall("events/event")]
    assert fb in texts and "经现场核查，举报情况属实。" in texts
    # staff-only notes never reach the reporter
    assert "（内部）" not in s.text and "已拆除一台中频炉" not in s.text
    assert c.find("due") is None


@test
def transitions_refused_out_of_state_or_role():
    cid, _, _ = public_report()
    intake, handler, sup = Browser(), Browser(), Browser()
    intake.login(U["intake"])
    handler.login(U["handler"])
    sup.login(U["super"])
    before = audit_count("refused", cid)
    assert intake.act(cid, "inspect", verdict="true").status == 409       # wrong state
    assert intake.act(cid, "transfer", lead=1).status == 409               # not accepted yet
    assert handler.act(cid, "accept").status == 404                        # not their case yet
    assert sup.act(cid, "accept").status in (404, 409)
    assert intake.act(cid, "accept").status == 200
    assert intake.act(cid, "accept").status == 409                          # twice
    assert audit_count("refused", cid) >= before + 3
    a = intake.act(cid, "no_such_action")
    assert a.status == 400 and 'name="action"' in a.text


@test
def other_county_cannot_see_the_case():
    cid, _ = nanguan_case()
    other = Browser()
    other.login(U["other"])
    a = other.get("/admin/case?id=%d" % cid)
    assert a.status == 404
    assert "id=%d\"" % cid not in other.get("/admin/cases").text


@test
def needs_info_reporter_answers_on_the_status_page():
    cid, ticket, code = public_report()
    intake = Browser()
    intake.login(U["intake"])
    assert intake.act(cid, "needs_info").status == 400                    # text required
    assert intake.act(cid, "needs_info", text="请补充企业的具体位置和设备照片。").status == 200
    s = pub.lookup(ticket, code, ip=pub.fresh_ip(), xml=False)
    assert "请补充企业的具体位置和设备照片。" in s.text and 'name="reply"' in s.text
    ip = pub.fresh_ip()
    body, ctype = pub.multipart([("ticket", ticket), ("code", code), ("action", "reply"),
                                 ("reply", "企业位于南关区某路1号院内，见附件照片。")],
                                [("attachment", "p.png", pub.PNG)])
    a = pub.request("POST", "/status", body=body, headers={"Content-Type": ctype}, ip=ip)
    assert a.status == 200 and "补充材料已收到" in a.text, (a.status, a.text[:300])
    assert "location" not in a.headers and "ticket=" not in a.text
    row = sql("SELECT state, due_date, (SELECT COUNT(*) FROM attachment WHERE report_id = %d) "
              "FROM report WHERE id = %d" % (cid, cid))[0]
    assert row[0] == "submitted" and row[1] == workdays_after(2) and row[2] == "1", row
    c = pub.lookup(ticket, code, ip=pub.fresh_ip()).xml()
    assert any("企业位于南关区某路1号院内" in (e.text or "") for e in c.findall("events/event"))
    # a second answer is refused: the case no longer waits
    a = pub.request("POST", "/status", body=body, headers={"Content-Type": ctype}, ip=ip)
    assert a.status == 409


@test
def reject_with_reason_is_final_and_shown():
    cid, ticket, code = public_report(category="violation")
    intake = Browser()
    intake.login(U["intake"])
    msg = "该事项不属于本平台受理范围，请向当地市场监管部门（12315）反映。"
    assert intake.act(cid, "reject", reason="out_of_scope", text=msg).status == 200
    c = pub.lookup(ticket, code, ip=pub.fresh_ip()).xml()
    assert c.findtext("state") == "rejected" and msg in [e.text for e in c.findall("events/event")]
    assert intake.act(cid, "accept").status == 409


@test
def refusal_reasons_are_edited_by_administrators():
    admin, intake = Browser(), Browser()
    admin.login(U["sysadmin"])
    intake.login(U["intake"])
    audited = int(sql("SELECT COUNT(*) FROM audit WHERE action = 'reasons' AND detail LIKE "
                      "'save in_rectification%'")[0][0])
    assert intake.get("/admin/reasons").status == 403
    bad = admin.post("/admin/reasons", [("csrf", admin.csrf), ("code", "Bad Code"), ("label", "x")])
    assert bad.status == 400 and "代码应为" in bad.text
    text = "该企业已列入整改名单，正在整改期内，请于整改期满后再行举报。"
    ok = admin.post("/admin/reasons", [("csrf", admin.csrf), ("code", "in_rectification"),
                                       ("label", "正在整改期内"), ("text", text), ("sort", "50"),
                                       ("enabled", "1")])
    assert ok.status == 200 and "已保存" in ok.text
    page = admin.get("/admin/reasons?format=xml").xml()
    r = {e.get("code"): e for e in page.findall("reason")}["in_rectification"]
    assert (r.get("label"), r.text, r.get("sort"), r.get("enabled")) == ("正在整改期内", text, "50", "1")
    cid, _, _ = public_report()

    def offered():
        x = intake.get("/admin/case?id=%d&format=xml" % cid).xml()
        return {o.get("value"): o.get("text") for o in x.findall(".//action[@name='reject']/option")}
    assert offered().get("in_rectification") == text and "out_of_scope" in offered()
    # disabled (checkbox not sent): no longer offered, still listed for the administrator
    assert admin.post("/admin/reasons", [("csrf", admin.csrf), ("code", "in_rectification"),
                                         ("label", "正在整改期内"), ("text", text)]).status == 200
    assert "in_rectification" not in offered()
    assert {e.get("code"): e.get("enabled") for e in
            admin.get("/admin/reasons?format=xml").xml().findall("reason")}["in_rectification"] == "0"
    assert int(sql("SELECT COUNT(*) FROM audit WHERE action = 'reasons' AND detail LIKE "
                   "'save in_rectification%'")[0][0]) == audited + 2
    sql("DELETE FROM reject_reason WHERE code = 'in_rectification'")


@test
def anonymous_hazard_is_flagged_and_notification_recorded():
    cid, _, _ = public_report(anonymous="1", hazard="1", reporter_name=None, reporter_phone=None)
    intake = Browser()
    intake.login(U["intake"])
    x = intake.case_xml(cid)
    assert x.find("report").get("hazard") == "1" and x.find("identity").get("state") == "anonymous"
    assert "notify_hazard" in {a.get("name") for a in x.findall("actions/action")}
    assert intake.act(cid, "notify_hazard", text="已电话通报长春市生态环境局。").status == 200
    x = intake.case_xml(cid)
    assert x.find("report").get("hazard-notified") == "1"
    assert any(n.get("kind") == "hazard_notice" for n in x.findall("notes/note"))


@test
def duplicate_reports_share_the_outcome():
    first, t1, c1 = public_report(subject_name="重复举报企业")
    second, t2, c2 = public_report(subject_name="重复举报企业")
    intake, handler = Browser(), Browser()
    intake.login(U["intake"])
    handler.login(U["handler"])
    assert intake.act(second, "link_duplicate", ticket=t1).status == 200
    lead = dept_id("长春市南关区工业和信息化局")
    intake.act(first, "accept")
    intake.act(first, "transfer", lead=lead, department=[lead])
    handler.act(first, "start_inspection")
    handler.act(first, "inspect", inspected_on="2026-11-20", team="核查组", findings="无",
                verdict="false")
    fb = "经核查，举报情况不属实。"
    assert handler.act(first, "feedback", text=fb).status == 200
    assert intake.act(first, "release").status == 200
    for t, c in ((t1, c1), (t2, c2)):
        x = pub.lookup(t, c, ip=pub.fresh_ip()).xml()
        assert x.findtext("state") == "closed" and fb in [e.text for e in x.findall("events/event")], t


@test
def supervisor_press_shows_on_the_handling_unit_dashboard():
    cid, _ = nanguan_case()
    handler, sup = Browser(), Browser()
    handler.login(U["handler"])
    sup.login(U["super"])
    assert sup.act(cid, "press", text="请于本周内完成现场检查。").status == 200
    d = handler.get("/admin/?format=xml").xml()
    assert str(cid) in {c.get("id") for c in d.findall("pressed/case")}
    # The unit's case list marks it too (the press count is taken after DISTINCT and LIMIT).
    rows = {c.get("id"): c for c in handler.get("/admin/cases?format=xml").xml().iter("case")}
    assert rows[str(cid)].get("pressed") == "1"
    assert all(c.get("pressed") == "0" for i, c in rows.items() if i != str(cid)
               and i not in {c.get("id") for c in d.findall("pressed/case")})
    assert handler.act(cid, "press", text="x").status == 409


@test
def unit_dashboard_splits_due_today_and_overdue():
    cid, _ = nanguan_case()
    handler = Browser()
    handler.login(U["handler"])

    def lists():
        d = handler.get("/admin/?format=xml").xml()
        return ({c.get("id") for c in d.findall("due-today/case")},
                {c.get("id") for c in d.findall("overdue/case")})
    # Beijing dates, as the console computes them
    today = sql("SELECT DATE(CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', '+08:00'))")[0][0]
    sql("UPDATE report SET due_date = '%s' WHERE id = %d" % (today, cid))
    due, late = lists()
    assert str(cid) in due and str(cid) not in late
    sql("UPDATE report SET due_date = DATE_SUB('%s', INTERVAL 3 DAY) WHERE id = %d" % (today, cid))
    due, late = lists()
    assert str(cid) in late and str(cid) not in due
    sql("UPDATE report SET due_date = DATE_ADD('%s', INTERVAL 3 DAY) WHERE id = %d" % (today, cid))
    due, late = lists()
    assert str(cid) not in late and str(cid) not in due


@test
def routing_precedence_preview_and_government_goes_up():
    admin = Browser()
    admin.login(U["sysadmin"])
    def preview(**q):
        q.setdefault("subject_type", "enterprise")
        a = admin.get("/admin/routing?format=xml&preview=1&" + urllib.parse.urlencode(q))
        assert a.status == 200, a.text[:300]
        return {d.get("name"): d.get("role") for d in a.xml().findall("preview/department")}
    assert preview(category="backward", standard="energy", industry="steel", region="220102") == \
        {"长春市南关区工业和信息化局": "lead", "长春市南关区发展和改革局": "coop"}
    assert preview(category="backward", standard="environment", industry="steel",
                   region="220102")["长春市南关区生态环境局"] == "lead"
    # about a government: the level above verifies
    p = preview(category="dereliction", standard="approval", industry="steel", region="220102",
                subject_type="government")
    assert p.get("长春市发展和改革局") == "lead", p
    # a more specific rule wins: energy in Changchun (2201) goes to 生态环境 as lead
    a = admin.post("/admin/routing", [("csrf", admin.csrf), ("action", "add"), ("standard", "energy"),
                                      ("region_prefix", "2201"), ("lead_kind", "shengtai"),
                                      ("level", "county"), ("note", "测试规则")])
    assert a.status == 200, a.text[:300]
    rid = int(sql("SELECT MAX(id) FROM routing_rule")[0][0])
    try:
        assert preview(category="backward", standard="energy", industry="steel", region="220102") \
            .get("长春市南关区生态环境局") == "lead"
        assert preview(category="backward", standard="energy", industry="steel", region="220204") \
            .get("吉林市船营区工业和信息化局") == "lead"
    finally:
        admin.post("/admin/routing", [("csrf", admin.csrf), ("action", "delete"), ("rule", str(rid))])
    assert audit_count("routing") >= 2
    # validation: a rule pointing at a kind without departments is reported
    a = admin.post("/admin/routing", [("csrf", admin.csrf), ("action", "add"), ("standard", "other"),
                                      ("lead_kind", "jinrong"), ("level", "province")])
    rid = int(sql("SELECT MAX(id) FROM routing_rule")[0][0])
    try:
        probs = [p.text for p in a.xml().findall("problems/problem")] if a.header("content-type").startswith("application/xml") else None
        a = admin.get("/admin/routing?format=xml")
        probs = [p.text for p in a.xml().findall("problems/problem")]
        assert any("jinrong" in p or "金融" in p for p in probs), probs
    finally:
        admin.post("/admin/routing", [("csrf", admin.csrf), ("action", "delete"), ("rule", str(rid))])


@test
def routing_and_users_pages_are_for_administrators_only():
    intake = Browser()
    intake.login(U["intake"])
    for path in ("/admin/routing", "/admin/users", "/admin/calendar", "/admin/reasons", "/admin/audit"):
        assert intake.get(path).status == 403, path
    sup = Browser()
    sup.login(U["super"])
    assert sup.get("/admin/audit").status == 200
    # 三员分立: each administrator reaches its own pages only
    reach = {"sysadmin": {"/admin/routing", "/admin/calendar", "/admin/reasons"},
             "admin": {"/admin/users"}, "auditor": {"/admin/audit"}}
    for who, mine in reach.items():
        b = Browser()
        b.login(U[who])
        menu = {i.get("path") for i in b.get("/admin/?format=xml").xml().findall(".//menu/item")}
        for path in ("/admin/routing", "/admin/users", "/admin/calendar", "/admin/reasons",
                     "/admin/audit", "/admin/cases", "/admin/intake"):
            assert (b.get(path).status == 200) == (path in mine), (who, path)
            assert (path in menu) == (path in mine), (who, path, menu)


@test
def calendar_edit_and_import_change_deadlines():
    admin = Browser()
    admin.login(U["sysadmin"])
    a = admin.post("/admin/calendar", [("csrf", admin.csrf), ("action", "set"), ("date", "2030-01-07"),
                                       ("off", "1"), ("name", "测试假日")])
    assert a.status == 200
    assert sql("SELECT is_off, name FROM holiday WHERE day = '2030-01-07'") == [["1", "测试假日"]]
    body, ctype = pub.multipart([("csrf", admin.csrf), ("action", "import")],
                                [("file", "2030.json", b'{"year": 2030, "days": [{"name": "\xe8\xaf\x95", "date": "2030-01-12", "isOffDay": false}, {"name": "\xe8\xaf\x95", "date": "2030-01-08", "isOffDay": true}]}')])
    a = pub.request("POST", "/admin/calendar", body=body,
                    headers={"Content-Type": ctype, "Cookie": admin.cookie_header()}, ip=admin.ip)
    assert a.status == 200, a.text[:300]
    assert sql("SELECT day, is_off FROM holiday WHERE day BETWEEN '2030-01-07' AND '2030-01-12' ORDER BY day") == \
        [["2030-01-07", "1"], ["2030-01-08", "1"], ["2030-01-12", "0"]]
    a = admin.post("/admin/calendar", [("csrf", admin.csrf), ("action", "delete"), ("date", "2030-01-07")])
    assert a.status == 200
    sql("DELETE FROM holiday WHERE YEAR(day) = 2030")


@test
def audit_trail_is_append_only_and_filterable():
    admin = Browser()
    admin.login(U["auditor"])
    a = admin.get("/admin/audit?format=xml&action=login&login=" + U["auditor"])
    entries = a.xml().findall("entries/entry")
    assert entries and all(e.get("action") == "login" for e in entries)
    try:
        sql("UPDATE audit SET detail = 'x' LIMIT 1")
        assert False, "audit could be updated"
    except RuntimeError as e:
        assert "append-only" in str(e)
    try:
        sql("DELETE FROM audit LIMIT 1")
        assert False, "audit could be deleted"
    except RuntimeError as e:
        assert "append-only" in str(e)


@test
def intake_by_phone_records_a_report_with_ticket_and_code():
    intake = Browser()
    a = intake.login(U["intake"])
    a = intake.get("/admin/intake")
    assert a.status == 200 and 'name="channel"' in a.text, a.text[:300]
    form_id = re.search(r'name="form_id" value="([0-9a-f]{32})"', a.text).group(1)
    fields = [("csrf", intake.csrf), ("form_id", form_id), ("channel", "phone")] + \
        pub.report_fields(intake.csrf, reporter_name="电话举报人", reporter_phone="0431-88904527",
                          subject_name="电话登记测试企业")[1:]
    bad = [f for f in fields if f[0] != "channel"]
    a = intake.post("/admin/intake", bad + [("format", "xml")])
    assert a.status == 400 and a.xml().find("field[@name='channel']") is not None
    a = intake.post("/admin/intake", fields + [("format", "xml")])
    assert a.status == 200, a.text[:500]
    r = a.xml()
    ticket, code, cid = r.findtext("ticket"), r.findtext("code"), int(r.findtext("case-id"))
    again = intake.post("/admin/intake", fields + [("format", "xml")]).xml()
    assert again.findtext("ticket") == ticket and again.findtext("code") == code
    row = sql("SELECT channel, intake_staff_id IS NOT NULL FROM report WHERE id = %d" % cid)[0]
    assert row == ["phone", "1"], row
    assert pub.lookup(ticket, code, ip=pub.fresh_ip()).status == 200
    # the officer who recorded it may see the identity; it is audited
    a = intake.act(cid, "reveal")
    assert a.status == 200 and "电话举报人" in a.text
    assert audit_count("intake", cid) == 1


@test
def attachments_download_only_for_staff_who_see_the_case():
    ip = pub.fresh_ip()
    cookie, token, _ = pub.open_form(ip=ip)
    a = pub.post_multipart("/submit", pub.report_fields(token) + [("format", "xml")],
                           [("attachment", "scan.pdf", pub.PDF)], cookie=cookie, ip=ip)
    assert a.status == 200, a.text
    cid = int(sql("SELECT id FROM report WHERE ticket = '%s'" % a.xml().findtext("ticket"))[0][0])
    aid = sql("SELECT id FROM attachment WHERE report_id = %d" % cid)[0][0]
    intake, other = Browser(), Browser()
    intake.login(U["intake"])
    other.login(U["other"])
    d = intake.get("/admin/attachment?id=%s" % aid)
    assert d.status == 200 and d.body == pub.PDF
    assert d.header("content-type") == "application/pdf"
    assert d.header("content-disposition").startswith("attachment;")
    pub.assert_security_headers(d)
    assert other.get("/admin/attachment?id=%s" % aid).status == 404
    assert audit_count("attachment", cid) == 1


def totp_now(secret_b32, t=None):
    import base64
    import hmac
    import struct
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    msg = struct.pack(">Q", int((t or time.time()) // 30))
    h = hmac.new(key, msg, "sha1").digest()
    o = h[-1] & 15
    return "%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7FFFFFFF) % 1000000)


@test
def totp_second_factor_is_required_once_enabled():
    login = "totp" + SUFFIX
    make_staff(login, [("handler", "长春市南关区工业和信息化局")])     # optional for a handler
    b = Browser()
    b.login(login)
    x = b.get("/admin/totp?format=xml").xml()
    secret = x.findtext("secret")
    assert secret and x.findtext("uri").startswith("otpauth://totp/")
    assert b.post("/admin/totp", [("csrf", b.csrf), ("password", PASSWORD), ("code", "000000" if totp_now(secret) != "000000" else "111111")]).status == 400
    a = b.post("/admin/totp", [("csrf", b.csrf), ("action", "enable"), ("password", PASSWORD),
                               ("code", totp_now(secret))])
    assert a.status == 200, a.text[:300]
    blob = sql("SELECT HEX(totp_secret) FROM staff WHERE login = '%s'" % login)[0][0]
    assert blob and secret.encode().hex().upper() not in blob      # sealed, not plain
    c = Browser()
    a = c.login(login, auto=False)
    assert 'name="totp"' in a.text                                  # asked for the code
    assert c.login(login, totp="123456" if totp_now(secret) != "123456" else "654321").status == 401
    # the enrolling code was used: the next step's code (accepted for clock drift) signs in
    a = c.login(login, totp=totp_now(secret, time.time() + 30))
    assert a.status == 200 and "<dashboard" in c.get("/admin/?format=xml").text


@test
def logout_ends_the_session():
    b = Browser()
    b.login(U["intake"])
    old = dict(b.cookies)
    a = b.post("/admin/logout", [("csrf", b.csrf)])
    assert "<login" in a.text or "工作人员登录" in a.text
    a = pub.request("GET", "/admin/?format=xml", headers={"Cookie": "; ".join(
        "%s=%s" % kv for kv in old.items())}, ip=b.ip)
    assert a.status == 401


def main():
    setup_staff()
    return pub.run_tests(TESTS, "console")


if __name__ == "__main__":
    sys.exit(main())
