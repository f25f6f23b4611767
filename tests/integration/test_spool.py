#!/usr/bin/env python3
"""The durable spool (issue 11), against the real stack: with MariaDB stopped, named reports with
attachments are still accepted (ticket and code), kept sealed under the state directory's spool,
and the status lookup says 已收到，正在登记 for the right code; past the spool's limit a submission
answers 503. With MariaDB back, `jubaoctl spool-import` stores each report exactly once, even when
killed with SIGKILL half-way and when two run at once, with its original submission time, the
deadline computed from it, its attachments (SHA-256) and an identity the custodian opens.
A report whose commit landed but whose answer came too late (MariaDB's reply to COMMIT held back
past db_timeout by a proxy in front of its socket) is spooled too, and imported as a linked
duplicate of the committed one, without its files a second time; the reporter's ticket works.

Usage: test_spool.py BASE_URL STATE_DIR [test-name-substring]
Prints "spool: N passed, N failed".
"""

import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_public as pub  # noqa: E402
import test_console as con  # noqa: E402
from test_console import Browser, U, sql  # noqa: E402

SPOOL = os.path.join(pub.STATE, "spool")
CONF = os.path.join(pub.STATE, "conf", "jubao.conf")
PCONF = os.path.join(pub.STATE, "conf", "public.conf")
CTL = os.environ.get("BUILD", "build")
if not os.path.isabs(CTL):
    CTL = os.path.join(pub.ROOT, CTL)
CTL = os.path.join(CTL, "tools", "jubaoctl")

# Named reports, each with what must never be readable in the spool.
PEOPLE = [("钱七甲", "13911110001", "110101198001010010"),
          ("孙八乙", "13911110002", "110101198001010037"),
          ("周九丙", "13911110003", "110101198001010053")]
TESTS = []
STATE = {}      # what the first test took, for the next ones


def test(fn):
    TESTS.append(fn)
    return fn


def ctl(*args, env=None):
    return subprocess.Popen([CTL, "-c", CONF] + list(args), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, **(env or {})))


def records():
    return sorted(f for f in os.listdir(SPOOL) if re.fullmatch(r"\d{16}\.rec", f))


def spool_limit():
    m = re.search(r"^spool_max_files\s*=\s*(\d+)", open(PCONF).read(), re.M)
    return int(m.group(1)) if m else 10000


def submit_named(i, cookie, token, ip):
    name, phone, idno = PEOPLE[i]
    desc = "停机期间提交的举报%d：夜间偷偷开工的落后产能" % i
    fields = pub.report_fields(token, reporter_name=name, reporter_phone=phone,
                               reporter_id_no=idno, description=desc,
                               subject_name="停机企业%d" % i) + [("format", "xml")]
    files = [("attachment", "a.png", pub.PNG), ("attachment", "b.pdf", pub.PDF)]
    t0 = time.time()
    a = pub.post_multipart("/submit", fields, files, cookie=cookie, ip=ip)
    assert time.time() - t0 < 5, time.time() - t0
    assert a.status == 200, (a.status, a.text[:400])
    r = a.xml()
    assert r.findtext("spooled") == "1" and r.find("attachments").get("count") == "2"
    return {"ticket": r.findtext("ticket"), "code": r.findtext("code"), "desc": desc,
            "submitted": r.findtext("submitted"), "due": r.findtext("due"), "person": PEOPLE[i],
            "form": (cookie, token, ip, fields, files)}


