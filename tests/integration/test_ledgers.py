#!/usr/bin/env python3
"""Integration tests of the ledgers and exports (issue 10), against the real stack.

Cases are made for the test through the real workflow (the public form and the console's
actions) in two counties no other suite uses:

  220112 双阳区  the ledgers' figures (compared with the statistics page and with the cases
                 made, as differences), the case list's export and its privacy
  220113 九台区  the area limits of a county handler

and list entries made through the publishers' console (draft, 公示, 公告, 归档, 撤回) in the same
two counties, for 整改及退出台账（企业明细）, one row per entry, compared cell by cell with the
entries made.

Each ledger is downloaded as .xlsx and opened with zipfile + xml.etree (shared or inline
strings, sheet1.xml, merged cells), compared cell by cell with the statistics page's figures;
the CSV is parsed back with the csv module and must equal the .xlsx; jubaoctl ledger must write
the same file as the console's download.

Usage: test_ledgers.py BASE_URL STATE_DIR [test-name-substring]
Prints "ledgers: N passed, N failed".
"""

import csv
import datetime
import io
import os
import re
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_console as con  # noqa: E402  (Browser, staff, reports)
import test_public as pub   # noqa: E402
import test_lists_console as lc  # noqa: E402  (entries through the publisher's pages)

sql = pub.sql
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.environ.get("BUILD", "build")
CONF = os.path.join(pub.STATE, "conf", "jubao.conf")
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
U = {}
TESTS = []
YEAR = (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).year


def test(fn):
    TESTS.append(fn)
    return fn


def jubaoctl(*args, check=True):
    r = subprocess.run([os.path.join(ROOT, BUILD, "tools", "jubaoctl"), "-c", CONF] + list(args),
                       capture_output=True, timeout=600)
    if check:
        assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r


def setup():
    s = con.SUFFIX
    for key, roles in {
        "intake": [("intake", "吉林省工业和信息化厅")],
        "shuangyang": [("handler", "长春市双阳区工业和信息化局")],
        "jiutai": [("handler", "长春市九台区工业和信息化局")],
        "auditor": [("auditor", "吉林省工业和信息化厅")],
        "pub_sy": [("publisher", "长春市双阳区工业和信息化局")],
        "pub_jt": [("publisher", "长春市九台区工业和信息化局")],
    }.items():
        U[key] = "lg" + key + s
        con.make_staff(U[key], roles)


def browser(key):
    b = con.Browser()
    a = b.login(U[key])
    assert a.status == 200, (key, a.status)
    return b


# ---- reading the files ------------------------------------------------------------------------


def col_index(ref):
    """'AB12' -> (11, 27): zero-based row and column."""
    m = re.match(r"([A-Z]+)(\d+)$", ref)
    c = 0
    for ch in m.group(1):
        c = c * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, c - 1


def read_xlsx(data):
    """The first sheet as {(row, col): (type, text)} ('s' string, 'n' number) and its merged
    ranges as a list of ((r0, c0), (r1, c1)); formulas are reported as type 'f'."""
    z = zipfile.ZipFile(io.BytesIO(data))
    names = z.namelist()
    shared = []
    if "xl/sharedStrings.xml" in names:
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(NS + "si"):
            shared.append("".join(t.text or "" for t in si.iter(NS + "t")))
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    cells = {}
    for c in sheet.iter(NS + "c"):
        rc = col_index(c.get("r"))
        t = c.get("t")
        if c.find(NS + "f") is not None:
            cells[rc] = ("f", c.findtext(NS + "f"))
        elif t == "s":
            cells[rc] = ("s", shared[int(c.findtext(NS + "v"))])
        elif t == "inlineStr":
            cells[rc] = ("s", "".join(x.text or "" for x in c.iter(NS + "t")))
        elif t == "str":
            cells[rc] = ("s", c.findtext(NS + "v") or "")
        elif c.find(NS + "v") is not None:
            cells[rc] = ("n", c.findtext(NS + "v"))
    merged = []
    for m in sheet.iter(NS + "mergeCell"):
        a, b = m.get("ref").split(":")
        merged.append((col_index(a), col_index(b)))
    return cells, merged


def xlsx_grid(cells):
    """The sheet as rows of strings, numbers as the CSV writes them (percent columns are
    those whose header says 率)."""
    nrows = max(r for r, _ in cells) + 1
    ncols = max(c for _, c in cells) + 1
    heads = {c: (cells.get((2, c), ("s", ""))[1] + cells.get((3, c), ("s", ""))[1])
             for c in range(ncols)}
    grid = []
    for r in range(nrows):
        row = []
        for c in range(ncols):
            t, v = cells.get((r, c), ("s", ""))
            if t == "n":
                f = float(v)
                v = "%.1f%%" % (f * 100) if "率" in heads[c] else \
                    "%.2f" % f if "产能" in heads[c] else "%d" % round(f)
            row.append(v)
        grid.append(row)
    return grid


