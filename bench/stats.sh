#!/bin/bash
# The statistics under load: N synthetic cases (default 100,000; N=1000000 for the million)
# with their histories (report_event) over two years, the summary tables rebuilt from them
# with `jubaoctl stats-rebuild` (timed), then wrk against the console's statistics page (as a
# provincial intake officer and as a county handler) and the public summary. Prints p99 per
# page into bench/results/stats-N.txt; the target is under 50 ms at p99, and flat from 100,000
# to 1,000,000 cases (the pages read only the summary tables).
# Usage: N=100000 bench/stats.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
N=${N:-100000}
export STATE_DIR=${BENCH_STATE:-/tmp/jubao-bench-stats}
export PORT=${BENCH_PORT:-18391}
export BUILD=${BUILD:-build}
export JUBAO_DEMO=0
export WORKERS=${WORKERS:-2}
DUR=${DUR:-10}
CONNS=${CONNS:-8}
OUT=bench/results/stats-$N.txt
. bench/staff.sh
console_stack

echo "generating $N cases…"
t0=$(date +%s)
sql -e "SET @n = $N;" -e "$(sed "s/seq_1_to_N/seq_1_to_$N/g" bench/gen-stats.sql)"
gen=$(( $(date +%s) - t0 ))
echo "  done in $gen s: $(sql -N -e 'SELECT COUNT(*) FROM report') reports, $(sql -N -e 'SELECT COUNT(*) FROM report_event') events"
t0=$(date +%s)
"$BUILD/tools/jubaoctl" -c "$STATE_DIR/conf/jubao.conf" stats-rebuild
rebuild=$(( $(date +%s) - t0 ))
echo "  stats-rebuild in $rebuild s: $(sql -N -e 'SELECT COUNT(*) FROM stats_cube') cells"

mkuser bench_super supervisor 吉林省工业和信息化厅
mkuser bench_handler handler 长春市南关区工业和信息化局

PROV=$(login "$STATE_DIR/prov.jar" bench_super)
COUNTY=$(login "$STATE_DIR/county.jar" bench_handler)
Y=$(date +%Y)

run() { wrk_page 44 "$@"; }
{
	echo "statistics with $(sql -N -e 'SELECT COUNT(*) FROM report') cases, $(sql -N -e 'SELECT COUNT(*) FROM stats_cube') cells; generated in $gen s, stats-rebuild $rebuild s; wrk -t2 -c$CONNS -d${DUR}s, $(date -u +%F)"
	run "stats, province, this year" "$PROV" "/admin/stats"
	run "stats, province, a month" "$PROV" "/admin/stats?period=month&year=$Y&month=1"
	run "stats, province, last year, steel" "$PROV" "/admin/stats?year=$((Y - 1))&industry=steel"
	run "stats, city, quarter, by department" "$PROV" "/admin/stats?region=2201&period=quarter&year=$Y&quarter=1&by=dept"
	run "stats, custom 24 months" "$PROV" "/admin/stats?period=custom&from=$((Y - 1))-01-01&to=$Y-12-31"
	run "stats, county handler" "$COUNTY" "/admin/stats"
	run "public summary /stats" "" "/stats?month=$Y-01"
} | tee "$OUT"
