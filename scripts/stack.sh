#!/bin/bash
# The development and test stack: a private MariaDB and a private nginx (or Apache: WEB=apache)
# from Debian's packages, and the FastCGI programs under spawn-fcgi + multiwatch (which restarts
# a worker that dies), all under $STATE_DIR and on loopback only.
#
#   scripts/stack.sh run     start, print the URL, stay in the foreground until SIGINT/SIGTERM
#   scripts/stack.sh start   start in the background (tests)
#   scripts/stack.sh stop    stop what start started
#   scripts/stack.sh db-stop|db-start   only the database (tests of outages)
#   scripts/stack.sh web-restart        only the web server
#
# Environment: STATE_DIR (default var), PORT (8080), BUILD (build), WORKERS (4 per program),
# JUBAO_EXTRA_CONF (lines appended to the generated jubao.conf, for tests and benchmarks),
# WEB (nginx, the default, or apache: which web server fronts the programs; see start_apache),
# JUBAO_RESTORE (a directory made by jubaoctl backup: loaded into a new, empty database before
# the migrations, with `jubaoctl restore`; the state's key files must be the backed-up ones).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE_DIR=${STATE_DIR:-var}
mkdir -p "$STATE_DIR"
STATE=$(cd "$STATE_DIR" && pwd)
PORT=${PORT:-8080}
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
WORKERS=${WORKERS:-4}
SUBMIT_WORKERS=${SUBMIT_WORKERS:-$((WORKERS * 2))}
RUN="$STATE/run"
LOG="$STATE/log"
DBSOCK="$RUN/mysqld.sock"
# Two programs' worth of configuration: the console (and jubaoctl) with jubao.conf and
# jubao.keys; the public programs (submit, status, pages) with public.conf and public.keys,
# their own database account (jubao_public: it may insert an identity, never read one, and
# has no right on the staff tables) and no more keys than they need.
CONF="$STATE/conf/jubao.conf"
KEYS="$STATE/secrets/jubao.keys"
PCONF="$STATE/conf/public.conf"
PKEYS="$STATE/secrets/public.keys"
PROGRAMS="submit status pages lists admin"
WEB=${WEB:-nginx}
case "$WEB" in nginx|apache) ;; *) echo "stack: WEB must be nginx or apache, not $WEB" >&2; exit 1 ;; esac

say() { printf 'stack: %s\n' "$*"; }
die() { printf 'stack: %s\n' "$*" >&2; exit 1; }
sql() { mariadb --no-defaults --default-character-set=utf8mb4 -S "$DBSOCK" -u root "$@"; }
randhex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }

make_dirs() {
	mkdir -p "$RUN" "$LOG" "$STATE/conf" "$STATE/secrets" "$STATE/attachments" "$STATE/published" \
		"$STATE/nginx/tmp" "$STATE/db/tmp" "$STATE/spool" "$STATE/export"
	chmod 700 "$STATE/secrets" "$STATE/export"
	chmod 750 "$STATE/attachments" "$STATE/spool"
}

# --- Least privilege (issue 8): system users and file modes ------------------------------
# As root (CI, make check) the public programs run as $PUBLIC_USER and the console as
# $CONSOLE_USER, both also in $SHARED_GROUP (the attachment store, which the public programs
# and the console's intake both write and the console reads). Each reads only its own
# configuration and key file; jubaoctl runs as root. Without root, everything runs as the
# invoking user, as before. conf/jubao-public@.service and conf/jubao-admin.service do the same
# under systemd.
PUBLIC_USER=jubao-public
CONSOLE_USER=jubao-console
SHARED_GROUP=jubao

as_root() { [ "$(id -u)" = 0 ]; }

# The system user a program runs as (empty: the invoking user).
program_user() {
	as_root || return 0
	if [ "$1" = admin ]; then echo "$CONSOLE_USER"; else echo "$PUBLIC_USER"; fi
}

