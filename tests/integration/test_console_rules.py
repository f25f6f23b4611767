#!/usr/bin/env python3
"""Integration tests of the console's rules, against the real stack: every number in a request
is bounded, every action the case page would not offer is refused by POST (409, nothing
changed), each role is judged on its own department, text limits hold end to end, and every id
in a request is checked against the user's area and the object's state.

Usage: test_console_rules.py BASE_URL STATE_DIR [test-name-substring]
Prints "console rules: N passed, N failed".
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_public as pub  # noqa: E402
import test_console as con  # noqa: E402
from test_console import Browser, U, sql, dept_id, make_staff, public_report  # noqa: E402

NANGUAN = "长春市南关区工业和信息化局"
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def offered(browser, cid):
    return {a.get("name") for a in browser.case_xml(cid).findall("actions/action")}


def row(cid, cols):
    return sql("SELECT %s FROM report WHERE id = %d" % (cols, cid))[0]


def inspected_case(verdict):
    """A case at 南关区 inspected with this verdict; returns (id, intake, handler)."""
    cid, intake = con.nanguan_case()
    handler = Browser()
    handler.login(U["handler"])
    assert handler.act(cid, "start_inspection").status == 200
    a = handler.act(cid, "inspect", inspected_on="2026-11-20", team="核查一组", findings="现场核实。",
                    verdict=verdict)
    assert a.status == 200, a.text[:300]
    return cid, intake, handler


# ---------------------------------------------------------------- 1. numbers are bounded

@test
def page_numbers_out_of_range_are_400_naming_the_field():
    b = Browser()
    b.login(U["super"])
    for path in ("/admin/cases", "/admin/audit"):
        for bad in ("99999999999999999999", "0", "-1", "1e3", "100001", "x"):
            a = b.get("%s?page=%s&format=xml" % (path, bad))
            assert a.status == 400, (path, bad, a.status)
            assert a.xml().find("field[@name='page']") is not None, a.text[:300]
        assert b.get("%s?page=2" % path).status == 200
    a = b.get("/admin/case?id=12345678901234567890123&format=xml")
    assert a.status == 400 and a.xml().find("field[@name='id']") is not None
    s = Browser()
    s.login(U["sysadmin"])
    a = s.get("/admin/calendar?year=99999&format=xml")
    assert a.status == 400 and a.xml().find("field[@name='year']") is not None
    # the workers live on: the next request is answered
    assert b.get("/admin/cases").status == 200


# ---------------------------------------------------------------- 2. guarded actions

@test
def dispose_refused_when_the_verdict_is_untrue():
    cid, _, handler = inspected_case("false")
    assert "dispose" not in offered(handler, cid)
    before = row(cid, "state, disposal")
    a = handler.act(cid, "dispose", measure="stop")
    assert a.status == 409, a.status
    assert row(cid, "state, disposal") == before == ["verified", ""]


@test
def release_refused_without_a_feedback_draft():
    cid, intake, handler = inspected_case("true")
    assert "release" not in offered(intake, cid)
    assert intake.act(cid, "release").status == 409
    assert row(cid, "state, feedback_state") == ["verified", "none"]
    assert handler.act(cid, "feedback", text="经核查，举报属实，已责令整改。").status == 200
    assert "release" in offered(intake, cid)
    assert intake.act(cid, "release").status == 200
    assert row(cid, "state") == ["closed"]


@test
def duplicate_linked_only_once():
    first, t1, _ = public_report()
    second, t2, _ = public_report()
    third, _, _ = public_report()
    intake = Browser()
    intake.login(U["intake"])
    assert intake.act(third, "link_duplicate", ticket=t1).status == 200
    assert "link_duplicate" not in offered(intake, third)
    assert intake.act(third, "link_duplicate", ticket=t2).status == 409
    assert row(third, "duplicate_of") == [str(first)]
    # a duplicate is no original, and a case is not its own duplicate
    assert intake.act(second, "link_duplicate", ticket=row(third, "ticket")[0]).status == 400
    assert intake.act(second, "link_duplicate", ticket=t2).status == 400
    assert row(second, "duplicate_of")[0] in ("NULL", "", None)


@test
def hazard_notification_refused_on_a_named_report():
    cid, _, _ = public_report(hazard="1")
    intake = Browser()
    intake.login(U["intake"])
    assert "notify_hazard" not in offered(intake, cid)
    assert intake.act(cid, "notify_hazard", text="已电话通报应急管理部门。").status == 409
    assert row(cid, "hazard_notified") == ["0"]
    assert int(sql("SELECT COUNT(*) FROM report_note WHERE report_id = %d" % cid)[0][0]) == 0


@test
def every_refusal_is_audited_and_changes_nothing():
    cid, _, _ = public_report()
    intake = Browser()
    intake.login(U["intake"])
    before = con.audit_count("refused", cid)
    events = sql("SELECT COUNT(*) FROM report_event WHERE report_id = %d" % cid)[0][0]
    for action, fields in (("release", {}), ("dispose", {"measure": "stop"}),
                           ("start_inspection", {}), ("press", {"text": "x"})):
        assert intake.act(cid, action, **fields).status == 409, action
    assert con.audit_count("refused", cid) == before + 4
    assert sql("SELECT COUNT(*) FROM report_event WHERE report_id = %d" % cid)[0][0] == events
    assert row(cid, "state") == ["submitted"]


ALL_ACTIONS = ["accept", "reject", "needs_info", "transfer", "start_inspection", "inspect",
               "dispose", "progress", "feedback", "release", "note", "press", "reveal",
               "set_contact", "notify_hazard", "link_duplicate"]
# Fields that would make each action succeed if it were allowed: a refusal must come from the
# rule, not from a missing field.
FILLED = {"text": "内容", "reason": "other", "inspected_on": "2026-11-20", "team": "组",
          "findings": "情况", "verdict": "true", "measure": "stop", "ticket": "", "staff": "1"}


def snapshot(cid):
    return (sql("SELECT state, COALESCE(verdict, ''), disposal, feedback_state, hazard_notified, "
                "COALESCE(duplicate_of, 0), COALESCE(contact_staff_id, 0), "
                "COALESCE(lead_department_id, 0) FROM report WHERE id = %d" % cid)[0],
            sql("SELECT COUNT(*) FROM report_event WHERE report_id = %d" % cid)[0][0],
            sql("SELECT COUNT(*) FROM report_note WHERE report_id = %d" % cid)[0][0])


@test
def every_action_the_page_does_not_offer_is_refused_by_post():
    """For cases in several states and every kind of user, each action missing from the case
    page is posted anyway, with its fields filled: 409 (or 404 when the case is not the user's
    to see), and nothing about the case changes."""
    users = {}
    for who in ("intake", "handler", "contact", "super", "other"):
        users[who] = Browser()
        users[who].login(U[who])
    submitted, _, _ = public_report()
    transferred, _ = con.nanguan_case()
    untrue, _, _ = inspected_case("false")
    closed, _, _ = inspected_case("true")
    h = Browser()
    h.login(U["handler"])
    assert h.act(closed, "feedback", text="已核实。").status == 200
    assert users["intake"].act(closed, "release").status == 200
    tried = 0
    for cid in (submitted, transferred, untrue, closed):
        lead = row(cid, "lead_department_id")[0]
        for who, b in users.items():
            page = b.get("/admin/case?id=%d&format=xml" % cid)
            offered_here = ({a.get("name") for a in page.xml().findall("actions/action")}
                            if page.status == 200 else set())
            for action in ALL_ACTIONS:
                if action in offered_here:
                    continue
                before = snapshot(cid)
                fields = dict(FILLED, lead=lead if lead not in ("NULL", None) else 1)
                a = b.act(cid, action, **fields)
                assert a.status in ((409,) if page.status == 200 else (404,)), \
                    (who, action, cid, a.status)
                assert snapshot(cid) == before, (who, action, cid)
                tried += 1
    assert tried > 200, tried


# ---------------------------------------------------------------- 3. per-role judgement

@test
def contact_at_lead_and_handler_at_coop_cannot_name_itself_contact():
    coop = "长春市南关区生态环境局"
    login = "twohats" + con.SUFFIX
    me = make_staff(login, [("contact", NANGUAN), ("handler", coop)])
    intake = Browser()
    intake.login(U["intake"])
    cid, _, _ = public_report()
    assert intake.act(cid, "accept").status == 200
    a = intake.act(cid, "transfer", lead=dept_id(NANGUAN), department=[dept_id(coop)])
    assert a.status == 200, a.text[:300]
    b = Browser()
    b.login(login)
    acts = offered(b, cid)
    assert "set_contact" not in acts and "start_inspection" not in acts and "reveal" not in acts
    assert b.act(cid, "set_contact", staff=me).status == 409
    assert row(cid, "contact_staff_id")[0] in ("NULL", None, "")
    a = b.act(cid, "reveal")
    assert a.status == 409 and "保密测试人" not in a.text
    # the real lead handler names it; then, as the named contact, it may reveal
    h = Browser()
    h.login(U["handler"])
    assert h.act(cid, "set_contact", staff=me).status == 200
    a = b.act(cid, "reveal")
    assert a.status == 200 and "保密测试人" in a.text


# ---------------------------------------------------------------- 4. text limits

@test
def reporter_supplement_of_5000_characters_is_kept_whole():
    for ch in ("a", "煤"):
        cid, ticket, code = public_report()
        intake = Browser()
        intake.login(U["intake"])
        assert intake.act(cid, "needs_info", text="请补充材料。").status == 200
        fields = [("ticket", ticket), ("code", code), ("action", "reply")]
        too_long = pub.post_form("/status", fields + [("reply", ch * 5001)], ip=pub.fresh_ip())
        assert too_long.status == 400, too_long.status
        a = pub.post_form("/status", fields + [("reply", ch * 5000)], ip=pub.fresh_ip())
        assert a.status == 200, (a.status, a.text[:200])
        n = sql("SELECT MAX(CHAR_LENGTH(text)) FROM report_event WHERE report_id = %d AND "
                "text LIKE '举报人补充材料：%%'" % cid)[0][0]
        assert int(n) == len("举报人补充材料：") + 5000, n


@test
def inspection_findings_of_5000_chinese_characters_are_kept_whole():
    cid, intake = con.nanguan_case()
    handler = Browser()
    handler.login(U["handler"])
    assert handler.act(cid, "start_inspection").status == 200
    long = "查" * 5000
    a = handler.act(cid, "inspect", inspected_on="2026-11-20", team="核查组", findings=long + "查",
                    verdict="true", format="xml")
    assert a.status == 400 and a.xml().find(".//field[@name='findings']") is not None
    assert row(cid, "state") == ["inspecting"]
    # the page comes back with the message beside the field and the input kept
    a = handler.act(cid, "inspect", inspected_on="2026-11-20", team="第三核查组",
                    findings=long + "查", verdict="true")
    assert a.status == 400 and "检查情况不超过5000字。" in a.text
    assert 'value="第三核查组"' in a.text and long in a.text
    a = handler.act(cid, "inspect", inspected_on="2026-11-20", team="核查组", findings=long,
                    verdict="true")
    assert a.status == 200, (a.status, a.text[:300])
    n = sql("SELECT CHAR_LENGTH(text) FROM report_note WHERE report_id = %d AND "
            "kind = 'inspection'" % cid)[0][0]
    assert int(n) > 5000 and sql("SELECT RIGHT(text, 5000) = '%s' FROM report_note WHERE "
                                 "report_id = %d AND kind = 'inspection'" % (long, cid))[0][0] == "1"


@test
def action_text_over_the_limit_is_400_naming_the_field():
    cid, _, _ = public_report()
    intake = Browser()
    intake.login(U["intake"])
    a = intake.act(cid, "note", text="备" * 5001, format="xml")
    assert a.status == 400 and a.xml().find(".//field[@name='text']") is not None
    assert intake.act(cid, "note", text="备" * 5000).status == 200


# ---------------------------------------------------------------- 5. status lines

@test
def failed_login_answers_401_unauthorized():
    b = Browser()
    a = b.login(U["admin"], password="wrong-password-1")
    assert a.status == 401 and a.reason == "Unauthorized", (a.status, a.reason)
    cid, _, _ = public_report()
    i = Browser()
    i.login(U["intake"])
    a = i.act(cid, "release")
    assert a.status == 409 and a.reason == "Conflict", (a.status, a.reason)


# ---------------------------------------------------------------- 6. ids in requests

@test
def transfer_only_to_enabled_departments_of_the_province():
    cid, _, _ = public_report()
    intake = Browser()
    intake.login(U["intake"])
    assert intake.act(cid, "accept").status == 200
    other_province = dept_id("辽宁省工业和信息化厅")
    a = intake.act(cid, "transfer", lead=other_province, format="xml")
    assert a.status == 400 and a.xml().find(".//field[@name='lead']") is not None
    a = intake.act(cid, "transfer", lead=dept_id(NANGUAN), department=[other_province])
    assert a.status == 400
    disabled = dept_id("长春市南关区市场监督管理局")
    sql("UPDATE department SET enabled = 0 WHERE id = %d" % disabled)
    try:
        assert intake.act(cid, "transfer", lead=disabled).status == 400
        assert intake.act(cid, "transfer", lead=dept_id(NANGUAN),
                          department=[disabled]).status == 400
    finally:
        sql("UPDATE department SET enabled = 1 WHERE id = %d" % disabled)
    assert intake.act(cid, "transfer", lead=999999999).status == 400
    assert row(cid, "state, lead_department_id")[0] == "accepted"
    assert int(sql("SELECT COUNT(*) FROM report_department WHERE report_id = %d" % cid)[0][0]) == 0
    assert intake.act(cid, "transfer", lead=dept_id(NANGUAN)).status == 200


@test
def county_officer_reaches_no_case_outside_its_area():
    login = "countyintake" + con.SUFFIX
    make_staff(login, [("intake", NANGUAN)])
    inside, _, _ = public_report(region="220102")
    outside, t_out, _ = public_report(region="220104", subject_name="朝阳区保密企业")
    b = Browser()
    b.login(login)
    assert b.get("/admin/case?id=%d" % outside).status == 404
    a = b.act(inside, "link_duplicate", ticket=t_out)
    assert a.status == 400 and "朝阳区保密企业" not in a.text
    assert row(inside, "duplicate_of")[0] in ("NULL", None, "")
    # intake of a report outside its area
    a = b.get("/admin/intake")
    form_id = re.search(r'name="form_id" value="([0-9a-f]{32})"', a.text).group(1)
    fields = [("csrf", b.csrf), ("form_id", form_id), ("channel", "phone")] + \
        pub.report_fields(b.csrf, region="220104", subject_name="越界登记企业")[1:]
    n = pub.count_reports()
    a = b.post("/admin/intake", fields + [("format", "xml")])
    assert a.status == 400 and a.xml().find("field[@name='region']") is not None
    assert pub.count_reports() == n


@test
def intake_form_id_of_another_officer_yields_no_receipt():
    a_off = Browser()
    a_off.login(U["intake"])
    other = "intake2" + con.SUFFIX
    make_staff(other, [("intake", "吉林省工业和信息化厅")])
    b_off = Browser()
    b_off.login(other)
    page = a_off.get("/admin/intake")
    form_id = re.search(r'name="form_id" value="([0-9a-f]{32})"', page.text).group(1)
    fields = pub.report_fields(a_off.csrf, reporter_name="甲举报人", reporter_phone="13600001234",
                               subject_name="表单编号测试企业")[1:]
    first = a_off.post("/admin/intake", [("csrf", a_off.csrf), ("form_id", form_id),
                                         ("channel", "phone")] + fields + [("format", "xml")])
    assert first.status == 200
    b_off.get("/admin/")
    second = b_off.post("/admin/intake", [("csrf", b_off.csrf), ("form_id", form_id),
                                          ("channel", "phone")] + fields + [("format", "xml")])
    assert second.status == 200
    assert second.xml().findtext("ticket") != first.xml().findtext("ticket")
    assert second.xml().findtext("code") != first.xml().findtext("code")


# ---------------------------------------------------------------- audit trail views

@test
def supervisor_sees_case_history_of_its_area_not_who_viewed_identities():
    cid, intake = con.nanguan_case()                       # 220102, in 长春市 (2201)
    assert intake.act(cid, "reveal").status == 200          # the intake officer looks
    far, _, _ = public_report(region="220202", subject_name="吉林市审计测试企业")
    assert intake.act(far, "accept").status == 200
    bad = Browser()
    bad.login("nobody" + con.SUFFIX, password="wrong-password-9")  # a failed sign-in
    sup = Browser()
    sup.login(U["super"])                                   # supervisor at 长春市
    a = sup.get("/admin/audit?format=xml")
    assert a.status == 200
    entries = a.xml().findall("entries/entry")
    actions = {e.get("action") for e in entries}
    reports = {e.get("report-id") for e in entries}
    assert str(cid) in reports and {"accept", "transfer"} <= actions, actions
    assert not actions & {"reveal_identity", "login", "login_failed", "attachment"}, actions
    assert str(far) not in reports                           # another city's case
    assert all(e.get("client") == "" for e in entries)     # no staff addresses either
    a = sup.get("/admin/audit?format=xml&action=reveal_identity")
    assert a.xml().findall("entries/entry") == []
    # the trail belongs to the auditor (审计管理员): the province's reads all of it
    adm = Browser()
    adm.login(U["auditor"])
    a = adm.get("/admin/audit?format=xml&action=reveal_identity")
    assert any(e.get("report-id") == str(cid) for e in a.xml().findall("entries/entry"))
    a = adm.get("/admin/audit?format=xml&action=login_failed")
    assert a.xml().findall("entries/entry"), "the provincial auditor sees unknown logins' failures"
    # a county auditor reads its area only: its cases and its staff, not 吉林市's case,
    # not the provincial intake officer's sign-ins, not the failures of unknown logins
    county = "countyaudit" + con.SUFFIX
    make_staff(county, [("auditor", NANGUAN)])
    ca = Browser()
    ca.login(county)
    entries = ca.get("/admin/audit?format=xml").xml().findall("entries/entry")
    reports = {e.get("report-id") for e in entries}
    assert str(cid) in reports and str(far) not in reports, reports
    logins = {e.get("login") for e in entries if e.get("action") == "login"}
    assert county in logins and U["intake"] not in logins, logins
    assert not any(e.get("action") == "login_failed" and e.get("login", "").startswith("?")
                   for e in entries)
    # and the security administrator does not read it at all
    sec = Browser()
    sec.login(U["admin"])
    assert sec.get("/admin/audit").status == 403


# ---------------------------------------------------------------- administrators' reach

def user_id(login):
    return int(sql("SELECT id FROM staff WHERE login = '%s'" % login)[0][0])


def users_post(b, **fields):
    f = [("csrf", b.csrf)] + [(k, str(v)) for k, v in fields.items()] + [("format", "xml")]
    return b.post("/admin/users", f)


@test
def administrators_act_only_in_their_area_and_never_on_themselves():
    county = "countyadmin" + con.SUFFIX
    make_staff(county, [("secadmin", NANGUAN)])
    b = Browser()
    b.login(county)
    page = b.get("/admin/users?format=xml").xml()
    logins = {u.get("login") for u in page.findall("user-list/user")}
    assert U["admin"] not in logins and U["intake"] not in logins, logins    # provincial roles
    assert county in logins
    regions = {d.get("region") for d in page.findall("departments/department")}
    assert regions and all(r.startswith("220102") for r in regions), regions
    prov = user_id(U["admin"])
    before = sql("SELECT HEX(pw_hash) FROM staff WHERE id = %d" % prov)
    a = users_post(b, action="reset", user=prov, password="Another-Pass-2026")
    assert a.status == 400 and sql("SELECT HEX(pw_hash) FROM staff WHERE id = %d" % prov) == before
    assert users_post(b, action="toggle", user=prov).status == 400
    me = user_id(county)
    a = users_post(b, action="add_role", user=me, role="intake",
                   department=dept_id("吉林省工业和信息化厅"))
    assert a.status == 400                                   # itself, and outside its area
    newbie = "countynew" + con.SUFFIX
    make_staff(newbie, [])
    a = users_post(b, action="add_role", user=user_id(newbie), role="intake",
                   department=dept_id("吉林省工业和信息化厅"))
    assert a.status == 400                                   # a department outside its area
    a = users_post(b, action="add_role", user=user_id(newbie), role="handler",
                   department=dept_id(NANGUAN))
    assert a.status == 200, a.text[:300]
    assert sql("SELECT COUNT(*) FROM staff_role WHERE staff_id = %d" % user_id(newbie)) == [["1"]]
    # separation of duties: an administrator gets no case role, a case officer no admin role
    assert users_post(b, action="add_role", user=user_id(newbie), role="sysadmin",
                      department=dept_id(NANGUAN)).status == 400
    other_admin = "countyadm2" + con.SUFFIX
    make_staff(other_admin, [("secadmin", NANGUAN)])
    assert users_post(b, action="add_role", user=user_id(other_admin), role="contact",
                      department=dept_id(NANGUAN)).status == 400
    assert sql("SELECT GROUP_CONCAT(role) FROM staff_role WHERE staff_id = %d"
               % user_id(newbie)) == [["handler"]]
    # nobody changes its own roles or credentials, a provincial administrator neither
    p = Browser()
    p.login(U["admin"])
    assert users_post(p, action="reset", user=prov, password="Another-Pass-2026").status == 400
    assert users_post(p, action="add_role", user=prov, role="intake",
                      department=dept_id("吉林省工业和信息化厅")).status == 400
    assert sql("SELECT COUNT(*) FROM staff_role WHERE staff_id = %d" % prov) == [["1"]]


@test
def province_wide_tables_change_only_at_the_province():
    """Finding 3: the routing table, the working-day calendar and the refusal reasons are one
    for the province; a county's system administrator reads them and changes none."""
    county = "countysys" + con.SUFFIX
    make_staff(county, [("sysadmin", NANGUAN)])
    b = Browser()
    b.login(county)
    for path in ("/admin/routing", "/admin/calendar", "/admin/reasons"):
        assert b.get(path).status == 200, path
    before = sql("SELECT COUNT(*) FROM holiday WHERE day = '2031-03-03'")
    a = b.post("/admin/calendar", [("csrf", b.csrf), ("action", "set"), ("date", "2031-03-03"),
                                   ("off", "1"), ("name", "县级假日")])
    assert a.status == 403 and "省级系统管理员" in a.text, a.status
    assert sql("SELECT COUNT(*) FROM holiday WHERE day = '2031-03-03'") == before
    a = b.post("/admin/reasons", [("csrf", b.csrf), ("code", "county_reason"), ("label", "县级"),
                                  ("text", "县级理由"), ("sort", "1"), ("enabled", "1")])
    assert a.status == 403
    assert sql("SELECT COUNT(*) FROM reject_reason WHERE code = 'county_reason'") == [["0"]]
    rules = sql("SELECT COUNT(*) FROM routing_rule")
    a = b.post("/admin/routing", [("csrf", b.csrf), ("action", "add"), ("standard", "energy"),
                                  ("region_prefix", "220102"), ("lead_kind", "shengtai"),
                                  ("level", "county")])
    assert a.status == 403 and sql("SELECT COUNT(*) FROM routing_rule") == rules
    # the province's system administrator does change them
    p = Browser()
    p.login(U["sysadmin"])
    a = p.post("/admin/calendar", [("csrf", p.csrf), ("action", "set"), ("date", "2031-03-03"),
                                   ("off", "1"), ("name", "省级测试")])
    assert a.status == 200
    sql("DELETE FROM holiday WHERE day = '2031-03-03'")


