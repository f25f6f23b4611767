#!/usr/bin/env python3
"""Integration tests of the publisher's pages in the console (信息公开, 公示公告), against the real
stack: each list's life through the console, the publication deadline on the working-day
calendar, the dashboard's due and late entries, withdrawal, validation beside the fields, the
levels (分级管理: a county publishes its own, the city reviews), the audit trail, and custody: an
entry made from a named report's case carries nothing of the reporter.

Usage: test_lists_console.py BASE_URL STATE_DIR [test-name-substring]
Prints "lists console: N passed, N failed".
"""

import datetime
import gzip
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_public as pub  # noqa: E402
import test_console as con  # noqa: E402
from test_console import Browser, U, sql, dept_id, make_staff  # noqa: E402

NANGUAN = "长春市南关区工业和信息化局"
CHAOYANG = "长春市朝阳区工业和信息化局"
CITY = "长春市工业和信息化局"
P = {}
TESTS = []

CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit(body17):
    s = sum(CREDIT_CHARS.index(ch) * w for ch, w in zip(body17, CREDIT_WEIGHTS))
    return body17 + CREDIT_CHARS[(31 - s % 31) % 31]


GOOD_CREDIT = credit("91220102MA0000001")


def wrong_check(code):
    i = CREDIT_CHARS.index(code[-1])
    return code[:-1] + CREDIT_CHARS[(i + 1) % 31]


def test(fn):
    TESTS.append(fn)
    return fn


def today():
    return sql("SELECT DATE(CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', '+08:00'))")[0][0]


# The fields each list requires (lib/lists.c), filled in.
BASE = {"enterprise": "吉林测试钢铁有限公司", "credit_code": GOOD_CREDIT, "address": "南关区测试路1号",
        "region": "220102", "industry": "steel"}
PER_LIST = {
    "violation": {"facts": "未经备案擅自建设。", "legal_basis": "《产业结构调整指导目录》", "requirement": "责令关停。",
                  "deadline": "2026-12-31"},
    "elimination": {"equipment": "中频炉", "quantity": "2", "capacity": "12.5", "capacity_unit": "万吨/年",
                    "exit_method": "拆除", "deadline": "2026-12-31", "model": "GW-5T"},
    "rectification": {"requirement": "限期整改。", "deadline": "2026-12-31"},
    "forced_exit": {"facts": "逾期未整改。", "legal_basis": "《节约能源法》", "deadline": "2026-12-31",
                    "capacity": "30", "capacity_unit": "万吨/年"},
    "compliant": {"equipment": "120吨转炉", "products": "螺纹钢", "capacity": "100", "capacity_unit": "万吨/年",
                  "checks_passed": "能耗、环保、质量、安全核查均达标。"},
}


def entry_fields(b, lst, basis=None, **over):
    f = dict(BASE)
    f.update(PER_LIST[lst])
    f.update(over)
    pairs = [("csrf", b.csrf), ("list", lst), ("basis_date", basis or today())]
    pairs += [(k, v) for k, v in f.items() if v is not None]
    return pairs


def create(b, lst, basis=None, **over):
    a = b.post("/admin/lists/entry", entry_fields(b, lst, basis, **over))
    assert a.status == 200, (a.status, a.text[:600])
    m = re.search(r"/admin/lists/entry\?id=(\d+)", a.url)
    assert m, a.url
    return int(m.group(1))


def entry(b, eid, status=200):
    a = b.get("/admin/lists/entry?id=%d&format=xml" % eid)
    assert a.status == status, (a.status, a.text[:300])
    return a.xml() if status == 200 else a


def move(b, action, ids, **fields):
    f = [("csrf", b.csrf), ("action", action)]
    f += [("id", str(i)) for i in (ids if isinstance(ids, list) else [ids])]
    f += list(fields.items())
    return b.post("/admin/lists/move", f)


def add_item(b, eid, item="单位产品综合能耗", measured="612 千克标准煤/吨", limit="≤ 560 千克标准煤/吨",
             standard="GB 21256-2013"):
    return b.post("/admin/lists/item", [("csrf", b.csrf), ("action", "add"), ("id", str(eid)),
                                        ("item", item), ("measured", measured), ("limit_value", limit),
                                        ("standard_no", standard)])


def col(eid, cols):
    return sql("SELECT %s FROM list_entry WHERE id = %d" % (cols, eid))[0]


