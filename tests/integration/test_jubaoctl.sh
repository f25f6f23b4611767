#!/bin/bash
# Integration tests of tools/jubaoctl against a running stack (scripts/stack.sh start, migrations
# applied): migrate, create-admin, reset-password, demo, a report submitted through the real form,
# sweep (overdue marking, reminder mail through a stand-in sendmail), export, and key rotation.
#
#   tests/integration/test_jubaoctl.sh STATE_DIR PORT        (BUILD: the build directory)
#
# Prints "ok …" / "FAIL …" lines and ends with "jubaoctl: N passed, N failed". It adds identity
# keys to the stack's key file (never removes one) and rotates the identities back to the key
# that was current, so the running programs and the database agree when it is done.
set -uo pipefail

STATE=$(cd "$1" && pwd)
PORT=$2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
CTL="$BUILD/tools/jubaoctl"
CONF="$STATE/conf/jubao.conf"
KEYS="$STATE/secrets/jubao.keys"
SOCK="$STATE/run/mysqld.sock"
BASE="http://127.0.0.1:$PORT/jubao"
TMP=$(mktemp -d /tmp/jubaoctl-test.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export JUBAO_CONF="$CONF"

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok $*"; }
bad() { failed=$((failed + 1)); echo "FAIL $*"; }
# check NAME COMMAND…: the command's exit status decides
check() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
sql() { mariadb --no-defaults --default-character-set=utf8mb4 -S "$SOCK" -u root jubao -N -B -e "$1"; }
randhex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }
# A client address of our own (believed when the stack trusts 127.0.0.1 as its proxy, as
# scripts/check.sh configures it), so that earlier tests' rate limits do not bite here.
CLIENT="10.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))"
has() { grep -q -- "$2" "$1"; }
hasnt() { ! grep -q -- "$2" "$1"; }