def read_csv(data):
    assert data.startswith(b"\xef\xbb\xbf"), data[:10]
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))
    assert data.endswith(b"\r\n")
    widths = {len(r) for r in rows}
    assert len(widths) == 1, widths      # every line has every column (RFC 4180)
    return rows


def all_bytes(data):
    """Every part of a zip, decompressed, and the zip itself: what a reader could find."""
    z = zipfile.ZipFile(io.BytesIO(data))
    return data + b"".join(z.read(n) for n in z.namelist())


def neutralised(grid):
    """The grid as the CSV writes it: a text starting like a formula gets a leading '."""
    return [["'" + v if v[:1] in ("=", "+", "-", "@", "\t", "\r") else v for v in row]
            for row in grid]


def download(b, path, status=200):
    a = b.get(path)
    assert a.status == status, (path, a.status, a.text[:300])
    return a


def disposition_name(a):
    d = a.header("content-disposition")
    m = re.search(r"filename\*=UTF-8''([^;]+)", d)
    assert m and 'filename="' in d and d.startswith("attachment;"), d
    return urllib.parse.unquote(m.group(1))


# ---- the ledgers' layouts, written out a second time from the issue ---------------------------
# label -> the statistics counters it sums, or ("share", numerator, denominator)

COUNTERS = {
    "收到举报": ["received"], "受理": ["accepted"], "其中按期受理": ["accepted_ontime"],
    "不予受理": ["refused"], "移交责任部门": ["transferred"], "移交": ["transferred"],
    "已核查": ["inspected"], "其中按期核查": ["inspected_ontime"],
    "属实": ["v_true"], "部分属实": ["v_partly"], "不属实": ["v_false"], "办结": ["closed"],
    "督办": ["pressed"], "超期": ["overdue"], "属实及部分属实": ["v_true", "v_partly"],
    "已作出处置": ["disposed"], "拆除主体设备": ["m_dismantle"],
    "断电断水、封存设备": ["m_cut_off"], "责令停产停业": ["m_stop"],
    "关停、关闭、取缔": ["m_close"], "停止建设或试生产": ["m_stop_construction"],
    "限期整改": ["m_rectify"], "通报相关部门": ["m_notify"], "其中按期反馈": ["closed_ontime"],
    "按期核查率": ("share", ["inspected_ontime"], ["inspected"]),
    "按期受理率": ("share", ["accepted_ontime"], ["accepted"]),
    "按期反馈率": ("share", ["closed_ontime"], ["closed", "-dup_closed"]),
}


def expected(label, row):
    """The cell the ledger should show for a statistics row (attributes as ints)."""
    rule = COUNTERS[label]

    def total(names):
        return sum(-row.get(n[1:], 0) if n.startswith("-") else row.get(n, 0) for n in names)

    if isinstance(rule, tuple):
        num, den = total(rule[1]), total(rule[2])
        return "—" if den == 0 else "%.1f%%" % (100.0 * num / den)
    return "%d" % total(rule)


def labels(cells):
    """Column -> label: the lower header row where there is one, else the upper."""
    ncols = max(c for _, c in cells) + 1
    return [cells.get((3, c), cells.get((2, c), ("s", "")))[1] or cells[(2, c)][1]
            for c in range(ncols)]


def stats_rows(b, query, what):
    x = download(b, "/admin/stats?format=xml&" + query).xml()
    rows = {}
    for r in x.findall(what + "/row"):
        rows[r.get("name") or r.get("key")] = {k: int(v) for k, v in r.attrib.items()
                                                if v.isdigit()}
        rows[r.get("name") or r.get("key")]["_key"] = r.get("key")
    total = {k: int(v) for k, v in x.find("total/row").attrib.items() if v.isdigit()}
    return rows, total


def check_against_stats(cells, rows, total, key_of=lambda n: n):
    """Every body row and the totals row of a ledger equal the statistics' figures."""
    lab = labels(cells)
    nrows = max(r for r, _ in cells) + 1
    seen = 0
    for r in range(4, nrows):
        name = cells[(r, 0)][1]
        src = total if name == "合计" else rows.get(key_of(name), {})
        for c in range(1, len(lab)):
            t, v = cells.get((r, c), ("s", ""))
            got = v if t == "s" else (
                "%.1f%%" % (float(v) * 100) if "率" in lab[c] else "%d" % round(float(v)))
            assert got == expected(lab[c], src), (name, lab[c], got, expected(lab[c], src))
        seen += 1
    assert cells[(nrows - 1, 0)][1] == "合计"
    return seen