def pending(b):
    return {c.get("id"): c for c in b.get("/admin/users?format=xml").xml().findall("changes/change")}


def can_sign_in(login, password=con.PASSWORD):
    return Browser().login(login, password=password).status == 200


@test
def guarded_grants_and_resets_wait_for_a_second_security_administrator():
    """三员分立: a grant of intake, contact or an administrator role, and a credential reset of
    such an account, take effect only when another security administrator approves; nobody
    approves its own request or a change of its own account; the owner is told."""
    first, second = Browser(), Browser()
    first.login(U["admin"])
    second.login(U["admin2"])
    prov = dept_id("吉林省工业和信息化厅")
    x = "custodian" + con.SUFFIX
    xid = make_staff(x, [])
    a = users_post(first, action="add_role", user=xid, role="intake", department=prov)
    assert a.status == 200 and "另一位安全管理员批准" in a.text, a.text[:300]
    roles = lambda: sql("SELECT COUNT(*) FROM staff_role WHERE staff_id = %d" % xid)[0][0]
    assert roles() == "0"                                       # not yet
    mine = [c for c in pending(first).values() if c.get("login") == x]
    assert len(mine) == 1 and mine[0].get("mine") == "1" and mine[0].get("kind") == "add_role"
    cid = mine[0].get("id")
    # the one who asked cannot approve it
    assert users_post(first, action="approve", change=cid).status == 400 and roles() == "0"
    # nor can the account itself, were it a security administrator: tried below with a reset
    theirs = pending(second)[cid]
    assert theirs.get("mine") == "0" and theirs.get("by-login") == U["admin"]
    assert users_post(second, action="approve", change=cid).status == 200
    assert sql("SELECT role FROM staff_role WHERE staff_id = %d" % xid) == [["intake"]]
    assert users_post(second, action="approve", change=cid).status == 400   # once
    # the owner is told at the next sign-in, what, when and by whom; once
    owner = Browser()
    a = owner.login(x)                                          # lands on the dashboard
    box = a.text[a.text.find("notice-box"):][:2000]
    assert "接报" in box and U["admin"] in box and U["admin2"] in box, a.text[:2000]
    assert owner.get("/admin/?format=xml").xml().findall("notices/notice") == []
    # a password reset of the custodian waits too; refused, nothing changes
    a = users_post(first, action="reset", user=xid, password="Reset-Pass-2026x")
    assert a.status == 200 and "批准" in a.text
    assert can_sign_in(x) and not can_sign_in(x, "Reset-Pass-2026x")
    rid = [k for k, c in pending(second).items() if c.get("login") == x][0]
    assert users_post(second, action="refuse", change=rid).status == 200
    assert can_sign_in(x) and rid not in pending(second)
    # approved, the new password works, the old does not, and sessions end
    users_post(first, action="reset", user=xid, password="Reset-Pass-2026y")
    rid = [k for k, c in pending(second).items() if c.get("login") == x][0]
    assert owner.get("/admin/?format=xml").status == 200
    assert users_post(second, action="approve", change=rid).status == 200
    assert owner.get("/admin/?format=xml").status == 401         # signed out
    assert can_sign_in(x, "Reset-Pass-2026y") and not can_sign_in(x)
    # a handler's reset is not guarded: at once
    h = "plainhandler" + con.SUFFIX
    hid = make_staff(h, [("handler", NANGUAN)])
    assert users_post(first, action="reset", user=hid, password="Handler-Pass-2026").status == 200
    assert can_sign_in(h, "Handler-Pass-2026")
    # a security administrator's own reset, asked by another, is not approved by itself
    users_post(second, action="reset", user=user_id(U["admin"]), password="Admin-Pass-2026z")
    rid = [k for k, c in pending(first).items() if c.get("login") == U["admin"]][0]
    assert users_post(first, action="approve", change=rid).status == 400
    assert users_post(second, action="withdraw", change=rid).status == 200
    assert rid not in pending(first)
    # a puppet administrator waits for approval like any guarded grant
    puppet = "puppet" + con.SUFFIX
    pid = make_staff(puppet, [])
    users_post(first, action="add_role", user=pid, role="secadmin", department=prov)
    assert sql("SELECT COUNT(*) FROM staff_role WHERE staff_id = %d" % pid)[0][0] == "0"
    # a grant that can never be made is refused when asked
    assert users_post(first, action="add_role", user=xid, role="auditor",
                      department=prov).status == 400
    assert int(sql("SELECT COUNT(*) FROM audit WHERE action = 'user' AND detail LIKE "
                   "'approved change %%'")[0][0]) >= 2


# ---------------------------------------------------------------- behind real proxies

def lookup_via(xff, real_ip="192.0.2.200"):
    """A failed lookup through the trusted proxy (127.0.0.1) with this X-Forwarded-For."""
    body = "ticket=4000000000000002&code=ABCD2345&format=xml".encode()
    return pub.request("POST", "/status", body=body, ip=real_ip, headers={
        "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": xff})


@test
def client_is_the_right_most_untrusted_forwarded_address():
    """The lookup limit (5 failures in the test stack) counts the client a trusted proxy saw:
    the right-most untrusted X-Forwarded-For entry, whatever the client wrote left of it."""
    client = pub.fresh_ip()
    answers = [lookup_via("%s, %s" % (pub.fresh_ip(), client)).status for _ in range(6)]
    assert answers[:5] == [404] * 5 and answers[5] == 429, answers
    # the same forged left part with another real client is not limited
    assert lookup_via("%s, %s" % (client, pub.fresh_ip())).status == 404


def main():
    con.setup_staff()
    return pub.run_tests(TESTS, "console rules")


if __name__ == "__main__":
    sys.exit(main())