def audited(action, eid):
    return int(sql("SELECT COUNT(*) FROM audit WHERE action = '%s' AND detail LIKE 'entry %d %%'" %
                   (action, eid))[0][0])


def publisher(key):
    b = Browser()
    a = b.login(P[key])
    assert a.status == 200, a.text[:300]
    return b


def setup():
    con.setup_staff()
    P["nanguan"] = "pubng" + con.SUFFIX
    P["chaoyang"] = "pubcy" + con.SUFFIX
    P["city"] = "pubcc" + con.SUFFIX
    make_staff(P["nanguan"], [("publisher", NANGUAN)])
    make_staff(P["chaoyang"], [("publisher", CHAOYANG)])
    make_staff(P["city"], [("publisher", CITY)])


# ---------------------------------------------------------------------------------------------

@test
def menu_and_pages_are_the_publishers():
    b = publisher("nanguan")
    x = b.get("/admin/?format=xml").xml()
    assert "/admin/lists" in [i.get("path") for i in x.findall("session/menu/item")]
    for path in ("/admin/lists", "/admin/lists/entries", "/admin/lists/new",
                 "/admin/lists/new?list=violation"):
        a = b.get(path)
        assert a.status == 200, (path, a.status, a.text[:300])
        assert "<html" in a.text.lower()
    h = Browser()
    h.login(U["handler"])
    assert h.get("/admin/lists").status == 403
    x = h.get("/admin/?format=xml").xml()
    assert "/admin/lists" not in [i.get("path") for i in x.findall("session/menu/item")]


@test
def every_list_goes_draft_notice_announcement_archived():
    b = publisher("nanguan")
    for lst in ("violation", "elimination", "rectification", "forced_exit", "compliant"):
        eid = create(b, lst, enterprise="生命周期%s公司" % lst)
        x = entry(b, eid)
        e = x.find("entry")
        assert e.get("state") == "draft" and e.get("list") == lst, lst
        if lst in ("rectification", "forced_exit"):
            a = move(b, "notice", eid)
            assert a.status == 409 and "不达标项目" in a.text, (lst, a.status)
            assert add_item(b, eid).status == 200
            items = entry(b, eid).findall("entry/items/item")
            assert [(i.get("measured"), i.get("standard")) for i in items] == \
                [("612 千克标准煤/吨", "GB 21256-2013")]
        assert move(b, "archive", eid).status == 409            # not from a draft
        assert move(b, "notice", eid).status == 200, lst
        assert col(eid, "state, noticed_on IS NOT NULL, batch_id IS NOT NULL") == ["notice", "1", "1"]
        if lst != "compliant":
            a = move(b, "announce", eid)
            assert a.status == 409 and "完成情况" in a.text, (lst, a.status)
            assert col(eid, "state")[0] == "notice"
            a = move(b, "announce", eid, completion="已于%s完成并经验收。" % today())
        else:
            a = move(b, "announce", eid)
        assert a.status == 200, (lst, a.status, a.text[:300])
        assert col(eid, "state, announced_on IS NOT NULL")[0] == "announcement"
        assert move(b, "archive", eid).status == 200
        assert col(eid, "state, archived_on = noticed_on") == ["archived", "1"]
        for action in ("list_create", "list_notice", "list_announce", "list_archive"):
            assert audited(action, eid) == 1, (lst, action)


@test
def a_batch_is_drafts_of_one_list_and_one_department():
    b = publisher("nanguan")
    e1 = create(b, "violation", enterprise="批次一公司")
    e2 = create(b, "violation", enterprise="批次二公司")
    e3 = create(b, "compliant", enterprise="批次三公司")
    before = int(sql("SELECT COUNT(*) FROM list_batch")[0][0])
    a = move(b, "notice", [e1, e3])
    assert a.status == 409 and "同一名单" in a.text
    assert col(e1, "state")[0] == "draft" and col(e3, "state")[0] == "draft"
    a = move(b, "notice", [e1, e2])
    assert a.status == 200, a.text[:300]
    assert int(sql("SELECT COUNT(*) FROM list_batch")[0][0]) == before + 1
    b1, b2 = col(e1, "batch_id")[0], col(e2, "batch_id")[0]
    assert b1 == b2 and b1 != "NULL"
    assert sql("SELECT department_id, list_type, stage FROM list_batch WHERE id = %s" % b1) == \
        [[str(dept_id(NANGUAN)), "violation", "notice"]]
    x = b.get("/admin/lists/entries?list=violation&state=notice&format=xml").xml()
    assert {str(e1), str(e2)} <= {e.get("id") for e in x.findall("entries/entry")}