@test
def database_down_submissions_go_to_the_spool_sealed():
    forms = []
    for _ in PEOPLE:
        ip = pub.fresh_ip()
        cookie, token, _ = pub.open_form(ip=ip)
        forms.append((cookie, token, ip))
    before = set(records())
    pub.stack("db-stop")
    try:
        reps = [submit_named(i, *f) for i, f in enumerate(forms)]
        STATE["reps"] = reps
        # the same form again (a double click, a retry): the same ticket, no second record
        cookie, token, ip, fields, files = reps[0]["form"]
        again = pub.post_multipart("/submit", fields, files, cookie=cookie, ip=ip)
        assert again.status == 200 and again.xml().findtext("ticket") == reps[0]["ticket"]
        assert again.xml().findtext("repeated") == "1"
        new = set(records()) - before
        assert new == {r["ticket"] + ".rec" for r in reps}, new
        needles = [r["desc"] for r in reps] + [s for r in reps for s in r["person"]] + \
            [r["code"] for r in reps] + ["停机企业", "长春市南关区某某路1号"]
        for f in os.listdir(SPOOL):
            data = open(os.path.join(SPOOL, f), "rb").read()
            for n in needles:
                assert n.encode() not in data, (f, n)
    finally:
        STATE["db_down"] = True


@test
def status_of_a_spooled_report_says_received():
    reps = STATE["reps"]
    a = pub.lookup(reps[0]["ticket"], reps[0]["code"], ip=pub.fresh_ip(), xml=False)
    assert a.status == 200 and "已收到，正在登记" in a.text, (a.status, a.text[:300])
    x = pub.lookup(reps[1]["ticket"], reps[1]["code"], ip=pub.fresh_ip()).xml()
    assert x.findtext("state") == "spooled" and x.findtext("submitted") == reps[1]["submitted"]
    # a wrong code while the database is away: no failure can be counted, so 503, never 200
    assert pub.lookup(reps[0]["ticket"], "ABCDEFGH", ip=pub.fresh_ip()).status == 503
    p = ctl("status")
    out, err = p.communicate(timeout=30)
    assert p.returncode == 0 and re.search(r"spool: %d reports waiting .* the oldest since %s"
                                           % (len(reps), re.escape(reps[0]["submitted"])), out), out


@test
def a_full_spool_answers_503():
    """Dummy records up to spool_max_files; the form was opened while the database was up."""
    made = []
    try:
        for i in range(max(spool_limit() - len(records()), 0)):
            p = os.path.join(SPOOL, "9%015d.rec" % i)
            open(p, "wb").close()
            made.append(p)
        cookie, token = STATE["spare_form"]
        a = pub.post_form("/submit", pub.report_fields(token, subject_name="满了") +
                          [("format", "xml")], cookie=cookie, ip=STATE["spare_ip"])
        assert a.status == 503 and "仍在下方" in a.text, (a.status, a.text[:300])
    finally:
        for p in made:
            os.unlink(p)


@test
def database_back_import_stores_each_exactly_once():
    reps = STATE["reps"]
    pub.stack("db-start")
    STATE["db_down"] = False
    # before the import: the code is checked as for any lookup, 404 for a wrong one (once the
    # workers have reconnected: a worker that just met the dead server waits a second)
    for _ in range(20):
        st = pub.lookup(reps[0]["ticket"], "ABCDEFGH", ip=pub.fresh_ip()).status
        if st != 503:
            break
        time.sleep(0.25)
    assert st == 404, st
    assert pub.lookup(reps[0]["ticket"], reps[0]["code"], ip=pub.fresh_ip()).status == 200
    # killed with SIGKILL after the first commit, before its record is removed
    p = ctl("spool-import", env={"JUBAO_TEST_SPOOL_CRASH_AFTER": "1"})
    p.communicate(timeout=60)
    assert p.returncode == -signal.SIGKILL, p.returncode
    assert len(records()) == len(reps)
    # two importers at once
    a, b = ctl("spool-import"), ctl("spool-import")
    outs = [a.communicate(timeout=60), b.communicate(timeout=60)]
    assert a.returncode == 0 and b.returncode == 0, outs
    assert records() == [], records()
    for r in reps:
        rows = sql("SELECT id, DATE_FORMAT(submitted_at, '%%Y-%%m-%%dT%%H:%%i:%%s+08:00'), "
                   "COALESCE(due_date, '') FROM report WHERE ticket = '%s'" % r["ticket"])
        assert len(rows) == 1, (r["ticket"], rows)
        assert rows[0][1] == r["submitted"] and rows[0][2] == r["due"], (rows, r)
        r["id"] = int(rows[0][0])
        ev = sql("SELECT DATE_FORMAT(at, '%%Y-%%m-%%dT%%H:%%i:%%s+08:00') FROM report_event "
                 "WHERE report_id = %d" % r["id"])
        assert ev == [[r["submitted"]]], ev
        shas = sorted(x[0] for x in sql("SELECT LOWER(HEX(sha256)) FROM attachment WHERE "
                                        "report_id = %d" % r["id"]))
        assert shas == sorted([hashlib.sha256(pub.PNG).hexdigest(),
                               hashlib.sha256(pub.PDF).hexdigest()]), shas
        for name, in sql("SELECT stored_name FROM attachment WHERE report_id = %d" % r["id"]):
            data = open(os.path.join(pub.STATE, "attachments", name[:2], name), "rb").read()
            assert hashlib.sha256(data).hexdigest() in shas
        x = pub.lookup(r["ticket"], r["code"], ip=pub.fresh_ip()).xml()
        assert x.findtext("state") == "submitted", x.findtext("state")
    # a second run finds nothing to do
    p = ctl("spool-import")
    out, _ = p.communicate(timeout=60)
    assert p.returncode == 0 and "0 imported" in out, out


