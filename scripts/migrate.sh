#!/bin/sh
# Apply the pending schema migrations in sql/ (NNN_name.sql, in order) to a database.
#   scripts/migrate.sh DATABASE [mariadb client options…]
# e.g. scripts/migrate.sh jubao -S /run/mysqld/mysqld.sock -u root
# Each file records itself in schema_version as its last statement; a file already recorded
# is skipped, so running this again is harmless.
set -eu
db=$1
shift
here=$(cd "$(dirname "$0")/.." && pwd)
client() { mariadb --no-defaults --default-character-set=utf8mb4 "$@"; }

applied=$(client "$@" -N -B -e "SELECT version FROM schema_version" "$db" 2>/dev/null || true)
for f in "$here"/sql/[0-9][0-9][0-9]_*.sql; do
	v=$(basename "$f" | cut -c1-3 | sed 's/^0*//')
	if printf '%s\n' "$applied" | grep -qx "$v"; then
		continue
	fi
	echo "migrate: applying $(basename "$f")"
	client "$@" "$db" < "$f"
done