@test
def due_date_counts_working_days_across_holiday_and_adjusted_day():
    """2026-09-18 is a Friday; 09-20 (Sunday) is a 调休 working day, 09-25..27 and 10-01..07 are
    holidays (sql/004): ten working days later is 10-09, not 10-02."""
    b = publisher("nanguan")
    rows = sql("SELECT day, is_off FROM holiday WHERE day IN ('2026-09-20', '2026-10-01')")
    assert sorted(rows) == [["2026-09-20", "0"], ["2026-10-01", "1"]], rows
    eid = create(b, "violation", basis="2026-09-18", enterprise="工作日测试公司")
    assert col(eid, "due_date, year") == ["2026-10-09", "2026"]
    assert con.workdays_after(10, datetime.date(2026, 9, 18)) == "2026-10-09"
    assert entry(b, eid).find("entry").get("due-date") == "2026-10-09"
    # a draft's basis changed: the deadline follows
    f = entry_fields(b, "violation", basis="2026-09-30", enterprise="工作日测试公司") + [("id", str(eid))]
    assert b.post("/admin/lists/entry", f).status == 200
    assert col(eid, "due_date")[0] == con.workdays_after(10, datetime.date(2026, 9, 30))
    assert audited("list_edit", eid) == 1


@test
def dashboard_shows_due_and_late_entries_per_department():
    b = publisher("nanguan")
    late = create(b, "violation", basis="2026-01-05", enterprise="超期未公示公司")
    due = create(b, "elimination", enterprise="按期待公示公司")
    x = b.get("/admin/lists?format=xml").xml()
    dept = [d for d in x.findall("drafts/department") if d.get("name") == NANGUAN]
    assert dept, [d.get("name") for d in x.findall("drafts/department")]
    got = {e.get("id"): e.get("late") for e in dept[0].findall("entry")}
    assert got.get(str(late)) == "1" and got.get(str(due)) == "0", got
    assert int(dept[0].get("late")) >= 1 and int(dept[0].get("due")) >= 1
    counts = {(c.get("list"), c.get("state")): int(c.get("n")) for c in x.findall("counts/count")}
    assert counts.get(("violation", "draft"), 0) >= 1
    html = b.get("/admin/lists").text
    assert "超期未公示公司" in html and "已超期" in html
    # the city sees the county's late entry under the county's department
    c = publisher("city")
    x = c.get("/admin/lists?format=xml").xml()
    assert str(late) in [e.get("id") for e in x.findall("drafts/department/entry")]
    # and the entry list marks it late
    x = b.get("/admin/lists/entries?state=draft&format=xml").xml()
    assert {e.get("id"): e.get("late") for e in x.findall("entries/entry")}.get(str(late)) == "1"


@test
def withdrawal_keeps_the_row_and_its_public_reason():
    b = publisher("nanguan")
    eid = create(b, "violation", enterprise="撤回测试公司")
    assert move(b, "withdraw", eid, reason="草稿不能撤回").status == 409
    assert move(b, "notice", eid).status == 200
    a = b.post("/admin/lists/move?format=xml", [("csrf", b.csrf), ("action", "withdraw"), ("id", str(eid))])
    assert a.status == 400 and a.xml().find("field[@name='reason']") is not None
    assert col(eid, "state")[0] == "notice"
    reason = "经复查，该企业已于公示前完成整改，误列入名单。"
    assert move(b, "withdraw", eid, reason=reason).status == 200
    assert col(eid, "state, withdraw_reason, withdrawn_on IS NOT NULL, enterprise") == \
        ["withdrawn", reason, "1", "撤回测试公司"]
    x = entry(b, eid)
    assert x.findtext("entry/withdraw-reason") == reason
    assert reason in b.get("/admin/lists/entry?id=%d" % eid).text
    assert not x.findall("moves/move")                       # nothing more to do
    assert move(b, "notice", eid).status == 409
    assert audited("list_withdraw", eid) == 1
    # the console rewrote the published (static) page at once: what the web server serves
    # without asking the program shows the withdrawal and its reason
    static = os.path.join(pub.STATE, "published", "jubao", "lists", "violation", str(eid),
                          "index.html")
    with open(static, encoding="utf-8") as f:
        assert reason in f.read()
    served = pub.request("GET", "/lists/violation/%d" % eid)
    assert served.status == 200 and reason in served.text
    # the list's CSV (and pages after the first) shift with a change: removed, not left stale;
    # the program answers them until jubaoctl publish writes them again
    csv_file = os.path.join(pub.STATE, "published", "jubao", "lists", "violation.csv")
    assert not os.path.exists(csv_file) and not os.path.exists(csv_file + ".gz")
    # the entry's gzip sibling was rewritten with it: the same bytes, and what gzip browsers get
    with open(static, "rb") as f, open(static + ".gz", "rb") as g:
        assert gzip.decompress(g.read()) == f.read()
    served = pub.request("GET", "/lists/violation/%d" % eid, headers={"Accept-Encoding": "gzip"})
    assert served.header("content-encoding") == "gzip" and \
        reason in gzip.decompress(served.body).decode("utf-8")
    served = pub.request("GET", "/lists/violation.csv")
    assert served.status == 200 and reason in served.body.decode("utf-8-sig")
    assert reason in sql("SELECT detail FROM audit WHERE action = 'list_withdraw' AND detail LIKE "
                         "'entry %d %%'" % eid)[0][0]


