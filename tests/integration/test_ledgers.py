#!/usr/bin/env python3
"""Integration tests of the ledgers and exports (issue 10), against the real stack.

Cases are made for the test through the real workflow (the public form and the console's
actions) in two counties no other suite uses:

  220112 双阳区  the ledgers' figures (compared with the statistics page and with the cases
                 made, as differences), the case list's export and its privacy
  220113 九台区  the area limits of a county handler

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
                v = "%.1f%%" % (f * 100) if "率" in heads[c] else "%d" % round(f)
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
            ("yearly", "period=year&year=%d&region=220112" % YEAR, str(YEAR), "220112")]:
        x = ledger(intake, kind, "xlsx", q)
        c = ledger(intake, kind, "csv", q)
        assert c.header("content-type") == "text/csv; charset=utf-8"
        assert disposition_name(c).endswith(".csv")
        cells, _ = read_xlsx(x.body)
        assert read_csv(c.body) == xlsx_grid(cells), kind
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
    assert [k.get("value") for k in x.findall("kinds/option")] == ["inspect", "rectify", "yearly"]
    assert [a.get("code") for a in x.findall("areas/area")] == ["220113"]
    html = download(jiutai, "/admin/ledgers").text
    assert 'formaction="/jubao/admin/ledger.csv"' in html and "台账导出" in html
    menu = download(jiutai, "/admin/?format=xml").xml()
    assert "/admin/ledgers" in [i.get("path") for i in menu.iter("item")]
    lst = download(jiutai, "/admin/cases?state=closed&overdue=1").text
    assert "/jubao/admin/cases.xlsx?state=closed&amp;q=&amp;overdue=1" in lst, lst[-3000:]


def main():
    setup()
    return pub.run_tests(TESTS, "ledgers")


if __name__ == "__main__":
    sys.exit(main())
