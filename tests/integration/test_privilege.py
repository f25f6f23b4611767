#!/usr/bin/env python3
"""Least privilege (issue 8, finding 8), against the real stack: submit, status and pages run
with their own configuration, key file and database account, and that account can insert a
sealed identity but never read one, and cannot touch staff tables. As root (CI, make check)
the stack runs the public programs and the console as two system users (jubao-public,
jubao-console), each reading only its own key file and configuration, sharing only the
attachment store; every worker runs under its seccomp filter (lib/sandbox.c). Without root
those tests say so and are skipped (the stack then runs everything as the invoking user).

Usage: test_privilege.py BASE_URL STATE_DIR [test-name-substring]
Prints "privilege: N passed, N failed".
"""

import grp
import os
import pwd
import stat
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_public as pub  # noqa: E402

TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def keyfile(name):
    return os.path.join(pub.STATE, "secrets", name)


def setting(path, key):
    for line in open(path, encoding="utf-8"):
        k, _, v = line.partition("=")
        if k.strip() == key:
            return v.strip()
    return None


def as_public(query):
    """Run query as the public programs' database account: (exit status, output)."""
    pw = setting(keyfile("public.keys"), "db_password")
    r = subprocess.run(["mariadb", "--no-defaults", "-S", pub.DBSOCK, "-u", "jubao_public",
                        "-p" + pw, "-N", "-B", "jubao", "-e", query],
                       capture_output=True, text=True, timeout=30)
    return r.returncode, r.stdout + r.stderr


@test
def public_account_cannot_read_identities_or_staff_tables():
    a, _, _ = pub.submit(ip=pub.fresh_ip(), reporter_name="权限测试人",
                         reporter_phone="13900001111")
    assert a.status == 200                                    # it did insert one
    for table in ("report_identity", "staff", "staff_role", "staff_session", "audit",
                  "routing_rule", "mail_queue", "report_note"):
        rc, out = as_public("SELECT COUNT(*) FROM %s" % table)
        assert rc != 0 and "denied" in out, (table, rc, out)
    rc, out = as_public("UPDATE report SET anonymous = 1 WHERE id = 0")
    assert rc != 0 and "denied" in out, out                  # only the reply's columns
    rc, out = as_public("SELECT COUNT(*) FROM report")
    assert rc == 0, out                                       # what the lookup needs


@test
def public_programs_run_with_their_own_configuration_and_keys():
    for prog in ("submit", "status", "pages"):
        pids = subprocess.run(["pgrep", "-f", "/cgi/%s %s/conf/public.conf" % (prog, pub.STATE)],
                              capture_output=True, text=True).stdout.split()
        assert pids, prog
    assert subprocess.run(["pgrep", "-f", "/cgi/admin %s/conf/jubao.conf" % pub.STATE],
                          capture_output=True, text=True).stdout.split()
    public_conf = os.path.join(pub.STATE, "conf", "public.conf")
    assert setting(public_conf, "db_user") == "jubao_public"
    assert setting(public_conf, "key_file") == keyfile("public.keys")
    # the console's database password is not in the public programs' key file
    assert setting(keyfile("public.keys"), "db_password") != \
        setting(keyfile("jubao.keys"), "db_password")
    for name in ("public.keys", "jubao.keys"):
        mode = stat.S_IMODE(os.stat(keyfile(name)).st_mode)
        assert mode == 0o600, (name, oct(mode))
    # public-key sealing: the public programs hold the public half only, the console the pair
    public_lines = [l for l in open(keyfile("public.keys")) if l.startswith("identity_key")]
    console_lines = [l for l in open(keyfile("jubao.keys")) if l.startswith("identity_key")]
    assert public_lines and all(" x25519-public " in l for l in public_lines), public_lines
    assert any(" x25519 " in l for l in console_lines), console_lines


