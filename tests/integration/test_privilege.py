#!/usr/bin/env python3
"""Least privilege of the public programs (issue 8, finding 8 in part), against the real stack:
submit, status and pages run with their own configuration, key file and database account, and
that account can insert a sealed identity but never read one, and cannot touch staff tables.

Usage: test_privilege.py BASE_URL STATE_DIR [test-name-substring]
Prints "privilege: N passed, N failed".
"""

import os
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
def fastcgi_sockets_are_not_world_writable():
    run = os.path.join(pub.STATE, "run")
    for prog in ("submit", "status", "pages", "admin"):
        mode = stat.S_IMODE(os.stat(os.path.join(run, prog + ".sock")).st_mode)
        assert mode & 0o007 == 0, (prog, oct(mode))


def main():
    return pub.run_tests(TESTS, "privilege")


if __name__ == "__main__":
    sys.exit(main())
