#!/usr/bin/env python3
"""Integration tests of strong sign-in (issue 8), against the real stack: every failure answers
alike, guesses are counted before they are evaluated (also in parallel), the throttle holds one
address back without locking the owner out, a TOTP code is used once, switching TOTP on or off
takes the password, and the audit trail never holds a typed unknown login.

Usage: test_signin.py BASE_URL STATE_DIR [test-name-substring]
Prints "signin: N passed, N failed".
"""

import os
import re
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_public as pub  # noqa: E402
import test_console as con  # noqa: E402
from test_console import PASSWORD, Browser, make_staff, sql, totp_now  # noqa: E402

PROV = "吉林省工业和信息化厅"
WRONG = "Wrong-password-123"
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def new_staff(prefix):
    """A handler: its second factor is optional, so the tests switch it on and off."""
    login = prefix + con.SUFFIX
    return login, make_staff(login, [("handler", PROV)])


def normalised(answer, login):
    """The page without what differs by request: the form token and the echoed login."""
    text = re.sub(r'name="csrf" value="[^"]*"', 'name="csrf" value=""', answer.text)
    return text.replace(login, "LOGIN")


def failed_logins(sid):
    return int(sql("SELECT failed_logins FROM staff WHERE id = %d" % sid)[0][0])


def audit_of(sid, action):
    return int(sql("SELECT COUNT(*) FROM audit WHERE staff_id = %d AND action = '%s'" %
                   (sid, action))[0][0])


def enrol_totp(b):
    """Switch TOTP on for b's user; returns the secret and the code that was used."""
    x = b.get("/admin/totp?format=xml").xml()
    secret = x.findtext("secret")
    code = totp_now(secret)
    a = b.post("/admin/totp", [("csrf", b.csrf), ("action", "enable"), ("password", PASSWORD),
                               ("code", code)])
    assert a.status == 200, a.text[:300]
    return secret, code


def next_code(secret):
    return totp_now(secret, time.time() + 30)


# ---------------------------------------------------------------- 1. one answer for all failures

@test
def unknown_wrong_password_wrong_code_and_throttled_answer_alike():
    login, _ = new_staff("alike")
    tlogin, _ = new_staff("alikt")
    b = Browser()
    b.login(tlogin)
    secret, _ = enrol_totp(b)
    unknown = Browser().login("nobody" + con.SUFFIX, WRONG)
    wrong = Browser().login(login, WRONG)
    bad_code = "000000" if next_code(secret) != "000000" else "111111"
    wrong_code = Browser().login(tlogin, totp=bad_code)
    attacker = Browser()
    for _ in range(5):
        assert attacker.login(login, WRONG).status == 401
    throttled = attacker.login(login)                # the right password, from a held-back address
    answers = [(unknown, "nobody" + con.SUFFIX), (wrong, login), (wrong_code, tlogin),
               (throttled, login)]
    for a, _ in answers:
        assert a.status == 401, a.status
        assert "锁定" not in a.text
    pages = {normalised(a, name) for a, name in answers}
    assert len(pages) == 1, "the answers differ"


# ---------------------------------------------------------------- 2. counted before evaluated

