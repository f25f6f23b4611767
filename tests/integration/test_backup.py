#!/usr/bin/env python3
"""Backup, restore and upgrades (issue 11), against the real stack.

Cases in several states, with attachments and named identities, are made through the public
form and the console; `jubaoctl backup` copies them; the state's database and attachment store
are destroyed (its conf/ and secrets/ stay, as an operator keeps the key files apart); a fresh
stack on the same keys loads the backup (scripts/stack.sh with JUBAO_RESTORE, which runs
`jubaoctl restore` into the new, empty database) and every case, event, attachment (by SHA-256)
and identity (revealed by the custodian through the console) is found as it was. Then: a backup
with one byte changed, or without its MANIFEST, is refused; a restore into a database that is
not empty is refused without --force; and a database made at the first release's schema
(sql/001-007, 2026-11-22) with data is listed by `migrate --dry-run`, left unchanged by it, and
migrated to the current schema with its data (the old 'admin' role becomes 'secadmin', sql/010).

Usage: test_backup.py BASE_URL STATE_DIR [test-name-substring]
Prints "backup: N passed, N failed". The stack is left running on the restored state.
"""

import glob
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_public as pub  # noqa: E402
import test_console as con  # noqa: E402

sql = pub.sql
BUILD = os.environ.get("BUILD", "build")
if not os.path.isabs(BUILD):
    BUILD = os.path.join(pub.ROOT, BUILD)
CTL = os.path.join(BUILD, "tools", "jubaoctl")
CONF = os.path.join(pub.STATE, "conf", "jubao.conf")
TMP = tempfile.mkdtemp(prefix="jubao-backup-test.")
BACKUP = os.path.join(TMP, "backup")
S = {}              # what one step leaves for the next

# The tables compared before the backup and after the restore, each in a fixed order.
TABLES = {
    "report": "id", "report_event": "id", "attachment": "id", "report_identity": "report_id",
    "staff": "id", "staff_role": "staff_id, role, department_id", "report_department":
    "report_id, department_id", "report_note": "id",
}


def ctl(*args, conf=CONF):
    return subprocess.run([CTL, "-c", conf] + list(args), capture_output=True, text=True,
                          timeout=120)


