#!/bin/bash
# A loopback cluster (issue 11): three MariaDB Galera nodes, two web nodes (each its own nginx
# and FastCGI programs, started with scripts/stack.sh's functions) writing one attachment store,
# and a front nginx balancing the web nodes (conf/nginx-front.conf).
#
#   scripts/cluster.sh start | stop | status
#   scripts/cluster.sh db-kill N | db-start N       SIGKILL / (re)start database node N (1-3)
#   scripts/cluster.sh web-kill N | web-start N     SIGKILL / (re)start web node N (1-2)
#   scripts/cluster.sh wait-synced                  until every node is Synced in one view
#
# Environment: CLUSTER_DIR (default /tmp/h8par/cluster), CLUSTER_PORT (19600: the ports used are
# CLUSTER_PORT+10*N+0..3 for database node N: client, group communication, IST, SST;
# +41 and +42 for the web nodes, +50 for the front), BUILD (build), WORKERS (2 per program),
# JUBAO_EXTRA_CONF (appended to every web node's configurations).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
C=${CLUSTER_DIR:-/tmp/h8par/cluster}
BASE=${CLUSTER_PORT:-19600}
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
WORKERS=${WORKERS:-2}
FRONT_PORT=$((BASE + 50))
NODES="1 2 3"

say() { printf 'cluster: %s\n' "$*"; }
die() { printf 'cluster: %s\n' "$*" >&2; exit 1; }

db_dir() { echo "$C/db$1"; }
db_sock() { echo "$C/db$1/mysqld.sock"; }
db_port() { echo $((BASE + 10 * $1 + $2)); }
dbsql() { local n=$1; shift; mariadb --no-defaults -S "$(db_sock "$n")" -u root "$@"; }
web_port() { echo $((BASE + 40 + $1)); }

# --- database nodes -------------------------------------------------------------------------
db_config() {
	local n=$1 d addr="" m
	d=$(db_dir "$n")
	for m in $NODES; do addr="$addr${addr:+,}127.0.0.1:$(db_port "$m" 1)"; done
	sed -e "s|@CLUSTER_ADDRESS@|$addr|" -e "s|@NODE_NAME@|db$n|" \
		-e "s|@NODE_ADDRESS@|127.0.0.1:$(db_port "$n" 1)|g" \
		-e "s|@IST_ADDRESS@|127.0.0.1:$(db_port "$n" 2)|" \
		-e "s|@SST_ADDRESS@|127.0.0.1:$(db_port "$n" 3)|" "$ROOT/conf/galera.cnf" > "$d/my.cnf.tmp"
	# This node's own files and ports, and a small footprint beside other work on the machine.
	cat >> "$d/my.cnf.tmp" <<CNF
datadir                   = $d/data
socket                    = $d/mysqld.sock
pid_file                  = $d/mariadb.pid
log_error                 = $d/mariadb.log
bind_address              = 127.0.0.1
port                      = $(db_port "$n" 0)
innodb_buffer_pool_size   = 64M
innodb_log_file_size      = 64M
max_connections           = 200
wsrep_slave_threads       = 2
CNF
	mv "$d/my.cnf.tmp" "$d/my.cnf"
}

# As root, the database runs as Debian's mysql user: the rsync daemon of a state transfer (SST)
# then writes as that user too (as root it would drop to nobody).
DB_USER=mysql
db_user_opt() { [ "$(id -u)" = 0 ] && echo "--user=$DB_USER"; return 0; }

# db_run N [extra mariadbd options]: start node N in the background, wait until it answers.
db_run() {
	local n=$1 d pid _
	shift
	d=$(db_dir "$n")
	# shellcheck disable=SC2046
	mariadbd --defaults-file="$d/my.cnf" $(db_user_opt) "$@" >> "$d/mariadbd.out" 2>&1 &
	pid=$!
	echo "$pid" > "$d/daemon"
	# A joiner may first receive a full copy (SST): allow it time.
	for _ in $(seq 1 1200); do
		dbsql "$n" -e 'SELECT 1' >/dev/null 2>&1 && return 0
		kill -0 "$pid" 2>/dev/null || die "db$n exited: see $d/mariadb.log"
		sleep 0.1
	done
	die "db$n did not start: see $d/mariadb.log"
}

db_init() {
	local n=$1 d
	d=$(db_dir "$n")
	mkdir -p "$d/data"
	db_config "$n"
	if [ "$(id -u)" = 0 ]; then
		chown -R "$DB_USER:" "$d"
		chmod 711 "$d"
	fi
	if [ "$n" = 1 ] && [ ! -d "$d/data/mysql" ]; then
		# shellcheck disable=SC2046
		mariadb-install-db --no-defaults --datadir="$d/data" $(db_user_opt) \
			--auth-root-authentication-method=socket --skip-test-db \
			> "$d/install.log" 2>&1 || die "mariadb-install-db failed: see $d/install.log"
		[ "$(id -u)" = 0 ] && chown -R "$DB_USER:" "$d"
	fi
}