# spawn-fcgi's options to drop to that user (initgroups adds $SHARED_GROUP).
program_privileges() {
	local u
	u=$(program_user "$1")
	[ -n "$u" ] && echo "-u $u -g $u"
	return 0
}

# useradd takes a lock on /etc/passwd; a parallel stack may hold it for a moment.
retry() {
	local _
	for _ in 1 2 3 4 5 6 7 8 9 10; do "$@" 2>/dev/null && return 0; sleep 0.3; done
	"$@"
}

# Idempotent: system users without a login shell or home, each with its own group.
make_users() {
	local u
	as_root || return 0
	getent group "$SHARED_GROUP" >/dev/null || retry groupadd --system "$SHARED_GROUP" ||
		getent group "$SHARED_GROUP" >/dev/null || die "groupadd $SHARED_GROUP failed"
	for u in "$PUBLIC_USER" "$CONSOLE_USER"; do
		id -u "$u" >/dev/null 2>&1 || retry useradd --system --user-group --no-create-home \
			--home-dir /nonexistent --shell /usr/sbin/nologin --groups "$SHARED_GROUP" "$u" ||
			id -u "$u" >/dev/null 2>&1 || die "useradd $u failed"
		id -nG "$u" | tr ' ' '\n' | grep -qx "$SHARED_GROUP" ||
			retry usermod -a -G "$SHARED_GROUP" "$u" || die "usermod $u failed"
	done
}

# Who may read and write what (after make_secrets and make_config, on every start: the
# configurations are written anew). Also moves a state made before this onto the users.
# The attachment store: the group's, set-group-id so that what either user makes in it stays
# the group's; files 0640 and subdirectories 0770 (lib/store.c, umask 007). Also after a
# restore, whose copies jubaoctl made as root.
store_modes() {
	as_root || return 0
	chown -R root:"$SHARED_GROUP" "$STATE/attachments"
	find "$STATE/attachments" -type d -exec chmod 2770 {} +
	find "$STATE/attachments" -type f -exec chmod 640 {} +
}

grant_files() {
	as_root || return 0
	chmod o+x "$STATE"
	chmod 755 "$RUN"
	chown root:"$SHARED_GROUP" "$STATE/secrets" "$STATE/conf"
	# the console's own directory for the .xlsx it makes (lib/xlsx.h): nobody else's
	chown "$CONSOLE_USER":"$CONSOLE_USER" "$STATE/export"
	chmod 710 "$STATE/secrets" "$STATE/conf"
	chown "$PUBLIC_USER:$PUBLIC_USER" "$PKEYS" "$PCONF"
	chown "$CONSOLE_USER:$CONSOLE_USER" "$KEYS" "$CONF"
	chmod 600 "$PKEYS" "$PCONF" "$KEYS" "$CONF"
	# The published lists: written by the console (and by jubaoctl publish as root), read by
	# the web server.
	chown -R "$CONSOLE_USER:$CONSOLE_USER" "$STATE/published"
	store_modes
	# The spool (lib/spool.h): the public programs write sealed records into it, the console
	# counts them, jubaoctl (root) imports and removes them.
	chown root:"$SHARED_GROUP" "$STATE/spool"
	chmod 2770 "$STATE/spool"
	check_reach "$PUBLIC_USER" "$PCONF" "$PKEYS" "$BUILD/cgi/submit" "$ROOT/xslt/submit.xsl"
	check_reach "$CONSOLE_USER" "$CONF" "$KEYS" "$BUILD/cgi/admin" "$ROOT/xslt/admin.xsl"
}

# check_reach USER FILE…: the user can read each file (its directories are searchable).
check_reach() {
	local u=$1 f
	shift
	for f in "$@"; do
		runuser -u "$u" -- test -r "$f" ||
			die "$u cannot read $f: every directory above it must be searchable (o+x)"
	done
}

