#!/usr/bin/env python3
"""Integration test of the credit push (信息推送 to 信用中国, issue 9): the enterprises past their exit
deadline as XML with the 双公示 行政处罚 data items, from `jubaoctl credit-export` and from the
publisher's download in the console (its area only, audited), and nothing about a reporter.

Usage: test_credit_export.py BASE_URL STATE_DIR [test-name-substring]
Prints "credit export: N passed, N failed".
"""

import datetime
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_public as pub  # noqa: E402
import test_lists_console as lc  # noqa: E402
from test_console import sql  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CTL = os.path.join(ROOT, os.environ.get("BUILD", "build"), "tools", "jubaoctl")
CONF = os.path.join(pub.STATE, "conf", "jubao.conf")
TESTS = []
E = {}          # name -> entry id
# The 双公示 行政处罚 items a record carries, in the standard's order (README, "The credit push"):
# the required ones always, those our data lacks as missing="1" (决定书文号, 处罚有效期); the
# optional ones our data lacks (法定代表人, 罚款金额, 公示截止期 …) not at all.
ITEMS = ["CF_XDR_MC", "CF_XDR_LB", "CF_XDR_SHXYM", "CF_WSH", "CF_WFXW", "CF_SY", "CF_YJ", "CF_CFLB",
         "CF_NR", "CF_JDRQ", "CF_YXQ", "CF_CFJG", "CF_CFJGDM", "CF_SJLY", "CF_SJLYDM", "BZ"]
ALWAYS_MISSING = ["CF_WSH", "CF_YXQ"]


def test(fn):
    TESTS.append(fn)
    return fn


def day(offset):
    return (datetime.date.fromisoformat(lc.today()) + datetime.timedelta(days=offset)).isoformat()


def make(b, key, lst, state, deadline, **over):
    """An entry of list lst in state (draft, notice, announcement, withdrawn), its deadline set."""
    name = "信用推送%s公司<&>" % key
    eid = lc.create(b, lst, enterprise=name, **over)
    if lst in ("rectification", "forced_exit"):
        assert lc.add_item(b, eid).status == 200
    if state != "draft":
        assert lc.move(b, "notice", eid).status == 200, key
    if state == "announcement":
        assert lc.move(b, "announce", eid, completion="已完成退出。").status == 200, key
    if state == "withdrawn":
        assert lc.move(b, "withdraw", eid, reason="信息有误，撤回。").status == 200, key
    sql("UPDATE list_entry SET deadline = '%s' WHERE id = %d" % (deadline, eid))
    E[key] = eid


def setup():
    lc.setup()
    ng, cy = lc.publisher("nanguan"), lc.publisher("chaoyang")
    make(ng, "late", "violation", "notice", day(-1))
    make(ng, "due-today", "violation", "notice", day(0))
    make(ng, "late-elim", "elimination", "notice", day(-30))
    make(ng, "late-nocode", "forced_exit", "notice", day(-2), credit_code=None)
    make(ng, "announced", "forced_exit", "announcement", day(-5))
    make(ng, "rectification", "rectification", "notice", day(-5))
    make(ng, "draft", "violation", "draft", day(-5))
    make(ng, "withdrawn", "violation", "withdrawn", day(-5))
    make(cy, "late-chaoyang", "violation", "notice", day(-3), address="朝阳区测试路2号",
         region="220104")
    dept = lc.dept_id(lc.NANGUAN)
    sql("UPDATE department SET credit_code = '11220102MB0000001X' WHERE id = %d" % dept)
    sql("UPDATE department SET credit_code = NULL WHERE id = %d" % lc.dept_id(lc.CHAOYANG))


def expected(today, prefix=""):
    """The ids the export must hold, by the rule, over every entry of the database."""
    rows = sql("SELECT e.id FROM list_entry e JOIN department d ON d.id = e.department_id "
               "WHERE e.state = 'notice' AND e.deadline < '%s' AND e.list_type IN "
               "('violation','elimination','forced_exit') AND d.region_code LIKE '%s%%'"
               % (today, prefix))
    return sorted(int(r[0]) for r in rows)


def records(root):
    return {int(r.get("entry")): r for r in root.findall("record")}


