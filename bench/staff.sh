# bench/staff.sh: sourced by the benchmark scripts (after they define sql and PORT): staff
# members with a known password (PBKDF2 at 1000 iterations: the benchmarks measure pages, not
# logins) and their sign-in.

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