# ---- cases made through the workflow ----------------------------------------------------------


def lead(county):
    return con.dept_id("长春市%s工业和信息化局" % county)


def inspect(b, cid, verdict):
    return b.act(cid, "inspect", inspected_on="2026-11-20", team="核查组", findings="现场检查。",
                 verdict=verdict)


def shuangyang_cases(intake, handler, verdict="true", measures=("stop", "rectify"), **over):
    """One case through to closing in 双阳区, one refused; returns their ids."""
    dept = lead("双阳区")
    cid, _, _ = con.public_report(region="220112", **over)
    assert intake.act(cid, "accept").status == 200
    assert intake.act(cid, "transfer", lead=dept, department=[dept]).status == 200
    assert handler.act(cid, "start_inspection").status == 200
    assert inspect(handler, cid, verdict).status == 200
    if verdict != "false":
        assert handler.act(cid, "dispose", measure=list(measures)).status == 200
    assert handler.act(cid, "feedback", text="经核查，已依法处置。").status == 200
    assert intake.act(cid, "release").status == 200
    refused, _, _ = con.public_report(region="220112")
    assert intake.act(refused, "reject", reason="out_of_scope", text="不属于受理范围。").status == 200
    return cid, refused


def ledger(b, kind, fmt, query):
    return download(b, "/admin/ledger.%s?kind=%s&%s" % (fmt, kind, query))


# ---------------------------------------------------------------------------------------------


@test
def inspection_ledger_equals_the_statistics_page_and_the_cases_made():
    intake, handler = browser("intake"), browser("shuangyang")
    q = "period=year&year=%d&region=2201" % YEAR
    before, _ = read_xlsx(ledger(intake, "inspect", "xlsx", q).body)
    shuangyang_cases(intake, handler, "true", ("stop", "rectify"))
    shuangyang_cases(intake, handler, "partly", ("dismantle",))
    a = ledger(intake, "inspect", "xlsx", q)
    assert a.header("content-type").startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), a.header("content-type")
    assert a.header("cache-control") == "no-store"
    name = disposition_name(a)
    assert name == "核查检查基本情况汇总表（吉林省 长春市，%d年1月至%d年12月）.xlsx" % (YEAR, YEAR), name
    cells, merged = read_xlsx(a.body)
    ncols = max(c for _, c in cells) + 1
    # the title and the area/period rows are merged across the table; the header has two rows
    assert ((0, 0), (0, ncols - 1)) in merged and ((1, 0), (1, ncols - 1)) in merged, merged
    assert cells[(0, 0)][1] == "核查检查基本情况汇总表"
    assert "吉林省 长春市" in cells[(1, 0)][1] and "%d年1月至%d年12月" % (YEAR, YEAR) in cells[(1, 0)][1]
    assert ((2, 0), (3, 0)) in merged                          # 地区 spans both header rows
    assert cells[(2, 2)][1] == "受理情况" and ((2, 2), (2, 4)) in merged, (cells[(2, 2)], merged)
    # every county of 长春市 has its row, in code order, with the statistics page's figures
    rows, total = stats_rows(intake, q, "regions")
    names = [cells[(r, 0)][1] for r in range(4, max(r for r, _ in cells))]
    assert names[:2] == ["南关区", "宽城区"] and "双阳区" in names and "九台区" in names, names
    assert check_against_stats(cells, rows, total) == len(names) + 1
    # and the difference the cases made
    lab = labels(cells)
    r_new = {lab[c]: cells[(4 + names.index("双阳区"), c)][1] for c in range(1, len(lab))}
    r_old = {lab[c]: before[(4 + names.index("双阳区"), c)][1] for c in range(1, len(lab))
             if before[(4 + names.index("双阳区"), c)][0] == "n" and "率" not in lab[c]}
    d = {k: int(float(r_new[k])) - int(float(r_old[k])) for k in r_old}
    want = {"收到举报": 4, "受理": 2, "其中按期受理": 2, "不予受理": 2, "移交责任部门": 2,
            "已核查": 2, "其中按期核查": 2, "属实": 1, "部分属实": 1, "不属实": 0, "办结": 2,
            "督办": 0, "超期": 0}
    assert d == want, (d, want)