@test
def the_custodian_opens_the_spooled_identity():
    r = STATE["reps"][0]
    name, phone, _ = r["person"]
    b = Browser()
    b.login(U["intake"])
    assert b.act(r["id"], "accept").status == 200
    a = b.act(r["id"], "reveal")
    assert a.status == 200 and name in a.text and phone in a.text, a.status


class CommitAnswerLate:
    """MariaDB's socket, with the server's answer to one COMMIT held back.

    While in use, the server's socket file is moved aside and this proxy listens at its path,
    passing every byte both ways (the programs reconnect through it once their connections are
    killed). Armed, it passes the next COMMIT to the server, which commits, and keeps the answer
    from the client until the client gives up (db_timeout) and hangs up: a commit that landed
    with a time-out for an answer, as a dying connection or a stalled node gives it."""

    def __init__(self):
        self.path = pub.DBSOCK
        self.real = pub.DBSOCK + ".real"
        self.armed = False
        self.held = None            # when the COMMIT was passed on and its answer held
        self.hung_up = None         # when the client gave up on it
        self.socks = []
        self.stop = False

    def __enter__(self):
        os.rename(self.path, self.real)
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(self.path + ".proxy")
        os.chmod(self.path + ".proxy", 0o777)
        self.listener.listen(64)
        os.rename(self.path + ".proxy", self.path)
        threading.Thread(target=self.accept, daemon=True).start()
        self.reconnect_programs()
        # A worker that failed to connect a moment ago (an earlier test stopped the database)
        # does not try again within that second (lib/db.c): past it, every worker connects.
        time.sleep(1.1)
        return self

    def __exit__(self, *exc):
        self.stop = True
        os.rename(self.real, self.path)      # the server's own socket back first
        self.listener.close()
        for s in self.socks:
            try:
                s.close()
            except OSError:
                pass
        self.reconnect_programs()

    def reconnect_programs(self):
        """The programs' connections dropped: their next statement connects anew (db.c)."""
        for cid, in sql_root("SELECT ID FROM information_schema.PROCESSLIST "
                             "WHERE USER IN ('jubao', 'jubao_public')"):
            sql_root("KILL CONNECTION %s" % cid, ok_if_gone=True)

    def accept(self):
        while not self.stop:
            try:
                c, _ = self.listener.accept()
            except OSError:
                return
            u = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            u.connect(self.real)
            self.socks += [c, u]
            hold = threading.Event()
            threading.Thread(target=self.to_server, args=(c, u, hold), daemon=True).start()
            threading.Thread(target=pump, args=(u, c, lambda _: not hold.is_set()),
                             daemon=True).start()     # the answer to the COMMIT never arrives

    def to_server(self, c, u, hold):
        """Client to server, looking at each packet (3-byte length, sequence, payload)."""
        buf = bytearray()

        def look(data):
            buf.extend(data)
            while len(buf) >= 4 and len(buf) >= 4 + int.from_bytes(buf[:3], "little"):
                n = int.from_bytes(buf[:3], "little")
                if self.armed and buf[4:4 + n] == b"\x03COMMIT":
                    self.armed = False
                    self.held = time.monotonic()
                    hold.set()
                del buf[:4 + n]
            return True
        pump(c, u, look)
        if hold.is_set():
            self.hung_up = time.monotonic()


