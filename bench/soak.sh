#!/bin/bash
# The jubao soak (issue 11): mixed load for SOAK_SECONDS (600) at half the capacity measured in
# the same run, against a dedicated stack (scripts/stack.sh, as `make run` starts it):
#
#   80 % status lookups   POST /jubao/status with real tickets and query codes (LOOKUP_CASES)
#   15 % page views       GET /jubao/, /jubao/help, /jubao/channels, /jubao/lists, /jubao/submit
#    5 % submissions      multipart POST /jubao/submit with a PNG attachment, a new valid CSRF
#                         token and the form cookie in every request (bench/tokens)
#
# Phase 1 measures the capacity: CAPACITY_SECONDS (20) of that mix, unpaced (wrk -c CONNECTIONS).
# Phase 2 runs the same mix for SOAK_SECONDS paced at SOAK_LOAD % (50) of it (bench/soak.lua's
# delay()), and samples every SAMPLE_EVERY seconds (10) each FastCGI worker's memory (VmRSS)
# and open files (/proc/PID/fd). Then it checks:
#
#   - no 5xx answer (and no other non-2xx but the 403 of an exhausted token, which is reported);
#   - every acknowledged ticket (taken off each receipt page) in the database exactly once, with
#     its attachment; both phases;
#   - each worker's memory and open files flat: from the first sample of phase 2 to the last, RSS
#     grew by at most max(RSS_GROWTH_KIB (4096), RSS_GROWTH_PCT % (10) of the first) and open
#     files by at most FD_GROWTH (2); no worker replaced (a new pid: one died).
#
# prints the figures and a verdict, and writes them to SOAK_RESULTS (bench/results/soak.txt).
# SOAK_STRICT=1: exit 1 when a check fails.
#
# Environment (all optional):
#   BUILD            build directory with cgi/* and bench/tokens              (build)
#   SOAK_STATE       the stack's state directory, wiped at start (only one this script made)
#                                                                             (/tmp/jubao-soak)
#   SOAK_PORT        nginx port                                               (18390)
#   SOAK_SECONDS     length of the soak                                       (600)
#   SOAK_LOAD        percent of the measured capacity the soak runs at        (50)
#   CAPACITY_SECONDS length of the capacity run                               (20)
#   CONNECTIONS      wrk connections of the capacity run                      (32)
#   SOAK_CONNECTIONS wrk connections of the soak                              (16)
#   THREADS          wrk threads                                              (2)
#   WORKERS, SUBMIT_WORKERS   as in scripts/stack.sh                          (4, 2 x WORKERS)
#   LOOKUP_CASES     distinct reports the lookups go round                    (2000)
#   SAMPLE_EVERY     seconds between samples of the workers                   (10)
#   RSS_GROWTH_KIB, RSS_GROWTH_PCT, FD_GROWTH   the flatness thresholds       (4096, 10, 2)
#   SOAK_RESULTS     output file                                              (bench/results/soak.txt)
#   SOAK_STRICT=1    exit 1 when a check fails
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
STATE=${SOAK_STATE:-/tmp/jubao-soak}
PORT=${SOAK_PORT:-18390}
SOAK_SECONDS=${SOAK_SECONDS:-600}
SOAK_LOAD=${SOAK_LOAD:-50}
CAPACITY_SECONDS=${CAPACITY_SECONDS:-20}
CONNECTIONS=${CONNECTIONS:-32}
SOAK_CONNECTIONS=${SOAK_CONNECTIONS:-16}
THREADS=${THREADS:-2}
WORKERS=${WORKERS:-4}
SUBMIT_WORKERS=${SUBMIT_WORKERS:-$((WORKERS * 2))}
LOOKUP_CASES=${LOOKUP_CASES:-2000}
SAMPLE_EVERY=${SAMPLE_EVERY:-10}
RSS_GROWTH_KIB=${RSS_GROWTH_KIB:-4096}
RSS_GROWTH_PCT=${RSS_GROWTH_PCT:-10}
FD_GROWTH=${FD_GROWTH:-2}
RESULTS=${SOAK_RESULTS:-$ROOT/bench/results/soak.txt}
BASE="http://127.0.0.1:$PORT"
# Per mille: status lookups, page views; the rest are submissions.
MIX="800 150"
SAMPLED="submit status pages lists"