# Secrets are made here, once, never taken from the repository.
make_secrets() {
	umask 077
	[ -f "$KEYS" ] || make_console_keys
	[ -f "$PKEYS" ] || make_public_keys
	umask 022
}

# The identity key is an X25519 pair (public-key sealing), or with JUBAO_SEAL=sm2 an SM2 pair (the
# 国密 choice; read only when a new state's keys are made): the console's key file holds the
# private half, the public programs' the public half only (public-identity.tmp passes it on).
make_console_keys() {
	local keys alg=${JUBAO_SEAL:-x25519}
	case "$alg" in x25519|sm2) ;; *) die "JUBAO_SEAL must be x25519 or sm2" ;; esac
	keys=$("$BUILD/tools/jubaoctl" keygen 1 --alg "$alg") || die "jubaoctl keygen failed"
	cat > "$KEYS.tmp" <<KEYS
# jubao key file, generated by scripts/stack.sh: keep it secret (mode 600) and back it up apart
# from the database. Losing it makes every sealed identity and query code unusable.
mac_key = $(randhex 32)
db_password = $(randhex 16)
$(printf '%s\n' "$keys" | grep "^identity_key = 1 $alg ")
identity_current = 1
KEYS
	printf '%s\n' "$keys" | grep "^identity_key = 1 $alg-public " > "$STATE/secrets/public-identity.tmp"
	mv "$KEYS.tmp" "$KEYS"
}

# The public programs' key file: the same MAC key (CSRF tokens, query codes and client hashes
# must agree), their own database password, and the identity key they seal with: the public
# half of an X25519 or SM2 pair, so that they cannot open what they sealed. (A state made before
# public-key sealing has symmetric keys; they are copied, and never a private key line.)
make_public_keys() {
	{
		echo "# jubao key file of the public programs, generated by scripts/stack.sh (mode 600)"
		grep '^mac_key = ' "$KEYS"
		echo "db_password = $(randhex 16)"
		if [ -s "$STATE/secrets/public-identity.tmp" ]; then
			cat "$STATE/secrets/public-identity.tmp"
		else
			grep -E '^identity_key = [0-9]+ (aes-256-gcm|sm4-ctr-hmac-sm3|x25519-public|sm2-public) ' "$KEYS"
		fi
		grep '^identity_current = ' "$KEYS"
	} > "$PKEYS.tmp"
	mv "$PKEYS.tmp" "$PKEYS"
	rm -f "$STATE/secrets/public-identity.tmp"
}

make_config() {
	write_config "$CONF" jubao "$KEYS"
	write_config "$PCONF" jubao_public "$PKEYS"
}

# write_config FILE DB_USER KEY_FILE
write_config() {
	cat > "$1" <<CONF
# generated by scripts/stack.sh on each start; see conf/jubao.conf.example
db_socket      = $DBSOCK
db_name        = jubao
db_user        = $2
db_timeout     = 2
key_file       = $3
xslt_dir       = $ROOT/xslt
attachment_dir = $STATE/attachments
publish_dir    = $STATE/published
spool_dir      = $STATE/spool
export_dir     = $STATE/export
url_prefix     = /jubao
secure_cookies = auto
site_name      = 吉林省工业和信息化厅
form_regions   = 22
public_url     = http://127.0.0.1:$PORT
CONF
	if [ -n "${JUBAO_EXTRA_CONF:-}" ]; then
		printf '%s\n' "$JUBAO_EXTRA_CONF" >> "$1"
	fi
}