@test
def parallel_guesses_are_evaluated_no_more_than_the_policy_allows():
    login, sid = new_staff("para")
    ip = pub.fresh_ip()
    statuses = []

    def guess():
        statuses.append(Browser(ip).login(login, WRONG).status)

    threads = [threading.Thread(target=guess) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(statuses) == 20 and set(statuses) == {401}, statuses
    # auth_lock_seconds: the first four attempts go free, the fifth makes the next wait
    assert failed_logins(sid) <= 5, failed_logins(sid)
    assert audit_of(sid, "login_failed") <= 5
    assert audit_of(sid, "login_failed") + audit_of(sid, "login_throttled") == 20


# ---------------------------------------------------------------- 3. per (account, address)

@test
def owner_from_another_address_signs_in_after_an_attackers_guesses():
    login, sid = new_staff("owner")
    attacker = Browser()
    for _ in range(8):
        assert attacker.login(login, WRONG).status == 401
    assert attacker.login(login).status == 401        # held back, even with the password
    owner = Browser()
    a = owner.login(login)
    assert a.status == 200 and "<dashboard" in owner.get("/admin/?format=xml").text
    assert failed_logins(sid) == 0                    # a success clears the count


# ---------------------------------------------------------------- 4. a TOTP code is used once

@test
def totp_code_is_accepted_once():
    login, sid = new_staff("once")
    b = Browser()
    b.login(login)
    secret, used = enrol_totp(b)
    assert Browser().login(login, totp=used).status == 401          # the enrolling code
    code = next_code(secret)
    c = Browser()
    assert c.login(login, totp=code).status == 200
    assert "<dashboard" in c.get("/admin/?format=xml").text
    assert Browser().login(login, totp=code).status == 401          # replayed
    step = int(sql("SELECT totp_last_step FROM staff WHERE id = %d" % sid)[0][0])
    assert step >= int(time.time() // 30)


# ---------------------------------------------------------------- 5. on and off with the password

@test
def totp_enrolment_needs_the_password_and_it_can_be_switched_off():
    login, sid = new_staff("onoff")
    b = Browser()
    b.login(login)
    secret = b.get("/admin/totp?format=xml").xml().findtext("secret")
    a = b.post("/admin/totp", [("csrf", b.csrf), ("action", "enable"), ("code", totp_now(secret))])
    assert a.status == 400
    a = b.post("/admin/totp", [("csrf", b.csrf), ("action", "enable"), ("password", WRONG),
                               ("code", totp_now(secret))])
    assert a.status == 400 and 'name="password"' in a.text
    assert sql("SELECT totp_secret IS NULL FROM staff WHERE id = %d" % sid)[0][0] == "1"
    secret, used = enrol_totp(b)
    assert 'value="disable"' in b.get("/admin/totp").text
    off = [("csrf", b.csrf), ("action", "disable")]
    assert b.post("/admin/totp", off + [("code", next_code(secret))]).status == 400
    assert b.post("/admin/totp", off + [("password", PASSWORD), ("code", used)]).status == 400
    assert b.post("/admin/totp", off + [("password", WRONG),
                                        ("code", next_code(secret))]).status == 400
    assert sql("SELECT totp_secret IS NULL FROM staff WHERE id = %d" % sid)[0][0] == "0"
    a = b.post("/admin/totp", off + [("password", PASSWORD), ("code", next_code(secret))])
    assert a.status == 200, a.text[:300]
    assert sql("SELECT totp_secret IS NULL FROM staff WHERE id = %d" % sid)[0][0] == "1"
    assert audit_of(sid, "totp_disable") == 1
    c = Browser()
    assert c.login(login).status == 200 and "<dashboard" in c.get("/admin/?format=xml").text


# ---------------------------------------------------------------- 6. no typed login in the audit

@test
def failed_login_audit_never_stores_the_typed_text():
    typed = "Pw-in-login-field-" + con.SUFFIX
    before = con.audit_count("login_failed")
    assert Browser().login(typed, WRONG).status == 401
    assert con.audit_count("login_failed") == before + 1
    rows = sql("SELECT COUNT(*) FROM audit WHERE login LIKE '%%%s%%' OR detail LIKE '%%%s%%'" %
               (typed, typed))
    assert rows[0][0] == "0"
    last = sql("SELECT staff_id, login FROM audit WHERE action = 'login_failed' "
               "ORDER BY id DESC LIMIT 1")[0]
    assert last[0] == "NULL" and re.fullmatch(r"\?[0-9a-f]{12}", last[1]), last
    # a known account's failure names the account by its id
    login, sid = new_staff("named")
    assert Browser().login(login, WRONG).status == 401
    assert audit_of(sid, "login_failed") == 1


def main():
    con.setup_staff()
    return pub.run_tests(TESTS, "signin")


if __name__ == "__main__":
    sys.exit(main())
