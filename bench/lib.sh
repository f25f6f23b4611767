# bench/lib.sh: what bench/run.sh and bench/soak.sh share, sourced by them once they have set
# ROOT, BUILD (absolute), PORT, BASE, WORKERS, SUBMIT_WORKERS, BENCH_ME (the first word of their
# messages: bench, soak), BENCH_SCRIPT (run.sh, soak.sh) and BENCH_STATE_VAR (the variable that
# names their state directory):
# their messages, the checks for tools and built programs, a state directory of their own
# (locked, marked, wiped), the stack on it and SQL there, the reports the lookups go round, and
# the check that the stack's processes are still there. Each script keeps its own runs.

die() { printf '%s: %s\n' "$BENCH_ME" "$*" >&2; exit 1; }
note() { printf '%s: %s\n' "$BENCH_ME" "$*" >&2; }

# need_tools HINT TOOL...: dies naming the first tool missing and HINT, how to install it.
need_tools() {
	local hint=$1 tool
	shift
	for tool; do
		command -v "$tool" >/dev/null || die "$tool is missing ($hint)"
	done
}

# need_built PROGRAM...: each one built under $BUILD.
need_built() {
	local bin
	for bin; do
		[ -x "$BUILD/$bin" ] || die "$BUILD/$bin is not built (make BUILD=$BUILD all)"
	done
}

# own_state DIR [KEEP]: DIR becomes the state directory (STATE, with RUN, CONF and WRKDIR in it),
# fresh each time so that runs compare, unless KEEP is 1. Only a directory this script made (its
# mark .jubao-$BENCH_ME) is wiped, and only after the stack a previous run may have left there is
# stopped: its pid files are in it. One run at a time per directory: fd 9 holds DIR.lock.
own_state() {
	local dir=$1 keep=${2:-0}
	case "$dir" in /|"") die "$BENCH_STATE_VAR must name a directory of its own" ;; esac
	dir=${dir%/}
	exec 9> "$dir.lock"
	flock -n 9 || die "another bench/$BENCH_SCRIPT is using $dir"
	if [ -d "$dir" ]; then
		[ -f "$dir/.jubao-$BENCH_ME" ] ||
		    die "$dir exists and was not made by bench/$BENCH_SCRIPT: choose another $BENCH_STATE_VAR"
		STATE_DIR="$dir" BUILD="$BUILD" "$ROOT/scripts/stack.sh" stop >/dev/null 2>&1 || true
		[ "$keep" = 1 ] || rm -rf "$dir"
	fi
	mkdir -p "$dir/wrk" "$dir/run"
	touch "$dir/.jubao-$BENCH_ME"
	STATE=$(cd "$dir" && pwd)
	RUN="$STATE/run"
	CONF="$STATE/conf/jubao.conf"
	WRKDIR="$STATE/wrk"
}

stack() {
	STATE_DIR="$STATE" PORT="$PORT" BUILD="$BUILD" WORKERS="$WORKERS" \
	    SUBMIT_WORKERS="$SUBMIT_WORKERS" "$ROOT/scripts/stack.sh" "$@"
}
sql() { mariadb --no-defaults -S "$RUN/mysqld.sock" -u root -N -B jubao "$@"; }

# start_stack: the stack as `make run` starts it (with NGINX_EXTRA if the script exported one),
# set for one client address: no submission limit, and failed lookups (none expected) never
# block it.
start_stack() {
	JUBAO_EXTRA_CONF="submit_limit = 0
lookup_fail_limit = 1000000"
	export JUBAO_EXTRA_CONF
	note "starting the stack in $STATE on port $PORT (workers: $WORKERS, submit workers: $SUBMIT_WORKERS)"
	# The daemons must not inherit the lock (fd 9): a killed run would leave it held.
	stack start > "$STATE/stack-start.log" 2>&1 9>&- ||
	    { cat "$STATE/stack-start.log" >&2; die "the stack did not start"; }
}

# add_cases N: N more reports sent to /jubao/submit, each with a form token from bench/tokens,
# their ticket and query code taken off the receipts and appended to $CASES ("ticket code" a
# line), which must then hold LOOKUP_CASES good lines.
add_cases() {
	local cookie form
	"$BUILD/bench/tokens" "$CONF" "$1" > "$WRKDIR/case-tokens.txt" || die "bench/tokens failed"
	cookie=$(head -n1 "$WRKDIR/case-tokens.txt")
	form="category=violation&standard=energy&industry=steel&region=220102&subject_type=enterprise"
	form="$form&subject_name=%E9%95%BF%E6%98%A5%E6%9F%90%E9%92%A2%E9%93%81%E5%8E%82"
	form="$form&subject_address=%E9%95%BF%E6%98%A5%E5%B8%82%E5%8D%97%E5%85%B3%E5%8C%BA"
	form="$form&description=%E4%B8%80%E5%8F%B7%E9%AB%98%E7%82%89%E4%BB%8D%E5%9C%A8%E7%94%9F%E4%BA%A7%EF%BC%8C%E5%B1%9E%E4%BA%8E%E8%90%BD%E5%90%8E%E4%BA%A7%E8%83%BD%E3%80%82&anonymous=1"
	tail -n +2 "$WRKDIR/case-tokens.txt" | while read -r tok; do
		printf 'next\nurl = "%s"\nheader = "Cookie: jubao_form=%s"\ndata = "csrf=%s&%s"\n' \
		    "$BASE/jubao/submit" "$cookie" "$tok" "$form"
	done | tail -n +2 > "$WRKDIR/cases.curl"
	curl -sS -K "$WRKDIR/cases.curl" | tr -d '\n' |
	    grep -oE '<dd class="(ticket-number|query-code)">[^<]*' | sed 's/.*>//' |
	    paste - - | awk '{ t = $1 $2 $3 $4; c = $5; gsub(/[^0-9]/, "", t); print t, c }' >> "$CASES"
	[ "$(wc -l < "$CASES")" = "$LOOKUP_CASES" ] ||
	    die "made $(wc -l < "$CASES") of $LOOKUP_CASES cases for the lookups"
	awk 'length($1) != 16 || length($2) != 8 { bad = 1 } END { exit bad }' "$CASES" ||
	    die "a receipt without ticket or code: see $CASES"
}

# The processes of the stack: MariaDB, nginx and the public FastCGI programs.
STACK_PROCESSES="mariadb nginx submit status pages lists"
# stack_gone: those of them that are gone (none: empty).
stack_gone() {
	local p g=
	for p in $STACK_PROCESSES; do
		kill -0 "$(cat "$RUN/$p.daemon" 2>/dev/null || echo 0)" 2>/dev/null || g="$g $p"
	done
	echo "${g# }"
}
# stack_alive WHEN: dies unless every one is still there (a run against a dead backend measures
# nginx's 502).
stack_alive() {
	local p
	for p in $STACK_PROCESSES; do
		kill -0 "$(cat "$RUN/$p.daemon" 2>/dev/null || echo 0)" 2>/dev/null ||
		    die "$p is gone ($1): see $STATE/log"
	done
}