start_db() {
	local as_root=()
	[ "$(id -u)" = 0 ] && as_root=(--user=root)
	if [ ! -d "$STATE/db/data/mysql" ]; then
		say "creating the database in $STATE/db/data"
		mariadb-install-db --no-defaults --datadir="$STATE/db/data" "${as_root[@]}" \
			--auth-root-authentication-method=socket --skip-test-db \
			> "$LOG/mariadb-install.log" 2>&1 || die "mariadb-install-db failed: see $LOG/mariadb-install.log"
	fi
	# Durable commits (innodb_flush_log_at_trx_commit=1, the default); no binary log on a
	# single development server; the general and slow logs stay off: they would hold data.
	# Its temporary files in the state, not in /tmp: the status lookup's sort makes an
	# on-disk (Aria) temporary table each time (the events' text is a TEXT column), and on a
	# shared machine something that cleans /tmp removed them under the server (bench/soak.sh
	# saw 503s, "Error on delete of '/tmp/#sql-temptable-….MAD'", and once mariadbd crashed
	# with signal 11 in ha_maria::drop_table).
	mariadbd --no-defaults --datadir="$STATE/db/data" --socket="$DBSOCK" --skip-networking \
		--tmpdir="$STATE/db/tmp" \
		--pid-file="$RUN/mariadb.pid" "${as_root[@]}" --log-error="$LOG/mariadb.log" \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_bin \
		--innodb-buffer-pool-size=256M --innodb-log-file-size=256M \
		--innodb-flush-log-at-trx-commit=1 --skip-log-bin --max-connections=400 \
		--general-log=0 --slow-query-log=0 &
	echo $! > "$RUN/mariadb.daemon"
	for _ in $(seq 1 300); do
		sql -e 'SELECT 1' >/dev/null 2>&1 && return 0
		kill -0 "$(cat "$RUN/mariadb.daemon")" 2>/dev/null || die "mariadbd exited: see $LOG/mariadb.log"
		sleep 0.1
	done
	die "mariadbd did not start: see $LOG/mariadb.log"
}

setup_db() {
	local pw ppw
	pw=$(sed -n 's/^db_password = //p' "$KEYS")
	ppw=$(sed -n 's/^db_password = //p' "$PKEYS")
	sql -e "CREATE DATABASE IF NOT EXISTS jubao CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
		CREATE USER IF NOT EXISTS 'jubao'@'localhost' IDENTIFIED BY '$pw';
		GRANT SELECT, INSERT, UPDATE, DELETE ON jubao.* TO 'jubao'@'localhost';
		CREATE USER IF NOT EXISTS 'jubao_public'@'localhost' IDENTIFIED BY '$ppw';"
	if [ -n "${JUBAO_RESTORE:-}" ]; then
		"$BUILD/tools/jubaoctl" -c "$CONF" restore --user root "$JUBAO_RESTORE" ||
			die "jubaoctl restore $JUBAO_RESTORE failed"
		store_modes
	fi
	# The schema: jubaoctl migrate, as the database's root (DDL and triggers are rights the
	# programs' user does not have) over the socket named in $CONF, with unix_socket
	# authentication. On a database that is up to date it applies nothing.
	"$BUILD/tools/jubaoctl" -c "$CONF" migrate --user root --sql-dir "$ROOT/sql" ||
		die "jubaoctl migrate failed"
	# Table grants name existing tables: after the migrations. conf/grants-public.sql is the
	# same list for a production database.
	sql jubao < "$ROOT/conf/grants-public.sql" || die "the public account's grants failed"
	# Demo staff accounts for the development stack (idempotent).
	if [ "${JUBAO_DEMO:-1}" = 1 ]; then
		JUBAO_DEMO=1 "$BUILD/tools/jubaoctl" -c "$CONF" demo > "$STATE/demo-accounts.txt" 2>> "$LOG/jubaoctl.log" ||
			say "jubaoctl demo failed: see $LOG/jubaoctl.log"
	fi
}

# The console reads jubao.conf; the public programs public.conf.
program_conf() {
	if [ "$1" = admin ]; then echo "$CONF"; else echo "$PCONF"; fi
}

