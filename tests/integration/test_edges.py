#!/usr/bin/env python3
"""Integration tests of what the web server and the edges of the programs give away (issue 8):
no request body with a reporter's identity written to nginx's temporary files, public access
logs without address or precise time, no ticket in any URL, an anonymous report's submission
time shown to staff as a date only, and a status lookup over the limit costing the same whether
or not its ticket exists.

Usage: test_edges.py BASE_URL STATE_DIR [test-name-substring]
Prints "edges: N passed, N failed".
"""

import os
import re
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_public as pub  # noqa: E402
import test_console as con  # noqa: E402
from test_console import Browser, U, sql, public_report  # noqa: E402

TESTS = []
NAME = "慢传测试人"
PHONE = "13655557777"
IDNO = "220102199001011234"


def test(fn):
    TESTS.append(fn)
    return fn


def nginx_pids():
    """nginx's master (from its pid file) and its workers (children of the master)."""
    with open(os.path.join(pub.STATE, "run", "nginx.pid")) as f:
        master = f.read().strip()
    pids = [master]
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % p) as f:
                if f.read().rsplit(")", 1)[1].split()[1] == master:
                    pids.append(p)
        except OSError:
            pass
    return pids


def secrets_on_disk(needles):
    """Every nginx temporary file under STATE_DIR and every regular file nginx holds open (a
    temporary file may already be unlinked) that contains one of needles."""
    hits = []
    paths = []
    for top, _, files in os.walk(os.path.join(pub.STATE, "nginx", "tmp")):
        paths += [os.path.join(top, f) for f in files]
    for pid in nginx_pids():
        fd_dir = "/proc/%s/fd" % pid
        try:
            fds = os.listdir(fd_dir)
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(os.path.join(fd_dir, fd))
            except OSError:
                continue
            if target.startswith("/") and not target.startswith("/dev/") and \
                    not target.endswith(".log"):
                paths.append(os.path.join(fd_dir, fd))
    for p in paths:
        try:
            with open(p, "rb") as f:
                data = f.read()
        except OSError:
            continue
        if any(n in data for n in needles):
            hits.append(p)
    return hits


def slow_post(path, body, headers, chunked=False, piece=256 * 1024, pause=0.05, needles=()):
    """POST body over a raw socket in pieces with pauses, scanning for needles on disk after
    each piece; returns (status, hits)."""
    s = socket.create_connection((pub.HOST, pub.PORT), timeout=60)
    h = "POST %s%s HTTP/1.1\r\nHost: %s:%d\r\nX-Real-IP: %s\r\nConnection: close\r\n" % (
        pub.PREFIX, path, pub.HOST, pub.PORT, pub.fresh_ip())
    for k, v in headers.items():
        h += "%s: %s\r\n" % (k, v)
    h += "Transfer-Encoding: chunked\r\n" if chunked else "Content-Length: %d\r\n" % len(body)
    s.sendall((h + "\r\n").encode())
    hits = []
    for i in range(0, len(body), piece):
        part = body[i:i + piece]
        s.sendall(b"%x\r\n%s\r\n" % (len(part), part) if chunked else part)
        time.sleep(pause)
        hits += secrets_on_disk(needles)
    if chunked:
        s.sendall(b"0\r\n\r\n")
    hits += secrets_on_disk(needles)
    answer = b""
    while True:
        d = s.recv(65536)
        if not d:
            break
        answer += d
    s.close()
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
    return status, sorted(set(hits))


def big_named_report(ip):
    cookie, token, _ = pub.open_form(ip=ip)
    fields = pub.report_fields(token, reporter_name=NAME, reporter_phone=PHONE,
                               subject_name="慢传测试企业") + [("format", "xml")]
    # five attachments of nearly max_file (1 MiB in the test stack): about 5 MB in all
    files = [("attachment", "p%d.png" % i, pub.PNG + os.urandom(1000 * 1000)) for i in range(5)]
    body, ctype = pub.multipart(fields, files)
    return body, {"Content-Type": ctype, "Cookie": cookie}


@test
def slow_large_report_never_reaches_the_disk():
    needles = [NAME.encode(), PHONE.encode()]
    assert not secrets_on_disk(needles), "identity on disk before the test"
    body, headers = big_named_report(pub.fresh_ip())
    assert len(body) > 4 << 20 and body.index(NAME.encode()) < 4096
    status, hits = slow_post("/submit", body, headers, needles=needles)
    assert not hits, "the reporter's identity was on disk: %s" % hits
    assert status == 200, status


