#!/usr/bin/env bash
# Benchmark the profile cache: the same Zipf(0.99) workload (90% reads, 10%
# writes) against PostgreSQL + Redis with the cache off and on, interleaved,
# in one run, three times: reads that are chat turns only, reads split
# between profile views and chat turns, reads that are profile views only.
# Prints Markdown (runs recorded in docs/benchmarks-log.md, the latest in docs/benchmarks.md).
#
# Database time is pg_stat_statements' total_exec_time, which needs the
# library preloaded. So unless PGURL is given, the script starts its own
# throw-away PostgreSQL cluster (initdb from /usr/lib/postgresql/*/bin into a
# temporary directory, as the postgres user when run as root, on a free
# port, shared_preload_libraries=pg_stat_statements, otherwise defaults)
# and removes it at the end. Shared servers are never reconfigured.
#
# Usage: scripts/bench-cache.sh [extra bench-cache flags...]
# Env:   PGURL=postgres://...   use this server instead of a private cluster
#                               (database time is then reported only if it
#                               preloads pg_stat_statements)
#        PGBIN=/usr/lib/postgresql/NN/bin (default: the newest installed)
#        REDIS_URL=redis://127.0.0.1:6379/0 (every phase uses its own random
#                               key prefix "parley-bench:...", so a shared
#                               Redis is fine)
#        PROFILES=2000 SESSIONS=1000 OPS=20000 WORKERS=16 ROUNDS=3
#        WARMUP=20000  operations run first in every phase on the same
#                      processes and not measured: the figures are a warm
#                      server's (WARMUP=0 measures cold starts too)
#        MIXES="1 0.5 0"        share of reads that are chat turns, per run
set -euo pipefail
cd "$(dirname "$0")/.."
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
PROFILES=${PROFILES:-2000}
SESSIONS=${SESSIONS:-1000}
OPS=${OPS:-20000}
WARMUP=${WARMUP:-20000}
WORKERS=${WORKERS:-16}
ROUNDS=${ROUNDS:-3}
MIXES=${MIXES:-1 0.5 0}
work=$(mktemp -d)
chmod 755 "$work"
BIN=$work/bench-cache
pgdata=$work/pgdata
as_pg=()
cleanup() {
  if [ -f "$pgdata/postmaster.pid" ]; then
    "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
go build -o "$BIN" ./internal/cachebench/cmd/bench-cache

if [ -z "${PGURL:-}" ]; then
  PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
  [ -x "$PGBIN/initdb" ] || { echo "no PostgreSQL binaries (set PGBIN or PGURL)" >&2; exit 1; }
  if [ "$(id -u)" = 0 ]; then # initdb refuses to run as root
    as_pg=(runuser -u postgres --)
    install -d -o postgres -m 700 "$pgdata"
  fi
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  "${as_pg[@]}" "$PGBIN/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 ||
    { cat "$work/initdb.log" >&2; exit 1; }
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$pgdata" -w -l "$pgdata/server.log" -o \
    "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top -c max_connections=200" \
    start >/dev/null
  PGURL="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
  echo "Private PostgreSQL cluster: $("$PGBIN/postgres" --version), port $port, data in $pgdata (removed at exit)."
  echo
fi

common=(-postgres "$PGURL" -redis "$REDIS_URL" -profiles "$PROFILES" -sessions "$SESSIONS"
  -ops "$OPS" -warmup "$WARMUP" -workers "$WORKERS" -rounds "$ROUNDS" "$@")
for mix in $MIXES; do
  case $mix in
  1) echo "## Reads: chat turns only" ;;
  0) echo "## Reads: profile views only" ;;
  *) echo "## Reads: $mix of them chat turns, the rest profile views" ;;
  esac
  echo
  "$BIN" "${common[@]}" -turns "$mix"
  echo
done