@test
def csv_equals_the_xlsx_and_jubaoctl_writes_the_same_files():
    intake = browser("intake")
    for kind, q, period, area in [
            ("inspect", "period=year&year=%d&region=2201" % YEAR, str(YEAR), "2201"),
            ("rectify", "period=quarter&year=%d&quarter=4&region=22" % YEAR, "%d-Q4" % YEAR, "22"),
            ("yearly", "period=year&year=%d&region=220112" % YEAR, str(YEAR), "220112"),
            ("enterprise", "period=year&year=%d&region=2201" % YEAR, str(YEAR), "2201")]:
        x = ledger(intake, kind, "xlsx", q)
        c = ledger(intake, kind, "csv", q)
        assert c.header("content-type") == "text/csv; charset=utf-8"
        assert disposition_name(c).endswith(".csv")
        cells, _ = read_xlsx(x.body)
        assert read_csv(c.body) == neutralised(xlsx_grid(cells)), kind
        out = os.path.join(pub.STATE, "ledger-test.%s" % kind)
        for fmt, console in (("csv", c.body), ("xlsx", x.body)):
            r = jubaoctl("ledger", "--kind", kind, "--period", period, "--area", area,
                         "--format", fmt, "--out", out + "." + fmt)
            assert r.stderr == b"", r.stderr        # quiet when not on a terminal
            data = open(out + "." + fmt, "rb").read()
            os.unlink(out + "." + fmt)
            if fmt == "csv":
                assert data == console, kind
            else:
                # the same sheet; the workbook's creation time may differ by a second
                assert read_xlsx(data) == read_xlsx(console), kind
                zc, zj = zipfile.ZipFile(io.BytesIO(console)), zipfile.ZipFile(io.BytesIO(data))
                assert zc.read("xl/worksheets/sheet1.xml") == zj.read("xl/worksheets/sheet1.xml")
    # a wrong argument is said, and nothing written
    r = jubaoctl("ledger", "--kind", "yearly", "--period", "%d-Q1" % YEAR, "--area", "22",
                 "--format", "csv", check=False)
    assert r.returncode != 0 and b"yearly" in r.stderr
    r = jubaoctl("ledger", "--kind", "inspect", "--period", str(YEAR), "--area", "229999",
                 "--format", "csv", check=False)
    assert r.returncode != 0 and b"no such region" in r.stderr


@test
def rectification_ledger_and_yearly_summary_follow_the_statistics():
    intake = browser("intake")
    q = "period=year&year=%d&region=22" % YEAR
    cells, merged = read_xlsx(ledger(intake, "rectify", "xlsx", q).body)
    assert cells[(0, 0)][1] == "整改及退出台账"
    assert cells[(2, 3)][1] == "处置措施" and ((2, 3), (2, 9)) in merged, merged
    rows, total = stats_rows(intake, q, "regions")
    names = [cells[(r, 0)][1] for r in range(4, max(r for r, _ in cells))]
    assert names[0] == "长春市" and len(names) >= 9, names    # every city of the province
    check_against_stats(cells, rows, total)
    # the yearly summary: one row per month, January to December, then the year
    y = "period=year&year=%d&region=220112" % YEAR
    cells, _ = read_xlsx(ledger(intake, "yearly", "xlsx", y).body)
    months = [cells[(r, 0)][1] for r in range(4, 16)]
    assert months == ["%d年%d月" % (YEAR, m) for m in range(1, 13)], months
    rows, total = stats_rows(intake, y, "months")
    check_against_stats(cells, rows, total,
                        key_of=lambda n: "%s-%02d" % (n[:4], int(n[5:].rstrip("月"))))
    assert int(float(cells[(16, 1)][1])) >= 4          # the cases made above, in this year
    # the yearly summary is for a year only
    download(intake, "/admin/ledger.xlsx?kind=yearly&period=quarter&year=%d&quarter=1" % YEAR,
             status=400)


@test
def a_county_gets_only_its_own_area():
    jiutai, auditor = browser("jiutai"), browser("auditor")
    cells, _ = read_xlsx(ledger(jiutai, "inspect", "xlsx", "period=year&year=%d" % YEAR).body)
    assert "九台区" in cells[(1, 0)][1], cells[(1, 0)]
    body = [cells[(r, 0)][1] for r in range(4, max(r for r, _ in cells) + 1)]
    assert body == ["九台区", "合计"], body
    for region in ("2201", "22", "220112"):
        for fmt in ("xlsx", "csv"):
            download(jiutai, "/admin/ledger.%s?kind=inspect&region=%s" % (fmt, region),
                     status=403)
    # the case export of a county: its own cases only
    rows = read_csv(download(jiutai, "/admin/cases.csv").body)[3:]
    assert all("九台区" in r[6] for r in rows), rows[:3]
    # an administrator reaches the ledgers (as the statistics page) but no case list
    download(auditor, "/admin/ledger.csv?kind=inspect")
    download(auditor, "/admin/cases.csv", status=403)
    download(auditor, "/admin/cases.xlsx", status=403)


