#!/usr/bin/env python3
"""Integration tests of the public report channel, against the real stack.

scripts/check.sh starts a private MariaDB, nginx (or Apache: WEB=apache) and the FastCGI programs
(scripts/stack.sh start) and runs this file with the base URL and the state directory. Every test
talks HTTP to the web server, or looks into the real database, exactly as a user or an operator
would; the tests that restart the stack pass WEB on, so they restart the same web server.
Prints one line "integration: N passed, N failed" at the end; exits non-zero on any failure.

Usage: test_public.py BASE_URL STATE_DIR [test-name-substring]
"""

import http.client
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import traceback
import urllib.parse
import uuid
import xml.etree.ElementTree as ET

BASE = sys.argv[1].rstrip("/")          # http://127.0.0.1:PORT/jubao
STATE = sys.argv[2]
ONLY = sys.argv[3] if len(sys.argv) > 3 else ""
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
URL = urllib.parse.urlparse(BASE)
HOST, PORT, PREFIX = URL.hostname, URL.port, URL.path
DBSOCK = os.path.join(STATE, "run", "mysqld.sock")

SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "referrer-policy"]
_ips = random.Random()


def fresh_ip():
    """A client address of its own (the test stack trusts X-Real-IP from loopback), so that one
    test's failures never count against another's rate limit, even on a reused database."""
    n = _ips.randrange(1 << 17)
    return "198.%d.%d.%d" % (18 + (n >> 16), (n >> 8) & 255, n & 255)


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body
        self.text = body.decode("utf-8", "replace")

    def header(self, name):
        return self.headers.get(name.lower())

    def xml(self):
        return ET.fromstring(self.body)


def request(method, path, body=None, headers=None, ip=None, timeout=30):
    conn = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    h = dict(headers or {})
    h["X-Real-IP"] = ip or "192.0.2.1"
    conn.request(method, PREFIX + path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()
    hdrs = {}
    for k, v in r.getheaders():
        k = k.lower()
        hdrs[k] = hdrs[k] + "\n" + v if k in hdrs else v
    conn.close()
    a = Answer(r.status, hdrs, data)
    a.reason = r.reason
    return a


def get(path, **kw):
    return request("GET", path, **kw)


def post_form(path, fields, cookie=None, ip=None, timeout=30):
    """application/x-www-form-urlencoded; fields is a list of (name, value) pairs."""
    body = urllib.parse.urlencode(fields).encode()
    h = {"Content-Type": "application/x-www-form-urlencoded"}
    if cookie:
        h["Cookie"] = cookie
    return request("POST", path, body=body, headers=h, ip=ip, timeout=timeout)


def multipart(fields, files=(), boundary=None):
    boundary = boundary or "----jubaotest" + uuid.uuid4().hex
    out = []
    for name, value in fields:
        out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" % (boundary, name)).encode())
        out.append(value.encode() if isinstance(value, str) else value)
        out.append(b"\r\n")
    for name, filename, content in files:
        out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                    "Content-Type: application/octet-stream\r\n\r\n" % (boundary, name, filename)).encode())
        out.append(content)
        out.append(b"\r\n")
    out.append(("--%s--\r\n" % boundary).encode())
    return b"".join(out), "multipart/form-data; boundary=" + boundary


def post_multipart(path, fields, files=(), cookie=None, ip=None):
    body, ctype = multipart(fields, files)
    h = {"Content-Type": ctype}
    if cookie:
        h["Cookie"] = cookie
    return request("POST", path, body=body, headers=h, ip=ip)


def sql(query):
    r = subprocess.run(["mariadb", "--no-defaults", "--default-character-set=utf8mb4", "-S", DBSOCK,
                        "-u", "root", "-N", "-B", "jubao", "-e", query],
                       capture_output=True, text=True, timeout=30)
    if r.returncode != 0:
        raise RuntimeError("sql failed: " + r.stderr)
    return [line.split("\t") for line in r.stdout.splitlines()]


