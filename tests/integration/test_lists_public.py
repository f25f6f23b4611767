#!/usr/bin/env python3
"""Integration tests of the published lists, the public side (issue 9), against the real stack.

Entries are inserted with SQL (the publisher's console is another program): in every state, in a
year of their own, so that a reused database does not disturb the counts. Then: drafts and
withdrawn entries without a reason never show; the filters (year, region prefix at each level,
industry, state) and paging; permalinks; the withdrawn note; "report this enterprise" prefilling
the form; the CSV parsed back (BOM, quoting, formula-safe cells, Chinese headers) and streamed
(50,000 rows: the workers' peak memory stays small); the Atom feed against RFC 4287's schema
(tests/schema/atom.rng with xmllint --relaxng) and its rules; the static pages (jubaoctl
publish: nginx serves the same body as the program, a change is rewritten, atomically); the
annual exit page (SVG charts with text labels, and the table).

Usage: test_lists_public.py BASE_URL STATE_DIR [test-name-substring]
Prints "lists public: N passed, N failed".
"""

import csv
import gzip
import html
import io
import os
import re
import subprocess
import sys
import threading
import urllib.parse
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_public as pub  # noqa: E402  (the HTTP and SQL helpers)

get, sql, ROOT, STATE = pub.get, pub.sql, pub.ROOT, pub.STATE
ATOM = "{http://www.w3.org/2005/Atom}"
CTL = os.path.join(ROOT, os.environ.get("BUILD", "build"), "tools", "jubaoctl")
CONF = os.path.join(STATE, "conf", "jubao.conf")
PUBLISHED = os.path.join(STATE, "published", "jubao", "lists")