SECRET_NAME = "龚秘密测试人"
SECRET_PHONE = "13912345678"
SECRET_TEXT = "举报内容独有标记甲乙丙：厂区北侧夜间偷偷生产地条钢。"


@test
def case_export_has_the_filtered_cases_and_nothing_of_the_reporter():
    intake, handler = browser("intake"), browser("shuangyang")
    tag = "导出测试%s" % con.SUFFIX
    ids = []
    for i in range(3):
        cid, _, _ = con.public_report(region="220112", subject_name="%s钢铁%d有限公司" % (tag, i),
                                      reporter_name=SECRET_NAME, reporter_phone=SECRET_PHONE,
                                      description=SECRET_TEXT,
                                      subject_address="双阳区保密路%d号" % i)
        ids.append(cid)
    assert intake.act(ids[0], "accept").status == 200
    dept = lead("双阳区")
    assert intake.act(ids[1], "accept").status == 200
    assert intake.act(ids[1], "transfer", lead=dept, department=[dept]).status == 200
    tickets = {sql("SELECT ticket FROM report WHERE id = %d" % i)[0][0] for i in ids}
    grouped = lambda t: " ".join(t[i:i + 4] for i in range(0, 16, 4))  # noqa: E731
    q = urllib.parse.urlencode({"q": tag})
    c = download(intake, "/admin/cases.csv?" + q)
    x = download(intake, "/admin/cases.xlsx?" + q)
    assert disposition_name(c) == "案件清单.csv" and disposition_name(x) == "案件清单.xlsx"
    rows = read_csv(c.body)
    assert rows[0][0] == "案件清单" and rows[2][:3] == ["受理编号", "状态", "举报类别"], rows[:3]
    assert {r[0] for r in rows[3:]} == {grouped(t) for t in tickets}, rows
    cells, merged = read_xlsx(x.body)
    assert read_csv(c.body) == xlsx_grid(cells)
    assert ((0, 0), (0, 11)) in merged
    by_ticket = {r[0]: r for r in rows[3:]}
    r = by_ticket[grouped(sql("SELECT ticket FROM report WHERE id = %d" % ids[0])[0][0])]
    assert r[1] == "已受理" and r[2] and r[4] == "网上" and "双阳区" in r[6], r
    # the filter: only the accepted one
    f = read_csv(download(intake, "/admin/cases.csv?state=accepted&" + q).body)[3:]
    assert [row[0] for row in f] == [r[0]], f
    f = read_csv(download(intake, "/admin/cases.csv?state=transferred&" + q).body)[3:]
    assert [row[1] for row in f] == ["已移交"], f
    # nothing that identifies the reporter, no report text, no address, in either file
    for data in (c.body, all_bytes(x.body)):
        for secret in (SECRET_NAME, SECRET_PHONE, SECRET_TEXT[:12], "保密路"):
            assert secret.encode() not in data, secret
    # the export is audited, and no file is left in the console's directory
    assert int(sql("SELECT COUNT(*) FROM audit WHERE action = 'case_export'")[0][0]) >= 2
    assert os.listdir(os.path.join(pub.STATE, "export")) == []
    # a handler's export holds the cases of its unit (the one transferred to it), no other
    hrows = read_csv(download(handler, "/admin/cases.csv?" + q).body)[3:]
    mine = grouped(sql("SELECT ticket FROM report WHERE id = %d" % ids[1])[0][0])
    assert [row[0] for row in hrows] == [mine], hrows
    cells, _ = read_xlsx(download(handler, "/admin/cases.xlsx?" + q).body)
    assert xlsx_grid(cells)[3:] == hrows


@test
def formula_looking_subject_arrives_neutralised():
    intake = browser("intake")
    evil = '=HYPERLINK("http://evil.example/x","点我")%s' % con.SUFFIX
    con.public_report(region="220112", subject_name=evil)
    q = urllib.parse.urlencode({"q": evil})
    rows = read_csv(download(intake, "/admin/cases.csv?" + q).body)[3:]
    assert [r[5] for r in rows] == ["'" + evil], rows
    cells, _ = read_xlsx(download(intake, "/admin/cases.xlsx?" + q).body)
    assert cells[(3, 5)] == ("s", evil), cells[(3, 5)]
    assert all(t != "f" for t, _ in cells.values())


