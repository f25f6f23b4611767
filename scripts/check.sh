#!/bin/bash
# make check: build (warnings are errors), run the unit tests, start a private stack on free
# loopback ports and run the integration tests against it (behind nginx, and the public, console
# and edge suites again behind Apache, release build only); then all of it again built with
# AddressSanitizer + UndefinedBehaviorSanitizer. Uses its own state under a temporary
# directory, so it can run beside `make run`. Ends with one line "check: N passed, N failed".
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
TMP=$(mktemp -d /tmp/jubao-check.XXXXXX)
# Apache's children run as www-data (scripts/stack.sh, WEB=apache) and, as root, the stack's
# programs as their own system users: they must reach the state below $TMP (the state
# directories keep their own modes), and write sanitizer reports into $SANLOG (sticky, like /tmp).
chmod 711 "$TMP"
SANLOG="$TMP/sanitizers"
mkdir -m 1733 "$SANLOG"
passed=0
failed=0
started=""

cleanup() {
	[ -n "$started" ] && STATE_DIR="$started" scripts/stack.sh stop >/dev/null 2>&1
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Count the "name: N passed, N failed" lines a step prints.
tally() {
	local log=$1 p f
	while read -r p f; do
		passed=$((passed + p))
		failed=$((failed + f))
	done < <(sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' "$log")
}

step_failed() {
	echo "check: $1 failed" >&2
	failed=$((failed + 1))
}

# Replay every fuzz harness (tests/fuzz/fuzz_NAME.c) over its committed corpus with the
# variant's build of it ($build/fuzz/replay_NAME). Each prints "replay NAME: N passed, 0 failed";
# one that crashes, aborts or exits non-zero (a sanitizer report, a leak) counts one more failure.
replay_corpora() {
	local build=$1 src name out st rc=0
	for src in tests/fuzz/fuzz_*.c; do
		name=${src#tests/fuzz/fuzz_}
		name=${name%.c}
		out=$("$build/fuzz/replay_$name" tests/fuzz/corpus/"$name"/*)
		st=$?
		[ -n "$out" ] && echo "$out"
		if [ "$st" != 0 ]; then
			echo "replay $name: 0 passed, 1 failed (exit status $st)"
			rc=1
		fi
	done
	return $rc
}

# The public programs never link the staff logic: from a static archive only the members a
# program references are linked, so a symbol of lib/staff.c in submit, status or pages means
# something they use has come to depend on it; nor libxlsxwriter. Prints "link check: N passed, N failed".
link_check() {
	local build=$1 p hits ok=0 bad=0
	local staff_syms
	staff_syms=$(nm --defined-only -g "$build/lib/staff.o" | awk '{ print $3 }')
	for p in submit status pages lists; do
		hits=$(nm --defined-only "$build/cgi/$p" | awk '{ print $3 }' | grep -Fx "$staff_syms")
		if [ -z "$staff_syms" ] || [ -n "$hits" ]; then
			echo "link check: $p links the staff logic:" $hits
			bad=$((bad + 1))
		elif readelf -d "$build/cgi/$p" | grep -q 'libxlsxwriter'; then
			# the ledgers' .xlsx is the console's and jubaoctl's (Makefile XLSX_LIBS)
			echo "link check: $p links libxlsxwriter"
			bad=$((bad + 1))
		else
			ok=$((ok + 1))
		fi
	done
	echo "link check: $ok passed, $bad failed"
	[ "$bad" = 0 ]
}

# suite LABEL FILE TITLE: one integration suite against the stack of the variant being run
# (name, port, state from run_variant), its "…: N passed, N failed" line counted.
suite() {
	local log="$TMP/$name-$1.log"
	echo "== $name: $3"
	python3 "tests/integration/$2" "http://127.0.0.1:$port/jubao" "$state" 2>&1 | tee "$log"
	[ "${PIPESTATUS[0]}" = 0 ] || step_failed "$name $1 tests"
	tally "$log"
}

# The public, console and edge suites (temporary files, logs) through Apache instead of nginx.
apache_suites() {
	local state="$TMP/$name-apache-state" port
	local name="$name-apache"
	port=$(free_port)
	echo "== $name: stack with Apache"
	if ! WEB=apache STATE_DIR="$state" PORT="$port" scripts/stack.sh start > "$TMP/$name-stack.log" 2>&1; then
		cat "$TMP/$name-stack.log"
		step_failed "$name stack start"
		return
	fi
	started="$state"
	export WEB=apache                       # test_public restarts the stack: through Apache again
	suite integration test_public.py "public channel through Apache"
	suite console test_console.py "staff console tests through Apache"
	suite edges test_edges.py "edges (Apache's temporary files and logs, URLs, timing)"
	suite lists-public test_lists_public.py "published lists through Apache (their .gz siblings, rewrite rules)"
	unset WEB
	STATE_DIR="$state" scripts/stack.sh stop > /dev/null 2>&1
	started=""
	if [ "$failed" -gt 0 ]; then
		mkdir -p tests/artifacts
		cp -r "$state/log" "tests/artifacts/$name-logs" 2>/dev/null
	fi
}

run_variant() {
	local name=$1 build=$2 san=$3 state port log
	echo "== $name: build"
	if ! make --no-print-directory -s -j2 BUILD="$build" SAN="$san" all; then
		step_failed "$name build"
		return
	fi
	echo "== $name: unit tests"
	log="$TMP/$name-unit.log"
	scripts/run-unit.sh "$build"/tests/test_* 2>&1 | tee "$log"
	[ "${PIPESTATUS[0]}" = 0 ] || step_failed "$name unit tests"
	tally "$log"
	echo "== $name: public programs without the staff logic"
	log="$TMP/$name-link.log"
	link_check "$build" 2>&1 | tee "$log"
	[ "${PIPESTATUS[0]}" = 0 ] || step_failed "$name link check"
	tally "$log"
	echo "== $name: fuzz corpus replays"
	log="$TMP/$name-replay.log"
	replay_corpora "$build" 2>&1 | tee "$log"
	[ "${PIPESTATUS[0]}" = 0 ] || step_failed "$name corpus replays"
	tally "$log"

	echo "== $name: integration tests"
	state="$TMP/$name-state"
	port=$(free_port)
	export ASAN_OPTIONS="log_path=$SANLOG/$name-asan:detect_leaks=1:abort_on_error=0"
	export UBSAN_OPTIONS="log_path=$SANLOG/$name-ubsan:print_stacktrace=1"
	# Small limits make the limit tests quick; X-Real-IP from loopback is believed so that
	# each test is a client of its own.
	# Exported: the tests restart the stack themselves and must get the same settings.
	export JUBAO_EXTRA_CONF=$'trusted_proxy = 127.0.0.1\nlookup_fail_limit = 5\nsubmit_limit = 8\nmax_file = 1048576\nmax_body = 6291456'
	export BUILD="$build" WORKERS=2 SUBMIT_WORKERS=4
	if ! STATE_DIR="$state" PORT="$port" scripts/stack.sh start > "$TMP/$name-stack.log" 2>&1; then
		cat "$TMP/$name-stack.log"
		step_failed "$name stack start"
		return
	fi
	started="$state"
	# The suites against the running stack, in this order (test_public restarts the stack and
	# kills a worker; the others add their own staff and reports).
	suite integration test_public.py "public channel"
	suite public-extras test_public_extras.py "receipt QR and print, help, hotline, regions, gzip"
	suite console test_console.py "staff console tests"
	suite console-rules test_console_rules.py "console rules (guards, limits, ids)"
	suite sign-in test_signin.py "sign-in (one answer, throttle, TOTP once, audit)"
	suite edges test_edges.py "edges (nginx's temporary files and logs, URLs, timing)"
	suite privilege test_privilege.py "least privilege of the public programs"
	suite custody test_custody.py "custody: every role and combination tries to reach an identity"
	suite spool test_spool.py "durable spool (database away, import exactly once)"
	suite lists-console test_lists_console.py "lists console (publisher: lifecycle, deadlines, levels, custody)"
	suite lists-public test_lists_public.py "published lists: filters, feeds, static pages"
	suite credit-export test_credit_export.py "credit push: late exits as 行政处罚 data items"
	suite stats test_stats.py "statistics (summary = rebuild, compliance, areas, charts, public summary)"
	suite ledgers test_ledgers.py "ledgers and exports (xlsx = CSV = statistics, areas, no identity, jubaoctl)"
	# One report clicked through the real pages in Debian's Chromium (tests/browser; release
	# build only). playwright-core comes from npm at the committed lock file; no browser download.
	if [ "$name" = release ]; then
		echo "== $name: browser walk (screenshots in tests/artifacts/browser)"
		log="$TMP/$name-browser.log"
		{
			if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
				echo "browser: node and npm are missing (scripts/deps.sh installs them)"; false
			elif [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ] &&
				! npm ci --no-audit --no-fund --prefix tests/browser > "$TMP/npm-ci.log" 2>&1; then
				echo "browser: npm ci in tests/browser failed:"; tail -20 "$TMP/npm-ci.log"; false
			else
				node tests/browser/walk.mjs "http://127.0.0.1:$port/jubao" "$state" tests/artifacts/browser &&
				node tests/browser/extras.mjs "http://127.0.0.1:$port/jubao" tests/artifacts/browser &&
				node tests/browser/lists.mjs "http://127.0.0.1:$port/jubao" "$state" tests/artifacts/browser &&
				node tests/browser/ledgers.mjs "http://127.0.0.1:$port/jubao" "$state" tests/artifacts/browser &&
				node tests/browser/stats.mjs "http://127.0.0.1:$port/jubao" "$state" tests/artifacts/browser
			fi
		} 2>&1 | tee "$log"
		[ "${PIPESTATUS[0]}" = 0 ] || step_failed "$name browser walk"
		tally "$log"
	fi
	if [ -f tests/integration/test_jubaoctl.sh ]; then
		echo "== $name: jubaoctl tests"
		log="$TMP/$name-jubaoctl.log"
		BUILD="$build" bash tests/integration/test_jubaoctl.sh "$state" "$port" 2>&1 | tee "$log"
		[ "${PIPESTATUS[0]}" = 0 ] || step_failed "$name jubaoctl tests"
		tally "$log"
	fi
	suite backup test_backup.py "backup, restore into a fresh stack, upgrade from the first release"
	STATE_DIR="$state" scripts/stack.sh stop > /dev/null 2>&1
	started=""
	# The same programs behind a private Apache (WEB=apache: conf/apache-jubao.conf as
	# shipped), with a state of its own. Release build only, for time: the sanitizer build
	# runs the programs unchanged behind nginx above.
	if [ "$name" = release ]; then
		apache_suites
	fi
	unset ASAN_OPTIONS UBSAN_OPTIONS
	if ls "$SANLOG/$name"-asan* "$SANLOG/$name"-ubsan* >/dev/null 2>&1; then
		echo "== $name: sanitizer reports:"
		cat "$SANLOG/$name"-asan* "$SANLOG/$name"-ubsan* 2>/dev/null | head -100
		step_failed "$name sanitizers"
	fi
	# Keep the logs of a failed run where a person can read them.
	if [ "$failed" -gt 0 ]; then
		mkdir -p tests/artifacts
		cp -r "$state/log" "tests/artifacts/$name-logs" 2>/dev/null
	fi
}

run_variant release build ""
run_variant sanitizers build/asan 1

echo "check: $passed passed, $failed failed"
[ "$failed" = 0 ]