def filtered(url, gz):
    """A filtered view as a browser gets it (gzip or not), and its text."""
    a = pub.request("GET", url, headers={"Accept-Encoding": "gzip" if gz else "identity"})
    assert a.status == 200, (url, a.status)
    assert "Accept-Encoding" in (a.header("vary") or ""), a.headers
    if gz:
        assert a.header("content-encoding") == "gzip", a.headers
        return gzip.decompress(a.body)
    assert a.header("content-encoding") is None, a.headers
    return a.body


@test
def a_console_change_shows_at_once_in_a_cached_filtered_view():
    # Each lists worker keeps the rendered page of a filtered view until the lists change
    # (lib/listcache.h, sql/016); a publisher's change must show on the very next request,
    # whichever worker answers it.
    b = publisher("nanguan")
    first = "缓存测试甲公司" + con.SUFFIX
    second = "缓存测试乙公司" + con.SUFFIX
    a_id = create(b, "violation", enterprise=first)
    assert move(b, "notice", a_id).status == 200
    year = col(a_id, "year")[0]
    url = "/lists/violation?state=notice&region=220102&year=%s" % year
    for i in range(8):                   # every worker has it cached, both encodings asked
        page = filtered(url, i % 2 == 0)
        assert first.encode() in page
    # the same view spelled otherwise is the same page
    assert filtered("/lists/violation?year=%s&region=220102&state=notice" % year, True) == page
    assert move(b, "withdraw", a_id, reason="缓存测试：撤回。").status == 200
    for i in range(4):
        assert first.encode() not in filtered(url, i % 2 == 0), "withdrawn, still shown"
    b_id = create(b, "violation", enterprise=second)
    for i in range(4):                   # a draft is not public
        assert second.encode() not in filtered(url, i % 2 == 1)
    assert move(b, "notice", b_id).status == 200
    for i in range(4):
        assert second.encode() in filtered(url, i % 2 == 0), "new entry not shown"


@test
def validation_errors_name_the_field_and_keep_the_input():
    b = publisher("nanguan")
    n = int(sql("SELECT COUNT(*) FROM list_entry")[0][0])
    bad_code = wrong_check(GOOD_CREDIT)
    long_name = "长" * 201
    f = entry_fields(b, "elimination", credit_code=bad_code, capacity_unit=None, enterprise=long_name,
                     address="保留的地址文字")
    a = b.post("/admin/lists/entry?format=xml", f)
    assert a.status == 400, a.status
    x = a.xml()
    fields = {e.get("name"): e.text for e in x.findall("field")}
    assert {"credit_code", "capacity_unit", "enterprise"} <= set(fields), fields
    values = {v.get("name"): v.text for v in x.findall("values/value")}
    assert values["credit_code"] == bad_code and values["enterprise"] == long_name
    assert values["capacity"] == "12.5" and values["address"] == "保留的地址文字"
    html = b.post("/admin/lists/entry", f)
    assert html.status == 400
    assert 'value="%s"' % bad_code in html.text and "保留的地址文字" in html.text
    assert "统一社会信用代码应为18位" in html.text and "产能单位" in html.text
    for bad in ({"capacity": "12.345"}, {"capacity": "-1"}, {"capacity": "1e3"},
                {"quantity": "0"}, {"quantity": "99999999999"}, {"deadline": "2026-02-30"},
                {"capacity_unit": "万吨"}, {"industry": "nonsense"}, {"region": "220104"},
                {"region": "999999"}, {"equipment": None}, {"enterprise": "两\n行"}):
        a = b.post("/admin/lists/entry?format=xml", entry_fields(b, "elimination", **bad))
        assert a.status == 400, (bad, a.status)
        name = list(bad)[0]
        assert a.xml().find("field[@name='%s']" % name) is not None, (bad, a.text[:400])
    # a control character is refused by the form parser before any key table
    a = b.post("/admin/lists/entry?format=xml", entry_fields(b, "elimination", enterprise="坏\x01字"))
    assert a.status == 400
    assert int(sql("SELECT COUNT(*) FROM list_entry")[0][0]) == n


