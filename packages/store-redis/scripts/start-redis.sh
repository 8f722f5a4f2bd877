#!/usr/bin/env bash
# Starts a throwaway redis-server for @cf/store-redis's tests on 127.0.0.1:${CF_REDIS_PORT:-6399}, daemonized.
# Idempotent: a server already answering on that port is left alone. Nothing is persisted (no RDB, no AOF).
# Install the server first: apt-get install -y redis-server (Debian), brew install redis, ...
set -euo pipefail

port="${CF_REDIS_PORT:-6399}"
dir="${TMPDIR:-/tmp}/cf-redis-${port}"

if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
  echo "start-redis: redis-server/redis-cli not found; install them (apt-get install -y redis-server)." >&2
  exit 1
fi

if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null || true)" = "PONG" ]; then
  echo "start-redis: already running on 127.0.0.1:${port}"
  exit 0
fi

mkdir -p "$dir"
redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --protected-mode yes \
  --save '' --appendonly no --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"

for _ in $(seq 1 50); do
  if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null || true)" = "PONG" ]; then
    echo "start-redis: started on 127.0.0.1:${port} (log: $dir/redis.log)"
    exit 0
  fi
  sleep 0.1
done
echo "start-redis: redis-server did not answer on 127.0.0.1:${port} within 5 s; see $dir/redis.log" >&2
exit 1
