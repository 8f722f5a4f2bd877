#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for @cf/load's tests on 127.0.0.1:${CF_POSTGRES_PORT:-54329}, with a role
# `cf` (password `cf`) owning a database `cf`: the tests connect to postgres://cf:cf@127.0.0.1:54329/cf.
#
# Idempotent: a server already answering on that port is left alone (exit 0). The data directory is
# ${TMPDIR:-/tmp}/cf-postgres-${port}; it is created (initdb) on the first run and reused afterwards. Durability
# is off (fsync, synchronous_commit, full_page_writes): a test server, not a database.
#
# initdb and postgres refuse to run as root: as root, the server runs as the OS user `postgres` (created when
# missing); as anyone else, as that user. Local (Unix socket) connections are trusted, so this script can create
# the role; TCP connections on 127.0.0.1 need a password (scram-sha-256), so a wrong password really fails.
#
# Binaries: ${CF_POSTGRES_BIN} if set, else the newest /usr/lib/postgresql/*/bin, else initdb's directory on PATH.
# Install them first: apt-get install -y postgresql (Debian), brew install postgresql@15, ...
set -euo pipefail

port="${CF_POSTGRES_PORT:-54329}"
tmp="${TMPDIR:-/tmp}"
dir="${tmp%/}/cf-postgres-${port}"
data="$dir/data"
log="$dir/postgres.log"

bin="${CF_POSTGRES_BIN:-}"
if [ -z "$bin" ]; then
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [ -z "$bin" ] && command -v initdb >/dev/null 2>&1; then
  bin="$(dirname "$(readlink -f "$(command -v initdb)")")"
fi
for tool in initdb pg_ctl pg_isready psql postgres; do
  if [ -z "$bin" ] || [ ! -x "$bin/$tool" ]; then
    echo "start-postgres: PostgreSQL server binaries not found (looked for $tool in ${bin:-/usr/lib/postgresql/*/bin and on PATH});" \
      "install them (apt-get install -y postgresql) or set CF_POSTGRES_BIN to their directory." >&2
    exit 1
  fi
done

# Who runs the server: never root.
if [ "$(id -u)" -eq 0 ]; then
  user="postgres"
  if ! id -u "$user" >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
  fi
  as_user() { runuser -u "$user" -- "$@"; }
else
  user="$(id -un)"
  as_user() { "$@"; }
fi

# The role and database the tests use (also on a reused data directory or a server started by an older version of
# this script). Through the Unix socket in $dir, as the superuser `postgres` (trusted there).
ensure_role() {
  as_user "$bin/psql" -q -X -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres >/dev/null 2>&1 <<'SQL'
SELECT 'CREATE ROLE cf LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cf') \gexec
-- CREATEROLE: the tests create a role without CREATE on the database, to check what such a role can do.
ALTER ROLE cf WITH LOGIN CREATEROLE PASSWORD 'cf';
SELECT 'CREATE DATABASE cf OWNER cf' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'cf') \gexec
SQL
}

if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 2; then
  # Ours (its socket is in $dir): make sure the role is there. Someone else's: leave it alone.
  if [ -S "$dir/.s.PGSQL.${port}" ]; then ensure_role || true; fi
  echo "start-postgres: already running on 127.0.0.1:${port}"
  exit 0
fi

mkdir -p "$dir"
chmod 700 "$dir"
[ "$(id -u)" -eq 0 ] && chown "$user:" "$dir"
if ! as_user test -w "$dir"; then
  echo "start-postgres: $dir is not writable by the OS user '$user' (is ${tmp} readable by it?); set TMPDIR to a directory it can use." >&2
  exit 1
fi

# A data directory from an interrupted initdb (no PG_VERSION) is discarded; a complete one is reused.
if [ -d "$data" ] && [ ! -f "$data/PG_VERSION" ]; then
  rm -rf "$data"
fi
fresh=0
if [ ! -d "$data" ]; then
  fresh=1
  if ! as_user "$bin/initdb" -D "$data" -U postgres -E UTF8 --no-locale --auth=trust --no-sync >"$dir/initdb.log" 2>&1; then
    echo "start-postgres: initdb failed; see $dir/initdb.log:" >&2
    tail -n 20 "$dir/initdb.log" >&2
    exit 1
  fi
  cat >>"$data/postgresql.conf" <<EOF

# start-postgres.sh: a throwaway test server on loopback.
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = '${dir}'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
EOF
  cat >"$data/pg_hba.conf" <<EOF
# start-postgres.sh: trust on the Unix socket (this script), a password on loopback TCP (the tests).
local all all                trust
host  all all 127.0.0.1/32   scram-sha-256
EOF
fi

if ! as_user "$bin/pg_ctl" -D "$data" -l "$log" -w -t 30 start >/dev/null 2>&1; then
  echo "start-postgres: the server did not start on 127.0.0.1:${port}; see $log:" >&2
  tail -n 20 "$log" >&2 || true
  exit 1
fi

if ! ensure_role; then
  echo "start-postgres: could not create the role/database cf; see $log" >&2
  exit 1
fi

if [ "$fresh" -eq 1 ]; then how="initialized and started"; else how="started"; fi
echo "start-postgres: ${how} on 127.0.0.1:${port} (postgres://cf:cf@127.0.0.1:${port}/cf; data: $data, log: $log)"
