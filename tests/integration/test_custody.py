#!/usr/bin/env python3
"""The custody test (issue 8): a named report's identity, tried by every role and by the
combinations of roles an administrator could give an account, through every page of the
console, format=xml, the reveal action, the lists, the dashboard, the audit trail, the
attachment download and jubaoctl export, and through the public status lookup. Only the two
custodians (the intake officer who screened the report, the verification contact named on it)
see it, each view audited.

Administrators hold no case role (三员分立; the combinations below are made directly in the
database, as a hostile operator could, and still reach nothing because an administrative role
reaches no case). A security administrator who makes an intake account for itself must have a
second one approve the grant (test_console_rules.py); the account is then an intake officer
like any other and is covered here as one: it does not see a report it did not screen.

Usage: test_custody.py BASE_URL STATE_DIR [test-name-substring]
Prints "custody: N passed, N failed".
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_public as pub  # noqa: E402
import test_console as con  # noqa: E402
from test_console import Browser, U, sql, dept_id, make_staff, public_report  # noqa: E402

PROV = "吉林省工业和信息化厅"
CITY = "长春市工业和信息化局"
NANGUAN = "长春市南关区工业和信息化局"
COOP = "长春市南关区生态环境局"
OTHER = "长春市朝阳区工业和信息化局"
NAME, PHONE, IDNO = "监护测试人", "13922223333", "110101199003071233"
SECRETS = (NAME, PHONE, IDNO)

# Every single role, and the combinations an administrator could hand out, at the departments
# that matter for a case in 南关区 transferred to 南关 工信 (lead) and 南关 生态环境 (coop).
ACCOUNTS = {
    "intake_other": [("intake", PROV)],           # an intake officer who did not screen it
    "intake_city": [("intake", CITY)],
    "handler_lead": [("handler", NANGUAN)],
    "handler_coop": [("handler", COOP)],
    "handler_other": [("handler", OTHER)],
    "contact_lead": [("contact", NANGUAN)],        # a contact, but not the one named
    "contact_coop": [("contact", COOP)],
    "supervisor_city": [("supervisor", CITY)],
    "supervisor_prov": [("supervisor", PROV)],
    "publisher": [("publisher", PROV)],
    "sysadmin": [("sysadmin", PROV)],
    "secadmin": [("secadmin", PROV)],
    "auditor": [("auditor", PROV)],
    "admins": [("sysadmin", PROV), ("secadmin", PROV), ("auditor", PROV)],
    "secadmin_intake": [("secadmin", PROV), ("intake", CITY)],
    "auditor_contact": [("auditor", PROV), ("contact", NANGUAN)],
    "handler_contact": [("handler", NANGUAN), ("contact", COOP)],
    "contact_handler": [("contact", NANGUAN), ("handler", COOP)],
    "all_but_custody": [("intake", CITY), ("handler", NANGUAN), ("contact", COOP),
                        ("supervisor", PROV), ("publisher", PROV), ("sysadmin", PROV),
                        ("secadmin", PROV), ("auditor", PROV)],
}

TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def leaks(text):
    return [s for s in SECRETS if s in text]


def pages(cid, ticket, aid):
    return ["/admin/case?id=%d" % cid, "/admin/case?id=%d&format=xml" % cid,
            "/admin/cases", "/admin/cases?format=xml", "/admin/cases?q=%s" % ticket,
            "/admin/cases?q=%s&format=xml" % ticket, "/admin/", "/admin/?format=xml",
            "/admin/audit?format=xml", "/admin/audit", "/admin/attachment?id=%s" % aid,
            "/admin/users?format=xml", "/admin/intake",
            "/admin/cases.csv", "/admin/cases.csv?q=%s" % ticket]


@test
def only_the_two_custodians_ever_see_the_identity():
    cid, ticket, code = public_report(reporter_name=NAME, reporter_phone=PHONE,
                                      reporter_id_no=IDNO)
    sql("INSERT INTO attachment (report_id, stored_name, mime, size, sha256, added_at) "
        "VALUES (%d, '%s', 'image/png', 1, UNHEX(SHA2('x', 256)), NOW())"
        % (cid, "%032x" % cid))
    aid = sql("SELECT MAX(id) FROM attachment WHERE report_id = %d" % cid)[0][0]
    screener = Browser()
    screener.login(U["intake"])
    assert screener.act(cid, "accept").status == 200
    assert screener.act(cid, "transfer", lead=dept_id(NANGUAN),
                        department=[dept_id(COOP)]).status == 200
    handler = Browser()
    handler.login(U["handler"])
    contact_id = int(sql("SELECT id FROM staff WHERE login = '%s'" % U["contact"])[0][0])
    assert handler.act(cid, "set_contact", staff=contact_id).status == 200
    views = con.audit_count("reveal_identity", cid)
    tried = 0
    for label, roles in ACCOUNTS.items():
        login = "cust" + label.replace("_", "") + con.SUFFIX
        make_staff(login, roles)
        b = Browser()
        a = b.login(login)
        assert a.status in (200, 303), (label, a.status)
        for path in pages(cid, ticket, aid):
            r = b.get(path)
            assert not leaks(r.text), (label, path, leaks(r.text))
            tried += 1
        r = b.act(cid, "reveal")
        assert r.status in (403, 404, 409) and not leaks(r.text), (label, r.status)
        tried += 1
    assert con.audit_count("reveal_identity", cid) == views    # none of them saw it
    # the two custodians do, each view audited
    for who in (screener, ):
        r = who.act(cid, "reveal")
        assert r.status == 200 and NAME in r.text and PHONE in r.text
    contact = Browser()
    contact.login(U["contact"])
    r = contact.act(cid, "reveal")
    assert r.status == 200 and NAME in r.text
    assert con.audit_count("reveal_identity", cid) == views + 2
    # the public side and jubaoctl export never carry it
    r = pub.lookup(ticket, code, ip=pub.fresh_ip(), xml=False)
    assert r.status == 200 and not leaks(r.text)
    r = pub.lookup(ticket, code, ip=pub.fresh_ip(), xml=True)
    assert not leaks(r.text)
    ctl = os.path.join(os.environ.get("BUILD", "build"), "tools", "jubaoctl")
    if not os.path.isabs(ctl):
        ctl = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ctl)
    out = subprocess.run([ctl, "-c", os.path.join(pub.STATE, "conf", "jubao.conf"), "export"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and ticket[:4] in out.stdout and not leaks(out.stdout)
    assert tried > 200, tried


def main():
    con.setup_staff()
    return pub.run_tests(TESTS, "custody")


if __name__ == "__main__":
    sys.exit(main())