BENCH_ME=soak BENCH_SCRIPT=soak.sh BENCH_STATE_VAR=SOAK_STATE
. "$ROOT/bench/lib.sh"

need_tools "make deps; apt-get install -y wrk" wrk curl spawn-fcgi multiwatch mariadb
need_built cgi/submit cgi/status cgi/pages cgi/lists bench/tokens
[ "$SOAK_SECONDS" -ge $((2 * SAMPLE_EVERY)) ] || die "SOAK_SECONDS must be at least 2 x SAMPLE_EVERY"

own_state "$STATE"
mkdir -p "$(dirname "$RESULTS")"

SAMPLER_PID=
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [ -n "$SAMPLER_PID" ]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
	stack stop >/dev/null 2>&1 || true
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- the stack: as make run starts it, with the settings for one client address that
# bench/run.sh uses too (bench/lib.sh's start_stack)

start_stack

# ---- reports to look up: LOOKUP_CASES reports sent with tokens from bench/tokens, their ticket
# and query code taken off the receipts (bench/lib.sh's add_cases, as bench/run.sh)

CASES="$WRKDIR/cases.txt"
: > "$CASES"
add_cases "$LOOKUP_CASES"
got=$(curl -sS -o /dev/null -w '%{http_code}' --data "ticket=$(head -n1 "$CASES" | cut -d' ' -f1)&code=$(head -n1 "$CASES" | cut -d' ' -f2)" "$BASE/jubao/status")
[ "$got" = 200 ] || die "a lookup answered $got"
for page in /jubao/ /jubao/help /jubao/channels /jubao/lists /jubao/submit; do
	got=$(curl -sS -o /dev/null -w '%{http_code}' "$BASE$page")
	[ "$got" = 200 ] || die "GET $page answered $got"
done
note "$LOOKUP_CASES reports to look up"

# ---- the runs