def raw_sql(query, db="jubao"):
    """Rows as lists of bytes: the tables hold binary columns (sums, sealed identities)."""
    r = subprocess.run(["mariadb", "--no-defaults", "--default-character-set=utf8mb4", "-S",
                        pub.DBSOCK, "-u", "root", "-N", "-B", db, "-e", query],
                       capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return [line.split(b"\t") for line in r.stdout.split(b"\n") if line]


def snapshot():
    snap = {t: raw_sql("SELECT * FROM %s ORDER BY %s" % (t, k)) for t, k in TABLES.items()}
    snap["audit"] = raw_sql("SELECT * FROM audit ORDER BY id")
    return snap


def stored_sha(stored_name):
    path = os.path.join(pub.STATE, "attachments", stored_name[:2], stored_name)
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def attachment_rows():
    """The attachments whose file is in the store (test_custody.py adds a row without one, to
    test access; nothing can back up a file that is not there)."""
    rows = sql("SELECT id, stored_name, LOWER(HEX(sha256)), report_id FROM attachment "
               "ORDER BY id")
    return [r[:3] for r in rows if os.path.exists(
        os.path.join(pub.STATE, "attachments", r[1][:2], r[1])) or
        int(r[3]) in S.get("mine", ())]


def report_with(files, **over):
    ip = pub.fresh_ip()
    cookie, token, _ = pub.open_form(ip=ip)
    a = pub.post_multipart("/submit", pub.report_fields(token, **over) + [("format", "xml")],
                           files, cookie=cookie, ip=ip)
    assert a.status == 200, a.text[:300]
    x = a.xml()
    ticket, code = x.findtext("ticket"), x.findtext("code")
    cid = int(sql("SELECT id FROM report WHERE ticket = '%s'" % ticket)[0][0])
    return cid, ticket, code


def close_case(cid, intake, handler):
    lead = con.dept_id("长春市南关区工业和信息化局")
    assert intake.act(cid, "accept").status == 200
    assert intake.act(cid, "transfer", lead=lead, department=[lead]).status == 200
    assert handler.act(cid, "start_inspection").status == 200
    assert handler.act(cid, "inspect", inspected_on=sql("SELECT DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR)")[0][0],
                       team="核查组", findings="现场核查。", verdict="true",
                       text="经现场核查，举报情况属实。").status == 200
    assert handler.act(cid, "dispose", measure=["dismantle"], deadline="2026-12-31").status == 200
    assert handler.act(cid, "progress", text="已拆除。", complete="1").status == 200
    assert handler.act(cid, "feedback", text="经核查，举报情况属实，已责令拆除。").status == 200
    assert intake.act(cid, "release").status == 200


TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


@test
def cases_in_several_states_with_attachments_and_identities():
    con.setup_staff()
    intake, handler = con.Browser(), con.Browser()
    intake.login(con.U["intake"])
    handler.login(con.U["handler"])
    lead = con.dept_id("长春市南关区工业和信息化局")
    cases = {}
    cases["submitted"] = report_with([("attachment", "a.png", pub.PNG)],
                                     reporter_name="备份甲", reporter_phone="13600000001")
    cases["accepted"] = report_with([("attachment", "b.jpg", pub.JPEG)],
                                    reporter_name="备份乙", reporter_phone="13600000002")
    cases["transferred"] = report_with([("attachment", "c.png", pub.PNG),
                                        ("attachment", "d.pdf", pub.PDF)],
                                       reporter_name="备份丙", reporter_phone="13600000003")
    cases["closed"] = report_with([], reporter_name="备份丁", reporter_phone="13600000004")
    cases["rejected"] = report_with([], category="violation", anonymous="1",
                                    reporter_name=None, reporter_phone=None)
    assert intake.act(cases["accepted"][0], "accept").status == 200
    cid = cases["transferred"][0]
    assert intake.act(cid, "accept").status == 200
    assert intake.act(cid, "transfer", lead=lead, department=[lead]).status == 200
    close_case(cases["closed"][0], intake, handler)
    assert intake.act(cases["rejected"][0], "reject", reason="out_of_scope",
                      text="不属于本平台受理范围。").status == 200
    for state, (cid, _, _) in cases.items():
        assert sql("SELECT state FROM report WHERE id = %d" % cid)[0][0] == state, state
    a = intake.act(cases["accepted"][0], "reveal")
    assert a.status == 200 and "备份乙" in a.text and "13600000002" in a.text
    S["cases"] = cases
    S["mine"] = {c[0] for c in cases.values()}
    assert len([r for r in attachment_rows()]) >= 4


@test
def backup_writes_dump_attachments_and_manifest_never_keys():
    S["before"] = snapshot()
    S["files"] = {name: stored_sha(name) for _, name, _ in attachment_rows()}
    r = ctl("backup", BACKUP)
    assert r.returncode == 0, r.stderr
    assert sql("SELECT COUNT(*) FROM audit WHERE action = 'backup'")[0][0] != "0"
    manifest = open(os.path.join(BACKUP, "MANIFEST")).read().splitlines()
    assert manifest[0] == "jubao-backup 1" and manifest[-1] == "end %d" % (len(manifest) - 5)
    listed = {line.split()[3]: line.split()[1] for line in manifest if line.startswith("file ")}
    assert "db.sql" in listed
    for _, name, sha in attachment_rows():        # every file the dump names, by its sum
        assert listed.get("attachments/%s/%s" % (name[:2], name)) == sha, name
    keys = [line.split()[-1] for line in open(os.path.join(pub.STATE, "secrets", "jubao.keys"))
            if line.startswith(("mac_key", "identity_key"))]
    for path in glob.glob(os.path.join(BACKUP, "**"), recursive=True):
        if os.path.isfile(path):
            data = open(path, "rb").read()
            assert not any(k.encode() in data for k in keys), path
            assert os.stat(path).st_mode & 0o077 == 0, path
    # a second backup into the same directory, or one among the keys, is refused
    assert ctl("backup", BACKUP).returncode == 1
    r = ctl("backup", os.path.join(pub.STATE, "secrets", "backup"))
    assert r.returncode == 1 and not os.path.exists(os.path.join(pub.STATE, "secrets", "backup"))


@test
def restore_refuses_a_database_that_is_not_empty():
    before = sql("SELECT COUNT(*) FROM audit")[0][0]
    r = ctl("restore", BACKUP)
    assert r.returncode == 1 and "not empty" in r.stderr, r.stderr
    assert sql("SELECT COUNT(*) FROM audit")[0][0] == before


@test
def restore_refuses_a_changed_byte_or_a_missing_manifest():
    for victim in ("db.sql", "attachments"):
        bad = os.path.join(TMP, "bad-" + victim)
        shutil.copytree(BACKUP, bad)
        path = os.path.join(bad, victim) if victim == "db.sql" else \
            sorted(glob.glob(os.path.join(bad, "attachments", "*", "*")))[0]
        data = bytearray(open(path, "rb").read())
        data[len(data) // 2] ^= 0x01
        open(path, "wb").write(bytes(data))
        r = ctl("restore", "--force", bad)
        assert r.returncode == 1 and "SHA-256" in r.stderr, r.stderr
    partial = os.path.join(TMP, "partial")
    shutil.copytree(BACKUP, partial)
    os.unlink(os.path.join(partial, "MANIFEST"))
    r = ctl("restore", "--force", partial)
    assert r.returncode == 1 and "MANIFEST" in r.stderr, r.stderr
    lines = open(os.path.join(BACKUP, "MANIFEST")).read().splitlines()
    open(os.path.join(partial, "MANIFEST"), "w").write("\n".join(lines[:-1]) + "\n")
    r = ctl("restore", "--force", partial)
    assert r.returncode == 1 and "not a finished backup" in r.stderr, r.stderr
    # nothing was touched: the live database is as it was before the backup
    assert snapshot()["report"] == S["before"]["report"]


@test
def a_fresh_stack_on_the_same_keys_comes_back_with_everything():
    assert os.path.exists(os.path.join(BACKUP, "MANIFEST")), "no backup: the state is kept"
    pub.stack("stop")
    shutil.rmtree(os.path.join(pub.STATE, "db"))
    shutil.rmtree(os.path.join(pub.STATE, "attachments"))
    os.environ["JUBAO_RESTORE"] = BACKUP
    try:
        pub.stack("start")
    finally:
        del os.environ["JUBAO_RESTORE"]
    after = snapshot()
    for t in TABLES:
        assert after[t] == S["before"][t], t
    n = len(S["before"]["audit"])
    assert after["audit"][:n] == S["before"]["audit"]
    # the backup's own audit row follows its dump, so only the restore's is new
    assert [row[4] for row in after["audit"][n:]] == [b"restore"], after["audit"][n:]
    for _, name, sha in attachment_rows():
        assert stored_sha(name) == sha == S["files"][name], name


@test
def restored_cases_identities_and_attachments_through_the_console():
    con.SESSIONS.clear()            # sign in again: password and second factor, restored
    intake = con.Browser()
    intake.login(con.U["intake"])
    cases = S["cases"]
    for state, (cid, ticket, code) in cases.items():
        assert intake.case_xml(cid).find("report").get("state") == state, state
        c = pub.lookup(ticket, code, ip=pub.fresh_ip()).xml()
        assert c.findtext("state") == state, state
    a = intake.act(cases["accepted"][0], "reveal")
    assert a.status == 200 and "备份乙" in a.text and "13600000002" in a.text, a.text[:300]
    assert con.audit_count("reveal_identity", cases["accepted"][0]) == 2
    for aid, name, sha in attachment_rows():
        d = intake.get("/admin/attachment?id=%s" % aid)
        assert d.status == 200 and hashlib.sha256(d.body).hexdigest() == sha, aid
    # and the public channel takes new reports on the restored database
    cid, _, _ = report_with([("attachment", "e.png", pub.PNG)])
    assert cid > max(c[0] for c in cases.values())


# ---- upgrades: a database at the first release's schema -----------------------------------

UPDB = "jubao_upgrade_test"
FIRST_RELEASE = ["001", "002", "003", "004", "005", "006", "007"]


def up_sql(query):
    r = subprocess.run(["mariadb", "--no-defaults", "--default-character-set=utf8mb4", "-S",
                        pub.DBSOCK, "-u", "root", "-N", "-B", UPDB, "-e", query],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return [line.split("\t") for line in r.stdout.splitlines()]


def first_release_database():
    sql("DROP DATABASE IF EXISTS %s; CREATE DATABASE %s CHARACTER SET utf8mb4 "
        "COLLATE utf8mb4_bin" % (UPDB, UPDB))
    conf = os.path.join(TMP, "upgrade.conf")
    with open(CONF) as f:
        text = f.read()
    with open(conf, "w") as f:
        f.write(text + "\ndb_name = %s\n" % UPDB)
    old = os.path.join(TMP, "sql-first-release")
    os.mkdir(old)
    for n in FIRST_RELEASE:
        for p in glob.glob(os.path.join(pub.ROOT, "sql", n + "_*.sql")):
            shutil.copy(p, old)
    r = ctl("migrate", "--user", "root", "--sql-dir", old, conf=conf)
    assert r.returncode == 0 and "7 applied" in r.stdout, r.stdout + r.stderr
    return conf


def first_release_data():
    dept = up_sql("SELECT id FROM department WHERE name = '吉林省工业和信息化厅'")[0][0]
    up_sql("INSERT INTO staff (login, display_name, pw_hash, pw_salt, pw_iter, must_change) "
           "VALUES ('oldadmin', '旧管理员', UNHEX(SHA2('a', 256)), UNHEX(REPEAT('11', 16)), "
           "1000, 0), ('oldintake', '旧接报员', UNHEX(SHA2('b', 256)), "
           "UNHEX(REPEAT('22', 16)), 1000, 0)")
    up_sql("INSERT INTO staff_role (staff_id, role, department_id) SELECT id, 'admin', %s "
           "FROM staff WHERE login = 'oldadmin' UNION ALL SELECT id, 'intake', %s FROM staff "
           "WHERE login = 'oldintake'" % (dept, dept))
    up_sql("INSERT INTO report (ticket, code_mac, state, category, standards, industry, region, "
           "subject_type, subject_name, description, anonymous, submitted_at, due_date) VALUES "
           "('1234567890123456', UNHEX(SHA2('c', 256)), 'accepted', 'backward', 'energy', "
           "'steel', '220102', 'enterprise', '旧版本钢铁公司', '旧版本的举报内容描述文字。', 0, "
           "'2026-11-20 10:00:00', '2026-11-24')")
    up_sql("INSERT INTO report_event (report_id, at, state, text) SELECT id, submitted_at, "
           "'submitted', '已收到' FROM report; INSERT INTO report_identity (report_id, alg, "
           "key_id, sealed) SELECT id, 1, 1, UNHEX(REPEAT('ab', 60)) FROM report; "
           "INSERT INTO attachment (report_id, stored_name, mime, size, sha256, added_at) "
           "SELECT id, REPEAT('a', 32), 'image/png', 10, UNHEX(SHA2('d', 256)), submitted_at "
           "FROM report")


@test
def migrate_dry_run_lists_pending_and_upgrade_keeps_the_data():
    conf = first_release_database()
    first_release_data()
    tables = ["report", "report_event", "report_identity", "attachment", "staff"]
    before = {t: raw_sql("SELECT * FROM %s ORDER BY 1" % t, UPDB) for t in tables}
    versions = up_sql("SELECT version FROM schema_version ORDER BY version")
    r = ctl("migrate", "--user", "root", "--dry-run", "--sql-dir",
            os.path.join(pub.ROOT, "sql"), conf=conf)
    assert r.returncode == 0, r.stderr
    pending = sorted(os.path.basename(p) for p in glob.glob(os.path.join(pub.ROOT, "sql",
                                                                          "*.sql"))
                     if os.path.basename(p)[:3] not in FIRST_RELEASE)
    assert [line.split()[-1] for line in r.stdout.splitlines() if "would apply" in line] == \
        pending, r.stdout
    assert up_sql("SELECT version FROM schema_version ORDER BY version") == versions
    assert up_sql("SHOW TABLES LIKE 'staff_change'") == []
    r = ctl("migrate", "--user", "root", "--sql-dir", os.path.join(pub.ROOT, "sql"), conf=conf)
    assert r.returncode == 0 and "%d applied" % len(pending) in r.stdout, r.stdout + r.stderr
    for t in ("report_event", "report_identity", "attachment"):
        assert raw_sql("SELECT * FROM %s ORDER BY 1" % t, UPDB) == before[t], t
    assert len(raw_sql("SELECT * FROM report", UPDB)) == 1
    assert up_sql("SELECT subject_name, description, state FROM report") == \
        [["旧版本钢铁公司", "旧版本的举报内容描述文字。", "accepted"]]
    assert up_sql("SELECT s.login, r.role FROM staff_role r JOIN staff s ON s.id = r.staff_id "
                  "ORDER BY s.login") == [["oldadmin", "secadmin"], ["oldintake", "intake"]]
    assert len(raw_sql("SELECT * FROM staff", UPDB)) == 2
    r = ctl("migrate", "--user", "root", "--dry-run", "--sql-dir",
            os.path.join(pub.ROOT, "sql"), conf=conf)
    assert r.returncode == 0 and "0 pending" in r.stdout, r.stdout
    sql("DROP DATABASE %s" % UPDB)


def main():
    try:
        return pub.run_tests(TESTS, "backup")
    finally:
        shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
