#!/usr/bin/env python3
"""Integration tests of the statistics (issue 10), against the real stack.

The figures are checked against cases made for the test through the real workflow (the public
form, the console's actions, the reporter's answer on the status page, the deadline sweep), in
counties no other suite uses, so that counts can be compared as differences:

  220103 宽城区  counts of a full workflow and the area limits (a county sees only its own)
  220105 二道区  deadline compliance across the National Day holiday and the adjusted working
                 Saturday 2026-10-10 (cases made today, their history moved back to then, and
                 the summary rebuilt from it with jubaoctl stats-rebuild)
  220106 绿园区  random workflows, then the summary tables compared with a rebuild

Usage: test_stats.py BASE_URL STATE_DIR [test-name-substring]
Prints "stats: N passed, N failed".
"""

import datetime
import os
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_console as con  # noqa: E402  (Browser, staff, reports)
import test_public as pub   # noqa: E402
import test_lists_console as lc  # noqa: E402  (list entries made by a publisher)

sql = pub.sql
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.environ.get("BUILD", "build")
CONF = os.path.join(pub.STATE, "conf", "jubao.conf")
U = {}
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def jubaoctl(*args):
    r = subprocess.run([os.path.join(ROOT, BUILD, "tools", "jubaoctl"), "-c", CONF] + list(args),
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r


def setup():
    s = con.SUFFIX
    for key, roles in {
        "intake": [("intake", "吉林省工业和信息化厅")],
        "kuancheng": [("handler", "长春市宽城区工业和信息化局")],
        "erdao": [("handler", "长春市二道区工业和信息化局")],
        "lvyuan": [("handler", "长春市绿园区工业和信息化局")],
        "super": [("supervisor", "长春市工业和信息化局")],
        "superkc": [("supervisor", "长春市宽城区工业和信息化局")],
        "sysadmin": [("sysadmin", "吉林省工业和信息化厅")],
        "auditor": [("auditor", "吉林省工业和信息化厅")],
        "pubsy": [("publisher", "长春市双阳区工业和信息化局")],
    }.items():
        U[key] = "st" + key + s
        con.make_staff(U[key], roles)


def browser(key):
    b = con.Browser()
    a = b.login(U[key])
    assert a.status == 200, (key, a.status)
    return b


def totals(b, query=""):
    """The total row of the statistics page as {counter: int}."""
    a = b.get("/admin/stats?format=xml&" + query)
    assert a.status == 200, (a.status, a.text[:300])
    row = a.xml().find("total/row")
    return {k: int(v) for k, v in row.attrib.items() if v.isdigit()}


def diff(after, before):
    return {k: after[k] - before.get(k, 0) for k in after if after[k] != before.get(k, 0)}


def lead(county):
    return con.dept_id("长春市%s工业和信息化局" % county)


def report(region, **over):
    cid, ticket, code = con.public_report(region=region, **over)
    return cid, ticket, code


def reply(ticket, code, text="补充材料：企业位于某路1号院内。"):
    body, ctype = pub.multipart([("ticket", ticket), ("code", code), ("action", "reply"),
                                 ("reply", text)], [])
    a = pub.request("POST", "/status", body=body, headers={"Content-Type": ctype},
                    ip=pub.fresh_ip())
    assert a.status == 200, (a.status, a.text[:300])


def inspect(b, cid, verdict="true"):
    return b.act(cid, "inspect", inspected_on="2026-11-20", team="核查组", findings="现场检查。",
                 verdict=verdict)


# ---------------------------------------------------------------------------------------------


@test
def counts_follow_the_real_workflow():
    intake, handler, sup = browser("intake"), browser("kuancheng"), browser("super")
    before = totals(intake, "region=220103")
    dept = lead("宽城区")
    full, t1, _ = report("220103", industry="cement", standard=["energy"])
    assert intake.act(full, "accept").status == 200
    assert intake.act(full, "transfer", lead=dept, department=[dept]).status == 200
    assert sup.act(full, "press", text="请加快核查。").status == 200
    assert handler.act(full, "start_inspection").status == 200
    assert inspect(handler, full, "true").status == 200
    assert handler.act(full, "dispose", measure=["stop", "rectify"]).status == 200
    assert handler.act(full, "feedback", text="经核查属实，已责令停产整改。").status == 200
    dup, _, _ = report("220103", industry="cement")
    assert intake.act(dup, "link_duplicate", ticket=t1).status == 200
    assert intake.act(full, "release").status == 200
    refused, _, _ = report("220103")
    assert intake.act(refused, "reject", reason="out_of_scope", text="不属于受理范围。").status == 200
    back, t3, c3 = report("220103")
    assert intake.act(back, "needs_info", text="请补充位置。").status == 200
    reply(t3, c3)
    assert intake.act(back, "accept").status == 200
    d = diff(totals(intake, "region=220103"), before)
    want = {"received": 4, "accepted": 2, "accepted_ontime": 2, "refused": 1, "needs_info": 1,
            "replied": 1, "transferred": 1, "transferred_ontime": 1, "started": 1,
            "inspected": 1, "inspected_ontime": 1, "v_true": 1, "disposed": 1, "m_stop": 1,
            "m_rectify": 1, "closed": 2, "closed_ontime": 1, "dup_closed": 1, "pressed": 1}
    assert d == want, (d, want)
    # the same through the filters: the cement cases alone, and the standard's table
    d = diff(totals(intake, "region=220103&industry=cement"), {})
    assert d["received"] >= 2 and d["closed"] >= 2
    x = intake.get("/admin/stats?format=xml&region=220103").xml()
    stds = {r.get("key"): int(r.get("received")) for r in x.findall("standards/row")}
    assert stds.get("energy", 0) >= 1, stds
    depts = {r.get("key"): r for r in x.findall("depts/row")}
    assert int(depts["长春市宽城区工业和信息化局"].get("pressed")) >= 1


@test
def a_kept_view_shows_a_change_at_the_next_view():
    """Each console worker keeps a view's summed rows while the summary's version (sql/019)
    is unchanged, and its HTML by the document: views before a change warm every worker,
    and every view after it, whichever worker answers, shows the change."""
    intake = browser("intake")
    q = "region=2201&industry=cement"
    for _ in range(6):
        before = totals(intake, q)
        page = intake.get("/admin/stats?" + q)
        assert page.status == 200
    report("220103", industry="cement")
    for _ in range(6):
        got = totals(intake, q)
        assert got["received"] == before["received"] + 1, (got["received"], before["received"])
        assert intake.get("/admin/stats?" + q).text != page.text


@test
def a_county_sees_only_its_own_area():
    handler, intake, auditor = browser("kuancheng"), browser("intake"), browser("auditor")
    x = handler.get("/admin/stats?format=xml").xml()
    assert x.find("view").get("area") == "220103"
    mine = int(x.find("total/row").get("received"))
    county = int(sql("SELECT COALESCE(SUM(received), 0) FROM stats_cube WHERE dim = 'category' AND "
                     "region = '220103' "
                     "AND month BETWEEN '%d-01-01' AND '%d-12-01'" % ((datetime.date.today().year,) * 2))[0][0])
    assert mine == county, (mine, county)
    assert handler.get("/admin/stats?region=220102").status == 403
    assert handler.get("/admin/stats?region=22").status == 403
    assert handler.get("/admin/stats?region=2201").status == 403
    # the province sees the whole province and drills down to the county
    p = intake.get("/admin/stats?format=xml").xml()
    assert p.find("view").get("area") == "22"
    assert int(p.find("total/row").get("received")) >= mine
    cities = {r.get("key") for r in p.findall("regions/row")}
    assert "2201" in cities, cities
    c = intake.get("/admin/stats?format=xml&region=2201").xml()
    assert "220103" in {r.get("key") for r in c.findall("regions/row")}
    assert [k.get("code") for k in c.findall("crumbs/crumb")] == ["22", "2201"]
    # an administrator (no case) sees its department's area, statistics only
    assert auditor.get("/admin/stats").status == 200
    # bounds through the key table
    assert intake.get("/admin/stats?year=1999").status == 400
    assert intake.get("/admin/stats?month=13&period=month").status == 400
    assert intake.get("/admin/stats?region=22x").status == 400
    assert intake.get("/admin/stats?industry=nosuch").status == 400
    assert intake.get("/admin/stats?period=custom").status == 400
    assert intake.get("/admin/stats?industry=steel&channel=web").status == 400   # one at a time


def backdate(cid, times):
    """Move a case's history back: its submission and its state events, in order, to times."""
    events = sql("SELECT id FROM report_event WHERE report_id = %d ORDER BY at, id" % cid)
    assert len(events) == len(times), (events, times)
    for (eid,), t in zip(events, times):
        sql("UPDATE report_event SET at = '%s' WHERE id = %s" % (t, eid))
    sql("UPDATE report SET submitted_at = '%s' WHERE id = %d" % (times[0], cid))


@test
def compliance_across_a_holiday_and_an_adjusted_working_day():
    """Received Wednesday 2026-09-30: 2 working days after it, across the National Day holiday
    (10-01..07), is Friday 10-09; a transfer on 10-09 gives the inspection 5 working days
    counting the adjusted working Saturday 10-10: due 10-15 (without 调休 it would be 10-16)."""
    intake, handler = browser("intake"), browser("erdao")
    jubaoctl("stats-rebuild")
    q = "region=220105&period=month&year=2026&month=10"
    before = totals(intake, q)
    sep_before = totals(intake, "region=220105&period=month&year=2026&month=9")
    dept = lead("二道区")
    ids = []
    for _ in range(3):
        cid, _, _ = report("220105")
        assert intake.act(cid, "accept").status == 200
        assert intake.act(cid, "transfer", lead=dept, department=[dept]).status == 200
        assert handler.act(cid, "start_inspection").status == 200
        assert inspect(handler, cid, "partly").status == 200
        ids.append(cid)
    # on time throughout: accepted and transferred on the due day, inspected on 10-15
    backdate(ids[0], ["2026-09-30 10:00:00", "2026-10-09 09:00:00", "2026-10-09 10:00:00",
                      "2026-10-12 09:00:00", "2026-10-15 16:00:00"])
    # late screening (10-12 > 10-09); inspection due 10-19, done 10-16: on time
    backdate(ids[1], ["2026-09-30 10:00:00", "2026-10-12 09:00:00", "2026-10-12 10:00:00",
                      "2026-10-13 09:00:00", "2026-10-16 16:00:00"])
    # inspected 10-16, one working day late only because Saturday 10-10 was a working day
    backdate(ids[2], ["2026-09-30 10:00:00", "2026-10-09 09:00:00", "2026-10-09 10:00:00",
                      "2026-10-12 09:00:00", "2026-10-16 16:00:00"])
    jubaoctl("stats-rebuild")
    d = diff(totals(intake, q), before)
    want = {"accepted": 3, "accepted_ontime": 2, "transferred": 3, "transferred_ontime": 2,
            "started": 3, "inspected": 3, "inspected_ontime": 2, "v_partly": 3}
    assert d == want, (d, want)
    assert diff(totals(intake, "region=220105&period=month&year=2026&month=9"),
                sep_before) == {"received": 3}
    # the department's compliance chart shows the share as text with its numbers
    x = intake.get("/admin/stats?format=xml&" + q).xml()
    bars = {b.get("label"): b for b in x.findall("chart[@name='compliance']/bar")}
    bar = bars["长春市二道区工业和信息化局"]
    ontime, total = (int(n) for n in bar.get("note").split("/"))
    assert bar.get("value") == str(round(100 * ontime / total)), bar.attrib
    # the quarter holds October; the previous quarter is beside it in the assessment
    y = intake.get("/admin/stats?format=xml&region=2201&period=quarter&year=2026&quarter=4").xml()
    assert y.find("view").get("prev-from") == "2026-07-01"
    units = {u.get("key"): u for u in y.findall("assessment/unit")}
    assert "220105" in units and units["220105"].get("score"), units.keys()


@test
def overdue_now_counts_open_cases_past_their_deadline_across_the_holiday():
    """A case transferred on Friday 2026-10-09 is due for inspection 5 working days later,
    counting the adjusted working Saturday 10-10: 10-15 (the working-day calendar). It is overdue
    now, whatever the period shown; a case due later, one waiting for the reporter and one
    refused, with the same old due date, are not."""
    intake = browser("intake")
    q = "/admin/stats?format=xml&region=220112"
    now = lambda b, extra="": int(b.get(q + extra).xml().find("overdue-now").get("count"))
    before = now(intake)
    dept = con.dept_id("长春市双阳区工业和信息化局")
    late, _, _ = report("220112", category="backward", industry="cement")
    assert intake.act(late, "accept").status == 200
    assert intake.act(late, "transfer", lead=dept, department=[dept]).status == 200
    due = con.workdays_after(5, datetime.date(2026, 10, 9))
    assert due == "2026-10-15", due
    backdate(late, ["2026-09-30 10:00:00", "2026-10-09 09:00:00", "2026-10-09 10:00:00"])
    sql("UPDATE report SET due_date = '%s', stage_started = '2026-10-09' WHERE id = %d"
        % (due, late))
    fresh, _, _ = report("220112", category="backward", industry="cement")
    assert intake.act(fresh, "accept").status == 200      # due in 2 working days from today
    waiting, _, _ = report("220112", category="backward")
    assert intake.act(waiting, "needs_info", text="请补充位置。").status == 200
    refused, _, _ = report("220112", category="backward")
    assert intake.act(refused, "reject", reason="out_of_scope", text="不属于受理范围。").status == 200
    for cid in (waiting, refused):
        sql("UPDATE report SET due_date = '2026-10-09' WHERE id = %d" % cid)
    assert now(intake) == before + 1
    # a figure of the moment: the same in January's view; the filters apply to it
    assert now(intake, "&period=month&year=2026&month=1") == before + 1
    assert now(intake, "&category=backward") >= 1
    assert now(intake, "&category=violation") == now(intake) - now(intake, "&category=backward")
    assert now(intake, "&industry=cement") >= 1
    # the province's count holds this county's and another's
    other = int(intake.get("/admin/stats?format=xml&region=220113").xml()
                .find("overdue-now").get("count"))
    assert int(intake.get("/admin/stats?format=xml").xml().find("overdue-now").get("count")) \
        >= now(intake) + other
    # the sweep marks it: the overdue marks ever of this month grow by one, the count now stays
    ever = totals(intake, "region=220112&period=month").get("overdue", 0)
    jubaoctl("sweep", "--sendmail", "/nonexistent")
    assert totals(intake, "region=220112&period=month").get("overdue", 0) == ever + 1
    assert now(intake) == before + 1
    page = intake.get("/admin/stats?region=220112")
    assert "当前超期（件）" in page.text and "历次超期（次）" in page.text


@test
def capacity_exited_by_industry_with_units():
    """Entries of the closing lists announced as completed in 双阳区 this year, made by its
    publisher through the console: capacities add up per industry and unit, never across
    units; a draft, an entry still in notice and a compliant enterprise do not count."""
    pub_b, intake = browser("pubsy"), browser("intake")
    q = "/admin/stats?format=xml&region=220112"

    def exits(extra=""):
        x = intake.get(q + extra).xml()
        return {(e.get("industry"), e.get("unit")): (int(e.get("enterprises")),
                int(e.get("quantity")), float(e.get("capacity"))) for e in x.findall("exits/exit")}
    before = exits()

    def done(lst, name, **over):
        eid = lc.create(pub_b, lst, enterprise=name, region="220112", credit_code=None, **over)
        if lst == "forced_exit":                   # its failed items first (红牌)
            assert lc.add_item(pub_b, eid).status == 200
        assert lc.move(pub_b, "notice", eid).status == 200
        a = lc.move(pub_b, "announce", eid, completion="已于%s完成并经验收。" % lc.today())
        assert a.status == 200, (a.status, a.text[:300])
        return eid
    s = con.SUFFIX
    done("elimination", "双阳甲水泥" + s, industry="cement", quantity="2", capacity="12.5")
    done("forced_exit", "双阳乙水泥" + s, industry="cement", capacity="30")
    done("elimination", "双阳丙水泥" + s, industry="cement", quantity="1", capacity="4",
         capacity_unit="万千瓦")
    done("forced_exit", "双阳丁钢铁" + s, industry="steel", capacity="100")
    lc.create(pub_b, "elimination", enterprise="双阳戊草稿" + s, region="220112",
              credit_code=None, industry="cement")                       # a draft
    eid = lc.create(pub_b, "forced_exit", enterprise="双阳己公示" + s, region="220112",
                    credit_code=None, industry="cement")
    assert lc.add_item(pub_b, eid).status == 200
    assert lc.move(pub_b, "notice", eid).status == 200                   # in notice only
    after = exits()

    def grown(key):
        a, b = after.get(key, (0, 0, 0.0)), before.get(key, (0, 0, 0.0))
        return (a[0] - b[0], a[1] - b[1], round(a[2] - b[2], 2))
    assert grown(("cement", "万吨/年")) == (2, 2, 42.5), (before, after)
    assert grown(("cement", "万千瓦")) == (1, 1, 4.0), (before, after)
    assert grown(("steel", "万吨/年")) == (1, 0, 100.0), (before, after)
    # the industry filter keeps one industry; a month of last year shows none of them
    assert {k[0] for k in exits("&industry=steel")} == {"steel"}
    assert exits("&period=month&year=2025&month=1") == {}
    # a county elsewhere sees none of them
    other = intake.get("/admin/stats?format=xml&region=220113").xml()
    assert not [e for e in other.findall("exits/exit") if e.get("industry") == "cement"
                and float(e.get("capacity")) >= 42.5]
    page = intake.get("/admin/stats?region=220112")
    assert "退出产能（按行业）" in page.text and "万千瓦" in page.text


def snapshot(region, dept):
    names = sql("SELECT GROUP_CONCAT(column_name ORDER BY ordinal_position) FROM "
                "information_schema.columns WHERE table_schema = 'jubao' AND "
                "table_name = 'stats_cube'")[0][0].split(",")[6:]      # after region, part
    cols = ",".join(names)
    # the sums over the parts (sql/018): the programs spread a month over them, the rebuild not
    cube = sql("SELECT dim, value, month, %s FROM stats_cube WHERE level = 6 AND region = '%s' "
               "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
               % (",".join("SUM(%s)" % n for n in names), region))
    dep = sql("SELECT month, %s FROM stats_dept WHERE department_id = %d ORDER BY 1" % (cols, dept))
    return cube, dep


def random_step(rng, cases, who):
    """One random action the case page offers to one of the actors."""
    cid, ticket, code = rng.choice(cases)
    if sql("SELECT state FROM report WHERE id = %d" % cid)[0][0] == "needs_info" and rng.random() < .7:
        reply(ticket, code)
        return
    name = rng.choice(["intake"] * 9 + ["handler"] * 9 + ["super"] * 2)
    b = who[name]
    page = b.get("/admin/case?id=%d&format=xml" % cid)
    if page.status == 404:          # not (yet) transferred to the handler's department
        return
    offered = [a.get("name") for a in page.xml().findall("actions/action")]
    choices = [a for a in offered if a not in ("reveal", "set_contact", "note", "notify_hazard")]
    if not choices:
        return
    forward = ("accept", "transfer", "start_inspection", "inspect", "dispose", "feedback",
               "release")
    a = rng.choice([x for x in choices for _ in range(6 if x in forward else 1)])
    dept = lead("绿园区")
    fields = {
        "accept": {}, "needs_info": {"text": "请补充。"}, "start_inspection": {},
        "reject": {"reason": "vague", "text": "内容不清。"},
        "transfer": {"lead": dept, "department": [dept]},
        "inspect": {"inspected_on": "2026-11-20", "team": "组", "findings": "查。",
                    "verdict": rng.choice(["true", "partly", "false"])},
        "dispose": {"measure": rng.sample(["dismantle", "stop", "close", "rectify", "notify"], 2)},
        "progress": {"text": "进展。"}, "feedback": {"text": "反馈。"}, "release": {},
        "press": {"text": "督办。"},
        "link_duplicate": {"ticket": rng.choice(cases)[1]},
    }.get(a)
    if fields is not None:
        r = b.act(cid, a, **fields)
        assert r.status in (200, 400), (a, r.status, r.text[:300])


@test
def summary_equals_a_full_recount_after_random_workflows():
    # A fixed walk by default (one that reaches transfers, inspections, closures, presses and
    # overdue marks: a random seed left some of them out about once in ten runs); STATS_SEED=0
    # takes a random one, STATS_SEED=N replays N.
    seed = int(os.environ.get("STATS_SEED", "56793829")) or random.randrange(1 << 30)
    print("     (STATS_SEED=%d)" % seed, flush=True)
    rng = random.Random(seed)
    who = {"intake": browser("intake"), "handler": browser("lvyuan"), "super": browser("super")}
    cases = []

    def new_case():
        return report("220106", industry=rng.choice(["steel", "coal", "brick"]),
                      category=rng.choice(["violation", "backward"]),
                      standard=rng.sample(["energy", "safety", "quality"], 2), anonymous="0")
    for i in range(12):
        cases.append(new_case())
    for _ in range(150):
        random_step(rng, cases, who)
    # the deadline sweep marks waiting cases overdue (as if two weeks had passed), then more
    # work happens on them; two new cases make sure some wait (the walk may have closed the rest)
    cases += [new_case(), new_case()]
    later = (datetime.date.today() + datetime.timedelta(days=15)).isoformat()
    jubaoctl("sweep", "--today", later, "--sendmail", "/nonexistent")
    for _ in range(60):
        random_step(rng, cases, who)
    dept = lead("绿园区")
    incremental = snapshot("220106", dept)
    assert incremental[0], "no statistics for the random cases"
    jubaoctl("stats-rebuild")
    rebuilt = snapshot("220106", dept)
    for name, a, b in zip(("stats_cube", "stats_dept"), incremental, rebuilt):
        assert a == b, (name, a, b)
    n = int(sql("SELECT COUNT(*) FROM report WHERE region = '220106'")[0][0])
    got = sum(int(r[3]) for r in rebuilt[0] if r[0] == "category")    # received
    assert got == n, (got, n)
    # the walk went the whole way: transfers, verdicts, closures, presses and overdue marks
    sums = sql("SELECT SUM(transferred), SUM(inspected), SUM(closed), SUM(pressed), "
               "SUM(overdue) FROM stats_cube WHERE dim = 'category' AND region = '220106'")[0]
    assert all(int(v) > 0 for v in sums), sums
    # the sweep folds the parts of past months into one row each, sums unchanged: this
    # county's rows as the programs wrote them (in parts), moved to a past month
    jubaoctl("stats-rebuild")
    for _ in range(8):
        report("220106")
    this = sql("SELECT DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 8 HOUR, '%Y-%m-01')")[0][0]
    sql("UPDATE stats_cube SET month = '2000-01-01' WHERE region = '220106' AND month = '%s'"
        % this)
    parts = "SELECT COUNT(DISTINCT part) FROM stats_cube WHERE region = '220106' AND month = '2000-01-01'"
    assert int(sql(parts)[0][0]) > 1, "the new reports did not spread over the parts"
    moved = snapshot("220106", dept)[0]
    jubaoctl("sweep", "--sendmail", "/nonexistent")
    assert int(sql(parts)[0][0]) == 1
    assert snapshot("220106", dept)[0] == moved
    jubaoctl("stats-rebuild")           # the history again, this month's rows in their month


@test
def charts_are_svg_with_text_labels_and_a_table_of_the_same_numbers():
    intake = browser("intake")
    a = intake.get("/admin/stats?region=2201")
    assert a.status == 200
    html = a.text
    figures = re.findall(r'<figure class="chart" id="chart-([a-z]+)">(.*?)</figure>', html, re.S)
    names = [n for n, _ in figures]
    for want in ("trend", "regions", "compliance", "verdicts", "measures"):
        assert want in names, names
    for name, body in figures:
        if "<svg" not in body:
            continue
        assert 'role="img"' in body and "aria-labelledby" in body and "<script" not in body, name
        assert "<table" in body, name
        texts = re.findall(r"<text[^>]*>([^<]*)</text>", body)
        cells = re.findall(r"<td>([^<]*)", body)
        # every number in the table is written as text in the chart
        for cell in cells:
            num = re.match(r"\d+", cell.strip())
            if num:
                assert any(num.group(0) in t for t in texts), (name, cell, texts)
    trend = dict(figures)["trend"]
    assert "收到（实心）" in trend and "办结（斜线）" in trend and "<pattern" in trend


@test
def public_summary_suppresses_small_cells():
    """Reports made through the public form, their submission moved to a month of their own,
    the summary rebuilt: under stats_min_cell (5) a count is "少于5", and when one cell of a
    column would be hidden alone the next smallest goes too."""
    used = {r[0] for r in sql("SELECT DISTINCT DATE_FORMAT(month, '%Y-%m') FROM stats_cube")}
    month = next("%d-%02d" % (y, m) for y in range(2019, 2009, -1) for m in range(1, 13)
                 if "%d-%02d" % (y, m) not in used)

    def made(n, industry):
        for _ in range(n):
            cid, _, _ = report("220105", industry=industry)
            sql("UPDATE report SET submitted_at = '%s-15 10:00:00' WHERE id = %d" % (month, cid))
            sql("UPDATE report_event SET at = '%s-15 10:00:00' WHERE report_id = %d" % (month, cid))

    def page():
        a = pub.get("/stats?format=xml&month=" + month)
        assert a.status == 200, a.status
        x = a.xml()
        return {t: {r.get("name"): {cl.get("name"): cl.get("value") or "small"
                                    for cl in r.findall("cell")} for r in x.findall(t + "/row")}
                for t in ("total", "cities", "industries")}, a

    made(3, "steel")
    jubaoctl("stats-rebuild")
    p, _ = page()
    assert p["total"]["合计"]["received"] == "small", p
    assert p["cities"]["长春市"]["received"] == "small", p
    made(3, "steel")
    made(1, "cement")
    jubaoctl("stats-rebuild")
    p, _ = page()
    assert p["total"]["合计"]["received"] == "7", p
    # cement (1) is hidden, and steel (6) with it: else 7 - 6 would give cement away
    assert p["industries"]["水泥"]["received"] == "small", p
    assert p["industries"]["钢铁"]["received"] == "small", p
    html = pub.get("/stats?month=" + month).text
    assert "少于5" in html and "<svg" in html and "<table" in html
    # the trend chart writes the hidden months as text, never as a number
    assert pub.get("/stats?month=2026-13").status == 400


@test
def weights_are_for_the_system_administrator_and_audited():
    sysadmin, intake = browser("sysadmin"), browser("intake")
    page = sysadmin.get("/admin/stats")
    assert 'action="/jubao/admin/stats/weights"' in page.text or "stats/weights" in page.text
    n = con.audit_count("stats_weights")
    fields = [("csrf", sysadmin.csrf), ("accepted_ontime", "30"), ("transferred_ontime", "10"),
              ("inspected_ontime", "30"), ("closed_ontime", "20"), ("not_overdue", "10")]
    a = sysadmin.post("/admin/stats/weights", fields)
    assert a.status == 200, a.status
    assert con.audit_count("stats_weights") == n + 1
    w = {r[0]: r[1] for r in sql("SELECT measure, weight FROM stats_weight")}
    assert w["accepted_ontime"] == "30" and w["transferred_ontime"] == "10", w
    bad = list(fields)
    bad[1] = ("accepted_ontime", "101")
    assert sysadmin.post("/admin/stats/weights", bad).status == 400
    intake.get("/admin/stats")
    assert intake.post("/admin/stats/weights", [("csrf", intake.csrf)] + fields[1:]).status == 403
    assert "stats/weights" not in intake.get("/admin/stats").text
    # restore the defaults of sql/015
    fields = [("csrf", sysadmin.csrf), ("accepted_ontime", "20"), ("transferred_ontime", "20"),
              ("inspected_ontime", "25"), ("closed_ontime", "25"), ("not_overdue", "10")]
    assert sysadmin.post("/admin/stats/weights", fields).status == 200


# ---- the upward-reporting calendar (lib/stats.c reporting[], cgi/admin/reporting.c) -------------

# code: (month, day, due in the year after the period)
REPORTING = {"ledger_h1": (7, 10, 0), "ledger_q3": (10, 10, 0), "summary": (12, 15, 0),
             "ledger_year": (1, 10, 1), "exit": (1, 31, 1)}


def beijing_today():
    return datetime.date.fromisoformat(
        sql("SELECT DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR)")[0][0])


def working_days():
    """The working-day calendar as the stack has it: is_workday(date)."""
    listed = {r[0]: r[1] == "0" for r in sql("SELECT day, is_off FROM holiday")}

    def is_workday(d):
        return listed.get(d.isoformat(), d.weekday() < 5)
    return is_workday


def due_date(code, year, is_workday):
    m, d, off = REPORTING[code]
    day = datetime.date(year + off, m, d)
    while not is_workday(day):
        day += datetime.timedelta(days=1)
    return day


def workdays_between(a, b, is_workday):
    """Working days in (a, b]."""
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        n += is_workday(d)
    return n


def reporting_items(b):
    x = b.get("/admin/?format=xml").xml()
    return x.find("reporting"), {(i.get("code"), int(i.get("year"))): i
                                 for i in x.findall("reporting/item")}


def mark(b, action, code, year, csrf=True, note=None):
    fields = [("csrf", b.csrf)] if csrf else []
    fields += [("action", action), ("item", code), ("year", str(year))]
    if note:
        fields.append(("note", note))
    return b.post("/admin/reporting", fields)


@test
def the_dashboard_lists_the_next_reports_due_upward():
    intake = browser("intake")
    rep, items = reporting_items(intake)
    today = beijing_today()
    is_workday = working_days()
    upcoming = sorted((i.get("date"), i) for i in items.values() if i.get("date") >= today.isoformat())
    assert len(upcoming) == 4, [i.attrib for i in items.values()]
    for date, i in upcoming:
        assert date == due_date(i.get("code"), int(i.get("year")), is_workday).isoformat(), i.attrib
        assert i.get("state") in ("due", "filed"), i.attrib
        if i.get("state") == "due":
            assert int(i.get("workdays")) == workdays_between(
                today, datetime.date.fromisoformat(date), is_workday), i.attrib
    labels = " ".join(i.text for i in items.values())
    assert "年度工作总结" in labels and "退出数据" in labels, labels
    assert rep.get("department") == "吉林省工业和信息化厅", rep.attrib
    assert rep.get("may-mark") is None, rep.attrib   # intake marks no filing
    assert "上报日历" in intake.get("/admin/").text


@test
def past_items_are_late_until_a_supervisor_marks_them_filed_for_the_own_department():
    is_workday = working_days()
    today = beijing_today()
    city, county = con.dept_id("长春市工业和信息化局"), con.dept_id("长春市宽城区工业和信息化局")
    sql("DELETE FROM reporting_filing WHERE department_id IN (%d, %d)" % (city, county))
    sup, supkc = browser("super"), browser("superkc")
    rep, items = reporting_items(sup)
    assert rep.get("department") == "长春市工业和信息化局" and rep.get("may-mark") == "1", rep.attrib
    # every item of the previous and the current year past its date is there, late by the
    # working days since its due date
    past = [(c, y) for y in (today.year - 1, today.year) for c in REPORTING
            if due_date(c, y, is_workday) < today]
    assert past and all(k in items for k in past), (past, sorted(items))
    for k in past:
        i = items[k]
        due = due_date(k[0], k[1], is_workday)
        assert i.get("date") == due.isoformat() and i.get("state") == "late", i.attrib
        assert int(i.get("late")) == workdays_between(due, today, is_workday), i.attrib
    page = sup.get("/admin/").text
    assert "逾期未报" in page and "标记已报送" in page and 'action="/jubao/admin/reporting"' in page

    code, year = max(past, key=lambda k: due_date(k[0], k[1], is_workday))
    filed, unfiled = con.audit_count("reporting_filed"), con.audit_count("reporting_unfiled")
    # refused: no CSRF token, a role without the right, a bad item or year
    assert mark(sup, "file", code, year, csrf=False).status == 403
    kc = browser("kuancheng")
    kc.get("/admin/")
    assert mark(kc, "file", code, year).status == 403
    assert "admin/reporting" not in kc.get("/admin/").text
    assert mark(sup, "file", "nonesuch", year).status == 400
    assert mark(sup, "file", code, today.year - 5).status == 400
    assert con.audit_count("reporting_filed") == filed

    a = mark(sup, "file", code, year, note="已通过公文系统报送")
    assert a.status == 200, (a.status, a.text[:300])
    assert con.audit_count("reporting_filed") == filed + 1
    detail = sql("SELECT detail, staff_id FROM audit WHERE action = 'reporting_filed' "
                 "ORDER BY id DESC LIMIT 1")[0]
    assert detail[0].startswith("%s %d department=%d" % (code, year, city)), detail
    assert mark(sup, "file", code, year).status == 200      # twice: one row, one audit
    assert con.audit_count("reporting_filed") == filed + 1
    i = reporting_items(sup)[1][(code, year)]
    assert i.get("state") == "filed" and i.get("filed") == today.isoformat(), i.attrib
    assert i.get("by") == "测试" + U["super"] and i.get("note") == "已通过公文系统报送", i.attrib
    page = sup.get("/admin/").text
    assert "已报送" in page and "撤销已报送" in page and "测试" + U["super"] in page

    # another department still has it late, and cannot take the city's mark back
    assert reporting_items(supkc)[1][(code, year)].get("state") == "late"
    assert mark(supkc, "undo", code, year).status == 200
    assert con.audit_count("reporting_unfiled") == unfiled
    assert reporting_items(sup)[1][(code, year)].get("state") == "filed"

    # the city takes it back: late again, audited
    assert mark(sup, "undo", code, year).status == 200
    assert con.audit_count("reporting_unfiled") == unfiled + 1
    i = reporting_items(sup)[1][(code, year)]
    assert i.get("state") == "late" and int(i.get("late")) == workdays_between(
        due_date(code, year, is_workday), today, is_workday), i.attrib


# ---- who below has reported upward (cgi/admin/reporting_below.c, GET /admin/reporting) -------------

def below_units(b):
    a = b.get("/admin/reporting?format=xml")
    assert a.status == 200, (a.status, a.text[:300])
    o = a.xml().find("overview")
    cols = {(c.get("code"), int(c.get("year"))): c for c in o.findall("column")}
    units = {u.get("name"): (u, {(c.get("code"), int(c.get("year"))): c for c in u.findall("cell")})
             for u in o.findall("unit")}
    return o, cols, units


@test
def the_level_above_sees_which_departments_below_have_filed():
    is_workday = working_days()
    today = beijing_today()
    below = {r[0]: r[1] for r in sql(
        "SELECT d.name, d.id FROM department d JOIN region r ON r.code = d.region_code "
        "WHERE r.parent = '220100' AND d.kind = 'gongxin' AND d.enabled = 1")}
    assert "长春市宽城区工业和信息化局" in below and "长春市二道区工业和信息化局" in below, below
    sql("DELETE FROM reporting_filing WHERE department_id IN (%s)" % ",".join(map(str, below.values())))
    sup, supkc = browser("super"), browser("superkc")
    past = [(c, y) for y in (today.year - 1, today.year) for c in REPORTING
            if due_date(c, y, is_workday) < today]
    code, year = max(past, key=lambda k: due_date(k[0], k[1], is_workday))
    # 宽城区's supervisor marks the latest past item filed; 二道区's does not
    assert mark(supkc, "file", code, year).status == 200

    o, cols, units = below_units(sup)
    assert o.get("department") == "长春市工业和信息化局", o.attrib
    # exactly the counties' 工信 departments: not the city itself, no other kind, no other city
    assert set(units) == set(below), (sorted(units), sorted(below))
    assert all(u.get("region").startswith("2201") and u.get("region") != "220100"
               for u, _ in units.values())
    # one column per past item of this and last year, and the next one due
    assert all(k in cols for k in past), (past, sorted(cols))
    nxt = [c for c in cols.values() if c.get("state") == "next"]
    assert len(nxt) == 1 and nxt[0].get("date") >= today.isoformat(), [c.attrib for c in nxt]
    kc = units["长春市宽城区工业和信息化局"][1][(code, year)]
    assert kc.get("state") == "filed" and kc.get("filed") == today.isoformat(), kc.attrib
    ed = units["长春市二道区工业和信息化局"][1][(code, year)]
    assert ed.get("state") == "late" and int(ed.get("late")) == workdays_between(
        due_date(code, year, is_workday), today, is_workday), ed.attrib
    assert (int(cols[(code, year)].get("filed")), int(cols[(code, year)].get("late"))) == \
        (1, len(below) - 1), cols[(code, year)].attrib
    page = sup.get("/admin/reporting").text
    assert "<caption" in page and "已报送" in page and "逾期未报" in page and 'scope="row"' in page
    assert "下级报送情况" in sup.get("/admin/").text and "admin/reporting\"" in sup.get("/admin/stats").text

    # a county has no departments below it; the province (an administrator's aggregate view)
    # sees the cities, not the counties
    o, cols, units = below_units(supkc)
    assert not units and "没有下一级" in supkc.get("/admin/reporting").text
    o, cols, units = below_units(browser("sysadmin"))
    assert "长春市工业和信息化局" in units and not any("区" in n for n in units), sorted(units)
    assert all(len(u.get("region")) == 6 and u.get("region").endswith("00") for u, _ in units.values())
    # handlers and intake answer for single cases, not for the level below
    for key in ("kuancheng", "intake"):
        assert browser(key).get("/admin/reporting").status == 403, key
    assert mark(supkc, "undo", code, year).status == 200


def main():
    setup()
    return pub.run_tests(TESTS, "stats")


if __name__ == "__main__":
    sys.exit(main())