# run_mix NAME SECONDS CONNECTIONS RATE TOKENS: bench/soak.lua's mix; the SOAK line is kept.
run_mix() {
	local name=$1 dur=$2 conns=$3 rate=$4 ntok=$5 out="$WRKDIR/$1.out"
	"$BUILD/bench/tokens" "$CONF" "$ntok" > "$WRKDIR/tokens-$name.txt" || die "bench/tokens failed"
	SOAK_CASES="$CASES" SOAK_TOKENS="$WRKDIR/tokens-$name.txt" SOAK_THREADS="$THREADS" \
	    SOAK_PNG="$ROOT/tests/fixtures/plain.png" SOAK_ACK="$WRKDIR/ack-$name" SOAK_RATE="$rate" \
	    SOAK_MIX="$MIX" \
	    wrk -t"$THREADS" -c"$conns" -d"${dur}s" --timeout 10s --latency -s "$ROOT/bench/soak.lua" \
	    "$BASE" > "$out" 2>&1 || { cat "$out" >&2; die "wrk failed for $name"; }
	grep -q '^SOAK ' "$out" || { cat "$out" >&2; die "no result from wrk for $name"; }
}
# field NAME KEY: a figure of that run's SOAK line
field() { grep '^SOAK ' "$WRKDIR/$1.out" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# One line a worker: seconds since the soak began, program, pid, VmRSS (KiB), open files.
sample() {
	local t=$1 p mw w rss fds
	for p in $SAMPLED; do
		mw=$(cat "$RUN/$p.daemon" 2>/dev/null) || continue
		for w in $(pgrep -P "$mw"); do
			rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$w/status" 2>/dev/null) || continue
			fds=$(ls "/proc/$w/fd" 2>/dev/null | wc -l) || true
			if [ -n "$rss" ]; then echo "$t $p $w $rss $fds"; fi
		done
	done
	return 0
}

stack_alive "before the capacity run"
INNODB_FLUSH=$(sql -e 'SELECT @@innodb_flush_log_at_trx_commit')
# Tokens for the capacity run: enough for 10,000 requests/s (5 % of them submissions).
note "measuring the capacity: ${CAPACITY_SECONDS}s of the mix, unpaced, wrk -t$THREADS -c$CONNECTIONS"
run_mix capacity "$CAPACITY_SECONDS" "$CONNECTIONS" 0 $((CAPACITY_SECONDS * 500 + 100))
stack_alive "after the capacity run"
CAP_RPS=$(awk -v r="$(field capacity requests)" -v d="$(field capacity duration_us)" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
RATE=$((CAP_RPS * SOAK_LOAD / 100))
[ "$RATE" -ge 1 ] || die "capacity $CAP_RPS requests/s: nothing to soak at"
sleep 2

# Tokens for the soak: the submissions at the rate, with half as many again to spare.
ntok=$((RATE * SOAK_SECONDS * (1000 - ${MIX% *} - ${MIX#* }) / 1000 * 3 / 2 + 200))
note "soaking ${SOAK_SECONDS}s at $RATE requests/s ($SOAK_LOAD % of $CAP_RPS), wrk -t$THREADS -c$SOAK_CONNECTIONS, sampling the workers every ${SAMPLE_EVERY}s"
SAMPLES="$WRKDIR/samples.txt"
: > "$SAMPLES"
sample 0 >> "$SAMPLES"
(
	exec 9>&-
	s=0
	while :; do
		sleep "$SAMPLE_EVERY"
		s=$((s + SAMPLE_EVERY))
		[ "$s" -lt "$SOAK_SECONDS" ] || break
		sample "$s" >> "$SAMPLES"
	done
) &
SAMPLER_PID=$!
START=$(date +%s)
run_mix soak "$SOAK_SECONDS" "$SOAK_CONNECTIONS" "$RATE" "$ntok"
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
sample "$(( $(date +%s) - START ))" >> "$SAMPLES"
# A process gone during the soak is a failed check, reported with the figures (not an abort).
GONE=$(stack_gone)
# Requests in flight when wrk stopped still finish on the server: let them.
sleep 2

# ---- checks

FAILS=()
fail() { FAILS+=("$1"); }

# Acknowledged tickets: each in the report table exactly once, with its one attachment.
declare -A ACKED PRESENT MISSING DUPS NOATT
check_tickets() {   # phase
	local ph=$1 f="$WRKDIR/acked-$1.txt" n r
	cat "$WRKDIR/ack-$ph".* 2>/dev/null > "$f" || true
	n=$(wc -l < "$f")
	ACKED[$ph]=$n
	DUPS[$ph]=$(sort "$f" | uniq -d | wc -l)
	if [ "$n" -gt 0 ] && [ -z "$DB_GONE" ]; then
		r=$( { echo "CREATE TEMPORARY TABLE ack (ticket CHAR(16) NOT NULL);"
		       awk '{ printf "%s(\x27%s\x27)", (NR % 1000 == 1 ? "INSERT INTO ack VALUES " : ","), $1 }
		            NR % 1000 == 0 { print ";" } END { if (NR % 1000) print ";" }' "$f"
		       echo "SELECT COUNT(*), COALESCE(SUM(n = 1), 0), COALESCE(SUM(n = 0), 0), COALESCE(SUM(n > 1), 0), COALESCE(SUM(a <> 1), 0)
		             FROM (SELECT k.ticket, COUNT(DISTINCT r.id) n, COUNT(t.id) a FROM ack k
		                   LEFT JOIN report r ON r.ticket = k.ticket
		                   LEFT JOIN attachment t ON t.report_id = r.id GROUP BY k.ticket) x;"
		     } | sql) || die "the ticket check failed"
		read -r _ PRESENT[$ph] MISSING[$ph] dups_db NOATT[$ph] <<< "$r"
		DUPS[$ph]=$((DUPS[$ph] + dups_db))
	else
		PRESENT[$ph]=0 MISSING[$ph]=0 NOATT[$ph]=0
	fi
}
DB_GONE=
case " $GONE " in *" mariadb "*) DB_GONE=1 ;; esac
check_tickets capacity
check_tickets soak

if [ -z "$DB_GONE" ]; then
	REPORT_ROWS=$(sql -e 'SELECT COUNT(*) FROM report')
	TMP_DISK=$(sql -e "SHOW GLOBAL STATUS LIKE 'Created_tmp_disk_tables'" | awk '{ print $2 }')
	TMP_ALL=$(sql -e "SHOW GLOBAL STATUS LIKE 'Created_tmp_tables'" | awk '{ print $2 }')
else
	REPORT_ROWS='?' TMP_DISK='?' TMP_ALL='?'
fi
SPOOLED=$(find "$STATE/spool" -name '*.rec' | wc -l)

{
	echo "jubao soak, $(date -u '+%Y-%m-%d %H:%M:%SZ') on $(hostname), $(nproc) CPUs; $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo '?')"
	echo "mix: 80 % status lookups ($LOOKUP_CASES distinct cases), 15 % page views, 5 % submissions with a PNG attachment"
	echo "workers: status/pages/lists $WORKERS, submit $SUBMIT_WORKERS; MariaDB innodb_flush_log_at_trx_commit=$INNODB_FLUSH"
	echo
	printf '%-9s %7s %9s %12s %8s %8s %7s %7s %7s %6s %6s %6s %8s %6s\n' phase seconds requests requests/s "p50 ms" "p99 ms" lookups pages submits 2xx+3xx 4xx 5xx receipts late
	for ph in capacity soak; do
		printf '%-9s %7.0f %9s %12.0f %8.2f %8.2f %7s %7s %7s %6s %6s %6s %8s %6s\n' "$ph" \
		    "$(awk -v d="$(field $ph duration_us)" 'BEGIN { print d / 1e6 }')" "$(field $ph requests)" \
		    "$(awk -v r="$(field $ph requests)" -v d="$(field $ph duration_us)" 'BEGIN { print r / (d / 1e6) }')" \
		    "$(awk -v u="$(field $ph p50_us)" 'BEGIN { print u / 1000 }')" \
		    "$(awk -v u="$(field $ph p99_us)" 'BEGIN { print u / 1000 }')" \
		    "$(field $ph n_status)" "$(field $ph n_pages)" "$(field $ph n_submit)" \
		    "$(( $(field $ph s2xx) + $(field $ph s3xx) ))" "$(field $ph s4xx)" "$(field $ph s5xx)" \
		    "$(field $ph receipts)" "$(field $ph late)"
	done
	echo "soak target: $RATE requests/s = $SOAK_LOAD % of the capacity $CAP_RPS/s, reached $(awk -v r="$(field soak requests)" -v d="$(field soak duration_us)" -v t="$RATE" 'BEGIN { printf "%.0f/s (%.0f %%)", r / (d / 1e6), 100 * r / (d / 1e6) / t }'); wrk -c$CONNECTIONS for the capacity, -c$SOAK_CONNECTIONS paced for the soak"
	echo "(late: times a wrk thread fell more than 1 s behind the paced schedule and started it again)"
	for ph in capacity soak; do
		echo "socket errors $ph: connect $(field $ph connect), read $(field $ph read), write $(field $ph write), timeout $(field $ph timeout); tokens exhausted $(field $ph exhausted); receipts without a ticket $(field $ph bad_receipts)"
	done
	echo

	s5=$(( $(field capacity s5xx) + $(field soak s5xx) ))
	s4=$(( $(field capacity s4xx) + $(field soak s4xx) ))
	ex=$(( $(field capacity exhausted) + $(field soak exhausted) ))
	errs=0
	for ph in capacity soak; do
		for k in connect read write timeout bad_receipts; do errs=$((errs + $(field $ph $k))); done
	done
	if [ -z "$GONE" ]; then r=PASS; else r=FAIL; fail "gone: $GONE"; fi
	echo "check stack: every process alive after the soak: $r${GONE:+ (gone: $GONE; see $STATE/log)}"
	if [ "$s5" = 0 ]; then r=PASS; else r=FAIL; fail "5xx"; fi
	echo "check 5xx: none: $r ($s5 answers >= 500)"
	if [ "$s4" = 0 ] && [ "$errs" = 0 ]; then r=PASS; else r=FAIL; fail "4xx or socket errors"; fi
	echo "check other errors: no 4xx, no socket error, every receipt with a ticket: $r ($s4 4xx, of which up to $ex from exhausted tokens; $errs socket errors or receipts without a ticket)"
	for ph in capacity soak; do
		if [ "${ACKED[$ph]}" -gt 0 ] && [ "${PRESENT[$ph]}" = "${ACKED[$ph]}" ] &&
		    [ "${MISSING[$ph]}" = 0 ] && [ "${DUPS[$ph]}" = 0 ] && [ "${NOATT[$ph]}" = 0 ]; then
			r=PASS
		else
			r=FAIL; fail "tickets ($ph)"
		fi
		if [ -n "$DB_GONE" ]; then
			echo "check tickets ($ph): FAIL (${ACKED[$ph]} acknowledged; the database is gone, nothing to check them against)"
			continue
		fi
		echo "check tickets ($ph): every acknowledged ticket in the database exactly once, with its attachment: $r (${ACKED[$ph]} acknowledged, ${PRESENT[$ph]} present once, ${MISSING[$ph]} missing, ${DUPS[$ph]} twice, ${NOATT[$ph]} without exactly one attachment)"
	done
	echo "(MariaDB since its start: $TMP_ALL internal temporary tables, $TMP_DISK of them on disk; errors in the programs' logs: $(cat "$STATE"/log/{submit,status,pages,lists}.log 2>/dev/null | grep -c ' error: ' || true))"
	echo "(report table: $REPORT_ROWS rows = $LOOKUP_CASES cases + the submissions, acknowledged or in flight when wrk stopped; spooled records: $SPOOLED)"
	echo

	echo "workers over the soak ($(awk '{ print $1 }' "$SAMPLES" | sort -un | wc -l) samples, every ${SAMPLE_EVERY}s; flat: RSS +max($RSS_GROWTH_KIB KiB, $RSS_GROWTH_PCT %), open files +$FD_GROWTH, first to last sample; 2nd half: RSS growth from the middle sample to the last, for information):"
	awk -v kib="$RSS_GROWTH_KIB" -v pct="$RSS_GROWTH_PCT" -v fdg="$FD_GROWTH" '
		NR == 1 { t0 = $1 }
		{ t1 = $1 }
		{ k = $2 " " $3
		  if (!(k in first)) { order[++n] = k; first[k] = $4; ffd[k] = $5; ft[k] = $1; max[k] = 0; maxfd[k] = 0 }
		  last[k] = $4; lfd[k] = $5; lt[k] = $1
		  if ($4 > max[k]) max[k] = $4
		  if ($5 > maxfd[k]) maxfd[k] = $5
		  rss[k, $1] = $4; times[$1] = 1 }
		END {
			# The sample nearest the middle: growth in the second half as large as in the
			# first is a leak; a warm-up slows down.
			mid = t1; for (t in times) if (t + 0 >= (t0 + t1) / 2 && t + 0 < mid) mid = t + 0
			printf "%-7s %8s %10s %10s %10s %8s %9s %4s %4s %4s  %s\n", "program", "pid", "RSS first", "last", "max", "growth", "2nd half", "fds", "last", "max", "verdict"
			bad = 0
			for (i = 1; i <= n; i++) {
				k = order[i]; split(k, a, " ")
				allow = first[k] * pct / 100; if (allow < kib) allow = kib
				g = last[k] - first[k]
				v = "flat"
				if (g > allow) v = "GROWS (RSS)"
				if (lfd[k] - ffd[k] > fdg) v = (v == "flat" ? "GROWS (fds)" : v " (fds)")
				if (ft[k] != t0 || lt[k] != t1) v = "REPLACED (not there from the first sample to the last)"
				if (v != "flat") bad++
				h = ((k, mid) in rss) ? sprintf("%+5d KiB", last[k] - rss[k, mid]) : "-"
				printf "%-7s %8s %7d KiB %6d KiB %6d KiB %+5d KiB %9s %4d %4d %4d  %s\n", a[1], a[2], first[k], last[k], max[k], g, h, ffd[k], lfd[k], maxfd[k], v
			}
			printf "check workers flat: %s (%d workers, %d not flat)\n", (bad == 0 && n > 0 ? "PASS" : "FAIL"), n, bad
		}' "$SAMPLES"
} > "$WRKDIR/summary.txt"
grep -q '^check workers flat: PASS' "$WRKDIR/summary.txt" || fail "workers"
{
	cat "$WRKDIR/summary.txt"
	if [ "${#FAILS[@]}" = 0 ]; then
		echo "soak: PASS"
	else
		echo "soak: FAIL (${FAILS[*]})"
	fi
} | tee "$RESULTS"
{
	echo
	echo "---- samples (seconds program pid VmRSS-KiB open-files)"
	cat "$SAMPLES"
	echo
	echo "---- raw wrk output"
	for ph in capacity soak; do echo "== $ph"; cat "$WRKDIR/$ph.out"; done
} >> "$RESULTS"
note "written to $RESULTS (with the samples and the raw wrk output)"
if [ "${SOAK_STRICT:-0}" = 1 ] && [ "${#FAILS[@]}" -gt 0 ]; then
	exit 1
fi