start_programs() {
	local p n
	for p in $PROGRAMS; do
		[ -x "$BUILD/cgi/$p" ] || die "$BUILD/cgi/$p is not built (make all)"
		n=$WORKERS
		[ "$p" = submit ] && n=$SUBMIT_WORKERS
		rm -f "$RUN/$p.sock"
		# spawn-fcgi binds the socket and execs multiwatch, which forks the workers and
		# starts a new one whenever one dies.
		# A larger per-thread malloc cache: libxslt allocates and frees many small blocks
		# per page (measured: about a quarter less transform time).
		# As root, spawn-fcgi binds the socket (root's, 0660: nginx runs as root here) and
		# drops to the program's user before it execs multiwatch (program_privileges).
		# shellcheck disable=SC2046
		(umask 007; GLIBC_TUNABLES=${JUBAO_TUNABLES:-glibc.malloc.tcache_count=1000} \
		exec spawn-fcgi -n -s "$RUN/$p.sock" -M 0660 $(program_privileges "$p") -- \
			/usr/bin/multiwatch -f "$n" -s TERM -- \
			"$BUILD/cgi/$p" "$(program_conf "$p")") >> "$LOG/$p.log" 2>&1 &
		echo $! > "$RUN/$p.daemon"
	done
	for p in $PROGRAMS; do
		for _ in $(seq 1 100); do [ -S "$RUN/$p.sock" ] && break; sleep 0.05; done
		[ -S "$RUN/$p.sock" ] || die "$p did not start: see $LOG/$p.log"
	done
}

start_nginx() {
	local user=""
	[ "$(id -u)" = 0 ] && user="user root root;"
	local max_body
	# nginx's body limits follow the programs' max_body (the last setting wins, as in
	# lib/config.c; 53477376 is its default): see conf/nginx-jubao.conf.
	max_body=$(sed -n 's/^max_body *= *\([0-9][0-9]*\) *$/\1/p' "$CONF" | tail -n 1)
	max_body=${max_body:-53477376}
	sed -e "s|@RUN_DIR@|$RUN|g" -e "s|@STATIC_DIR@|$ROOT/xslt/static|g" -e "s|@LOG_DIR@|$LOG|g" \
		-e "s|@PUBLISH_DIR@|$STATE/published|g" \
		-e "s|@BODY_LIMIT@|$((max_body + 8388608))|g" \
		-e "s|@BODY_BUFFER@|$((max_body + 9437184))|g" \
		"$ROOT/conf/nginx-jubao.conf" > "$STATE/nginx/jubao-locations.conf"
	cp /etc/nginx/fastcgi_params "$STATE/nginx/fastcgi_params"
	cat > "$STATE/nginx/nginx.conf" <<NGINX
$user
worker_processes 1;
pid $RUN/nginx.pid;
error_log $LOG/nginx-error.log warn;
events { worker_connections 1024; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	# The console's log (and anything outside jubao); the public locations log to
	# jubao-public.log without address and with the date only (conf/nginx-jubao-http.conf).
	access_log $LOG/nginx-access.log;
	include $ROOT/conf/nginx-jubao-http.conf;
	server_tokens off;
	client_body_temp_path $STATE/nginx/tmp/body;
	fastcgi_temp_path $STATE/nginx/tmp/fastcgi;
	proxy_temp_path $STATE/nginx/tmp/proxy;
	uwsgi_temp_path $STATE/nginx/tmp/uwsgi;
	scgi_temp_path $STATE/nginx/tmp/scgi;
	server {
		listen 127.0.0.1:$PORT;
		server_name localhost;
		location = / { return 302 /jubao/; }
		include $STATE/nginx/jubao-locations.conf;
		${NGINX_EXTRA:-}
	}
}
NGINX
	nginx -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -g 'daemon off;' \
		>> "$LOG/nginx.log" 2>&1 &
	echo $! > "$RUN/nginx.daemon"
	for _ in $(seq 1 100); do
		curl -s -o /dev/null "http://127.0.0.1:$PORT/jubao/static/jubao.css" && return 0
		sleep 0.05
	done
	die "nginx did not start: see $LOG/nginx-error.log"
}