@test
def slow_chunked_reply_never_reaches_the_disk():
    # nginx buffers a chunked body for FastCGI whatever fastcgi_request_buffering says
    needles = [IDNO.encode()]
    text = "补充：举报人身份证号%s。" % IDNO
    body, ctype = pub.multipart([("ticket", "1234567812345678"), ("code", "ABCDEFGH"),
                                 ("action", "reply"), ("reply", text)],
                                [("attachment", "big.png", pub.PNG + os.urandom(3 << 20))])
    status, hits = slow_post("/status", body, {"Content-Type": ctype}, chunked=True,
                             needles=needles)
    assert not hits, "the reply was on disk: %s" % hits
    assert status in (400, 404, 411, 413, 429), status


@test
def public_access_log_has_no_address_and_no_time():
    log_dir = os.path.join(pub.STATE, "log")
    full_log = os.path.join(log_dir, "nginx-access.log")
    start = os.path.getsize(full_log) if os.path.exists(full_log) else 0
    ip = pub.fresh_ip()
    a, _, _ = pub.submit(ip=ip, reporter_name="日志测试人")
    assert a.status == 200
    time.sleep(0.2)
    with open(os.path.join(log_dir, "jubao-public.log")) as f:
        public = f.read().splitlines()
    lines = [l for l in public if "POST /jubao/submit" in l]
    assert lines, "no submission in the public log"
    for line in public[-50:]:
        assert re.match(r'^\d{4}-\d{2}-\d{2} "', line), line
        assert not re.search(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|\d:\d\d", line), line
    with open(full_log, "rb") as f:                # the console's log: nothing public
        f.seek(start)
        assert b"/jubao/submit" not in f.read()


@test
def no_ticket_in_any_url():
    a, _, _ = pub.submit(ip=pub.fresh_ip(), xml=False)
    assert a.status == 200
    ticket = re.search(r"\b(\d{4} \d{4} \d{4} \d{4})\b", a.text).group(1).replace(" ", "")
    hrefs = re.findall(r'(?:href|action|src)="([^"]*)"', a.text)
    assert hrefs and not any(ticket in h or "ticket=" in h or "code=" in h for h in hrefs), hrefs
    # a ticket in the query is not taken into the form
    f = pub.get("/status?ticket=%s" % ticket, ip=pub.fresh_ip())
    assert f.status == 200 and ticket not in f.text


@test
def reply_answers_a_page_without_the_ticket_in_a_url():
    cid, ticket, code = public_report()
    intake = Browser()
    intake.login(U["intake"])
    assert intake.act(cid, "needs_info", text="请补充照片。").status == 200
    a = pub.post_form("/status", [("ticket", ticket), ("code", code), ("action", "reply"),
                                  ("reply", "已补充。")], ip=pub.fresh_ip())
    assert a.status == 200, (a.status, a.text[:300])
    assert "location" not in a.headers and "补充材料已收到" in a.text
    for h in re.findall(r'(?:href|action|src)="([^"]*)"', a.text):
        assert ticket not in h and "ticket=" not in h, h
    assert 'name="code"' in a.text and 'value="%s"' % code not in a.text


@test
def anonymous_report_time_is_a_date_for_staff():
    cid, ticket, _ = public_report(anonymous="1", reporter_name=None, reporter_phone=None)
    named, named_ticket, _ = public_report()
    b = Browser()
    b.login(U["intake"])
    x = b.case_xml(cid)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", x.find("report").get("submitted")), \
        x.find("report").get("submitted")
    first = x.find("events/event")
    assert first is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", first.get("at")), first.attrib
    assert "T" in b.case_xml(named).find("report").get("submitted")
    rows = {c.get("ticket"): c.get("submitted") for c in
            b.get("/admin/cases?format=xml").xml().iter("case")}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rows[ticket]), rows[ticket]
    assert "T" in rows[named_ticket], rows[named_ticket]
    page = b.get("/admin/case?id=%d" % cid).text
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", page)


def stmt_executes():
    return int(sql("SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'")[0][1])


@test
def lookup_over_the_limit_costs_the_same_for_known_and_unknown_tickets():
    _, ticket, code = public_report()
    ip = pub.fresh_ip()
    for _ in range(6):
        pub.lookup("1111222233334444", "ABCDEFGH", ip=ip)
    assert pub.lookup("1111222233334444", "ABCDEFGH", ip=ip).status == 429
    n = 10
    counts = {}
    for kind, t, c in (("unknown", "5555666677778888", "ABCDEFGH"), ("known", ticket, code),
                       ("known, wrong code", ticket, "ZZZZZZZZ")):
        before = stmt_executes()
        for _ in range(n):
            assert pub.lookup(t, c, ip=ip).status == 429, kind
        counts[kind] = stmt_executes() - before
    assert len(set(counts.values())) == 1, counts
    assert counts["unknown"] == n, counts


def main():
    con.setup_staff()
    return pub.run_tests(TESTS, "edges")


if __name__ == "__main__":
    sys.exit(main())