def stack(cmd):
    env = dict(os.environ, STATE_DIR=STATE, PORT=str(PORT))
    r = subprocess.run([os.path.join(ROOT, "scripts", "stack.sh"), cmd], env=env,
                       capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise RuntimeError("stack %s failed: %s %s" % (cmd, r.stdout, r.stderr))


def open_form(ip=None):
    """GET the form like a browser: returns (cookie header, csrf token, answer)."""
    a = get("/submit", ip=ip)
    assert a.status == 200, a.status
    m = re.search(r'<input type="hidden" name="csrf" value="([^"]+)"', a.text)
    assert m, "no csrf input in the form"
    sc = a.header("set-cookie")
    assert sc, "no cookie with the form"
    cookie = sc.split(";")[0]
    return cookie, m.group(1), a


def report_fields(token, **over):
    f = {
        "csrf": token, "category": "backward", "standard": ["energy", "safety"],
        "industry": "steel", "region": "220102", "subject_type": "enterprise",
        "subject_name": "吉林某某钢铁有限公司", "subject_address": "长春市南关区某某路1号",
        "description": "该企业仍在使用已列入淘汰目录的中频炉，夜间生产地条钢。",
        "anonymous": "0", "reporter_name": "李四", "reporter_phone": "13800138000",
    }
    f.update(over)
    pairs = []
    for k, v in f.items():
        if v is None:
            continue
        for item in (v if isinstance(v, list) else [v]):
            pairs.append((k, item))
    return pairs


def submit(ip=None, xml=True, **over):
    cookie, token, _ = open_form(ip=ip)
    fields = report_fields(token, **over)
    if xml:
        fields.append(("format", "xml"))
    return post_form("/submit", fields, cookie=cookie, ip=ip), cookie, token


def count_reports():
    return int(sql("SELECT COUNT(*) FROM report")[0][0])


def lookup(ticket, code, ip=None, xml=True, timeout=30):
    fields = [("ticket", ticket), ("code", code)]
    if xml:
        fields.append(("format", "xml"))
    return post_form("/status", fields, ip=ip, timeout=timeout)


def assert_security_headers(a):
    for h in SECURITY_HEADERS:
        assert a.header(h), "missing %s on a %d answer" % (h, a.status)
    assert a.header("x-content-type-options") == "nosniff"
    assert "frame-ancestors 'none'" in a.header("content-security-policy")
    assert "script-src 'self'" in a.header("content-security-policy")


def luhn_ok(digits):
    s = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return s % 10 == 0


# Images must be well-formed to be stored (lib/scrub.c): the plain fixtures, which scrub to
# themselves; exif.jpg and text.png carry what a phone or an editor writes into a picture.
FIXTURES = os.path.join(ROOT, "tests", "fixtures")


def fixture(name):
    with open(os.path.join(FIXTURES, name), "rb") as f:
        return f.read()


PNG = fixture("plain.png")
JPEG = fixture("plain.jpg")
PDF = b"%PDF-1.4\n" + os.urandom(300)

# ---------------------------------------------------------------------------------------------
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


@test
def landing_links_and_headers():
    a = get("/")
    assert a.status == 200 and a.header("content-type") == "text/html; charset=utf-8"
    assert_security_headers(a)
    for href in ("/submit", "/status", "/lists", "/channels"):
        assert 'href="%s%s"' % (PREFIX, href) in a.text, href


@test
def form_has_token_cookie_options_and_anonymous_notice():
    cookie, token, a = open_form()
    assert_security_headers(a)
    sc = a.header("set-cookie")
    assert "HttpOnly" in sc and "SameSite=Strict" in sc and "Secure" not in sc
    assert len(token) == 54
    assert 'value="220102"' in a.text, "the county 南关区 must be offered"
    assert "吉林省" in a.text and "南关区" in a.text
    assert "匿名举报一般不予受理" in a.text
    assert 'name="hazard"' in a.text
    assert 'enctype="multipart/form-data"' in a.text
    assert "<script>" not in a.text.replace('<script src="%s/static/jubao.js" defer></script>' % PREFIX, "")
    x = get("/submit?format=xml")
    assert x.status == 200 and x.header("content-type") == "application/xml; charset=utf-8"
    root = x.xml()
    assert root.tag == "submit-form" and len(root.findtext("csrf")) == 54
    assert root.find("regions/province[@code='220000']/city[@code='220100']/county[@code='220102']") is not None
    assert {o.get("value") for o in root.findall("categories/option")} == {"violation", "backward", "false_exit", "dereliction"}
    assert "steel" in {o.get("value") for o in root.findall("industries/option")}


@test
def two_forms_get_different_tokens():
    _, t1, _ = open_form()
    _, t2, _ = open_form()
    assert t1 != t2


@test
def named_report_receipt_and_status():
    a, _, _ = submit(ip=fresh_ip())
    assert a.status == 200, a.text
    assert_security_headers(a)
    r = a.xml()
    assert r.tag == "receipt"
    ticket, code = r.findtext("ticket"), r.findtext("code")
    assert re.fullmatch(r"[1-9][0-9]{15}", ticket) and luhn_ok(ticket)
    assert re.fullmatch(r"[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}", code)
    assert r.findtext("due")
    s = lookup(ticket, code, ip=fresh_ip())
    assert s.status == 200, s.text
    c = s.xml()
    assert c.tag == "case" and c.findtext("ticket") == ticket
    assert c.findtext("state") == "submitted" and c.findtext("state-label") == "已提交"
    assert c.findtext("category") == "backward"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00", c.findtext("submitted"))
    assert c.findtext("due") == r.findtext("due")
    ev = c.findall("events/event")
    assert len(ev) == 1 and ev[0].get("state") == "submitted"
    # nothing that identifies the reporter, in XML or in HTML
    assert "李四" not in s.text and "13800138000" not in s.text
    h = lookup(ticket.replace("", " ").strip(), code.lower(), ip=fresh_ip(), xml=False)
    assert h.status == 200 and "李四" not in h.text and ticket[:4] in h.text


@test
def timeline_is_in_time_order_whatever_the_row_order():
    """The lookup reads its events without ORDER BY (no temporary table per lookup) and places
    each by (time, id): events written later with an earlier time still show first, and
    events of the same second in the order they were written."""
    a, _, _ = submit(ip=fresh_ip())
    r = a.xml()
    ticket, code = r.findtext("ticket"), r.findtext("code")
    rid = int(sql("SELECT id FROM report WHERE ticket = '%s'" % ticket)[0][0])
    sql("INSERT INTO report_event (report_id, at, state, text) VALUES "
        "(%d, '2020-01-02 10:00:00', 'accepted', 'second'), "
        "(%d, '2020-01-01 09:00:00', 'submitted', 'first'), "
        "(%d, '2020-01-02 10:00:00', 'transferred', 'third')" % (rid, rid, rid))
    ev = lookup(ticket, code, ip=fresh_ip()).xml().findall("events/event")
    texts = [e.text for e in ev]
    assert texts[:3] == ["first", "second", "third"], texts
    assert [e.get("at") for e in ev] == sorted(e.get("at") for e in ev)
    sql("DELETE FROM report_event WHERE report_id = %d AND at < '2021-01-01'" % rid)


@test
def receipt_html_warns_code_shown_once():
    a, _, _ = submit(ip=fresh_ip(), xml=False)
    assert a.status == 200
    assert "查询码只显示这一次" in a.text
    assert a.header("cache-control") == "no-store"


@test
def due_date_is_two_working_days_from_the_calendar():
    a, _, _ = submit(ip=fresh_ip())
    due = a.xml().findtext("due")
    # the same arithmetic in SQL over the holiday table, independent of the C code
    today = sql("SELECT DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR)")[0][0]
    rows = sql("SELECT day, is_off FROM holiday")
    exc = {d: off == "1" for d, off in rows}
    import datetime
    d = datetime.date.fromisoformat(today)
    n = 0
    while n < 2:
        d += datetime.timedelta(days=1)
        key = d.isoformat()
        work = (not exc[key]) if key in exc else d.weekday() < 5
        if work:
            n += 1
    assert due == d.isoformat(), (due, d)


@test
def same_form_twice_gives_one_report_and_same_ticket():
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    fields = report_fields(token) + [("format", "xml")]
    before = count_reports()
    a = post_form("/submit", fields, cookie=cookie, ip=ip)
    b = post_form("/submit", fields, cookie=cookie, ip=ip)
    assert a.status == 200 and b.status == 200
    assert a.xml().findtext("ticket") == b.xml().findtext("ticket")
    assert a.xml().findtext("code") == b.xml().findtext("code")
    assert count_reports() == before + 1


@test
def double_click_in_parallel_gives_one_report():
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    fields = report_fields(token) + [("format", "xml")]
    before = count_reports()
    out = []

    def go():
        out.append(post_form("/submit", fields, cookie=cookie, ip=ip))
    ts = [threading.Thread(target=go) for _ in range(5)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    assert all(a.status == 200 for a in out), [a.status for a in out]
    assert len({a.xml().findtext("ticket") for a in out}) == 1
    assert count_reports() == before + 1


@test
def forty_concurrent_submissions_distinct_tickets():
    forms = [open_form(ip=fresh_ip()) + (None,) for _ in range(40)]
    before = count_reports()
    out = [None] * 40

    def go(i):
        cookie, token, _, _ = forms[i]
        out[i] = post_form("/submit", report_fields(token, subject_name="并发测试企业%d" % i)
                           + [("format", "xml")], cookie=cookie, ip=fresh_ip())
    ts = [threading.Thread(target=go, args=(i,)) for i in range(40)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    assert all(a.status == 200 for a in out), [a.status for a in out]
    tickets = {a.xml().findtext("ticket") for a in out}
    assert len(tickets) == 40
    assert count_reports() == before + 40
    stored = {r[0] for r in sql("SELECT ticket FROM report")}
    assert tickets <= stored


@test
def anonymous_hazard_report_has_no_identity_row():
    a, _, _ = submit(ip=fresh_ip(), anonymous="1", hazard="1", reporter_name=None, reporter_phone=None)
    assert a.status == 200, a.text
    t = a.xml().findtext("ticket")
    row = sql("SELECT anonymous, hazard, (SELECT COUNT(*) FROM report_identity i WHERE i.report_id = r.id) "
              "FROM report r WHERE ticket = '%s'" % t)[0]
    assert row == ["1", "1", "0"], row


def current_identity_key():
    """The alg byte and id of the key file's identity_current key: new identities are sealed so."""
    algs = {"aes-256-gcm": 1, "sm4-ctr-hmac-sm3": 2, "x25519": 3, "x25519-public": 3}
    lines = open(os.path.join(STATE, "secrets", "jubao.keys")).read().splitlines()
    cur = [l.split("=", 1)[1].strip() for l in lines if l.startswith("identity_current")][0]
    for l in lines:
        f = l.split("=", 1)[1].split() if l.startswith("identity_key") else []
        if f and f[0] == cur:
            return algs[f[1] if len(f) == 3 else "aes-256-gcm"], int(cur)
    raise AssertionError("no current identity key")


@test
def named_report_identity_is_sealed():
    a, _, _ = submit(ip=fresh_ip(), reporter_name="王五封存", reporter_phone="0431-88904527",
                     reporter_email="wangwu.sealed@example.cn")
    t = a.xml().findtext("ticket")
    alg, key_id, blob = sql("SELECT i.alg, i.key_id, HEX(i.sealed) FROM report_identity i JOIN report r "
                            "ON r.id = i.report_id WHERE r.ticket = '%s'" % t)[0]
    want_alg, want_id = current_identity_key()
    assert (int(alg), int(key_id)) == (want_alg, want_id), (alg, key_id)
    raw = bytes.fromhex(blob)
    assert raw[0] == want_alg and raw[1:5] == want_id.to_bytes(4, "big")
    assert "王五封存".encode() not in raw and b"88904527" not in raw and b"wangwu" not in raw


@test
def attachments_judged_by_content_and_stored():
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    fields = report_fields(token) + [("format", "xml")]
    files = [("attachment", "photo.jpg", PNG), ("attachment", "scan.pdf", PDF),
             ("attachment", "x.png", JPEG)]
    a = post_multipart("/submit", fields, files, cookie=cookie, ip=ip)
    assert a.status == 200, a.text
    t = a.xml().findtext("ticket")
    rows = sql("SELECT a.stored_name, a.mime, a.size, HEX(a.sha256) FROM attachment a JOIN report r "
               "ON r.id = a.report_id WHERE r.ticket = '%s' ORDER BY a.id" % t)
    assert [r[1] for r in rows] == ["image/png", "application/pdf", "image/jpeg"]
    import hashlib
    for (name, mime, size, sha), (_, _, content) in zip(rows, files):
        assert re.fullmatch(r"[0-9a-f]{32}", name)
        path = os.path.join(STATE, "attachments", name[:2], name)
        with open(path, "rb") as f:
            data = f.read()
        assert data == content and int(size) == len(content)
        assert sha.lower() == hashlib.sha256(content).hexdigest()


@test
def attachment_refused_by_content_keeps_the_text():
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    before = count_reports()
    fields = report_fields(token, subject_name="附件测试企业") 
    a = post_multipart("/submit", fields, [("attachment", "evil.jpg", b"<html>not a picture</html>")],
                       cookie=cookie, ip=ip)
    assert a.status == 400, a.status
    assert "附件只能是JPG、PNG图片或PDF文件" in a.text
    assert 'value="附件测试企业"' in a.text
    assert count_reports() == before


@test
def broken_image_is_refused_not_stored_with_metadata():
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    before = count_reports()
    files = [("attachment", "cut.jpg", fixture("exif.jpg")[:-2])]     # no EOI
    a = post_multipart("/submit", report_fields(token), files, cookie=cookie, ip=ip)
    assert a.status == 400, a.status
    assert "无法清除其中的拍摄信息" in a.text
    assert count_reports() == before


@test
def photos_are_stored_without_metadata():
    jpg, png = fixture("exif.jpg"), fixture("text.png")
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    fields = report_fields(token) + [("format", "xml")]
    files = [("attachment", "gps.jpg", jpg), ("attachment", "text.png", png)]
    a = post_multipart("/submit", fields, files, cookie=cookie, ip=ip)
    assert a.status == 200, a.text
    t = a.xml().findtext("ticket")
    rows = sql("SELECT a.stored_name, a.size, HEX(a.sha256) FROM attachment a JOIN report r "
               "ON r.id = a.report_id WHERE r.ticket = '%s' ORDER BY a.id" % t)
    assert len(rows) == 2
    import hashlib
    import json
    paths = []
    for (name, size, sha), plain in zip(rows, (JPEG, PNG)):
        paths.append(os.path.join(STATE, "attachments", name[:2], name))
        with open(paths[-1], "rb") as f:
            data = f.read()
        # the picture is kept, the rest is gone; size and hash are of what is stored
        assert data == plain and int(size) == len(data), (len(data), size)
        assert sha.lower() == hashlib.sha256(data).hexdigest()
    out = subprocess.run(["exiftool", "-j", "-a", "-G1"] + paths, capture_output=True,
                         text=True, check=True).stdout
    # System: (the stored file's own dates) and ExifTool: are about the file on disk, not in it
    tags = {k.split(":")[-1].lower(): v for d in json.loads(out) for k, v in d.items()
            if ":" in k and k.split(":")[0] not in ("System", "ExifTool")}
    for tag in tags:
        assert not re.search(r"gps|artist|author|creator|by-line|serial|comment|make|model|"
                             r"datetime|modifydate|xmp|iptc|exif", tag), (tag, tags[tag])
    assert "Zhang San" not in out and "SN123456789" not in out
    for data in (jpg, png):
        assert b"Zhang San" in data             # the fixtures do carry it


@test
def too_many_and_too_large_attachments():
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    fields = report_fields(token) + [("format", "xml")]
    six = [("attachment", "p%d.png" % i, PNG) for i in range(6)]
    a = post_multipart("/submit", fields, six, cookie=cookie, ip=ip)
    assert a.status == 400 and a.xml().find("field[@name='attachment']") is not None
    big = [("attachment", "big.pdf", PDF + b"0" * (1024 * 1024 + 10))]    # test max_file is 1 MiB
    a = post_multipart("/submit", fields, big, cookie=cookie, ip=ip)
    assert a.status == 400 and a.xml().find("field[@name='attachment']") is not None


@test
def missing_and_invalid_fields_400_with_form_again():
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    before = count_reports()
    bad = report_fields(token, subject_name="<script>alert(1)</script>", description="太短",
                        region="999999", credit_code="91350100M000100Y44", reporter_phone="12345",
                        reporter_id_no="110105194912310021", category=None)
    a = post_form("/submit", bad + [("format", "xml")], cookie=cookie, ip=ip)
    assert a.status == 400, a.status
    assert_security_headers(a)
    e = a.xml()
    assert e.tag == "error" and e.get("status") == "400"
    bad_fields = {f.get("name") for f in e.findall("field")}
    assert {"description", "region", "credit_code", "reporter_phone", "reporter_id_no", "category"} <= bad_fields, bad_fields
    assert "subject_name" not in bad_fields
    values = {v.get("name"): v.text for v in e.findall("submit-form/values/value")}
    assert values["subject_name"] == "<script>alert(1)</script>" and values["description"] == "太短"
    assert "csrf" not in values
    h = post_form("/submit", bad, cookie=cookie, ip=ip)
    assert h.status == 400
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in h.text and "<script>alert" not in h.text
    assert "请描述举报的问题" in h.text and "太短" in h.text
    assert count_reports() == before


@test
def named_report_needs_name_and_phone_enterprise_needs_address():
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    a = post_form("/submit", report_fields(token, reporter_name=None, reporter_phone=None,
                                           subject_address=None) + [("format", "xml")], cookie=cookie, ip=ip)
    assert a.status == 400
    names = {f.get("name") for f in a.xml().findall("field")}
    assert names == {"reporter_name", "reporter_phone", "subject_address"}, names


@test
def government_subject_needs_no_address():
    a, _, _ = submit(ip=fresh_ip(), subject_type="government", subject_address=None,
                     category="dereliction", subject_name="某县人民政府")
    assert a.status == 200, a.text


@test
def csrf_missing_wrong_or_foreign_cookie_is_403_and_stores_nothing():
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    other_cookie, other_token, _ = open_form(ip=ip)
    before = count_reports()
    # one character of the MAC changed (never the same: a fixed "AA" ending was the token's own
    # ending once in 256 forms, its last base64url character carrying 2 bits)
    altered = token[:20] + ("B" if token[20] != "B" else "C") + token[21:]
    cases = [
        (report_fields(None), cookie),                              # no token
        (report_fields(altered), cookie),                           # altered token
        (report_fields(token), None),                               # no cookie
        (report_fields(token), "jubao_form=" + "0" * 32),           # another browser
        (report_fields(token) + [("csrf", token)], cookie),         # two tokens
    ]
    for fields, ck in cases:
        a = post_form("/submit", fields + [("format", "xml")], cookie=ck, ip=ip)
        assert a.status == 403, (a.status, a.text)
        assert_security_headers(a)
        assert a.xml().tag == "error" and a.xml().get("status") == "403"
    assert count_reports() == before
    assert other_token != token


@test
def body_over_limit_is_413():
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    before = count_reports()
    big = [("attachment", "a.pdf", PDF + b"1" * (7 * 1024 * 1024))]   # test max_body is 6 MiB
    # format=xml in the query: a body over the limit is not read, so its fields are not seen
    a = post_multipart("/submit?format=xml", report_fields(token), big, cookie=cookie, ip=ip)
    assert a.status == 413, a.status
    assert_security_headers(a)
    assert a.xml().get("status") == "413"
    assert count_reports() == before


@test
def malformed_bodies_are_400_never_a_crash():
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    before = count_reports()
    cases = []
    # invalid UTF-8, control character, bad escape, too many fields, over-long field
    cases.append(("application/x-www-form-urlencoded", b"csrf=" + token.encode() + b"&subject_name=%C0%AF"))
    cases.append(("application/x-www-form-urlencoded", b"csrf=" + token.encode() + b"&subject_name=a%01b"))
    cases.append(("application/x-www-form-urlencoded", b"csrf=" + token.encode() + b"&subject_name=%zz"))
    cases.append(("application/x-www-form-urlencoded", b"&".join(b"f%d=1" % i for i in range(500))))
    cases.append(("application/x-www-form-urlencoded", b"description=" + b"a" * 40000))
    # multipart framing: no close delimiter, no disposition, wrong boundary
    body, ctype = multipart(report_fields(token))
    cases.append((ctype, body[:-20]))
    cases.append((ctype, body.replace(b"Content-Disposition: form-data; ", b"X: ", 1)))
    cases.append((ctype.replace("----jubao", "----other"), body))
    cases.append(("multipart/form-data", body))                      # no boundary
    for ctype, b in cases:
        a = request("POST", "/submit", body=b, headers={"Content-Type": ctype, "Cookie": cookie}, ip=ip)
        assert a.status == 400 or (a.status == 415 and ctype == "multipart/form-data"), (ctype, b[:60], a.status)
        assert_security_headers(a)
    a = request("POST", "/submit", body=b"x", headers={"Content-Type": "text/plain", "Cookie": cookie}, ip=ip)
    assert a.status == 415
    # the programs live on
    assert get("/submit").status == 200
    assert count_reports() == before


@test
def aborted_upload_stores_nothing():
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    before = count_reports()
    body, ctype = multipart(report_fields(token), [("attachment", "p.png", PNG)])
    import socket
    s = socket.create_connection((HOST, PORT))
    head = ("POST %s/submit HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\nCookie: %s\r\n"
            "Content-Length: %d\r\nX-Real-IP: %s\r\n\r\n" % (PREFIX, ctype, cookie, len(body) + 5000, ip))
    s.sendall(head.encode() + body)
    s.close()
    time.sleep(0.5)
    assert count_reports() == before
    assert get("/").status == 200


@test
def unknown_ticket_and_wrong_code_answer_the_same_404():
    a, _, _ = submit(ip=fresh_ip())
    ticket, code = a.xml().findtext("ticket"), a.xml().findtext("code")
    wrong_code = ("A" if code[0] != "A" else "B") + code[1:]
    # an unknown ticket with a valid check digit
    other = ticket[:-2] + str((int(ticket[-2]) + 1) % 10) + ticket[-1]
    for last in "0123456789":
        if luhn_ok(other[:-1] + last) and other[:-1] + last != ticket:
            other = other[:-1] + last
            break
    w = lookup(ticket, wrong_code, ip=fresh_ip(), xml=False)
    u = lookup(other, code, ip=fresh_ip(), xml=False)
    assert w.status == 404 and u.status == 404
    assert w.text.replace(ticket, "T") == u.text.replace(other, "T")
    assert_security_headers(w)
    wx = lookup(ticket, wrong_code, ip=fresh_ip())
    assert wx.status == 404 and wx.header("content-type") == "application/xml; charset=utf-8"
    assert wx.xml().findtext("message") == "受理编号或查询码不正确。"


@test
def malformed_ticket_or_code_is_400_with_field():
    a = lookup("12345", "ABCDEFGH", ip=fresh_ip())
    assert a.status == 400 and a.xml().find("field[@name='ticket']") is not None
    a = lookup("5682798361169025", "ABC", ip=fresh_ip())
    assert a.status in (400,) and a.xml().find("field[@name='code']") is not None


@test
def failed_lookups_are_rate_limited_across_processes():
    ip = fresh_ip()
    statuses = []
    for i in range(5):                    # the test stack allows 5 failures per window
        statuses.append(lookup("1234567812345670", "ABCDEFGH", ip=ip).status)
    assert statuses == [404] * 5, statuses
    a = lookup("1234567812345670", "ABCDEFGH", ip=ip)
    assert a.status == 429, a.status
    assert int(a.header("retry-after")) > 0
    assert_security_headers(a)
    assert a.xml().tag == "error"
    # even the right code is refused now, and another client is not affected
    good, _, _ = submit(ip=fresh_ip())
    t, c = good.xml().findtext("ticket"), good.xml().findtext("code")
    assert lookup(t, c, ip=ip).status == 429
    assert lookup(t, c, ip=fresh_ip()).status == 200


@test
def submissions_are_rate_limited():
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    fields = report_fields(token) + [("format", "xml")]
    statuses = [post_form("/submit", fields, cookie=cookie, ip=ip).status for _ in range(8)]
    assert statuses == [200] * 8, statuses              # the test stack allows 8 per window
    a = post_form("/submit", fields, cookie=cookie, ip=ip)
    assert a.status == 429 and int(a.header("retry-after")) > 0


@test
def channels_directory_comes_from_the_database():
    a = get("/channels")
    assert a.status == 200
    assert_security_headers(a)
    assert "lshbc@bjeit.gov.cn" in a.text and "吉林省" in a.text and "0431-88904527" in a.text
    x = get("/channels?format=xml").xml()
    assert x.tag == "channels" and len(x.findall("authority")) >= 30
    sql("INSERT INTO channel (province_code, authority, kind, label, value, sort) "
        "VALUES ('220000', '吉林省', 'hotline', '测试热线', '12345-TEST-<b>', 5)")
    try:
        a = get("/channels")
        assert "12345-TEST-&lt;b&gt;" in a.text
    finally:
        sql("DELETE FROM channel WHERE label = '测试热线'")
    assert "12345-TEST" not in get("/channels").text


@test
def unknown_page_is_404_in_layout_and_method_405():
    a = get("/nope")
    assert a.status == 404 and "页面不存在" in a.text
    assert_security_headers(a)
    a = request("DELETE", "/status")
    assert a.status == 405
    assert get("/nope?format=xml").xml().get("status") == "404"


@test
def worker_killed_is_replaced():
    pids = subprocess.run(["pgrep", "-f", "^/[^ ]*/cgi/status %s/conf/public.conf" % STATE], capture_output=True, text=True).stdout.split()
    assert pids, "no status workers found"
    os.kill(int(pids[0]), signal.SIGKILL)
    time.sleep(0.3)
    for _ in range(10):
        assert get("/status").status == 200
    later = subprocess.run(["pgrep", "-f", "^/[^ ]*/cgi/status %s/conf/public.conf" % STATE], capture_output=True, text=True).stdout.split()
    assert len(later) == len(pids) and pids[0] not in later


@test
def database_down_submission_is_spooled_fast_lookup_503_and_recovers():
    """Issue 11: with the database away a valid report goes to the spool (test_spool.py has the
    rest); a lookup of a stored case cannot be answered (503, fast), and once the database is back
    the same form gets the same spooled receipt, not a second report."""
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    good, _, _ = submit(ip=fresh_ip())
    t, c = good.xml().findtext("ticket"), good.xml().findtext("code")
    stack("db-stop")
    try:
        t0 = time.time()
        a = post_form("/submit", report_fields(token, subject_name="停机测试企业") + [("format", "xml")],
                      cookie=cookie, ip=ip)
        assert time.time() - t0 < 5, time.time() - t0
        assert a.status == 200 and a.xml().findtext("spooled") == "1", (a.status, a.text[:300])
        assert_security_headers(a)
        spooled = a.xml().findtext("ticket")
        t0 = time.time()
        s = lookup(t, c, ip=fresh_ip())
        assert s.status == 503 and time.time() - t0 < 5
    finally:
        stack("db-start")
    # no restart of the programs: the next requests work again
    a = post_form("/submit", report_fields(token, subject_name="停机测试企业") + [("format", "xml")],
                  cookie=cookie, ip=ip)
    assert a.status == 200 and a.xml().findtext("ticket") == spooled, a.text
    assert a.xml().findtext("repeated") == "1"
    assert lookup(t, c, ip=fresh_ip()).status == 200


@test
def database_hanging_lookup_503_submission_spooled_within_5_seconds():
    good, _, _ = submit(ip=fresh_ip())
    t, c = good.xml().findtext("ticket"), good.xml().findtext("code")
    ip = fresh_ip()
    cookie, token, _ = open_form(ip=ip)
    with open(os.path.join(STATE, "run", "mariadb.pid")) as f:
        pid = int(f.read().strip())
    os.kill(pid, signal.SIGSTOP)
    try:
        t0 = time.time()
        s = lookup(t, c, ip=fresh_ip(), timeout=20)
        took = time.time() - t0
        assert s.status == 503, s.status
        assert took < 5, took
        # a database that does not answer in time is away too: the report goes to the spool
        t0 = time.time()
        a = post_form("/submit", report_fields(token) + [("format", "xml")], cookie=cookie, ip=ip,
                      timeout=20)
        took = time.time() - t0
        assert a.status == 200 and a.xml().findtext("spooled") == "1", (a.status, a.text[:300])
        assert took < 5, took
    finally:
        os.kill(pid, signal.SIGCONT)
    ok = False
    for _ in range(20):
        if lookup(t, c, ip=fresh_ip()).status == 200:
            ok = True
            break
        time.sleep(0.25)
    assert ok


@test
def acknowledged_report_survives_a_database_crash():
    a, _, _ = submit(ip=fresh_ip(), subject_name="崩溃测试企业")
    t, c = a.xml().findtext("ticket"), a.xml().findtext("code")
    with open(os.path.join(STATE, "run", "mariadb.pid")) as f:
        pid = int(f.read().strip())
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.5)
    stack("db-stop")
    stack("db-start")
    assert lookup(t, c, ip=fresh_ip()).status == 200


@test
def restart_keeps_data_and_no_identity_in_plaintext_on_disk():
    name, phone, idno, email = "赵六明文检查", "13912345678", "11010519491231002X", "zhao.liu.plain@example.cn"
    a, _, _ = submit(ip=fresh_ip(), reporter_name=name, reporter_phone=phone, reporter_id_no=idno,
                     reporter_email=email)
    assert a.status == 200, a.text
    t, c = a.xml().findtext("ticket"), a.xml().findtext("code")
    stack("stop")
    stack("start")
    assert lookup(t, c, ip=fresh_ip()).status == 200
    needles = [name.encode(), phone.encode(), idno.encode(), email.encode(), c.encode()]
    hits = []
    for dirpath, _, files in os.walk(STATE):
        for fn in files:
            p = os.path.join(dirpath, fn)
            if not os.path.isfile(p) or os.path.islink(p):
                continue
            with open(p, "rb") as f:
                data = f.read()
            for n in needles:
                if n in data:
                    hits.append((p, n))
    assert not hits, hits


# ---------------------------------------------------------------------------------------------
def run_tests(tests, name):
    """Run each test (those whose name holds ONLY, when given), print one line per test and the
    closing "name: N passed, N failed"; 1 when any failed. Shared with test_console.py."""
    passed = failed = 0
    for fn in tests:
        if ONLY and ONLY not in fn.__name__:
            continue
        t0 = time.time()
        try:
            fn()
            passed += 1
            print("ok   %-70s %.2fs" % (fn.__name__, time.time() - t0), flush=True)
        except Exception:
            failed += 1
            print("FAIL %s" % fn.__name__, flush=True)
            traceback.print_exc()
    print("%s: %d passed, %d failed" % (name, passed, failed), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(run_tests(TESTS, "integration"))