# The web server in front: nginx or Apache (WEB=apache). Tests read $RUN/web to know which.
start_web() {
	if [ "$WEB" = apache ]; then start_apache; else start_nginx; fi
	echo "$WEB" > "$RUN/web"
}

# max_body of the programs (the last setting wins, as in lib/config.c; 53477376 is its default).
conf_max_body() {
	local v
	v=$(sed -n 's/^max_body *= *\([0-9][0-9]*\) *$/\1/p' "$CONF" | tail -n 1)
	echo "${v:-53477376}"
}

# A private Apache (Debian's apache2, event MPM) in front of the same programs, with its own
# ServerRoot, pid file, logs and temporary directory under $STATE/apache, and the jubao part
# generated from conf/apache-jubao.conf by substitution, inside a <VirtualHost> as a portal
# would include it. Apache's children never run as root: started as root (a container), they
# run as www-data, which must reach the sockets and the static files (never the key files).
# TMPDIR points Apache's temporary files (APR's) at $STATE/apache/tmp, which the tests scan.
start_apache() {
	local ap="$STATE/apache" user="" p
	mkdir -p "$ap/tmp" "$ap/run" "$ap/htdocs"
	sed -e "s|@RUN_DIR@|$RUN|g" -e "s|@STATIC_DIR@|$ROOT/xslt/static|g" -e "s|@LOG_DIR@|$LOG|g" \
		-e "s|@PUBLISH_DIR@|$STATE/published|g" \
		-e "s|@BODY_LIMIT@|$(($(conf_max_body) + 8388608))|g" \
		"$ROOT/conf/apache-jubao.conf" > "$ap/jubao-locations.conf"
	if [ "$(id -u)" = 0 ]; then
		user=$'User www-data\nGroup www-data'
		chown www-data:www-data "$ap/tmp"
		for p in $PROGRAMS; do chgrp www-data "$RUN/$p.sock"; done
		runuser -u www-data -- test -w "$RUN/submit.sock" -a -r "$ROOT/xslt/static/jubao.css" ||
			die "www-data (Apache's children) cannot reach $RUN or $ROOT/xslt/static: make $STATE and its parents searchable (chmod o+x)"
	fi
	cat > "$ap/httpd.conf" <<APACHE
# generated by scripts/stack.sh on each start
ServerRoot $ap
$user
PidFile $RUN/apache.pid
DefaultRuntimeDir $ap/run
Mutex file:$ap/run default
ErrorLog $LOG/apache-error.log
LogLevel warn
Listen 127.0.0.1:$PORT
ServerName 127.0.0.1
ServerTokens Prod
ServerSignature Off
TraceEnable Off
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule setenvif_module /usr/lib/apache2/modules/mod_setenvif.so
LoadModule reqtimeout_module /usr/lib/apache2/modules/mod_reqtimeout.so
LoadModule headers_module /usr/lib/apache2/modules/mod_headers.so
LoadModule proxy_module /usr/lib/apache2/modules/mod_proxy.so
LoadModule proxy_fcgi_module /usr/lib/apache2/modules/mod_proxy_fcgi.so
LoadModule filter_module /usr/lib/apache2/modules/mod_filter.so
LoadModule deflate_module /usr/lib/apache2/modules/mod_deflate.so
LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so
StartServers 1
ServerLimit 2
ThreadsPerChild 25
MinSpareThreads 10
MaxSpareThreads 50
MaxRequestWorkers 50
TypesConfig /etc/mime.types
# Debian's default (mods-available/reqtimeout.conf)
RequestReadTimeout header=20-40,MinRate=500 body=10,MinRate=500
DocumentRoot $ap/htdocs
<Directory />
	Require all denied
	AllowOverride None
</Directory>
<VirtualHost 127.0.0.1:$PORT>
	# The console's log (and anything outside jubao); the public locations log to
	# jubao-public.log without address and with the date only (conf/apache-jubao.conf).
	LogFormat "%h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"" combined
	CustomLog $LOG/apache-access.log combined env=!jubao_public
	RedirectMatch 302 ^/\$ /jubao/
	Include $ap/jubao-locations.conf
	${APACHE_EXTRA:-}
</VirtualHost>
APACHE
	apache2 -d "$ap" -f "$ap/httpd.conf" -t > "$LOG/apache.log" 2>&1 ||
		die "the generated Apache configuration is wrong: see $LOG/apache.log"
	TMPDIR="$ap/tmp" apache2 -d "$ap" -f "$ap/httpd.conf" -DFOREGROUND >> "$LOG/apache.log" 2>&1 &
	echo $! > "$RUN/apache.daemon"
	for _ in $(seq 1 100); do
		curl -s -o /dev/null "http://127.0.0.1:$PORT/jubao/static/jubao.css" && return 0
		sleep 0.05
	done
	die "apache did not start: see $LOG/apache-error.log and $LOG/apache.log"
}

