#!/usr/bin/env bash
# Benchmark the profile cache: the same Zipf(0.99) workload (90% reads, 10%
# writes) against PostgreSQL + Redis with the cache off and on, interleaved,
# in one run, twice: reads split between profile views and chat turns, then
# reads that are profile views only. Prints Markdown (figures in docs/benchmarks.md).
#
# Usage: scripts/bench-cache.sh [extra bench-cache flags...]
# Env:   PGURL=postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable
#        REDIS_URL=redis://127.0.0.1:6379/0
#        PROFILES=2000 SESSIONS=1000 OPS=20000 WORKERS=16 ROUNDS=3
# Needs: PostgreSQL (a role that may CREATE DATABASE; the database made is
#        dropped at the end) and Redis. pg_stat_statements is used by nobody:
#        database work is counted by pg_stat_database and a counting store.
set -euo pipefail
cd "$(dirname "$0")/.."
PGURL=${PGURL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
PROFILES=${PROFILES:-2000}
SESSIONS=${SESSIONS:-1000}
OPS=${OPS:-20000}
WORKERS=${WORKERS:-16}
ROUNDS=${ROUNDS:-3}
BIN=$(mktemp -d)/bench-cache
trap 'rm -rf "$(dirname "$BIN")"' EXIT
go build -o "$BIN" ./internal/cachebench/cmd/bench-cache

common=(-postgres "$PGURL" -redis "$REDIS_URL" -profiles "$PROFILES" -sessions "$SESSIONS"
  -ops "$OPS" -workers "$WORKERS" -rounds "$ROUNDS" "$@")
echo "## Reads: half profile views, half chat turns"
echo
"$BIN" "${common[@]}" -turns 0.5
echo
echo "## Reads: profile views only"
echo
"$BIN" "${common[@]}" -turns 0