@test
def fastcgi_sockets_are_0660():
    run = os.path.join(pub.STATE, "run")
    for prog in PROGRAMS:
        mode = stat.S_IMODE(os.stat(os.path.join(run, prog + ".sock")).st_mode)
        assert mode == 0o660, (prog, oct(mode))


PROGRAMS = ("submit", "status", "pages", "admin")
PUBLIC_USER, CONSOLE_USER, SHARED_GROUP = "jubao-public", "jubao-console", "jubao"


def user_of(prog):
    return CONSOLE_USER if prog == "admin" else PUBLIC_USER


def not_root(name):
    """True (and says why) when the stack cannot have separate users: it runs as one."""
    if os.geteuid() == 0:
        return False
    print("skip %s: not root, so the stack runs every program as the invoking user "
          "(scripts/stack.sh)" % name, flush=True)
    return True


def workers(prog):
    """The pids of prog's workers in this stack (argv: .../cgi/PROG STATE/conf/...), without
    their multiwatch."""
    out = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                argv = f.read().split(b"\0")
        except OSError:
            continue
        if len(argv) >= 2 and argv[0].decode(errors="replace").endswith("/cgi/" + prog) and \
                argv[1].decode(errors="replace").startswith(os.path.join(pub.STATE, "conf") + "/"):
            out.append(int(pid))
    assert out, "no %s workers" % prog
    return out


def status_fields(pid):
    fields = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            k, _, v = line.partition(":")
            fields[k] = v.split()
    return fields


def as_user(user, *argv):
    """argv run as the system user: (exit status, output)."""
    r = subprocess.run(["runuser", "-u", user, "--"] + list(argv), capture_output=True,
                       text=True, errors="replace", timeout=30)
    return r.returncode, r.stdout + r.stderr


def serve_each_program():
    for path in ("/", "/submit", "/status", "/channels", "/admin/login"):
        for _ in range(4):
            a = pub.get(path, ip=pub.fresh_ip())
            assert a.status == 200, (path, a.status)


@test
def public_programs_and_console_run_as_different_unprivileged_users():
    if not_root("separate users"):
        return
    uids = {}
    for prog in PROGRAMS:
        for pid in workers(prog):
            st = status_fields(pid)
            uid, gid = set(st["Uid"]), set(st["Gid"])   # real, effective, saved, file system
            assert len(uid) == 1 and len(gid) == 1, (prog, st["Uid"], st["Gid"])
            uid = int(uid.pop())
            assert uid != 0 and pwd.getpwuid(uid).pw_name == user_of(prog), (prog, uid)
            assert int(gid.pop()) != 0, prog
            # the shared group (the attachment store), and no other supplementary group
            groups = {grp.getgrgid(int(g)).gr_name for g in st["Groups"]}
            assert groups == {user_of(prog), SHARED_GROUP}, (prog, groups)
            uids.setdefault(prog, set()).add(uid)
    public = uids["submit"] | uids["status"] | uids["pages"]
    assert len(public) == 1 and public.isdisjoint(uids["admin"]), uids
    for user in (PUBLIC_USER, CONSOLE_USER):
        entry = pwd.getpwnam(user)
        assert entry.pw_shell in ("/usr/sbin/nologin", "/bin/false"), entry


@test
def each_user_reads_only_its_own_key_file_and_configuration():
    if not_root("file modes"):
        return
    conf = lambda name: os.path.join(pub.STATE, "conf", name)      # noqa: E731
    own = {PUBLIC_USER: (keyfile("public.keys"), conf("public.conf")),
           CONSOLE_USER: (keyfile("jubao.keys"), conf("jubao.conf"))}
    for user, files in own.items():
        other = own[CONSOLE_USER if user == PUBLIC_USER else PUBLIC_USER]
        for path in files:
            rc, out = as_user(user, "cat", path)
            assert rc == 0 and out, (user, path, out)
        for path in other:
            rc, out = as_user(user, "cat", path)
            assert rc != 0 and "Permission denied" in out, (user, path, rc, out)
            assert "mac_key" not in out and "db_password" not in out
    # nobody else reads either
    for path in own[PUBLIC_USER] + own[CONSOLE_USER]:
        rc, out = as_user("nobody", "cat", path)
        assert rc != 0 and "Permission denied" in out, (path, out)


