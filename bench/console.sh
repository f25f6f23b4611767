#!/bin/bash
# The console under load: 100,000 cases (bench/gen-cases.sql) in a private stack, then wrk
# against the dashboard, the case list and a case page, signed in as a provincial intake
# officer (who sees every case of the province) and as a county handler. Prints p99 per page;
# the target is under 50 ms at p99. Usage: bench/console.sh (make bench-console).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export STATE_DIR=${BENCH_STATE:-/tmp/jubao-bench-console}
export PORT=${BENCH_PORT:-18390}
export BUILD=${BUILD:-build}
export JUBAO_DEMO=0
DUR=${DUR:-10}
CONNS=${CONNS:-8}
OUT=bench/results/console.txt
. bench/staff.sh
console_stack

echo "generating 100,000 cases…"
t0=$(date +%s)
sql < bench/gen-cases.sql
echo "  done in $(( $(date +%s) - t0 )) s: $(sql -N -e 'SELECT COUNT(*) FROM report') reports"

mkuser bench_intake intake 吉林省工业和信息化厅
mkuser bench_handler handler 长春市南关区工业和信息化局

INTAKE=$(login /tmp/bench-intake.jar bench_intake)
enrolled bench_intake
HANDLER=$(login /tmp/bench-handler.jar bench_handler)
CASE=$(sql -N -e "SELECT MAX(id) FROM report WHERE state = 'transferred' AND ticket LIKE '9%'")

run() { wrk_page 34 "$@"; }
{
	echo "console with $(sql -N -e 'SELECT COUNT(*) FROM report') cases, wrk -t2 -c$CONNS -d${DUR}s, $(date -u +%F)"
	run "dashboard (province intake)" "$INTAKE" "/admin/"
	run "case list (province intake)" "$INTAKE" "/admin/cases"
	run "case list, filtered (state)" "$INTAKE" "/admin/cases?state=transferred"
	run "case list, search by name" "$INTAKE" "/admin/cases?q=%E5%9F%BA%E5%87%86%E6%B5%8B%E8%AF%95%E4%BC%81%E4%B8%9A99999"
	run "case page" "$INTAKE" "/admin/case?id=$CASE"
	run "dashboard (county handler)" "$HANDLER" "/admin/"
	run "case list (county handler)" "$HANDLER" "/admin/cases"
} | tee "$OUT"
