#!/bin/bash
# make cluster-test: a fresh loopback cluster, the test, and everything stopped and removed.
# Usage: tests/cluster/run.sh CLUSTER_DIR [BUILD]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export CLUSTER_DIR=${1:?cluster directory} BUILD=${2:-build}
BASE=${CLUSTER_PORT:-19600}
[ -e "$CLUSTER_DIR" ] && { echo "cluster-test: $CLUSTER_DIR exists; scripts/cluster.sh stop and remove it first" >&2; exit 1; }
mkdir -p "$(dirname "$CLUSTER_DIR")"
[ "$(id -u)" = 0 ] && chmod 711 "$(dirname "$CLUSTER_DIR")"
# What tells a slow or failed request apart, kept beside the cluster directory when it goes:
# the watchdog's notes (hangs.txt), the front's timed log and every node's error and program logs.
LOGS="$CLUSTER_DIR-logs"
keep_logs() {
	local f
	rm -rf "$LOGS"
	mkdir -p "$LOGS"
	for f in hangs.txt front/access.log front/error.log web1/log web2/log db1/mariadb.log \
		db2/mariadb.log db3/mariadb.log; do
		[ -e "$CLUSTER_DIR/$f" ] && cp -r "$CLUSTER_DIR/$f" "$LOGS/$(echo "$f" | tr / -)"
	done
	echo "cluster-test: logs in $LOGS"
}
cleanup() {
	"$ROOT/scripts/cluster.sh" stop || true
	keep_logs || true
	[ "${KEEP_CLUSTER:-0}" = 1 ] || rm -rf "$CLUSTER_DIR"
}
trap cleanup EXIT
"$ROOT/scripts/cluster.sh" start
python3 "$ROOT/tests/cluster/test_cluster.py" "$CLUSTER_DIR" "http://127.0.0.1:$((BASE + 50))/jubao" \
	"http://127.0.0.1:$((BASE + 41))/jubao" "http://127.0.0.1:$((BASE + 42))/jubao"