def pump(src, dst, look):
    """Bytes from src to dst, those look() lets pass, until either side closes."""
    while True:
        try:
            data = src.recv(65536)
        except OSError:
            data = b""
        if not data:
            break
        if look(data):
            try:
                dst.sendall(data)
            except OSError:
                break
    for s in (src, dst):
        s.close()


def sql_root(query, ok_if_gone=False):
    """As sql(), over the server's own socket wherever it is (moved aside by the proxy)."""
    sock = pub.DBSOCK + ".real" if os.path.exists(pub.DBSOCK + ".real") else pub.DBSOCK
    r = subprocess.run(["mariadb", "--no-defaults", "--default-character-set=utf8mb4", "-S", sock,
                        "-u", "root", "-N", "-B", "jubao", "-e", query],
                       capture_output=True, text=True, timeout=30)
    if r.returncode != 0 and not (ok_if_gone and "Unknown thread" in r.stderr):
        raise RuntimeError("sql failed: " + r.stderr)
    return [line.split("\t") for line in r.stdout.splitlines()]


@test
def a_commit_answered_too_late_is_imported_as_a_linked_duplicate():
    """The report committed, the answer to COMMIT did not come within db_timeout: the worker
    spooled the same report with the same files. The import stores the reporter's copy under
    the receipt's ticket as a duplicate of the committed report, without attachment rows."""
    ip = pub.fresh_ip()
    cookie, token, _ = pub.open_form(ip=ip)
    subject = "提交超时企业%d" % int(time.time() * 1000 % 10**9)
    fields = pub.report_fields(token, subject_name=subject, reporter_name="吴十丁",
                               reporter_phone="13911110004") + [("format", "xml")]
    files = [("attachment", "a.png", pub.PNG), ("attachment", "b.pdf", pub.PDF)]
    with CommitAnswerLate() as proxy:
        proxy.armed = True
        t0 = time.monotonic()
        a = pub.post_multipart("/submit", fields, files, cookie=cookie, ip=ip)
        took = time.monotonic() - t0
        for _ in range(50):             # the proxy notes the hang-up just after the answer
            if proxy.hung_up:
                break
            time.sleep(0.1)
    assert proxy.held is not None, ("no COMMIT passed through the proxy", a.status, a.text[:300])
    assert proxy.hung_up is not None, "the program never gave up on the COMMIT"
    assert a.status == 200 and took < 5, (a.status, took, a.text[:300])
    r = a.xml()
    assert r.findtext("spooled") == "1" and r.find("attachments").get("count") == "2", a.text[:300]
    ticket, code = r.findtext("ticket"), r.findtext("code")
    # the commit did land: the report is in the database under the ticket its worker drew
    rows = sql("SELECT id, ticket FROM report WHERE subject_name = '%s'" % subject)
    assert len(rows) == 1 and rows[0][1] != ticket, (rows, ticket)
    original, first_ticket = int(rows[0][0]), rows[0][1]
    assert ticket + ".rec" in records(), records()
    # before the import, the receipt's ticket answers from the spool
    x = pub.lookup(ticket, code, ip=pub.fresh_ip()).xml()
    assert x.findtext("state") == "spooled", x.findtext("state")

    p = ctl("spool-import")
    out, err = p.communicate(timeout=60)
    assert p.returncode == 0 and "1 imported" in out and not records(), (out, err, records())
    rows = sql("SELECT id, ticket, COALESCE(duplicate_of, 0) FROM report WHERE subject_name = '%s' "
               "ORDER BY id" % subject)
    assert [(t, int(d)) for _, t, d in rows] == [(first_ticket, 0), (ticket, original)], rows
    copy = int(rows[1][0])
    # the files once, with the committed report; the copy names none of its own
    att = sql("SELECT report_id, LOWER(HEX(sha256)) FROM attachment WHERE report_id IN (%d, %d)"
              % (original, copy))
    assert sorted(att) == sorted([[str(original), hashlib.sha256(pub.PNG).hexdigest()],
                                  [str(original), hashlib.sha256(pub.PDF).hexdigest()]]), att
    assert sql("SELECT COUNT(*) FROM report_identity WHERE report_id IN (%d, %d)"
               % (original, copy)) == [["2"]]

    # staff: one case to handle, with the copy shown as its duplicate (and no files of its own)
    b = Browser()
    b.login(U["intake"])
    orig_x, copy_x = b.case_xml(original), b.case_xml(copy)
    dups = [(field(c, "id"), field(c, "ticket")) for c in orig_x.findall(".//duplicates/case")]
    assert dups == [(str(copy), ticket)], dups
    linked = [e for e in copy_x.iter() if e.get("duplicate-of")]
    assert [(e.get("duplicate-of"), e.get("duplicate-ticket")) for e in linked] == \
        [(str(original), first_ticket)], linked
    assert not [e for e in orig_x.iter() if e.get("duplicate-of")]
    assert len(orig_x.findall(".//attachments/attachment")) == 2
    assert not copy_x.findall(".//attachments/attachment")

    # the reporter's ticket: "submitted" now, and the original's outcome once it is released
    x = pub.lookup(ticket, code, ip=pub.fresh_ip()).xml()
    assert x.findtext("state") == "submitted", x.findtext("state")
    assert pub.lookup(ticket, "ABCDEFGH", ip=pub.fresh_ip()).status == 404
    handler = Browser()
    handler.login(U["handler"])
    lead = con.dept_id("长春市南关区工业和信息化局")
    for who, action, kw in ((b, "accept", {}), (b, "transfer", {"lead": lead, "department": [lead]}),
                            (handler, "start_inspection", {}),
                            (handler, "inspect", {"inspected_on": "2026-11-20", "team": "核查组",
                                                  "findings": "无", "verdict": "false"}),
                            (handler, "feedback", {"text": "经核查，举报情况不属实。"}),
                            (b, "release", {})):
        st = who.act(original, action, **kw).status
        assert st == 200, (action, st)
    x = pub.lookup(ticket, code, ip=pub.fresh_ip()).xml()
    assert x.findtext("state") == "closed", x.findtext("state")
    assert "经核查，举报情况不属实。" in [e.text for e in x.findall("events/event")]


def field(e, name):
    """A record's value, as an attribute or a child element."""
    return e.get(name) if e.get(name) is not None else e.findtext(name)


@test
def jubaoctl_status_counts_the_spool():
    p = ctl("status")
    out, err = p.communicate(timeout=30)
    assert p.returncode == 0 and "spool: empty" in out, (out, err)


def main():
    con.setup_staff()
    # Reports an earlier suite spooled (test_public stops the database under submissions) are
    # stored first, so that this suite counts only its own.
    p = ctl("spool-import")
    out, err = p.communicate(timeout=120)
    assert p.returncode == 0 and not records(), (out, err)
    # a spare form for the full-spool test, opened while the database is up
    ip = pub.fresh_ip()
    c, t, _ = pub.open_form(ip=ip)
    STATE["spare_form"], STATE["spare_ip"] = (c, t), ip
    try:
        return pub.run_tests(TESTS, "spool")
    finally:
        if STATE.get("db_down"):
            pub.stack("db-start")


if __name__ == "__main__":
    sys.exit(main())