@test
def county_cannot_touch_another_countys_entry_and_city_reviews():
    ng, cy, city = publisher("nanguan"), publisher("chaoyang"), publisher("city")
    eid = create(ng, "violation", enterprise="分级管理测试公司")
    before = col(eid, "state, enterprise, reviewed_by IS NULL")
    assert entry(cy, eid, 404)
    assert move(cy, "notice", eid).status == 404
    assert cy.post("/admin/lists/entry", entry_fields(cy, "violation", enterprise="改名") +
                   [("id", str(eid))]).status == 404
    assert add_item(cy, eid).status == 404
    assert move(cy, "review", eid, note="越级复核").status == 404
    x = cy.get("/admin/lists/entries?format=xml").xml()
    assert str(eid) not in [e.get("id") for e in x.findall("entries/entry")]
    assert col(eid, "state, enterprise, reviewed_by IS NULL") == before
    # a county cannot enter another county's region
    a = cy.post("/admin/lists/entry?format=xml", entry_fields(cy, "violation", region="220102"))
    assert a.status == 400 and a.xml().find("field[@name='region']") is not None
    # the city sees and reviews the county's entry, but does not publish it
    x = entry(city, eid)
    assert x.get("access") == "review" and not x.findall("moves/move")
    assert move(city, "notice", eid).status == 403
    assert col(eid, "state")[0] == "draft"
    assert move(ng, "review", eid, note="自己复核").status == 403
    assert move(city, "review", eid, note="抽查：信息与核查记录一致。").status == 200
    r = col(eid, "reviewed_by, review_note, reviewed_on IS NOT NULL")
    assert r[1:] == ["抽查：信息与核查记录一致。", "1"]
    assert r[0] == sql("SELECT id FROM staff WHERE login = '%s'" % P["city"])[0][0]
    assert entry(ng, eid).find("entry/review").text == "抽查：信息与核查记录一致。"
    assert audited("list_review", eid) == 1
    # the city publishes its own; the county cannot see the city's
    own = create(city, "compliant", region="220100", enterprise="市级合规企业")
    assert col(own, "department_id")[0] == str(dept_id(CITY))
    assert entry(ng, own, 404)
    assert move(ng, "notice", own).status == 404
    assert move(city, "notice", own).status == 200
    assert col(own, "state")[0] == "notice"


@test
def the_audit_page_lists_the_publishers_actions():
    b = publisher("nanguan")
    eid = create(b, "compliant", enterprise="审计测试公司")
    assert move(b, "notice", eid).status == 200
    aud = Browser()
    aud.login(U["auditor"])
    a = aud.get("/admin/audit?action=list_notice&format=xml")
    assert a.status == 200, a.text[:300]
    assert "entry %d compliant" % eid in a.text
    assert aud.get("/admin/audit?action=list_create").status == 200


def closed_named_case(subject, inspected_on):
    """A named public report walked to closed at 南关区, inspected on inspected_on."""
    secret = {"reporter_name": "保密举报人甲乙", "reporter_phone": "13912345678",
              "description": "举报描述中的秘密细节：夜间偷偷开炉。"}
    cid, _, _ = con.public_report(subject_name=subject, credit_code=GOOD_CREDIT, **secret)
    intake = Browser()
    intake.login(U["intake"])
    lead = dept_id(NANGUAN)
    assert intake.act(cid, "accept").status == 200
    assert intake.act(cid, "transfer", lead=lead, department=[lead]).status == 200
    h = Browser()
    h.login(U["handler"])
    assert h.act(cid, "start_inspection").status == 200
    assert h.act(cid, "inspect", inspected_on=inspected_on, team="核查组", findings="现场核实属实。",
                 verdict="true").status == 200
    assert h.act(cid, "dispose", measure=["dismantle"], deadline="2026-12-31").status == 200
    assert h.act(cid, "feedback", text="经核查属实，已责令拆除。").status == 200
    assert intake.act(cid, "release").status == 200
    assert sql("SELECT state FROM report WHERE id = %d" % cid)[0][0] == "closed"
    return cid, secret