# The position a node killed without a clean shutdown had reached (for an incremental transfer
# instead of a full copy), or nothing.
db_recover() {
	local n=$1 d pos
	d=$(db_dir "$n")
	grep -q '^seqno: *-1' "$d/data/grastate.dat" 2>/dev/null || return 0
	# shellcheck disable=SC2046
	mariadbd --defaults-file="$d/my.cnf" $(db_user_opt) --wsrep-recover \
		--log-error="$d/recover.log" > /dev/null 2>&1 || return 0
	pos=$(sed -n 's/.*WSREP: Recovered position: *\([0-9a-f-]*:[0-9-]*\).*/\1/p' "$d/recover.log" | tail -n 1)
	rm -f "$d/recover.log"
	[ -n "$pos" ] && echo "--wsrep-start-position=$pos"
	return 0
}

db_start() {
	local n=$1 opts
	db_init "$n"
	if db_alive "$n"; then return 0; fi
	opts=$(db_recover "$n")
	# shellcheck disable=SC2086
	db_run "$n" $opts
}

db_alive() {
	local pid
	pid=$(cat "$(db_dir "$1")/daemon" 2>/dev/null) || return 1
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

db_bootstrap() {
	local d
	d=$(db_dir 1)
	db_init 1
	if db_alive 1; then return 0; fi
	# The first node starts a new cluster; after `stop` it was the last to go (safe_to_bootstrap).
	[ -f "$d/data/grastate.dat" ] && sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$d/data/grastate.dat"
	db_run 1 --wsrep-new-cluster
}

db_kill() {
	local n=$1 pid
	pid=$(cat "$(db_dir "$n")/daemon" 2>/dev/null) || return 0
	kill -KILL "$pid" 2>/dev/null || true
	while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
	rm -f "$(db_dir "$n")/daemon"
}

db_stop() {
	local n=$1 pid _
	pid=$(cat "$(db_dir "$n")/daemon" 2>/dev/null) || return 0
	kill -TERM "$pid" 2>/dev/null || true
	for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	kill -KILL "$pid" 2>/dev/null || true
	rm -f "$(db_dir "$n")/daemon"
}

# wsrep state of node N: "comment size" (Synced 3), or "down".
db_state() {
	dbsql "$1" -N -B -e "SELECT GROUP_CONCAT(VARIABLE_VALUE ORDER BY VARIABLE_NAME SEPARATOR ' ')
		FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN
		('wsrep_local_state_comment', 'wsrep_cluster_size')" 2>/dev/null || echo down
}

wait_synced() {
	local n _ ok
	for _ in $(seq 1 1200); do
		ok=1
		for n in $NODES; do
			[ "$(db_state "$n")" = "3 Synced" ] || ok=0
		done
		[ $ok = 1 ] && return 0
		sleep 0.1
	done
	die "the nodes are not all Synced: $(for n in $NODES; do printf 'db%s=%s; ' "$n" "$(db_state "$n")"; done)"
}

# --- web nodes --------------------------------------------------------------------------------
# web_env N: run the rest of the arguments in a subshell with stack.sh's functions set up for
# web node N: its own state directory, port and workers; its database node first, the others as
# failover (web1: db1 db2 db3, web2: db2 db3 db1); the shared attachment store; the front trusted.
web_env() {
	local w=$1 first rest
	shift
	case "$w" in
	1) first=$(db_sock 1); rest="$(db_sock 2),$(db_sock 3)" ;;
	2) first=$(db_sock 2); rest="$(db_sock 3),$(db_sock 1)" ;;
	*) die "web node $w: 1 or 2" ;;
	esac
	(
		export STATE_DIR="$C/web$w" PORT
		PORT=$(web_port "$w")
		export WORKERS SUBMIT_WORKERS=$WORKERS BUILD JUBAO_STACK_LIB=1
		export JUBAO_EXTRA_CONF="db_socket_failover = $rest
attachment_dir = $C/attachments
spool_dir = $C/spool
trusted_proxies = 127.0.0.1
public_url = http://127.0.0.1:$FRONT_PORT
${JUBAO_EXTRA_CONF:-}"
		# shellcheck source=scripts/stack.sh
		. "$ROOT/scripts/stack.sh"
		DBSOCK=$first
		"$@"
	)
}

# The attachment store and the spool both web nodes write (in production: shared storage,
# README): a report spooled by one node while the database is away is found by a lookup on the
# other, and one importer drains it.
shared_store() {
	mkdir -p "$C/attachments" "$C/spool"
	chmod 750 "$C/attachments" "$C/spool"
	[ "$(id -u)" = 0 ] || return 0
	chown -R root:jubao "$C/attachments" "$C/spool"
	find "$C/attachments" "$C/spool" -type d -exec chmod 2770 {} +
}

# The spool importer, as the timer runs it (conf/jubao-spool-import.timer).
spool_import() {
	"$BUILD/tools/jubaoctl" -c "$CONF" spool-import
}