@test
def the_export_page_offers_the_ledgers_within_the_area():
    jiutai = browser("jiutai")
    x = download(jiutai, "/admin/ledgers?format=xml").xml()
    assert [k.get("value") for k in x.findall("kinds/option")] == \
        ["inspect", "rectify", "yearly", "enterprise"]
    assert [a.get("code") for a in x.findall("areas/area")] == ["220113"]
    html = download(jiutai, "/admin/ledgers").text
    assert 'formaction="/jubao/admin/ledger.csv"' in html and "台账导出" in html
    menu = download(jiutai, "/admin/?format=xml").xml()
    assert "/admin/ledgers" in [i.get("path") for i in menu.iter("item")]
    lst = download(jiutai, "/admin/cases?state=closed&overdue=1").text
    assert "/jubao/admin/cases.xlsx?state=closed&amp;q=&amp;overdue=1" in lst, lst[-3000:]


# ---- 整改及退出台账（企业明细）: entries made through the publisher's console -------------------

SY_REGION, SY_NAME, SY_DEPT = "220112", "吉林省 长春市 双阳区", "长春市双阳区工业和信息化局"
ITEM = "单位产品综合能耗：实测612 千克标准煤/吨，限值≤ 560 千克标准煤/吨（GB 21256-2013）"
ITEM2 = "颗粒物排放：实测35 mg/m³，限值≤ 20 mg/m³（GB 4915-2013）"
ENT_COLS = ["序号", "企业名称", "所在地区", "行业", "名单类别", "存在问题", "整改（退出）要求",
            "完成时限", "公示日期", "进展", "完成情况", "完成（撤回）日期", "数值", "单位", "责任部门"]
ENTRIES = {}


def make_entries():
    """Entries of 双阳区 and 九台区 through the publisher's pages, once; name -> the row the
    ledger should show (without its 序号)."""
    if ENTRIES:
        return ENTRIES
    b, jt = browser("pub_sy"), browser("pub_jt")
    tag = "台账%s" % con.SUFFIX
    today = lc.today()
    sy = dict(region=SY_REGION, address="双阳区测试路8号")

    def row(name, lst, problem, req, state, completion="", done="", cap="", unit="",
            region=SY_NAME, dept=SY_DEPT):
        ENTRIES[name] = [name, region, "钢铁", lst, problem, req, "2026-12-31", today, state,
                         completion, done, cap, unit, dept]

    # 黄牌, in notice, two failed items
    n = "黄牌%s甲" % tag
    e = lc.create(b, "rectification", enterprise=n, requirement="六个月内完成节能改造。", **sy)
    assert lc.add_item(b, e).status == 200
    assert lc.add_item(b, e, item="颗粒物排放", measured="35 mg/m³", limit="≤ 20 mg/m³",
                       standard="GB 4915-2013").status == 200
    assert lc.move(b, "notice", e).status == 200
    row(n, "整改信息（黄牌）", ITEM + "；" + ITEM2, "六个月内完成节能改造。", "公示中")
    # 红牌, announced: its capacity exited
    n = "红牌%s乙" % tag
    e = lc.create(b, "forced_exit", enterprise=n, **sy)
    assert lc.add_item(b, e).status == 200
    assert lc.move(b, "notice", e).status == 200
    assert lc.move(b, "announce", e, completion="已关停退出并经验收。").status == 200
    row(n, "不达标强制退出（红牌）", "不达标项目：%s；拒不整改或整改未达标情况：逾期未整改。" % ITEM,
        "法律依据：《节约能源法》", "已公告", "已关停退出并经验收。", today, "30.00", "万吨/年")
    # 淘汰, announced and archived; another in another unit
    n = "淘汰%s丙" % tag
    e = lc.create(b, "elimination", enterprise=n, **sy)
    assert lc.move(b, "notice", e).status == 200
    assert lc.move(b, "announce", e, completion="中频炉2台已拆除。").status == 200
    assert lc.move(b, "archive", e).status == 200
    row(n, "淘汰信息", "设备（生产线）名称：中频炉；型号：GW-5T；数量：2", "拆除", "已归档",
        "中频炉2台已拆除。", today, "12.50", "万吨/年")
    n = "淘汰%s丁" % tag
    e = lc.create(b, "elimination", enterprise=n, capacity="300", capacity_unit="吨/年",
                  model=None, **sy)
    assert lc.move(b, "notice", e).status == 200
    assert lc.move(b, "announce", e, completion="已拆除。").status == 200
    row(n, "淘汰信息", "设备（生产线）名称：中频炉；数量：2", "拆除", "已公告", "已拆除。", today,
        "300.00", "吨/年")
    # withdrawn: kept, marked, with its public reason; no capacity
    n = "撤回%s戊" % tag
    e = lc.create(b, "elimination", enterprise=n, **sy)
    assert lc.move(b, "notice", e).status == 200
    assert lc.move(b, "withdraw", e, reason="经复查误列入名单。").status == 200
    row(n, "淘汰信息", "设备（生产线）名称：中频炉；型号：GW-5T；数量：2", "拆除", "已撤回",
        "撤回原因：经复查误列入名单。", today, "12.50", "万吨/年")
    # a name that looks like a formula
    n = '=HYPERLINK("http://evil.example/x","点我")%s' % tag
    e = lc.create(b, "rectification", enterprise=n, requirement="限期整改。", **sy)
    assert lc.add_item(b, e).status == 200
    assert lc.move(b, "notice", e).status == 200
    row(n, "整改信息（黄牌）", ITEM, "限期整改。", "公示中")
    # never in this ledger: a draft, the violation list, the compliant list
    lc.create(b, "rectification", enterprise="草稿%s己" % tag, **sy)
    for lst in ("violation", "compliant"):
        assert lc.move(b, "notice", lc.create(b, lst, enterprise="%s%s庚" % (lst, tag),
                                               **sy)).status == 200
    # 九台区's own
    n = "九台%s辛" % tag
    e = lc.create(jt, "rectification", enterprise=n, requirement="限期整改。", region="220113",
                  address="九台区测试路1号")
    assert lc.add_item(jt, e).status == 200
    assert lc.move(jt, "notice", e).status == 200
    row(n, "整改信息（黄牌）", ITEM, "限期整改。", "公示中", region="吉林省 长春市 九台区",
        dept="长春市九台区工业和信息化局")
    ENTRIES["_tag"] = tag
    return ENTRIES


