#!/usr/bin/env bash
# Starts a throwaway clickhouse-server for @cf/load's ClickHouse tests, daemonized, listening on 127.0.0.1 only:
#   HTTP   ${CF_CLICKHOUSE_PORT:-18123}   (what the tests and @clickhouse/client use)
#   native ${CF_CLICKHOUSE_TCP_PORT:-19000}, interserver ${CF_CLICKHOUSE_INTERSERVER_PORT:-19009} (moved off 9000/9009)
# Its own config, data, tmp and logs live in ${TMPDIR:-/tmp}/cf-clickhouse-${port}; nothing of /etc/clickhouse-server or
# /var/lib/clickhouse is used. Users: `default` (no password) and `cf_test` (password `cf-test-password`, for the tests
# that authenticate). Idempotent: a server already answering /ping on that port is left alone.
# Install the server first: apt-get install -y clickhouse-server (Debian ships 18.16), or ClickHouse's own packages.
# Stop it: kill "$(cat "${TMPDIR:-/tmp}/cf-clickhouse-18123/clickhouse.pid")".
set -euo pipefail

port="${CF_CLICKHOUSE_PORT:-18123}"
tcp_port="${CF_CLICKHOUSE_TCP_PORT:-19000}"
interserver_port="${CF_CLICKHOUSE_INTERSERVER_PORT:-19009}"
dir="${TMPDIR:-/tmp}/cf-clickhouse-${port}"
url="http://127.0.0.1:${port}"

bin=""
for candidate in clickhouse-server /usr/sbin/clickhouse-server /usr/bin/clickhouse-server; do
  if command -v "$candidate" >/dev/null 2>&1; then bin="$(command -v "$candidate")"; break; fi
done
if [ -z "$bin" ] && command -v clickhouse >/dev/null 2>&1; then bin="$(command -v clickhouse) server"; fi
if [ -z "$bin" ]; then
  echo "start-clickhouse: clickhouse-server not found; install it (apt-get install -y clickhouse-server)." >&2
  exit 1
fi

# GET /ping answers "Ok." once the server is ready: with curl, or with bash's /dev/tcp where there is no curl.
ping() {
  if command -v curl >/dev/null 2>&1; then
    [ "$(curl -fsS --max-time 1 "${url}/ping" 2>/dev/null || true)" = "Ok." ]
  else
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/${port} && printf 'GET /ping HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' >&3 && grep -q '^Ok\\.' <&3" 2>/dev/null
  fi
}

if ping; then
  echo "start-clickhouse: already running on ${url}"
  exit 0
fi

mkdir -p "$dir/data" "$dir/tmp" "$dir/user_files" "$dir/format_schemas" "$dir/log"

cat >"$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <logger>
        <level>warning</level>
        <log>${dir}/log/clickhouse-server.log</log>
        <errorlog>${dir}/log/clickhouse-server.err.log</errorlog>
        <size>100M</size>
        <count>2</count>
    </logger>
    <listen_host>127.0.0.1</listen_host>
    <http_port>${port}</http_port>
    <tcp_port>${tcp_port}</tcp_port>
    <interserver_http_port>${interserver_port}</interserver_http_port>
    <interserver_http_host>127.0.0.1</interserver_http_host>
    <max_connections>256</max_connections>
    <keep_alive_timeout>10</keep_alive_timeout>
    <max_concurrent_queries>100</max_concurrent_queries>
    <uncompressed_cache_size>67108864</uncompressed_cache_size>
    <mark_cache_size>134217728</mark_cache_size>
    <path>${dir}/data/</path>
    <tmp_path>${dir}/tmp/</tmp_path>
    <user_files_path>${dir}/user_files/</user_files_path>
    <format_schema_path>${dir}/format_schemas/</format_schema_path>
    <users_config>${dir}/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <timezone>UTC</timezone>
    <mlock_executable>false</mlock_executable>
    <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
    <max_session_timeout>3600</max_session_timeout>
    <default_session_timeout>60</default_session_timeout>
</yandex>
XML

cat >"$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <profiles>
        <default>
            <max_memory_usage>4000000000</max_memory_usage>
            <use_uncompressed_cache>0</use_uncompressed_cache>
            <load_balancing>random</load_balancing>
        </default>
    </profiles>
    <users>
        <default>
            <password></password>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
        <cf_test>
            <password>cf-test-password</password>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </cf_test>
    </users>
    <quotas>
        <default>
            <interval>
                <duration>3600</duration>
                <queries>0</queries>
                <errors>0</errors>
                <result_rows>0</result_rows>
                <read_rows>0</read_rows>
                <execution_time>0</execution_time>
            </interval>
        </default>
    </quotas>
</yandex>
XML

# Whether a PID is a running process (a killed server can linger as a zombie until its parent reaps it, and
# `kill -0` succeeds on a zombie).
running() {
  [ -n "$1" ] && kill -0 "$1" 2>/dev/null || return 1
  [ -r "/proc/$1/stat" ] || return 0
  [ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" != "Z" ]
}

pid="$(cat "$dir/clickhouse.pid" 2>/dev/null || true)"
if running "$pid"; then
  # A server of ours is still starting (or stuck): wait for it rather than start a second one.
  echo "start-clickhouse: clickhouse-server (PID $pid) is already starting; waiting for it"
else
  # A stale pid file from a killed server makes --daemon refuse to start.
  rm -f "$dir/clickhouse.pid"
  # shellcheck disable=SC2086 # $bin may be "clickhouse server"
  (cd "$dir" && $bin --daemon --config-file="$dir/config.xml" --pid-file="$dir/clickhouse.pid") \
    >"$dir/log/start.out" 2>&1 || {
    echo "start-clickhouse: clickhouse-server failed to start; see $dir/log/start.out and $dir/log/clickhouse-server.err.log" >&2
    cat "$dir/log/start.out" >&2 || true
    exit 1
  }
fi

for _ in $(seq 1 150); do
  if ping; then
    echo "start-clickhouse: started on ${url} (data and logs: $dir)"
    exit 0
  fi
  sleep 0.2
done
echo "start-clickhouse: clickhouse-server did not answer ${url}/ping within 30 s; see $dir/log/clickhouse-server.err.log" >&2
tail -n 20 "$dir/log/clickhouse-server.err.log" >&2 2>/dev/null || true
exit 1