@test
def each_user_connects_only_to_its_own_fastcgi_socket():
    if not_root("sockets"):
        return
    connect = "import socket,sys; socket.socket(socket.AF_UNIX).connect(sys.argv[1])"
    for prog in PROGRAMS:
        path = os.path.join(pub.STATE, "run", prog + ".sock")
        for user in (PUBLIC_USER, CONSOLE_USER, "nobody"):
            if user == user_of(prog):
                continue    # its own (spawn-fcgi gives it the socket); nginx is root here
            rc, out = as_user(user, "python3", "-c", connect, path)
            assert rc != 0 and "PermissionError" in out, (user, prog, rc, out)


@test
def every_worker_is_under_its_seccomp_filter_after_serving():
    if not_root("seccomp status"):
        return
    serve_each_program()
    for prog in PROGRAMS:
        for pid in workers(prog):
            st = status_fields(pid)
            assert st["Seccomp"] == ["2"], (prog, pid, st["Seccomp"])      # filter mode
            assert st["NoNewPrivs"] == ["1"], (prog, pid)
            # undumpable (lib/sandbox.c): /proc/PID/* belongs to root, not to the worker's user
            assert os.stat("/proc/%d/status" % pid).st_uid == 0, (prog, pid)


@test
def attachments_are_shared_by_group_and_by_nobody_else():
    if not_root("attachment store"):
        return
    ip = pub.fresh_ip()
    cookie, token, _ = pub.open_form(ip=ip)
    fields = pub.report_fields(token) + [("format", "xml")]
    a = pub.post_multipart("/submit", fields, [("attachment", "p.png", pub.PNG)],
                           cookie=cookie, ip=ip)
    assert a.status == 200, a.text
    name = pub.sql("SELECT a.stored_name FROM attachment a JOIN report r ON r.id = a.report_id "
                   "WHERE r.ticket = '%s'" % a.xml().findtext("ticket"))[0][0]
    store = os.path.join(pub.STATE, "attachments")
    path = os.path.join(store, name[:2], name)
    st = os.stat(path)
    assert pwd.getpwuid(st.st_uid).pw_name == PUBLIC_USER              # submit wrote it
    assert grp.getgrgid(st.st_gid).gr_name == SHARED_GROUP
    assert stat.S_IMODE(st.st_mode) == 0o640, oct(st.st_mode)
    for d in (store, os.path.dirname(path)):
        ds = os.stat(d)
        assert grp.getgrgid(ds.st_gid).gr_name == SHARED_GROUP, d
        assert stat.S_IMODE(ds.st_mode) & 0o2070 == 0o2070, (d, oct(ds.st_mode))
        assert stat.S_IMODE(ds.st_mode) & 0o007 == 0, (d, oct(ds.st_mode))
    rc, out = as_user(CONSOLE_USER, "cat", path)
    assert rc == 0 and out, out                                          # the console reads it
    rc, out = as_user("nobody", "cat", path)
    assert rc != 0 and "Permission denied" in out, out


@test
def database_accounts_work_over_the_socket_as_the_workers_users():
    if not_root("database from the users"):
        return
    for user, account, keys in ((PUBLIC_USER, "jubao_public", "public.keys"),
                                (CONSOLE_USER, "jubao", "jubao.keys")):
        pw = setting(keyfile(keys), "db_password")
        rc, out = as_user(user, "mariadb", "--no-defaults", "-S", pub.DBSOCK, "-u", account,
                          "-p" + pw, "-N", "-B", "jubao", "-e", "SELECT CURRENT_USER()")
        assert rc == 0 and out.strip() == account + "@localhost", (user, rc, out)


def main():
    return pub.run_tests(TESTS, "privilege")


if __name__ == "__main__":
    sys.exit(main())