def credit_code(body17):
    """A 统一社会信用代码 with its GB 32100 check character."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    s = sum(alphabet.index(c) * w for c, w in zip(body17, weights))
    return body17 + alphabet[(31 - s % 31) % 31]


def one(query):
    """The first column of the last row a statement answers."""
    return pub.sql(query)[-1][0]


def q(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"


# A year of this run's own: later than any in the database.
YEAR = max(2030, int(one("SELECT COALESCE(MAX(year), 0) FROM list_entry")) + 1)
if YEAR > 2098:
    sql("DELETE FROM list_item")
    sql("DELETE FROM list_entry")
    YEAR = 2030
CODE = credit_code("91220102MA0%06d" % (YEAR * 7 % 1000000))
CODE2 = credit_code("91220202MA0%06d" % (YEAR * 11 % 1000000))
PLAIN = '吉林"某",钢厂&%d' % YEAR      # quote, comma, ampersand: all through the URL
TRICKY = '长春,"测试"钢铁\n有限公司%d' % YEAR
E = {}


def insert(key, list_type, state, region, industry, name, **cols):
    base = dict(list_type=q(list_type), state=q(state), department_id="1", region=q(region),
                industry=q(industry), enterprise=q(name), address=q("吉林省某地"),
                basis_date=q("%d-01-05" % YEAR), due_date=q("%d-01-19" % YEAR), year=str(YEAR),
                created_by="1", facts=q("事实"), legal_basis=q("《中华人民共和国节约能源法》"),
                requirement=q("限期关停"), deadline=q("%d-12-31" % YEAR))
    for k, v in cols.items():
        base[k] = str(v) if isinstance(v, (int, float)) else q(v)
    names = ", ".join(base)
    values = ", ".join(base.values())
    E[key] = int(one("INSERT INTO list_entry (%s) VALUES (%s); SELECT LAST_INSERT_ID();"
                     % (names, values)))


def setup():
    d = "%d-" % YEAR
    insert("notice", "violation", "notice", "220102", "steel", TRICKY, credit_code=CODE,
           facts="=HYPERLINK(\"http://x\")", noticed_on=d + "02-01")
    insert("announced", "violation", "announcement", "220202", "steel", PLAIN, credit_code=CODE2,
           noticed_on=d + "02-01", announced_on=d + "05-01", completion="已关停")
    insert("archived", "violation", "archived", "220102", "cement", "南关水泥%d" % YEAR,
           noticed_on=d + "02-01", announced_on=d + "05-02", archived_on=d + "09-01")
    insert("withdrawn", "violation", "withdrawn", "220202", "cement", "撤回企业%d" % YEAR,
           noticed_on=d + "02-01", withdrawn_on=d + "03-01", withdraw_reason="经复核，信息有误")
    insert("draft", "violation", "draft", "220102", "steel", "草稿企业%d" % YEAR)
    insert("silent", "violation", "withdrawn", "220102", "steel", "无说明撤回%d" % YEAR,
           withdrawn_on=d + "03-01")
    # annual exit: announced in the year, capacities in two units
    insert("el1", "elimination", "announcement", "220102", "steel", "淘汰一%d" % YEAR,
           equipment="450立方米高炉", quantity=2, capacity=100.5, capacity_unit="万吨/年",
           exit_method="拆除", announced_on=d + "06-01")
    insert("el2", "elimination", "archived", "220202", "cement", "淘汰二%d" % YEAR,
           equipment="立窑", quantity=1, capacity=50, capacity_unit="万吨/年",
           exit_method="拆除", announced_on=d + "06-02", archived_on=d + "10-01")
    insert("fx1", "forced_exit", "announcement", "220102", "coal_power", "强退一%d" % YEAR,
           capacity=30, capacity_unit="万千瓦", announced_on=d + "07-01")
    sql("INSERT INTO list_item (entry_id, seq, item, measured, limit_value, standard_no) "
        "VALUES (%d, 1, '供电煤耗', '330 克/千瓦时', '≤ 300 克/千瓦时', 'GB 21258-2017')" % E["fx1"])
    # 45 compliant entries for paging
    rows = ", ".join("('compliant', 'notice', 1, '220102', 'steel', '达标企业%d-%02d', '%d-01-05', "
                     "'%d-01-19', %d, 1, '%d-02-01')" % (YEAR, i, YEAR, YEAR, YEAR, YEAR)
                     for i in range(45))
    sql("INSERT INTO list_entry (list_type, state, department_id, region, industry, enterprise, "
        "basis_date, due_date, year, created_by, noticed_on) VALUES " + rows)


def xml(path):
    r = get(path + ("&" if "?" in path else "?") + "format=xml")
    assert r.status == 200, (path, r.status, r.text[:300])
    return r.xml()


def ids(doc):
    return [int(e.get("id")) for e in doc.iter("entry")]


def drafts_and_silent_withdrawals_never_show():
    doc = xml("/lists/violation?year=%d" % YEAR)
    shown = set(ids(doc))
    assert shown == {E["notice"], E["announced"], E["archived"], E["withdrawn"]}, shown
    for k in ("draft", "silent"):
        r = get("/lists/violation/%d" % E[k])
        assert r.status == 404, (k, r.status)
    assert get("/lists/elimination/%d" % E["notice"]).status == 404     # wrong list
    assert get("/lists/violation/0").status == 404
    assert get("/lists/violation/abc").status == 404
    assert get("/lists/nosuchlist").status == 404


def index_counts_public_entries():
    doc = xml("/lists")
    counts = {l.get("code"): int(l.get("count")) for l in doc.iter("list")}
    want = int(one("SELECT COUNT(*) FROM list_entry WHERE list_type = 'violation' AND (state IN "
                   "('notice','announcement','archived') OR (state = 'withdrawn' AND "
                   "COALESCE(withdraw_reason, '') <> ''))"))
    assert counts["violation"] == want, (counts, want)
    assert set(counts) == {"violation", "elimination", "rectification", "forced_exit", "compliant"}
    assert "annual_exit" in get("/lists").text


def filters_year_region_industry_state():
    y = "/lists/violation?year=%d" % YEAR
    for region, want in (("220000", {"notice", "announced", "archived", "withdrawn"}),
                         ("22", {"notice", "announced", "archived", "withdrawn"}),
                         ("220100", {"notice", "archived"}), ("2201", {"notice", "archived"}),
                         ("220102", {"notice", "archived"}), ("220200", {"announced", "withdrawn"}),
                         ("220202", {"announced", "withdrawn"}), ("220300", set())):
        got = set(ids(xml(y + "&region=" + region)))
        assert got == {E[k] for k in want}, (region, got)
    assert set(ids(xml(y + "&industry=cement"))) == {E["archived"], E["withdrawn"]}
    assert set(ids(xml(y + "&state=withdrawn"))) == {E["withdrawn"]}
    assert set(ids(xml(y + "&state=announcement&industry=steel"))) == {E["announced"]}
    assert ids(xml("/lists/violation?year=2001")) == []


def bad_filters_are_400_naming_the_field():
    for query, field in (("year=abc", "year"), ("year=1999", "year"), ("region=2", "region"),
                         ("region=999999", "region"), ("region=22x", "region"),
                         ("industry=nope", "industry"), ("state=draft", "state"),
                         ("page=0", "page"), ("page=100001", "page"), ("page=-1", "page"),
                         ("year=2026&year=2027", "year")):
        r = get("/lists/violation?%s&format=xml" % query)
        assert r.status == 400, (query, r.status)
        names = [f.get("name") for f in r.xml().iter("field")]
        assert names == [field], (query, names)
        assert get("/lists/violation?" + query).status == 400


def paging_is_bounded():
    base = "/lists/compliant?year=%d" % YEAR
    p1, p3 = xml(base), xml(base + "&page=3")
    assert p1.get("total") == "45" and p1.get("pages") == "3", p1.attrib
    assert len(ids(p1)) == 20 and len(ids(p3)) == 5
    p2 = xml(base + "&page=2")
    assert not set(ids(p1)) & set(ids(p2)) and not set(ids(p2)) & set(ids(p3))
    assert get(base + "&page=4").status == 404
    page = get(base + "&page=2").text
    assert 'href="/jubao/lists/compliant?year=%d&amp;page=3"' % YEAR in page, "next link"
    # the unfiltered pages have plain paths
    r = get("/lists/compliant/page/2")
    assert r.status == 200 and 'href="/jubao/lists/compliant/page/3"' in r.text
    assert 'href="/jubao/lists/compliant"' in r.text          # page 1: the list's own path


def permalink_and_withdrawn_note():
    r = get("/lists/violation/%d" % E["notice"])
    assert r.status == 200 and html.escape(TRICKY.split("\n")[0], quote=False) in r.text
    doc = xml("/lists/violation/%d" % E["notice"])
    assert doc.tag == "list-entry" and doc.find("entry").get("id") == str(E["notice"])
    w = get("/lists/violation/%d" % E["withdrawn"]).text
    assert "已于 %d-03-01 撤回" % YEAR in w and "经复核，信息有误" in w, w[-2000:]
    fx = get("/lists/forced_exit/%d" % E["fx1"]).text
    assert "GB 21258-2017" in fx and "≤ 300 克/千瓦时" in fx


def prefilled(entry):
    page = get("/lists/violation/%d" % entry).text
    m = re.search(r'<a class="report-this" href="([^"]+)"', page)
    assert m, "no report link"
    href = html.unescape(m.group(1))
    assert href.startswith("/jubao/submit?"), href
    form = get(href[len(pub.PREFIX):] + "&format=xml")
    assert form.status == 200, form.status
    return {v.get("name"): v.text for v in form.xml().iter("value")}


def report_this_enterprise_prefills_the_form():
    values = prefilled(E["announced"])
    assert values.get("subject_name") == PLAIN and values.get("credit_code") == CODE2, values
    assert values.get("region") == "220202" and values.get("industry") == "steel", values
    assert values.get("subject_type") == "enterprise", values
    # a name the form would refuse (a line break) is left out, the rest filled in
    values = prefilled(E["notice"])
    assert "subject_name" not in values and values.get("credit_code") == CODE, values
    # invalid values are simply not filled in
    bad = get("/submit?subject_name=x&credit_code=91220102MA0000000X&region=999999"
              "&industry=nope&format=xml")
    assert bad.status == 200
    assert not list(bad.xml().iter("value")), [v.attrib for v in bad.xml().iter("value")]


def csv_parses_back():
    r = get("/lists/violation.csv?year=%d" % YEAR)
    assert r.status == 200 and r.header("content-type").startswith("text/csv"), r.headers
    assert r.body.startswith(b"\xef\xbb\xbf"), r.body[:10]
    rows = list(csv.reader(io.StringIO(r.body[3:].decode("utf-8"), newline="")))
    head = rows[0]
    assert head[:3] == ["编号", "企业名称", "统一社会信用代码"] and "状态" in head, head
    by_id = {int(row[0]): dict(zip(head, row)) for row in rows[1:]}
    assert set(by_id) == {E["notice"], E["announced"], E["archived"], E["withdrawn"]}
    a = by_id[E["notice"]]
    assert a["企业名称"] == TRICKY, a
    assert a["违法行为和事实"] == "'=HYPERLINK(\"http://x\")", a
    assert a["所在地区"] == "吉林省 长春市 南关区" and a["行业"] == "钢铁" and a["状态"] == "公示中", a
    assert by_id[E["withdrawn"]]["撤回原因"] == "经复核，信息有误"
    assert b'"\'=HYPERLINK(""http://x"")"' in r.body       # RFC 4180 quoting, as sent


def atom_feed_is_valid_rfc4287():
    r = get("/lists/violation.atom?v=1")     # the program's (not yet published)
    assert r.status == 200 and r.header("content-type").startswith("application/atom+xml")
    path = os.path.join(STATE, "feed-test.atom")
    with open(path, "wb") as f:
        f.write(r.body)
    schema = os.path.join(ROOT, "tests", "schema", "atom.rng")
    v = subprocess.run(["xmllint", "--noout", "--relaxng", schema, path], capture_output=True,
                       text=True)
    assert v.returncode == 0, v.stderr
    # the schema does catch a feed without its id
    with open(path, "wb") as f:
        f.write(re.sub(rb"<id>[^<]*</id>", b"", r.body, count=1))
    v = subprocess.run(["xmllint", "--noout", "--relaxng", schema, path], capture_output=True)
    assert v.returncode != 0, "schema accepted a feed without id"
    os.unlink(path)
    feed = ET.fromstring(r.body)
    assert feed.tag == ATOM + "feed"
    for tag in ("id", "title", "updated"):
        assert len(feed.findall(ATOM + tag)) == 1, tag
    assert feed.findall(ATOM + "author")            # then entries need none (4.1.1)
    entries = feed.findall(ATOM + "entry")
    assert entries
    ids_seen = set()
    for e in entries:
        for tag in ("id", "title", "updated"):
            assert len(e.findall(ATOM + tag)) == 1, tag
        ids_seen.add(e.find(ATOM + "id").text)
        alt = [l for l in e.findall(ATOM + "link") if l.get("rel") == "alternate"]
        assert len(alt) == 1 and re.match(r"^/jubao/lists/violation/\d+$", alt[0].get("href"))
        assert e.find(ATOM + "summary") is not None   # no content: a summary (4.1.1.2)
    assert len(ids_seen) == len(entries)
    titles = [e.find(ATOM + "title").text for e in entries]
    assert TRICKY + "（公示中）" in titles, titles[:3]
    assert str(E["draft"]) not in " ".join(ids_seen)


def publish(*args):
    r = subprocess.run([CTL, "-c", CONF, "publish"] + list(args), capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stderr


def static_pages_are_the_programs():
    publish()
    for rel, url in (("violation/index.html", "/lists/violation"),
                     ("violation/%d/index.html" % E["notice"], "/lists/violation/%d" % E["notice"]),
                     ("index.html", "/lists"), ("compliant/page/2/index.html", "/lists/compliant/page/2"),
                     ("violation.csv", "/lists/violation.csv"), ("violation.atom", "/lists/violation.atom")):
        path = os.path.join(PUBLISHED, rel)
        assert os.path.isfile(path), path
        with open(path, "rb") as f:
            disk = f.read()
        static = get(url)
        dynamic = get(url + "?v=1")            # any query string: the program answers
        assert static.status == 200 and static.body == disk, rel
        assert "etag" in static.headers and "etag" not in dynamic.headers, rel
        assert dynamic.status == 200 and dynamic.body == static.body, rel
        assert static.header("content-security-policy"), rel
        # its gzip sibling: the same bytes compressed, what a browser that accepts gzip gets
        with open(path + ".gz", "rb") as f:
            packed = f.read()
        assert gzip.decompress(packed) == disk, rel
        zipped = get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
        assert zipped.status == 200 and zipped.header("content-encoding") == "gzip", rel
        assert zipped.body == packed and "Accept-Encoding" in (zipped.header("vary") or ""), rel
        assert zipped.header("content-type") == static.header("content-type"), rel
        assert zipped.header("content-security-policy"), rel
        refused = get(url, headers={"Accept-Encoding": "gzip;q=0, identity"})
        assert refused.header("content-encoding") is None and refused.body == disk, rel
    assert not os.path.exists(os.path.join(PUBLISHED, "violation", str(E["draft"])))


def change_and_publish_rewrites_atomically():
    path = os.path.join(PUBLISHED, "violation", "index.html")
    name = "改名企业%d" % YEAR
    sql("UPDATE list_entry SET enterprise = %s WHERE id = %d" % (q(name), E["archived"]))
    stop = threading.Event()
    bad = []
    reads = [0]

    def reader():
        while not stop.is_set():
            zipped = reads[0] % 2 == 1
            r = get("/lists/violation", headers={"Accept-Encoding": "gzip" if zipped else "identity"})
            reads[0] += 1
            body = r.body
            if zipped:
                try:                           # a torn .gz would not decompress to its end
                    body = gzip.decompress(body)
                except (OSError, EOFError) as e:
                    bad.append((r.status, "gzip", str(e)))
                    continue
            if r.status != 200 or not body.rstrip().endswith(b"</html>"):
                bad.append((r.status, len(body)))

    t = threading.Thread(target=reader)
    t.start()
    try:
        for _ in range(4):
            publish("--list", "violation")
    finally:
        stop.set()
        t.join()
    assert not bad and reads[0] > 0, (bad[:3], reads[0])
    with open(path, "rb") as f, open(path + ".gz", "rb") as g:
        page = f.read()
        assert name in page.decode("utf-8") and gzip.decompress(g.read()) == page
    assert name in get("/lists/violation").text
    zipped = get("/lists/violation", headers={"Accept-Encoding": "gzip"})
    assert zipped.header("content-encoding") == "gzip" and gzip.decompress(zipped.body) == page
    leftovers = [n for n in os.listdir(os.path.join(PUBLISHED, "violation")) if ".tmp" in n]
    assert not leftovers, leftovers


def filtered_html(url, gz):
    r = get(url, headers={"Accept-Encoding": "gzip" if gz else "identity"})
    assert r.status == 200, (url, r.status)
    assert "Accept-Encoding" in (r.header("vary") or ""), r.headers
    if gz:
        assert r.header("content-encoding") == "gzip", r.headers
        return gzip.decompress(r.body).decode("utf-8")
    assert r.header("content-encoding") is None
    return r.text


def cached_filtered_views_follow_every_change():
    # The lists workers keep rendered filtered pages until the lists' version changes; the
    # version is bumped by triggers, so even a change made in SQL shows on the next request.
    url = "/lists/violation?year=%d&region=2202" % YEAR
    for i in range(8):                   # in every worker's cache, both encodings
        page = filtered_html(url, i % 2 == 0)
    assert html.escape(PLAIN, quote=False) in page and "撤回企业%d" % YEAR in page
    # every spelling of the view is the same page; the XML is the same filter
    for same in ("/lists/violation?region=220200&year=%d" % YEAR,
                 "/lists/violation?region=2202&year=%d&page=1" % YEAR):
        assert filtered_html(same, True) == page
    assert set(ids(xml(url))) == {E["announced"], E["withdrawn"]}
    name = "缓存更名企业%d" % YEAR
    try:
        sql("UPDATE list_entry SET enterprise = %s WHERE id = %d" % (q(name), E["withdrawn"]))
        for i in range(4):
            assert name in filtered_html(url, i % 2 == 0), "renamed, old page served"
        sql("UPDATE list_entry SET state = 'draft' WHERE id = %d" % E["withdrawn"])
        for i in range(4):
            assert name not in filtered_html(url, i % 2 == 1), "no longer public, still shown"
        insert("cached_new", "violation", "notice", "220203", "coal", "缓存新增企业%d" % YEAR,
               noticed_on="%d-04-01" % YEAR)
        for i in range(4):
            assert "缓存新增企业%d" % YEAR in filtered_html(url, i % 2 == 0), "new entry not shown"
    finally:
        sql("UPDATE list_entry SET state = 'withdrawn', enterprise = %s WHERE id = %d"
            % (q("撤回企业%d" % YEAR), E["withdrawn"]))
        if "cached_new" in E:
            sql("DELETE FROM list_entry WHERE id = %d" % E.pop("cached_new"))
    assert filtered_html(url, True) == page


def annual_exit_charts_and_table():
    r = get("/lists/annual_exit?year=%d" % YEAR)
    assert r.status == 200
    t = r.text
    assert t.count("<svg") >= 4 and "<script" not in t.split("<main")[1].split("</main>")[0]
    assert re.search(r"<text[^>]*>长春市</text>", t) or re.search(r"<text[^>]*>吉林省 长春市</text>", t), \
        "bar labels"
    assert "100.50 万吨/年" in t and "<table" in t and "合计" in t and "pattern" in t
    doc = xml("/lists/annual_exit?year=%d" % YEAR)
    total = doc.find("totals/total")
    caps = {c.get("unit"): c.text for c in total.findall("capacity")}
    assert caps == {"万吨/年": "150.50", "万千瓦": "30.00"}, caps     # units never added
    assert total.get("enterprises") == "5" and total.get("equipment") == "3", total.attrib
    cities = {g.get("code"): g for g in doc.find("by-city").findall("group")}
    assert set(cities) == {"220100", "220200"}, set(cities)
    assert cities["220100"].get("enterprises") == "3" and cities["220200"].get("enterprises") == "2"
    assert cities["220100"].find("capacity[@unit='万吨/年']").text == "100.50"
    assert get("/lists/annual_exit?year=x").status == 400


def workers(prog):
    with open(os.path.join(STATE, "run", prog + ".daemon")) as f:
        pid = f.read().strip()
    kids = []
    for task in os.listdir("/proc/%s/task" % pid):
        with open("/proc/%s/task/%s/children" % (pid, task)) as f:
            kids += f.read().split()
    return kids


def hwm(pid):
    with open("/proc/%s/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def csv_of_50000_rows_is_streamed():
    big = YEAR + 1
    sql("INSERT INTO list_entry (list_type, state, department_id, region, industry, enterprise, "
        "address, basis_date, due_date, year, created_by, noticed_on) "
        "SELECT 'rectification', 'notice', 1, '220102', 'steel', "
        "CONCAT('批量测试企业有限责任公司第', seq, '号生产基地（长春市南关区某某街道某某路）'), "
        "REPEAT('吉林省长春市南关区某某街道', 8), '%d-01-05', '%d-01-19', %d, 1, '%d-02-01' "
        "FROM seq_1_to_50000" % (big, big, big, big))
    try:
        for _ in range(4):                     # every worker warmed up by a small CSV
            get("/lists/violation.csv?year=%d" % YEAR)
        pids = workers("lists")
        before = {p: hwm(p) for p in pids}
        r = get("/lists/rectification.csv?year=%d" % big, timeout=300)
        after = {p: hwm(p) for p in pids}
        assert r.status == 200
        lines = r.body.count(b"\r\n")
        assert lines == 50001, lines
        grown = max(after[p] - before[p] for p in pids)
        size_kb = len(r.body) // 1024
        print("     CSV %d KiB; worker peak memory grew %d KiB" % (size_kb, grown))
        assert size_kb > 20000, size_kb
        # AddressSanitizer keeps freed memory in quarantine (256 MiB): its peak says nothing of
        # what the program holds; the bound is checked on the release build.
        with open("/proc/%s/maps" % pids[0]) as f:
            sanitized = "libasan" in f.read()
        assert sanitized or grown < 8192, (size_kb, grown)
    finally:
        sql("DELETE FROM list_entry WHERE year = %d AND list_type = 'rectification'" % big)


TESTS = [drafts_and_silent_withdrawals_never_show, index_counts_public_entries,
         filters_year_region_industry_state, bad_filters_are_400_naming_the_field,
         paging_is_bounded, permalink_and_withdrawn_note, report_this_enterprise_prefills_the_form,
         csv_parses_back, atom_feed_is_valid_rfc4287, static_pages_are_the_programs,
         change_and_publish_rewrites_atomically, cached_filtered_views_follow_every_change,
         annual_exit_charts_and_table,
         csv_of_50000_rows_is_streamed]

if __name__ == "__main__":
    setup()
    sys.exit(pub.run_tests(TESTS, "lists public"))