def ctl_export(*args):
    r = subprocess.run([CTL, "-c", CONF, "credit-export"] + list(args), capture_output=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    return r.stdout


def check_mine(recs, want, missing=()):
    for key, eid in E.items():
        assert (eid in recs) == (key in want), (key, eid, sorted(recs))
    for key in want:
        r = recs[E[key]]
        assert [c.tag for c in r] == ITEMS, [c.tag for c in r]
        for code in ALWAYS_MISSING:
            assert r.find(code).get("missing") == "1" and not r.findtext(code), (key, code)
        assert r.findtext("CF_XDR_MC") == "信用推送%s公司<&>" % key
        assert r.findtext("CF_XDR_LB") == "法人及非法人组织"
        if key in missing:
            assert r.find("CF_XDR_SHXYM").get("missing") == "1", key
        else:
            assert r.findtext("CF_XDR_SHXYM") == lc.GOOD_CREDIT, key
        assert r.get("deadline") in r.findtext("CF_NR"), key


@test
def jubaoctl_lists_exactly_the_entries_past_their_deadline():
    raw = ctl_export()
    root = ET.fromstring(raw)
    assert root.tag == "credit-push" and root.get("date") == lc.today()
    recs = records(root)
    assert sorted(recs) == expected(lc.today()), (sorted(recs), expected(lc.today()))
    assert int(root.findtext("total")) == len(recs)
    check_mine(recs, {"late", "late-elim", "late-nocode", "late-chaoyang"}, {"late-nocode"})
    r = recs[E["late"]]
    assert r.findtext("CF_SY") == "未经备案擅自建设。" and r.findtext("CF_YJ") == "《产业结构调整指导目录》"
    assert r.findtext("CF_CFLB") == "责令关闭" and "责令关停。" in r.findtext("CF_NR")
    assert r.findtext("CF_WFXW") == "逾期未退出（违法信息）"
    assert r.findtext("CF_CFJG") == lc.NANGUAN == r.findtext("CF_SJLY")
    assert r.findtext("CF_CFJGDM") == "11220102MB0000001X" == r.findtext("CF_SJLYDM")
    assert r.findtext("CF_JDRQ") == lc.col(E["late"], "noticed_on")[0]
    e = recs[E["late-elim"]]
    assert e.findtext("CF_SY") == "中频炉" and e.findtext("CF_CFLB").startswith("其他")
    cy = recs[E["late-chaoyang"]]
    assert cy.find("CF_CFJGDM").get("missing") == "1" and cy.find("CF_SJLYDM").get("missing") == "1"
    assert b"&lt;&amp;&gt;" in raw                      # escaped by the writer


@test
def jubaoctl_today_and_out_file():
    later = day(1)
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "push.xml")
        ctl_export("--out", out, "--today", later)
        root = ET.parse(out).getroot()
        assert not os.path.exists(out + ".tmp")
    recs = records(root)
    assert sorted(recs) == expected(later) and root.get("date") == later
    check_mine(recs, {"late", "due-today", "late-elim", "late-nocode", "late-chaoyang"}, {"late-nocode"})
    r = subprocess.run([CTL, "-c", CONF, "credit-export", "--today", "2026-13-01"], capture_output=True)
    assert r.returncode == 1


@test
def console_download_is_the_publishers_area_and_audited():
    b = lc.publisher("nanguan")
    x = b.get("/admin/lists")
    assert "/admin/lists/credit" in x.text
    before = int(sql("SELECT COUNT(*) FROM audit WHERE action = 'credit_export'")[0][0])
    a = b.get("/admin/lists/credit")
    assert a.status == 200, (a.status, a.text[:300])
    assert (a.header("Content-Type") or "").startswith("application/xml"), a.headers
    assert "attachment" in (a.header("Content-Disposition") or "")
    recs = records(a.xml())
    assert sorted(recs) == expected(lc.today(), "220102"), sorted(recs)
    check_mine(recs, {"late", "late-elim", "late-nocode"}, {"late-nocode"})
    city = lc.publisher("city").get("/admin/lists/credit")
    assert city.status == 200
    crecs = records(city.xml())
    assert E["late-chaoyang"] in crecs and E["late"] in crecs
    assert int(sql("SELECT COUNT(*) FROM audit WHERE action = 'credit_export'")[0][0]) == before + 2
    h = lc.Browser()
    h.login(lc.U["handler"])
    assert h.get("/admin/lists/credit").status == 403


@test
def nothing_about_a_reporter():
    cid, secret = lc.closed_named_case("信用推送案件公司", "2026-09-18")
    ticket = sql("SELECT ticket FROM report WHERE id = %d" % cid)[0][0]
    b = lc.publisher("nanguan")
    a = b.get("/admin/lists/new?case=%d&list=violation&format=xml" % cid)
    v = {e.get("name"): e.text for e in a.xml().findall("values/value")}
    fields = [("csrf", b.csrf), ("list", "violation"), ("case", str(cid))] + list(v.items()) + \
        [("legal_basis", "《产业结构调整指导目录》"), ("deadline", "2026-12-31")]
    a = b.post("/admin/lists/entry", fields)
    assert a.status == 200, a.text[:300]
    eid = int(sql("SELECT id FROM list_entry WHERE report_id = %d" % cid)[0][0])
    assert lc.move(b, "notice", eid).status == 200
    sql("UPDATE list_entry SET deadline = '%s' WHERE id = %d" % (day(-1), eid))
    texts = [ctl_export().decode(), b.get("/admin/lists/credit").text]
    for t in texts:
        assert "信用推送案件公司" in t
        for s in (secret["reporter_name"], secret["reporter_phone"], "秘密细节", "夜间偷偷开炉", ticket):
            assert s not in t, s
        assert "report" not in t and "ticket" not in t


def main():
    setup()
    return pub.run_tests(TESTS, "credit export")


if __name__ == "__main__":
    sys.exit(main())