# Log in at the console; prints the HTTP status (303 when the password was right).
console_login() {
	local jar="$TMP/jar.$1" tok
	rm -f "$jar"
	tok=$(curl -s -H "X-Real-IP: $CLIENT" -c "$jar" "$BASE/admin/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
	curl -s -o /dev/null -w '%{http_code}' -H "X-Real-IP: $CLIENT" -b "$jar" -c "$jar" \
		--data-urlencode "csrf=$tok" \
		--data-urlencode "login=$1" --data-urlencode "password=$2" "$BASE/admin/login"
}

# Submit a report through the public form; prints the ticket (16 digits) or nothing.
submit_report() {
	local jar="$TMP/jar.submit" tok
	rm -f "$jar"
	tok=$(curl -s -H "X-Real-IP: $CLIENT" -c "$jar" "$BASE/submit" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
	curl -s -H "X-Real-IP: $CLIENT" -b "$jar" -F "csrf=$tok" -F category=backward -F standard=energy -F industry=steel \
		-F region=220102 -F subject_type=enterprise -F "subject_name=$1" \
		-F subject_address=测试地址 -F description=至少十个字的举报内容描述 -F anonymous=0 \
		-F reporter_name=张三 -F reporter_phone=13800138000 "$BASE/submit" |
		grep -o '[1-9][0-9]\{3\} [0-9]\{4\} [0-9]\{4\} [0-9]\{4\}' | head -1 | tr -d ' '
}

[ -x "$CTL" ] || { bad "jubaoctl is built ($CTL)"; echo "jubaoctl: $passed passed, $failed failed"; exit 1; }

# ---- help, usage errors ----
"$CTL" help > "$TMP/help" 2>&1
check "help exits 0" test $? = 0
check "help names every command" bash -c "for w in migrate create-admin reset-password demo rotate sweep export keygen publish credit-export backup restore spool-import status; do grep -q \"\$w\" '$TMP/help' || exit 1; done"
"$CTL" frobnicate > /dev/null 2> "$TMP/err"
check "unknown command exits 1" test $? = 1
check "unknown command: one line on stderr" test "$(wc -l < "$TMP/err")" = 1
"$CTL" -c "$TMP/nonexistent.conf" export > /dev/null 2>&1
check "missing configuration exits 1" test $? = 1

# ---- migrate ----
"$CTL" migrate --user root > "$TMP/out" 2>&1
check "migrate --user root exits 0" test $? = 0
check "migrate: nothing to do" has "$TMP/out" "nothing to do"
"$CTL" migrate > "$TMP/out" 2>&1
check "migrate as the configured user: nothing to do" has "$TMP/out" "nothing to do"
mkdir -p "$TMP/sql"
printf 'CREATE TABLE jubaoctl_test_t (a INT);\nINSERT INTO schema_version (version, name) VALUES (999, "999_test");\n' \
	> "$TMP/sql/999_test.sql"
"$CTL" migrate --sql-dir "$TMP/sql" > "$TMP/out" 2>&1
check "migrate without DDL rights fails" test $? = 1
check "migrate failure says why" has "$TMP/out" "denied"
check "a failed migration is not recorded" test "$(sql 'SELECT COUNT(*) FROM schema_version WHERE version = 999')" = 0
# From an empty database (the one runner: scripts/stack.sh starts a stack this way), then again.
scratch="jubaoctl_scratch_$$"
nfiles=$(ls "$ROOT"/sql/[0-9][0-9][0-9]_*.sql | wc -l)
sql "CREATE DATABASE $scratch CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
sed "s|^db_name .*|db_name = $scratch|" "$CONF" > "$TMP/scratch.conf"
"$CTL" -c "$TMP/scratch.conf" migrate --user root --sql-dir "$ROOT/sql" > "$TMP/out" 2>&1
check "migrate on an empty database exits 0" test $? = 0
check "migrate on an empty database applies every file" has "$TMP/out" "migrate: $nfiles applied"
check "migrate on an empty database: every version recorded" test \
	"$(sql "SELECT COUNT(*) FROM $scratch.schema_version")" = "$nfiles"
"$CTL" -c "$TMP/scratch.conf" migrate --user root --sql-dir "$ROOT/sql" > "$TMP/out" 2>&1
check "migrate twice: the second run exits 0" test $? = 0
check "migrate twice: the second run is a no-op and says so" has "$TMP/out" "nothing to do ($nfiles files, all applied)"
sql "DROP DATABASE $scratch"

# ---- create-admin ----
admin="ctladmin$$"
echo 'Operator-Pass-2026' | "$CTL" create-admin "$admin" '测试管理员' --email "$admin@example.invalid" \
	--department "$(sql "SELECT id FROM department WHERE name = '长春市工业和信息化局'")" > "$TMP/out" 2>&1
check "create-admin exits 0" test $? = 0
check "create-admin: the security administrator role only (no case role: no identity)" test \
	"$(sql "SELECT GROUP_CONCAT(r.role ORDER BY CAST(r.role AS CHAR)) FROM staff s JOIN staff_role r ON r.staff_id = s.id WHERE s.login = '$admin'")" = "secadmin"
check "create-admin: must change, PBKDF2 count" test \
	"$(sql "SELECT CONCAT(must_change, ' ', pw_iter) FROM staff WHERE login = '$admin'")" = "1 310000"
check "create-admin: audit row" test \
	"$(sql "SELECT COUNT(*) FROM audit WHERE action = 'create_user' AND detail = '$admin' AND staff_id IS NULL AND login = 'jubaoctl'")" = 1
check "create-admin: audit row without client, at the time of Beijing" test \
	"$(sql "SET time_zone = '+08:00'; SELECT COUNT(*) FROM audit WHERE action = 'create_user' AND detail = '$admin' AND client = '' AND report_id IS NULL AND at BETWEEN NOW() - INTERVAL 5 MINUTE AND NOW() + INTERVAL 1 MINUTE")" = 1
check "create-admin: the password works at the console" test "$(console_login "$admin" 'Operator-Pass-2026')" = 303
echo 'Operator-Pass-2026' | "$CTL" create-admin "$admin" x > /dev/null 2>&1
check "create-admin: an existing login is refused" test $? = 1
echo 'short' | "$CTL" create-admin "${admin}b" x > "$TMP/out" 2>&1
check "create-admin: a weak password is refused" test $? = 1
check "create-admin: nothing made for a refused password" test "$(sql "SELECT COUNT(*) FROM staff WHERE login = '${admin}b'")" = 0
echo 'Operator-Pass-2026' | "$CTL" create-admin 'Bad Login' x > /dev/null 2>&1
check "create-admin: a malformed login is refused" test $? = 1
# Without region_scope there is no default department (never another province's); with it,
# a department outside that province, or not a 工信 one, is refused.
echo 'Operator-Pass-2026' | "$CTL" create-admin "${admin}n" x > "$TMP/out" 2>&1
check "create-admin without region_scope or --department is refused" test $? = 1
check "create-admin: says what to configure" has "$TMP/out" region_scope
cp "$CONF" "$TMP/scoped.conf"
echo 'region_scope = 22' >> "$TMP/scoped.conf"
echo 'Operator-Pass-2026' | "$CTL" -c "$TMP/scoped.conf" create-admin "${admin}o" x \
	--department "$(sql "SELECT id FROM department WHERE name = '辽宁省工业和信息化厅'")" > "$TMP/out" 2>&1
check "create-admin: a department of another province is refused" test $? = 1
echo 'Operator-Pass-2026' | "$CTL" -c "$TMP/scoped.conf" create-admin "${admin}f" x \
	--department "$(sql "SELECT id FROM department WHERE name = '长春市发展和改革局'")" > "$TMP/out" 2>&1
check "create-admin: a department that is not 工信 is refused" test $? = 1
check "create-admin: nothing made when refused" test \
	"$(sql "SELECT COUNT(*) FROM staff WHERE login IN ('${admin}n', '${admin}o', '${admin}f')")" = 0
if command -v script > /dev/null 2>&1; then
	script -qec "$CTL -c $TMP/scoped.conf create-admin ${admin}g '生成密码管理员'" /dev/null < /dev/null > "$TMP/out" 2>&1
	gen=$(sed -n 's/^password: \([A-Za-z0-9]*\).*/\1/p' "$TMP/out" | tr -d '\r')
	check "create-admin on a terminal generates a password" test "${#gen}" = 16
	check "create-admin: the default department is region_scope's provincial gongxin" test \
		"$(sql "SELECT d.kind, d.region_code FROM staff s JOIN staff_role r ON r.staff_id = s.id JOIN department d ON d.id = r.department_id WHERE s.login = '${admin}g' AND r.role = 'secadmin'" | tr '\t' ' ')" = "gongxin 220000"
fi

# ---- reset-password ----
sid=$(sql "SELECT id FROM staff WHERE login = '$admin'")
sql "INSERT INTO staff_session (token_hash, staff_id, csrf, created_at, last_seen) VALUES (UNHEX(SHA2('$admin', 256)), $sid, 'x', 1, 1); UPDATE staff SET failed_logins = 9, locked_until = 99999999999, must_change = 0 WHERE id = $sid"
"$CTL" reset-password "$admin" > "$TMP/out" 2>&1
check "reset-password exits 0" test $? = 0
newpw=$(sed -n "s/^new password for $admin: \([A-Za-z0-9]*\)$/\1/p" "$TMP/out")
check "reset-password prints a 16-character password" test "${#newpw}" = 16
check "reset-password: unlocked, must change" test \
	"$(sql "SELECT CONCAT(must_change, failed_logins, locked_until) FROM staff WHERE id = $sid")" = 100
check "reset-password: sessions ended" test "$(sql "SELECT COUNT(*) FROM staff_session WHERE staff_id = $sid")" = 0
check "reset-password: audit row" test \
	"$(sql "SELECT COUNT(*) FROM audit WHERE action = 'reset_password' AND detail = '$admin'")" = 1
check "reset-password: the owner is told at the next sign-in" test \
	"$(sql "SELECT COUNT(*) FROM staff_notice WHERE staff_id = $sid AND seen = 0 AND text LIKE '%jubaoctl%'")" = 1
check "reset-password: the new password works" test "$(console_login "$admin" "$newpw")" = 303
check "reset-password: the old one does not" test "$(console_login "$admin" 'Operator-Pass-2026')" != 303
"$CTL" reset-password "nosuch$$" > /dev/null 2>&1
check "reset-password: unknown login exits 1" test $? = 1

# ---- demo ----
JUBAO_DEMO=1 "$CTL" demo > "$TMP/out" 2>/dev/null
check "demo exits 0" test $? = 0
"$CTL" demo > /dev/null 2>&1
check "demo refuses without JUBAO_DEMO=1 (never on production by accident)" test $? = 1
JUBAO_DEMO=1 "$CTL" demo > "$TMP/out" 2>/dev/null
check "demo again: nothing new" has "$TMP/out" "0 created, 9 existed"
check "demo: nine accounts with roles and departments" test "$(sql "SELECT COUNT(*) FROM staff s JOIN staff_role r ON r.staff_id = s.id JOIN department d ON d.id = r.department_id WHERE (s.login, r.role, d.name) IN (('admin','secadmin','吉林省工业和信息化厅'), ('admin2','secadmin','吉林省工业和信息化厅'), ('sysadmin','sysadmin','吉林省工业和信息化厅'), ('auditor','auditor','吉林省工业和信息化厅'), ('intake','intake','吉林省工业和信息化厅'), ('nanguan','handler','长春市南关区工业和信息化局'), ('contact','contact','长春市南关区工业和信息化局'), ('supervisor','supervisor','长春市工业和信息化局'), ('publisher','publisher','吉林省工业和信息化厅')) AND s.must_change = 0 AND s.email = CONCAT(s.login, '@example.invalid')")" = 9
check "demo: the demo password works" test "$(console_login publisher Jubao-demo-2026)" = 303

# ---- a report through the public form ----
ticket=$(submit_report "测试企业$$")
check "a report was submitted through the form" test "${#ticket}" = 16
rid=$(sql "SELECT id FROM report WHERE ticket = '$ticket'")
ticket2=$(submit_report "=HYPERLINK(\"x\"),\"引号\"公司$$")
check "a second report with a hostile subject name" test "${#ticket2}" = 16
grouped="${ticket:0:4} ${ticket:4:4} ${ticket:8:4} ${ticket:12:4}"

# ---- sweep ----
"$CTL" sweep --today 2000-01-01 > "$TMP/out" 2>&1
check "sweep before any due date: nothing overdue" has "$TMP/out" "0 newly overdue"
check "sweep: the report is not overdue yet" test "$(sql "SELECT overdue FROM report WHERE id = $rid")" = 0
"$CTL" sweep --today 2030-01-01 --sendmail "$TMP/no-sendmail" > "$TMP/out" 2>&1
check "sweep exits 0" test $? = 0
check "sweep: the report is overdue" test "$(sql "SELECT overdue FROM report WHERE id = $rid")" = 1
check "sweep: audit row" test "$(sql "SELECT COUNT(*) FROM audit WHERE action = 'overdue' AND report_id = $rid")" = 1
check "sweep: reminder queued for the intake officer" test \
	"$(sql "SELECT COUNT(*) FROM mail_queue WHERE recipient = 'intake@example.invalid' AND subject = '【举报办理超期提醒】受理编号 $grouped' AND sent_at IS NULL")" = 1
nmail=$(sql "SELECT COUNT(*) FROM mail_queue WHERE subject LIKE '%$grouped'")
# exactly the intake staff (with an address) of the 工信 departments over 220102
check "sweep: reminders for exactly the responsible staff" test \
	"$(sql "SELECT GROUP_CONCAT(recipient ORDER BY recipient) FROM mail_queue WHERE subject LIKE '%$grouped'")" = \
	"$(sql "SELECT GROUP_CONCAT(DISTINCT s.email ORDER BY s.email) FROM staff s JOIN staff_role r ON r.staff_id = s.id JOIN department d ON d.id = r.department_id WHERE r.role = 'intake' AND d.kind = 'gongxin' AND d.region_code IN ('220000', '220100', '220102') AND s.disabled = 0 AND s.email <> ''")"
check "sweep: the mail names the case page" test \
	"$(sql "SELECT COUNT(*) FROM mail_queue WHERE subject LIKE '%$grouped' AND body LIKE '%/jubao/admin/case?id=$rid\n%'")" = "$nmail"
check "sweep: no identity or description in mail" test \
	"$(sql "SELECT COUNT(*) FROM mail_queue WHERE body LIKE '%张三%' OR body LIKE '%13800138000%' OR body LIKE '%举报内容描述%' OR subject LIKE '%张三%'")" = 0
check "sweep without sendmail: mail stays queued" has "$TMP/out" "stay queued"
"$CTL" sweep --today 2030-01-01 --sendmail "$TMP/no-sendmail" > /dev/null 2>&1
check "sweep again: no second reminder" test \
	"$(sql "SELECT COUNT(*) FROM mail_queue WHERE subject LIKE '%$grouped'")" = "$nmail"
cat > "$TMP/sendmail" <<EOF
#!/bin/sh
# stand-in for sendmail: keeps its arguments and each message
echo "\$*" > "$TMP/mail.args"
cat > "$TMP/mail.\$\$"
EOF
chmod +x "$TMP/sendmail"
"$CTL" sweep --today 2030-01-01 --sendmail "$TMP/sendmail" > "$TMP/out" 2>&1
check "sweep sends through sendmail" test $? = 0
check "sweep: sendmail called with -t -oi" test "$(cat "$TMP/mail.args" 2>/dev/null)" = "-t -oi"
check "sweep: sent mail marked" test \
	"$(sql "SELECT COUNT(*) FROM mail_queue WHERE subject LIKE '%$grouped' AND sent_at IS NOT NULL")" = "$nmail"
python3 - "$grouped" "$rid" "$TMP"/mail.[0-9]* > "$TMP/out" 2>&1 <<'EOF'
import email, sys
from email.header import decode_header, make_header
want, rid, found = '【举报办理超期提醒】受理编号 ' + sys.argv[1], sys.argv[2], 0
for path in sys.argv[3:]:
    raw = open(path, 'rb').read()
    m = email.message_from_bytes(raw)
    subject = str(make_header(decode_header(m['Subject'])))
    body = m.get_payload(decode=True).decode('utf-8')
    # every message: plain UTF-8 text, short lines, nothing about the reporter
    assert m.get_content_type() == 'text/plain' and m.get_content_charset() == 'utf-8'
    assert all(len(l) <= 76 for l in raw.split(b'\n')), 'long line in ' + path
    assert '张三' not in body and '13800138000' not in body and '举报内容描述' not in body
    if subject == want and m['To'] == 'intake@example.invalid':
        assert sys.argv[1] in body and '/jubao/admin/case?id=' + rid + '\n' in body
        found += 1
assert found == 1, found
EOF
r=$?
check "sweep: the messages decode (RFC 2047 subject, UTF-8 body, no identity)" test $r = 0
[ $r = 0 ] || cat "$TMP/out"
"$CTL" sweep --today 2030-01-01 --sendmail /bin/false > /dev/null 2>&1
check "sweep: nothing left to send" test "$(sql "SELECT COUNT(*) FROM mail_queue WHERE subject LIKE '%$grouped' AND sent_at IS NULL")" = 0
"$CTL" sweep --today 2030-13-01 > /dev/null 2>&1
check "sweep: a bad date exits 1" test $? = 1

# ---- export ----
# the second report stands for an anonymous one: its export shows the date, not the time
sql "UPDATE report SET anonymous = 1 WHERE ticket = '$ticket2'"
"$CTL" export --state submitted > "$TMP/export.csv" 2> /dev/null
check "export exits 0" test $? = 0
check "export starts with a UTF-8 BOM" test "$(head -c 3 "$TMP/export.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
python3 - "$TMP/export.csv" "$grouped" "${ticket2:0:4} ${ticket2:4:4} ${ticket2:8:4} ${ticket2:12:4}" "$$" \
	> "$TMP/out" 2>&1 <<'EOF'
import csv, sys
raw = open(sys.argv[1], 'rb').read()
assert raw.startswith(b'\xef\xbb\xbf') and b'\r\n' in raw
text = raw[3:].decode('utf-8')
assert '张三' not in text and '13800138000' not in text and '举报内容描述' not in text
rows = list(csv.reader(text.splitlines()))
assert rows[0] == ['ticket', 'state', 'category', 'industry', 'region', 'subject_type',
    'subject_name', 'submitted_at', 'due_date', 'overdue', 'verdict'], rows[0]
by = {r[0]: r for r in rows[1:]}
r = by[sys.argv[2]]
assert r[1:7] == ['submitted', 'backward', 'steel', '220102', 'enterprise', '测试企业' + sys.argv[4]], r
assert r[9] == '1' and r[10] == '', r
h = by[sys.argv[3]]
# RFC 4180 quoting round-trips; a formula is defused with a leading apostrophe
assert h[6] == '\'=HYPERLINK("x"),"引号"公司' + sys.argv[4], h[6]
assert len(h[7]) == 10 and len(r[7]) == 19, (h[7], r[7])   # anonymous: the day only
assert all(row[1] == 'submitted' for row in rows[1:])
EOF
r=$?
check "export: columns, quoting, formula guard, no identity" test $r = 0
[ $r = 0 ] || cat "$TMP/out"
"$CTL" export --state nonsense > /dev/null 2>&1
check "export: unknown state exits 1" test $? = 1

# ---- progress: one line rewritten with \r on a terminal's stderr, nothing under cron ----
CR=$'\r'
"$CTL" export > /dev/null 2> "$TMP/err"
check "export without a terminal: stderr is the summary line only" test "$(cat "$TMP/err")" = "jubaoctl: exported $(sql "SELECT COUNT(*) FROM report") reports"
"$CTL" stats-rebuild > "$TMP/out" 2> "$TMP/err"
check "stats-rebuild without a terminal: no progress line" hasnt "$TMP/err" "$CR"
check "stats-rebuild without a terminal: one summary line" test "$(wc -l < "$TMP/err")" = 1
"$CTL" sweep --sendmail /nonexistent > "$TMP/out" 2> "$TMP/err"
check "sweep without a terminal: no progress line" hasnt "$TMP/err" "$CR"
check "sweep without a terminal: no 'checked' counter" hasnt "$TMP/err" "checked"
# under script(1) stderr is a terminal (stdout goes to /dev/null inside the command)
script -qec "$CTL export > /dev/null" /dev/null < /dev/null > "$TMP/tty" 2>&1
check "export on a terminal: a progress line rewritten with CR" has "$TMP/tty" "${CR}jubaoctl: reports exported: [1-9]"
script -qec "$CTL stats-rebuild > /dev/null" /dev/null < /dev/null > "$TMP/tty" 2>&1
check "stats-rebuild on a terminal: a progress line" has "$TMP/tty" "${CR}jubaoctl: reports replayed: [1-9]"
check "stats-rebuild on a terminal: then the summary" has "$TMP/tty" "statistics rebuilt from"

# ---- rotate ----
orig_cur=$(sed -n 's/^identity_current = //p' "$KEYS")
maxid=$(sed -n 's/^identity_key = \([0-9]*\) .*/\1/p' "$KEYS" | sort -n | tail -1)
k2=$((maxid + 1))
k3=$((maxid + 2))
set_current() { sed -i "s/^identity_current = .*/identity_current = $1/" "$KEYS"; }
total=$(sql "SELECT COUNT(*) FROM report_identity")
check "rotate: there are identities to rotate" test "$total" -ge 1

# A TOTP secret sealed under the current key for one demo account, made independently of the
# C code when Python's cryptography package is there (the unseal checks below use it too). It
# has no SM2: SM2 records go through the openssl command (SM2 encryption of OpenSSL itself, with
# a key file written here from the raw scalar), the SM3 binding digest is computed here.
have_py=0
python3 -c 'import cryptography.hazmat.primitives.ciphers.aead' 2> /dev/null && have_py=1
cat > "$TMP/seal.py" <<'EOF'
import base64, struct, subprocess, sys, os, tempfile
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

def keyring(path):
    ks = {}
    for line in open(path):
        if line.startswith('identity_key'):
            f = line.split('=', 1)[1].split()
            ks[int(f[0])] = (f[1] if len(f) == 3 else 'aes-256-gcm', bytes.fromhex(f[-1]))
    return ks

def sm3mac(key, *parts):
    h = hmac.HMAC(key, hashes.SM3())
    for p in parts:
        h.update(p)
    return h.finalize()

def der(tag, body):
    n = len(body)
    size = bytes([n]) if n < 0x80 else bytes([0x81, n]) if n < 0x100 else bytes([0x82, n >> 8, n & 0xff])
    return bytes([tag]) + size + body

# openssl pkeyutl OP (-encrypt, -decrypt) with the SM2 private scalar d (an RFC 5915 key on the
# SM2 curve, OID 1.2.156.10197.1.301) over data
def sm2_pkeyutl(op, d, data):
    key = der(0x30, der(0x02, b'\x01') + der(0x04, d) + der(0xa0, bytes.fromhex('06082a811ccf5501822d')))
    with tempfile.NamedTemporaryFile(suffix='.pem') as f:
        f.write(b'-----BEGIN EC PRIVATE KEY-----\n' + base64.encodebytes(key) + b'-----END EC PRIVATE KEY-----\n')
        f.flush()
        return subprocess.run(['openssl', 'pkeyutl', op, '-inkey', f.name], input=data,
                              capture_output=True, check=True).stdout

# the digest that binds header and aad inside an SM2 message
def sm2_bind(hdr, aad):
    h = hashes.Hash(hashes.SM3())
    h.update(hdr + aad + struct.pack('>Q', len(aad)))
    return h.finalize()

def raw_pub(k):
    return k.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

# X25519 + HKDF-SHA256 (salt ephemeral || recipient public) -> the AES-256-GCM key
def pk_key(shared, epub, rpub):
    return HKDF(hashes.SHA256(), 32, epub + rpub, b'jubao identity v1').derive(shared)

def unseal(ks, aad, blob):
    hdr, alg, kid = blob[:5], blob[0], struct.unpack('>I', blob[1:5])[0]
    name, key = ks[kid]
    assert alg == {'aes-256-gcm': 1, 'sm4-ctr-hmac-sm3': 2, 'x25519': 3, 'sm2': 4}[name], 'alg'
    if alg == 4:
        msg = sm2_pkeyutl('-decrypt', key, blob[5:])
        if msg[:32] != sm2_bind(hdr, aad):
            raise ValueError('binding digest mismatch')
        return msg[32:]
    if alg == 3:
        priv, epub = X25519PrivateKey.from_private_bytes(key), blob[5:37]
        k = pk_key(priv.exchange(X25519PublicKey.from_public_bytes(epub)), epub, raw_pub(priv))
        return AESGCM(k).decrypt(blob[37:49], blob[49:], hdr + aad)
    if alg == 1:
        return AESGCM(key).decrypt(blob[5:17], blob[17:], hdr + aad)
    iv, ct, tag = blob[5:21], blob[21:-32], blob[-32:]
    mac = sm3mac(key, b'jubao seal mac')
    if sm3mac(mac, hdr, iv, ct, aad, struct.pack('>Q', len(aad))) != tag:
        raise ValueError('tag mismatch')
    d = Cipher(algorithms.SM4(sm3mac(key, b'jubao seal enc')[:16]), modes.CTR(iv)).decryptor()
    return d.update(ct) + d.finalize()

def seal_aes(kid, key, aad, pt):
    hdr, iv = bytes([1]) + struct.pack('>I', kid), os.urandom(12)
    return hdr + iv + AESGCM(key).encrypt(iv, pt, hdr + aad)

def seal_sm2(kid, priv, aad, pt):
    hdr = bytes([4]) + struct.pack('>I', kid)
    return hdr + sm2_pkeyutl('-encrypt', priv, sm2_bind(hdr, aad) + pt)

def seal_pk(kid, priv, aad, pt):
    hdr, iv, eph = bytes([3]) + struct.pack('>I', kid), os.urandom(12), X25519PrivateKey.generate()
    rpub = raw_pub(X25519PrivateKey.from_private_bytes(priv))
    k = pk_key(eph.exchange(X25519PublicKey.from_public_bytes(rpub)), raw_pub(eph), rpub)
    return hdr + raw_pub(eph) + iv + AESGCM(k).encrypt(iv, pt, hdr + aad)

ks = keyring(sys.argv[2])
if sys.argv[1] == 'seal-totp':          # keys staff_id current_id -> hex blob
    kid = int(sys.argv[4])
    seal_fn = {'aes-256-gcm': seal_aes, 'x25519': seal_pk, 'sm2': seal_sm2}[ks[kid][0]]
    print(seal_fn(kid, ks[kid][1], b'totp:' + sys.argv[3].encode(), b'12345678901234567890').hex())
elif sys.argv[1] == 'check':            # keys want_key: rows "kind<TAB>aad<TAB>hex" on stdin
    want = int(sys.argv[3])
    for line in sys.stdin:
        kind, aad, h = line.rstrip('\n').split('\t')
        blob = bytes.fromhex(h)
        assert struct.unpack('>I', blob[1:5])[0] == want, 'key id'
        pt = unseal(ks, aad.encode(), blob)
        if kind == 'totp':
            assert pt == b'12345678901234567890'
EOF
supid=$(sql "SELECT id FROM staff WHERE login = 'supervisor'")
if [ "$have_py" = 1 ]; then
	blob=$(python3 "$TMP/seal.py" seal-totp "$KEYS" "$supid" "$orig_cur")
	sql "UPDATE staff SET totp_secret = UNHEX('$blob') WHERE id = $supid"
else
	echo "skip TOTP and independent unseal checks: python3 cryptography is not installed"
fi
py_check() {
	sql "SELECT 'identity', r.ticket, HEX(i.sealed) FROM report_identity i JOIN report r ON r.id = i.report_id UNION ALL SELECT 'totp', CONCAT('totp:', id), HEX(totp_secret) FROM staff WHERE id = $supid AND totp_secret IS NOT NULL" |
		python3 "$TMP/seal.py" check "$KEYS" "$1"
}

printf 'identity_key = %s sm4-ctr-hmac-sm3 %s\n' "$k2" "$(randhex 32)" >> "$KEYS"
set_current "$k2"
"$CTL" rotate --batch 1 > "$TMP/out" 2>&1
check "rotate to an SM4 key exits 0" test $? = 0
check "rotate without a terminal: no progress line, one summary per kind" test "$(grep -c 're-sealed' "$TMP/out")" -le 2 -a "$(grep -c "$CR" "$TMP/out")" = 0
check "rotate: re-sealed all" has "$TMP/out" "identities: re-sealed $total of $total"
check "rotate: every identity under the new key" test "$(sql "SELECT COUNT(*) FROM report_identity WHERE key_id <> $k2 OR alg <> 2")" = 0
check "rotate: audit row" test "$(sql "SELECT COUNT(*) FROM audit WHERE action = 'rotate_keys' AND detail LIKE 'key $k2:%'")" -ge 1
check "rotate: no plaintext printed" hasnt "$TMP/out" "张三"
if [ "$have_py" = 1 ]; then
	check "rotate: the TOTP secret moved too" has "$TMP/out" "totp secrets: re-sealed [1-9]"
	check "rotate: identities and TOTP open with the new key (independent check)" py_check "$k2"
fi
"$CTL" rotate > "$TMP/out" 2>&1
check "rotate again: nothing left" has "$TMP/out" "identities: 0 not under key $k2"
# Another key: re-opening what was sealed under the SM4 key proves it intact.
printf 'identity_key = %s aes-256-gcm %s\n' "$k3" "$(randhex 32)" >> "$KEYS"
set_current "$k3"
"$CTL" rotate --batch 2 > "$TMP/out" 2>&1
check "rotate from SM4 to AES exits 0 (the SM4 records opened)" test $? = 0
check "rotate: every identity under the third key" test "$(sql "SELECT COUNT(*) FROM report_identity WHERE key_id <> $k3 OR alg <> 1")" = 0
# A key file that lacks the key the records are under: refused, records untouched.
umask 077
grep -v "^identity_key = $k3 " "$KEYS" | sed "s/^identity_current = .*/identity_current = $k2/" > "$TMP/keys"
sed "s|^key_file .*|key_file = $TMP/keys|" "$CONF" > "$TMP/jubao.conf"
before=$(sql "SELECT MD5(GROUP_CONCAT(HEX(sealed) ORDER BY report_id)) FROM report_identity")
"$CTL" -c "$TMP/jubao.conf" rotate > "$TMP/out" 2>&1
check "rotate without the records' key exits 1" test $? = 1
check "rotate without the key leaves the records" test "$(sql "SELECT MD5(GROUP_CONCAT(HEX(sealed) ORDER BY report_id)) FROM report_identity")" = "$before"
# From the AES key to a new X25519 key (keygen's private line): public-key sealing.
k4=$((maxid + 3))
"$CTL" keygen "$k4" > "$TMP/keygen" 2>&1
check "keygen exits 0" test $? = 0
check "keygen: a private and a public line" test "$(grep -c "^identity_key = $k4 x25519 [0-9a-f]\{64\}\$" "$TMP/keygen"):$(grep -c "^identity_key = $k4 x25519-public [0-9a-f]\{64\}\$" "$TMP/keygen")" = 1:1
grep "^identity_key = $k4 x25519 " "$TMP/keygen" >> "$KEYS"
set_current "$k4"
"$CTL" rotate --batch 2 > "$TMP/out" 2>&1
check "rotate from AES to X25519 exits 0" test $? = 0
check "rotate: every identity under the X25519 key" test "$(sql "SELECT COUNT(*) FROM report_identity WHERE key_id <> $k4 OR alg <> 3")" = 0
if [ "$have_py" = 1 ]; then
	check "rotate: identities and TOTP open with the X25519 key (independent check)" py_check "$k4"
fi
# Only the public half of the records' key (the public programs' key file): nothing opens.
grep -v "^identity_key = $k4 " "$KEYS" | sed "s/^identity_current = .*/identity_current = $k3/" > "$TMP/keys"
grep "^identity_key = $k4 x25519-public " "$TMP/keygen" >> "$TMP/keys"
before=$(sql "SELECT MD5(GROUP_CONCAT(HEX(sealed) ORDER BY report_id)) FROM report_identity")
"$CTL" -c "$TMP/jubao.conf" rotate > "$TMP/out" 2>&1
check "rotate with only the X25519 public key exits 1" test $? = 1
check "rotate with only the public key: the records do not open" has "$TMP/out" "could not be opened"
check "rotate with only the public key leaves the records" test "$(sql "SELECT MD5(GROUP_CONCAT(HEX(sealed) ORDER BY report_id)) FROM report_identity")" = "$before"
# From X25519 to a new SM2 key (keygen --alg sm2), the 国密 public-key sealing; the rotation
# back below then goes from SM2 to the stack's own key (X25519 unless JUBAO_SEAL=sm2).
k5=$((maxid + 4))
"$CTL" keygen "$k5" --alg sm2 > "$TMP/keygen5" 2>&1
check "keygen --alg sm2 exits 0" test $? = 0
check "keygen --alg sm2: a private and a public line" test "$(grep -c "^identity_key = $k5 sm2 [0-9a-f]\{64\}\$" "$TMP/keygen5"):$(grep -c "^identity_key = $k5 sm2-public 04[0-9a-f]\{128\}\$" "$TMP/keygen5")" = 1:1
"$CTL" keygen "$k5" --alg rsa > /dev/null 2>&1
check "keygen: an unknown --alg exits 1" test $? = 1
grep "^identity_key = $k5 sm2 " "$TMP/keygen5" >> "$KEYS"
set_current "$k5"
"$CTL" rotate --batch 2 > "$TMP/out" 2>&1
check "rotate from X25519 to SM2 exits 0" test $? = 0
check "rotate: every identity under the SM2 key" test "$(sql "SELECT COUNT(*) FROM report_identity WHERE key_id <> $k5 OR alg <> 4")" = 0
check "rotate: no plaintext printed (SM2)" hasnt "$TMP/out" "张三"
if [ "$have_py" = 1 ]; then
	check "rotate: the TOTP secret moved to SM2 too" has "$TMP/out" "totp secrets: re-sealed [1-9]"
	check "rotate: identities and TOTP open with the SM2 key (independent check: openssl pkeyutl)" py_check "$k5"
fi
# Only the public half of the SM2 key: nothing opens, nothing changes.
grep -v "^identity_key = $k5 " "$KEYS" | sed "s/^identity_current = .*/identity_current = $k4/" > "$TMP/keys"
grep "^identity_key = $k5 sm2-public " "$TMP/keygen5" >> "$TMP/keys"
before=$(sql "SELECT MD5(GROUP_CONCAT(HEX(sealed) ORDER BY report_id)) FROM report_identity")
"$CTL" -c "$TMP/jubao.conf" rotate > "$TMP/out" 2>&1
check "rotate with only the SM2 public key exits 1" test $? = 1
check "rotate with only the SM2 public key: the records do not open" has "$TMP/out" "could not be opened"
check "rotate with only the SM2 public key leaves the records" test "$(sql "SELECT MD5(GROUP_CONCAT(HEX(sealed) ORDER BY report_id)) FROM report_identity")" = "$before"
# An OpenSSL without SM2, simulated: every algorithm must come from a FIPS provider, and there
# is none. A key file with an sm2 line is refused when it is loaded, saying why.
printf 'openssl_conf = init\n[init]\nalg_section = algs\n[algs]\ndefault_properties = fips=yes\n' > "$TMP/nosm2.cnf"
{ grep '^mac_key = ' "$KEYS"; grep "^identity_key = $k5 sm2-public " "$TMP/keygen5"; echo "identity_current = $k5"; } > "$TMP/keys"
OPENSSL_CONF="$TMP/nosm2.cnf" "$CTL" -c "$TMP/jubao.conf" rotate > "$TMP/out" 2>&1
check "an OpenSSL without SM2: the sm2 key line is refused at load" test $? = 1
check "an OpenSSL without SM2: the reason says so" has "$TMP/out" "has no SM2"
OPENSSL_CONF="$TMP/nosm2.cnf" "$CTL" keygen --alg sm2 > "$TMP/out" 2>&1
check "an OpenSSL without SM2: keygen --alg sm2 refuses" test $? = 1
# Back to the key the running programs use.
set_current "$orig_cur"
"$CTL" rotate > "$TMP/out" 2>&1
check "rotate back to the original key" test $? = 0
check "rotate: all under the original key again" test "$(sql "SELECT COUNT(*) FROM report_identity WHERE key_id <> $orig_cur")" = 0
if [ "$have_py" = 1 ]; then
	check "rotate: everything opens with the original key (independent check)" py_check "$orig_cur"
	sql "UPDATE staff SET totp_secret = NULL WHERE id = $supid"
fi
"$CTL" rotate --batch 0 > /dev/null 2>&1
check "rotate: a bad batch size exits 1" test $? = 1

echo "jubaoctl: $passed passed, $failed failed"
[ "$failed" = 0 ]
