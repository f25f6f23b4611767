#!/bin/bash
# The ledgers and the case list's export at 100,000 cases (bench/gen-cases.sql, the summary
# rebuilt by jubaoctl stats-rebuild) in a private stack with one console worker: the time of
# each download (median of ROUNDS, sequential, signed in as a handler of the provincial 工信
# department, who sees every case of the province and needs no second factor) and the console worker's peak RSS (VmHWM) before and after, to show that an
# export of any length runs in constant memory. Usage: bench/exports.sh (BENCH_STATE,
# BENCH_PORT, BUILD, ROUNDS).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export STATE_DIR=${BENCH_STATE:-/tmp/jubao-bench-exports}
export PORT=${BENCH_PORT:-18391}
export BUILD=${BUILD:-build}
export JUBAO_DEMO=0 WORKERS=1 SUBMIT_WORKERS=1
ROUNDS=${ROUNDS:-5}
rm -rf "$STATE_DIR"
trap 'scripts/stack.sh stop >/dev/null 2>&1 || true' EXIT
scripts/stack.sh start > /dev/null
SOCK="$STATE_DIR/run/mysqld.sock"
sql() { mariadb --no-defaults --default-character-set=utf8mb4 -S "$SOCK" -u root jubao "$@"; }
sql < bench/gen-cases.sql
"$BUILD/tools/jubaoctl" -c "$STATE_DIR/conf/jubao.conf" stats-rebuild > /dev/null 2>&1
echo "reports: $(sql -N -e 'SELECT COUNT(*) FROM report')"

# two units that need no second factor: the provincial 工信 department (every case of the
# province) and a county's (its cases)
. bench/staff.sh
mkuser bench_prov handler 吉林省工业和信息化厅
mkuser bench_county handler 长春市南关区工业和信息化局
jar=$STATE_DIR/jar
login "$jar" bench_prov > /dev/null
login "$STATE_DIR/jar2" bench_county > /dev/null

# the console worker (one, matched by its own command line): its peak resident memory
worker() { pgrep -f "^$ROOT/$BUILD/cgi/admin $STATE_DIR/conf/jubao.conf" | tail -1; }
hwm() { awk '/VmHWM/ {print $2 " kB"}' "/proc/$(worker)/status"; }

curl -s -b "$jar" -o /dev/null "http://127.0.0.1:$PORT/jubao/admin/"
echo "console worker peak RSS after a dashboard: $(hwm)"
run() {
	local name=$1 path=$2 cookies=${3:-$jar} i t times=() size
	for ((i = 0; i < ROUNDS; i++)); do
		t=$(curl -s -b "$cookies" -o "$STATE_DIR/out" -w '%{http_code} %{time_total}' \
			"http://127.0.0.1:$PORT/jubao$path")
		[ "${t%% *}" = 200 ] || { echo "$name: HTTP ${t%% *}"; exit 1; }
		times+=("${t#* }")
	done
	size=$(stat -c %s "$STATE_DIR/out")
	printf '%-44s %9s bytes  median %6.0f ms  peak RSS %s\n' "$name" "$size" \
		"$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]*1000}')" "$(hwm)"
}
Y=$(date +%Y)
run "ledger inspect, province, year (xlsx)" "/admin/ledger.xlsx?kind=inspect&region=22&period=year&year=$Y"
run "ledger inspect, province, year (csv)" "/admin/ledger.csv?kind=inspect&region=22&period=year&year=$Y"
run "ledger rectify, city, year (xlsx)" "/admin/ledger.xlsx?kind=rectify&region=2201&period=year&year=$Y"
run "yearly summary, province (xlsx)" "/admin/ledger.xlsx?kind=yearly&region=22&period=year&year=$Y"
run "case list, the provincial unit's (csv)" "/admin/cases.csv"
run "case list, the provincial unit's (xlsx)" "/admin/cases.xlsx"
run "case list, closed (csv)" "/admin/cases.csv?state=closed"
run "case list, a county unit's (csv)" "/admin/cases.csv" "$STATE_DIR/jar2"
run "case list, a county unit's (xlsx)" "/admin/cases.xlsx" "$STATE_DIR/jar2"
echo "the provincial unit's: $(sql -N -e "SELECT COUNT(DISTINCT rd.report_id) FROM report_department rd
	JOIN department d ON d.id = rd.department_id WHERE d.kind = 'gongxin'") rows;" \
	"closed: $(sql -N -e "SELECT COUNT(*) FROM report WHERE state = 'closed'") rows;" \
	"the county unit's: $(sql -N -e "SELECT COUNT(DISTINCT rd.report_id) FROM report_department rd
	JOIN department d ON d.id = rd.department_id WHERE d.name = '长春市南关区工业和信息化局'") rows"
