# bench/staff.sh: sourced by the console benchmarks (bench/console.sh, bench/stats.sh) from the
# top of the tree, once they have exported STATE_DIR, PORT and BUILD: their stack and SQL on it,
# staff members with a known password (PBKDF2 at 1000 iterations: the benchmarks measure pages,
# not logins), their sign-in, and wrk against a page as one of them.

# console_stack: a fresh stack in STATE_DIR (wiped first), stopped when the script exits.
console_stack() {
	mkdir -p bench/results
	rm -rf "$STATE_DIR"
	trap 'scripts/stack.sh stop >/dev/null 2>&1 || true' EXIT
	scripts/stack.sh start > /dev/null
}
sql() { mariadb --no-defaults --default-character-set=utf8mb4 -S "$STATE_DIR/run/mysqld.sock" -u root jubao "$@"; }

# mkuser LOGIN ROLE DEPARTMENT-NAME
mkuser() {
	local login=$1 role=$2 dept=$3 salt hash
	salt=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
	hash=$(python3 -c "import hashlib,sys; print(hashlib.pbkdf2_hmac('sha256', b'Bench-Pass-2026', bytes.fromhex(sys.argv[1]), 1000).hex())" "$salt")
	sql -e "INSERT INTO staff (login, display_name, pw_hash, pw_salt, pw_iter, must_change)
		VALUES ('$login', '$login', UNHEX('$hash'), UNHEX('$salt'), 1000, 0);
		INSERT INTO staff_role (staff_id, role, department_id) SELECT s.id, '$role', d.id
		FROM staff s, department d WHERE s.login = '$login' AND d.name = '$dept';"
}

# login JAR LOGIN: signs in, keeps the cookies in JAR and prints the session cookie's value.
login() {
	local jar=$1 who=$2 token
	token=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/jubao/admin/login" |
		sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
	curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$token" \
		--data-urlencode "login=$who" --data-urlencode "password=Bench-Pass-2026" \
		"http://127.0.0.1:$PORT/jubao/admin/login"
	sed -n 's/.*jubao_staff\t\([0-9a-f]*\)$/\1/p' "$jar"
}

# enrolled LOGIN: mark a signed-in custodian's second factor as set up, so that its session
# reaches the pages instead of the set-up page (/admin/totp: intake and contact must enrol
# before anything else). Not a key: nothing in a benchmark signs in with it again.
enrolled() {
	sql -e "UPDATE staff SET totp_secret = 'bench: no factor' WHERE login = '$1'"
}

# wrk_page WIDTH NAME COOKIE PATH: wrk -t2 -c$CONNS -d$DUR against /jubao$PATH with the session
# cookie COOKIE (empty: none to speak of), and one line: NAME (padded to WIDTH), requests/s,
# p99 and the non-2xx answers.
wrk_page() {
	local width=$1 name=$2 cookie=$3 path=$4 line rps p99 non2xx code
	# wrk counts a redirect as success: a page that does not answer 200 is not measured
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: jubao_staff=$cookie" \
		"http://127.0.0.1:$PORT/jubao$path")
	if [ "$code" != 200 ]; then
		printf '%-*s not measured: HTTP %s\n' "$width" "$name" "$code"
		return
	fi
	line=$(wrk -t2 -c"$CONNS" -d"${DUR}s" --latency -H "Cookie: jubao_staff=$cookie" \
		"http://127.0.0.1:$PORT/jubao$path" 2>&1)
	rps=$(echo "$line" | awk '/Requests\/sec/ {print $2}')
	p99=$(echo "$line" | awk '/ 99%/ {print $2}')
	non2xx=$(echo "$line" | awk '/Non-2xx/ {print $5}')
	printf '%-*s %10s req/s   p99 %8s   non-2xx %s\n' "$width" "$name" "$rps" "$p99" "${non2xx:-0}"
}