@test
def entry_from_a_named_case_carries_nothing_of_the_reporter():
    cid, secret = closed_named_case("案件生成条目钢铁公司", "2026-09-18")
    b = publisher("nanguan")
    x = b.get("/admin/lists?format=xml").xml()
    assert str(cid) in [c.get("id") for c in x.findall("closed-cases/case")]
    a = b.get("/admin/lists/new?case=%d&list=violation&format=xml" % cid)
    assert a.status == 200, a.text[:300]
    v = {e.get("name"): e.text for e in a.xml().findall("values/value")}
    assert v["enterprise"] == "案件生成条目钢铁公司" and v["credit_code"] == GOOD_CREDIT
    assert v["region"] == "220102" and v["industry"] == "steel"
    assert v["basis_date"] == "2026-09-18", v            # the inspection date
    assert "属实" in v["facts"] and "拆除" in v["requirement"], v
    pages = [a.text, b.get("/admin/lists/new?case=%d&list=violation" % cid).text]
    # saved as it was filled in (nothing typed but the fields a case cannot know)
    fields = [("csrf", b.csrf), ("list", "violation"), ("case", str(cid))] + list(v.items()) + \
        [("legal_basis", "《产业结构调整指导目录》"), ("deadline", "2026-12-31")]
    a = b.post("/admin/lists/entry", fields)
    assert a.status == 200, a.text[:500]
    eid = int(re.search(r"id=(\d+)", a.url).group(1))
    assert col(eid, "report_id, due_date") == [str(cid), "2026-10-09"]
    assert audited("list_from_case", eid) == 1
    assert move(b, "notice", eid).status == 200
    for path in ("/admin/lists/entry?id=%d" % eid, "/admin/lists", "/admin/lists/entries",
                 "/admin/lists/entries?q=%s" % urllib.parse.quote("案件生成条目")):
        for fmt in ("", "&format=xml" if "?" in path else "?format=xml"):
            r = b.get(path + fmt)
            assert r.status == 200, (path, r.status)
            pages.append(r.text)
    row = " ".join(col(eid, "enterprise, COALESCE(facts,''), COALESCE(requirement,''), address"))
    pages.append(row)
    for page in pages:
        for s in (secret["reporter_name"], secret["reporter_phone"], "秘密细节", "夜间偷偷开炉"):
            assert s not in page, s
    # a case still open, or outside the area, gives no form
    open_case, _ = con.nanguan_case()
    assert b.get("/admin/lists/new?case=%d&list=violation" % open_case).status == 404
    other = publisher("chaoyang")
    assert other.get("/admin/lists/new?case=%d&list=violation" % cid).status == 404
    f2 = [(k, val) for k, val in fields if k != "csrf"] + [("csrf", other.csrf)]
    f2 = [(k, "220104" if k == "region" else val) for k, val in f2]
    assert other.post("/admin/lists/entry", f2).status == 404


@test
def items_are_only_for_drafts_of_the_item_lists():
    b = publisher("nanguan")
    v = create(b, "violation", enterprise="无项目名单公司")
    assert add_item(b, v).status == 403
    r = create(b, "rectification", enterprise="黄牌项目公司")
    a = b.post("/admin/lists/item?format=xml", [("csrf", b.csrf), ("action", "add"), ("id", str(r)),
                                                ("item", "能耗"), ("measured", "x" * 65)])
    assert a.status == 400
    names = {e.get("name") for e in a.xml().findall("field")}
    assert {"measured", "limit_value", "standard_no"} <= names, names
    assert add_item(b, r).status == 200 and add_item(b, r, item="颗粒物排放").status == 200
    seqs = [i.get("seq") for i in entry(b, r).findall("entry/items/item")]
    assert seqs == ["1", "2"]
    a = b.post("/admin/lists/item", [("csrf", b.csrf), ("action", "remove"), ("id", str(r)), ("seq", "1")])
    assert a.status == 200
    assert [i.get("item") for i in entry(b, r).findall("entry/items/item")] == ["颗粒物排放"]
    assert move(b, "notice", r).status == 200
    assert add_item(b, r).status == 409


def main():
    setup()
    return pub.run_tests(TESTS, "lists console")


if __name__ == "__main__":
    sys.exit(main())
