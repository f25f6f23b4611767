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
cleanup() {
	"$ROOT/scripts/cluster.sh" stop || true
	[ "${KEEP_CLUSTER:-0}" = 1 ] || rm -rf "$CLUSTER_DIR"
}
trap cleanup EXIT
"$ROOT/scripts/cluster.sh" start
python3 "$ROOT/tests/cluster/test_cluster.py" "$CLUSTER_DIR" "http://127.0.0.1:$((BASE + 50))/jubao" \
	"http://127.0.0.1:$((BASE + 41))/jubao" "http://127.0.0.1:$((BASE + 42))/jubao"