web_setup() {
	local w=$1
	make_dirs
	make_users
	# One set of keys for the whole cluster: made by web node 1, copied to web node 2.
	if [ "$w" = 2 ] && [ ! -f "$KEYS" ]; then
		cp "$C/web1/secrets/jubao.keys" "$KEYS"
		cp "$C/web1/secrets/public.keys" "$PKEYS"
	fi
	make_secrets
	make_config
	grant_files
	shared_store
	[ "$w" = 1 ] && setup_db
	return 0
}

web_up() {
	start_programs
	start_nginx
}

web_start() { web_env "$1" web_up; }

# SIGKILL a process and everything under it (by process id, children first listed).
kill_tree() {
	local pid=$1 kid
	for kid in $(ps -o pid= --ppid "$pid" 2>/dev/null); do kill_tree "$kid"; done
	kill -KILL "$pid" 2>/dev/null || true
}

web_kill_now() {
	local p pid
	for p in nginx $PROGRAMS; do
		pid=$(cat "$RUN/$p.daemon" 2>/dev/null) || continue
		kill -STOP "$pid" 2>/dev/null || true    # no new worker while the tree goes
		kill_tree "$pid"
		rm -f "$RUN/$p.daemon"
	done
}

web_stop() { stop_one nginx; for p in $PROGRAMS; do stop_one "$p"; done; }

# --- front --------------------------------------------------------------------------------------
front_start() {
	local f="$C/front" user="" _
	mkdir -p "$f/tmp"
	[ "$(id -u)" = 0 ] && user="user root root;"
	sed -e "s|@WEB1@|127.0.0.1:$(web_port 1)|" -e "s|@WEB2@|127.0.0.1:$(web_port 2)|" \
		-e "s|@LISTEN@|127.0.0.1:$FRONT_PORT|" "$ROOT/conf/nginx-front.conf" > "$f/front.conf"
	cat > "$f/nginx.conf" <<NGINX
$user
worker_processes 1;
pid $f/nginx.pid;
error_log $f/error.log warn;
events { worker_connections 1024; }
http {
	# Which web node answered each request and how long it took (the test names its requests
	# with X-Test-Id, so a slow one can be found here).
	log_format timing '\$msec \$http_x_test_id "\$request" \$status \$request_time '
		'up=\$upstream_addr ustatus=\$upstream_status utime=\$upstream_response_time';
	access_log $f/access.log timing;
	server_tokens off;
	client_body_temp_path $f/tmp/body;
	proxy_temp_path $f/tmp/proxy;
	fastcgi_temp_path $f/tmp/fastcgi;
	uwsgi_temp_path $f/tmp/uwsgi;
	scgi_temp_path $f/tmp/scgi;
	include $f/front.conf;
}
NGINX
	nginx -p "$f" -c "$f/nginx.conf" -g 'daemon off;' >> "$f/nginx.out" 2>&1 &
	echo $! > "$f/daemon"
	for _ in $(seq 1 100); do
		curl -s -o /dev/null "http://127.0.0.1:$FRONT_PORT/jubao/static/jubao.css" && return 0
		sleep 0.05
	done
	die "the front nginx did not start: see $f/error.log"
}

front_stop() {
	local pid _
	pid=$(cat "$C/front/daemon" 2>/dev/null) || return 0
	kill -TERM "$pid" 2>/dev/null || true
	for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	kill -KILL "$pid" 2>/dev/null || true
	rm -f "$C/front/daemon"
}

start() {
	[ -x "$BUILD/tools/jubaoctl" ] || die "$BUILD/tools/jubaoctl is not built (make all)"
	[ -e /usr/lib/galera/libgalera_smm.so ] || die "galera-4 is not installed (scripts/deps.sh)"
	mkdir -p "$C"
	[ "$(id -u)" = 0 ] && chmod 711 "$C"
	say "database node 1 (new cluster)"
	db_bootstrap
	for n in 2 3; do say "database node $n (joins)"; db_start "$n"; done
	wait_synced
	for w in 1 2; do
		say "web node $w on 127.0.0.1:$(web_port "$w")"
		web_env "$w" web_setup "$w"
		web_start "$w"
	done
	front_start
	say "up on http://127.0.0.1:$FRONT_PORT/jubao/ (state: $C)"
}

stop() {
	front_stop
	for w in 1 2; do [ -d "$C/web$w" ] && web_env "$w" web_stop; done
	# The first node last: it is then the one safe to bootstrap from on the next start.
	for n in 3 2 1; do db_stop "$n"; done
	return 0
}

status() {
	local n w
	for n in $NODES; do say "db$n: $(db_state "$n")"; done
	for w in 1 2; do
		say "web$w: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(web_port "$w")/jubao/" || true)"
	done
	say "front: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$FRONT_PORT/jubao/" || true)"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
db-kill) db_kill "${2:?node}" ;;
db-start) db_start "${2:?node}" ;;
web-kill) web_env "${2:?node}" web_kill_now ;;
web-start) web_env "${2:?node}" true; web_start "$2" ;;
wait-synced) wait_synced ;;
spool-import) web_env 1 spool_import ;;
*) die "usage: $0 start|stop|status|db-kill N|db-start N|web-kill N|web-start N|wait-synced|spool-import" ;;
esac