def enterprise_sheet(b, query):
    """The enterprise ledger as .xlsx cells, its grid, and the CSV's rows."""
    x = ledger(b, "enterprise", "xlsx", query)
    c = ledger(b, "enterprise", "csv", query)
    cells, merged = read_xlsx(x.body)
    grid = xlsx_grid(cells)
    assert read_csv(c.body) == neutralised(grid)
    return cells, merged, grid, x, c


def body_and_totals(grid):
    first_total = next(i for i, r in enumerate(grid) if r[0] == "合计（条）")
    return grid[4:first_total], grid[first_total:]


@test
def enterprise_ledger_lists_each_entry_as_made_in_the_console():
    want = make_entries()
    tag = want["_tag"]
    intake = browser("intake")
    cells, merged, grid, x, c = enterprise_sheet(intake, "period=year&year=%d&region=%s"
                                                 % (YEAR, SY_REGION))
    name = disposition_name(x)
    assert name == "整改及退出台账（企业明细）（吉林省 长春市 双阳区，%d年1月至%d年12月）.xlsx" \
        % (YEAR, YEAR), name
    ncols = len(ENT_COLS)
    assert cells[(0, 0)][1] == "整改及退出台账（企业明细）"
    assert ((0, 0), (0, ncols - 1)) in merged and ((1, 0), (1, ncols - 1)) in merged
    assert "吉林省 长春市 双阳区" in cells[(1, 0)][1]
    assert labels(cells) == ENT_COLS, labels(cells)
    assert cells[(2, 9)][1] == "进展及完成情况" and ((2, 9), (2, 11)) in merged, merged
    assert ((2, 1), (3, 1)) in merged                    # 企业名称 spans both header rows
    body, totals = body_and_totals(grid)
    # 序号 1..n; every row of 双阳区; ours exactly the entries made, cell by cell
    assert [r[0] for r in body] == [str(i) for i in range(1, len(body) + 1)], body
    assert all(r[2] == SY_NAME for r in body), [r[2] for r in body]
    ours = {r[1]: r[1:] for r in body if tag in r[1]}
    expect = {k: v for k, v in want.items() if k != "_tag" and v[1] == SY_NAME}
    assert set(ours) == set(expect), (sorted(ours), sorted(expect))
    for n, cells_row in ours.items():
        assert cells_row == expect[n], (n, cells_row, expect[n])
    # the formula-looking name: a string cell in the .xlsx, a '-prefixed cell in the CSV
    evil = [n for n in ours if n.startswith("=")][0]
    assert ("s", evil) in cells.values()
    assert all(t != "f" for t, _ in cells.values())
    assert "'" + evil in [r[1] for r in read_csv(c.body)]
    # the totals: every row, per state, the capacity of the announced and archived per unit
    states = ["公示中", "已公告", "已归档", "已撤回"]
    tot = {r[0]: r for r in totals}
    assert tot["合计（条）"][9] == str(len(body))
    for st in states:
        assert tot["其中：" + st][9] == str(sum(1 for r in body if r[9] == st)), st
    sums = {}
    for r in body:
        if r[9] in ("已公告", "已归档") and r[12]:
            sums[r[13]] = sums.get(r[13], 0) + int(r[12].replace(".", ""))
    caps = [(r[12], r[13]) for r in totals if r[0] == "已退出产能（已公告、已归档）"]
    assert sorted(caps) == sorted(("%d.%02d" % (v // 100, v % 100), u) for u, v in sums.items())
    assert len(totals) == 5 + len(caps) and {u for _, u in caps} >= {"万吨/年", "吨/年"}
    # a period before the entries were published holds none of them
    _, _, g, _, _ = enterprise_sheet(intake, "period=month&year=%d&month=1&region=%s"
                                     % (YEAR, SY_REGION))
    assert not [r for r in body_and_totals(g)[0] if tag in r[1]]
    assert int(sql("SELECT COUNT(*) FROM audit WHERE action = 'ledger_export' AND detail "
                   "LIKE 'enterprise %s %%'" % SY_REGION)[0][0]) >= 4


@test
def enterprise_ledger_of_a_county_holds_its_own_entries_only():
    want = make_entries()
    tag = want["_tag"]
    jiutai = browser("jiutai")
    _, _, grid, _, _ = enterprise_sheet(jiutai, "period=year&year=%d" % YEAR)
    body, _ = body_and_totals(grid)
    assert body and all(r[2] == "吉林省 长春市 九台区" for r in body), [r[2] for r in body]
    ours = [r[1:] for r in body if tag in r[1]]
    assert ours == [want["九台%s辛" % tag]], ours
    for region in ("2201", "22", SY_REGION):
        for fmt in ("xlsx", "csv"):
            download(jiutai, "/admin/ledger.%s?kind=enterprise&region=%s" % (fmt, region),
                     status=403)
    # the city's ledger has both counties' entries
    _, _, grid, _, _ = enterprise_sheet(browser("intake"), "period=year&year=%d&region=2201"
                                        % YEAR)
    names = {r[1] for r in body_and_totals(grid)[0]}
    assert {k for k in want if k != "_tag"} <= names


@test
def enterprise_ledger_of_an_entry_from_a_named_case_has_nothing_of_the_reporter():
    make_entries()
    intake, handler, b = browser("intake"), browser("shuangyang"), browser("pub_sy")
    name = "案件台账%s钢铁公司" % con.SUFFIX
    cid, _ = shuangyang_cases(intake, handler, "true", ("rectify",), subject_name=name,
                              reporter_name=SECRET_NAME, reporter_phone=SECRET_PHONE,
                              description=SECRET_TEXT, subject_address="双阳区保密路9号")
    a = b.get("/admin/lists/new?case=%d&list=rectification&format=xml" % cid)
    assert a.status == 200, a.text[:300]
    v = {e.get("name"): e.text for e in a.xml().findall("values/value")}
    fields = [("csrf", b.csrf), ("list", "rectification"), ("case", str(cid))] + \
        [(k, val) for k, val in v.items() if val] + [("deadline", "2026-12-31")]
    if not v.get("requirement"):
        fields.append(("requirement", "限期整改。"))
    a = b.post("/admin/lists/entry", fields)
    assert a.status == 200, a.text[:500]
    eid = int(re.search(r"id=(\d+)", a.url).group(1))
    assert sql("SELECT report_id FROM list_entry WHERE id = %d" % eid)[0][0] == str(cid)
    assert lc.add_item(b, eid).status == 200
    assert lc.move(b, "notice", eid).status == 200
    ticket = sql("SELECT ticket FROM report WHERE id = %d" % cid)[0][0]
    for query in ("period=year&year=%d&region=%s" % (YEAR, SY_REGION),
                  "period=year&year=%d&region=22" % YEAR):
        _, _, grid, x, c = enterprise_sheet(intake, query)
        assert name in {r[1] for r in body_and_totals(grid)[0]}
        for data in (c.body, all_bytes(x.body)):
            for secret in (SECRET_NAME, SECRET_PHONE, SECRET_TEXT[:12], "保密路", ticket,
                           " ".join(ticket[i:i + 4] for i in range(0, 16, 4))):
                assert secret.encode() not in data, secret
    assert os.listdir(os.path.join(pub.STATE, "export")) == []




def main():
    setup()
    return pub.run_tests(TESTS, "ledgers")


if __name__ == "__main__":
    sys.exit(main())