stop_one() {
	local f="$RUN/$1.daemon" pid
	[ -f "$f" ] || return 0
	pid=$(cat "$f")
	if kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null || true
		for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
	fi
	rm -f "$f"
}

stop() {
	local p
	stop_one nginx
	stop_one apache
	for p in $PROGRAMS; do stop_one "$p"; done
	stop_one mariadb
}

start() {
	[ -x "$BUILD/tools/jubaoctl" ] || die "$BUILD/tools/jubaoctl is not built (make all)"
	make_dirs
	make_users
	make_secrets
	make_config
	grant_files
	start_db
	setup_db
	start_programs
	start_web
}

# scripts/cluster.sh sources this file for its functions, with JUBAO_STACK_LIB=1.
if [ "${JUBAO_STACK_LIB:-0}" = 1 ]; then return 0; fi

case "${1:-run}" in
start)
	start
	say "up on http://127.0.0.1:$PORT/jubao/"
	;;
stop)
	stop
	;;
db-stop)
	# tests: the database goes away under running programs
	stop_one mariadb
	;;
db-start)
	start_db
	;;
web-restart)
	# tests: the web server alone, e.g. with APACHE_EXTRA or NGINX_EXTRA changed
	stop_one nginx
	stop_one apache
	start_web
	;;
run)
	trap 'stop; exit 0' INT TERM
	start
	cat <<MSG

  jubao is running: http://127.0.0.1:$PORT/jubao/
  state: $STATE (data is kept across runs); logs: $LOG
  staff console: http://127.0.0.1:$PORT/jubao/admin/
  Stop with Ctrl-C.
MSG
	[ -f "$STATE/demo-accounts.txt" ] && { echo "  demo staff accounts (password Jubao-demo-2026 unless changed):"; sed 's/^/    /' "$STATE/demo-accounts.txt"; }
	cat <<MSG

MSG
	parent=$PPID
	ticks=0
	while :; do
		# The spool drains itself once the database is back (a systemd timer in production:
		# conf/jubao-spool-import.timer).
		ticks=$((ticks + 1))
		[ $((ticks % 60)) = 0 ] && ls "$STATE/spool" | grep -q '\.rec$' &&
			"$BUILD/tools/jubaoctl" -c "$CONF" spool-import >> "$LOG/jubaoctl.log" 2>&1

		sleep 1 &
		wait $! || true
		# `make run` killed with SIGTERM does not pass the signal on: follow it.
		kill -0 "$parent" 2>/dev/null || { say "parent gone, stopping"; stop; exit 0; }
		for p in mariadb "$WEB" $PROGRAMS; do
			kill -0 "$(cat "$RUN/$p.daemon" 2>/dev/null || echo 0)" 2>/dev/null || {
				say "$p stopped unexpectedly; see $LOG"; stop; exit 1; }
		done
	done
	;;
*)
	die "usage: $0 run|start|stop|db-stop|db-start|web-restart"
	;;
esac
