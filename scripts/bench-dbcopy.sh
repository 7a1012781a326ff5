#!/usr/bin/env bash
# Benchmark "parley dbcopy run" (and verify) against pgloader on the same
# machine, same data, interleaved rounds: Sakila and a generated table.
# Tools: parley = dbcopy run; parley-verify = dbcopy verify timed alone
# (after an untimed run); parley-runverify = dbcopy run --verify (every
# chunk checked as it is copied); pgloader with its defaults.
# Each line: wall clock, rows/s, peak RSS and CPU seconds (user + sys) of
# the tool and of the two servers during the timed command (the servers'
# figures include whatever else used them meanwhile).
#
# Usage: scripts/bench-dbcopy.sh [ROWS]        (default ROWS=5000000)
# Env:   PARLEY=./bin/parley  ROUNDS=3 (Sakila)  BIG_ROUNDS=1  WORKERS=4
#        PGLOADER_OPTS="--dynamic-space-size 4096" gives pgloader a bigger heap (its
#        default runs out of memory on the 5 M-row table)
#        MYSQL="mariadb -h127.0.0.1 -uroot"  PGURL=postgres://postgres@127.0.0.1:5432
# Needs: mariadb client, psql, pgloader (apt-get install pgloader), /usr/bin/time.
set -euo pipefail
ROWS=${1:-5000000}
PARLEY=${PARLEY:-./bin/parley}
ROUNDS=${ROUNDS:-3}
BIG_ROUNDS=${BIG_ROUNDS:-1}
WORKERS=${WORKERS:-4}
PGLOADER_OPTS=${PGLOADER_OPTS:-}
MYSQL=${MYSQL:-mariadb -h127.0.0.1 -uroot}
PGURL=${PGURL:-postgres://postgres@127.0.0.1:5432}
FIX=${FIX:-$(cd "$(dirname "$0")/.." && pwd)/../shared/fixtures/mysql-sakila}
[ -d "$FIX" ] || FIX=/work/shared/fixtures/mysql-sakila
OUT=$(mktemp -d)
command -v pgloader >/dev/null || { echo "pgloader missing: apt-get install -y pgloader" >&2; exit 1; }
[ -x "$PARLEY" ] || { echo "build parley first ($PARLEY)" >&2; exit 1; }

pg() { psql "$PGURL/postgres" -qAt -c "$1"; }

# CPU seconds (ticks / 100) of the servers: mariadbd, and every postgres
# process plus the exited backends the postmaster has reaped (cutime).
ticks() { awk '{print $14+$15+$16+$17}' "/proc/$1/stat" 2>/dev/null || echo 0; }
server_cpu() {
  local my=0 p s=0
  for p in $(pgrep -x mariadbd; pgrep -x mysqld); do my=$((my + $(ticks "$p"))); done
  for p in $(pgrep -x postgres); do s=$((s + $(ticks "$p"))); done
  echo "$my $s"
}

load_sakila() {
  $MYSQL -e "DROP DATABASE IF EXISTS bench_sakila; CREATE DATABASE bench_sakila"
  # MariaDB skips MySQL 5.7 version comments: unwrap them so GEOMETRY loads.
  cat "$FIX/sakila-schema.sql" "$FIX/sakila-data.sql" |
    grep -v -e '^DROP SCHEMA' -e '^CREATE SCHEMA' -e '^USE ' |
    sed -e 's#/\*!50705 \(.*\)\*/#\1#' -e 's/sakila\.//g' |
    $MYSQL --default-character-set=utf8mb4 bench_sakila
}

load_big() {
  $MYSQL -e "DROP DATABASE IF EXISTS bench_big; CREATE DATABASE bench_big CHARACTER SET utf8mb4"
  $MYSQL bench_big -e "
    CREATE TABLE big (id BIGINT PRIMARY KEY, n INT NOT NULL, amount DECIMAL(12,2) NOT NULL,
      title VARCHAR(100) NOT NULL, body TEXT, doc JSON, data BLOB) ENGINE=InnoDB;
    INSERT INTO big SELECT seq, seq % 100000, (seq % 1000000) / 100,
      CONCAT('title ', seq), REPEAT(CONCAT('lorem ipsum ', seq, ' '), 4),
      CONCAT('{\"id\": ', seq, ', \"tags\": [\"a\", \"b\"], \"ok\": true}'),
      UNHEX(SHA2(seq, 256)) FROM seq_1_to_$ROWS;"
}

# measure NAME DB TOOL: one timed run into a fresh PostgreSQL database.
measure() {
  local name=$1 db=$2 tool=$3 rows=$4 target="b_${2}_${3//-/_}"
  pg "DROP DATABASE IF EXISTS $target WITH (FORCE)" 2>/dev/null; pg "CREATE DATABASE $target"
  local log="$OUT/$name-$tool-$RANDOM.txt" status=0 cpu0 cpu1
  [ "$tool" = parley-verify ] || cpu0=$(server_cpu)
  case $tool in
    parley)
      /usr/bin/time -v "$PARLEY" dbcopy run --from "mysql://root@127.0.0.1:3306/$db" --to "$PGURL/$target" \
        --workers "$WORKERS" --reject-file "$OUT/rejects.jsonl" >"$log.out" 2>"$log" || status=$? ;;
    parley-runverify)
      /usr/bin/time -v "$PARLEY" dbcopy run --verify --from "mysql://root@127.0.0.1:3306/$db" --to "$PGURL/$target" \
        --workers "$WORKERS" --reject-file "$OUT/rejects.jsonl" >"$log.out" 2>"$log" || status=$? ;;
    parley-verify)
      "$PARLEY" dbcopy run --from "mysql://root@127.0.0.1:3306/$db" --to "$PGURL/$target" --workers "$WORKERS" \
        --reject-file "$OUT/rejects.jsonl" >/dev/null 2>&1
      sleep 1; cpu0=$(server_cpu)
      /usr/bin/time -v "$PARLEY" dbcopy verify --from "mysql://root@127.0.0.1:3306/$db" --to "$PGURL/$target" \
        --workers "$WORKERS" >"$log.out" 2>"$log" || status=$? ;;
    pgloader)
      /usr/bin/time -v pgloader $PGLOADER_OPTS --no-ssl-cert-verification "mysql://root@127.0.0.1:3306/$db" \
        "postgresql://postgres@127.0.0.1:5432/$target" >"$log.out" 2>"$log" || status=$? ;;
  esac
  sleep 1 # let the postmaster reap the backends
  cpu1=$(server_cpu)
  local wall rss secs client
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  client=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$log")
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  [ "$status" = 0 ] || printf '%-8s %-14s FAILED (exit %s, see %s)\n' "$name" "$tool" "$status" "$log.out"
  printf '%-8s %-16s wall %7.2f s  %10.0f rows/s  peak RSS %6d MB  load %5s  cpu s: client %5.1f mariadb %5.1f postgres %5.1f\n' \
    "$name" "$tool" "$secs" "$(echo "$rows / $secs" | bc -l)" "$((rss / 1024))" "$(cut -d' ' -f1 /proc/loadavg)" "$client" \
    "$(echo "(${cpu1% *} - ${cpu0% *}) / 100" | bc -l)" "$(echo "(${cpu1#* } - ${cpu0#* }) / 100" | bc -l)"
  pg "DROP DATABASE IF EXISTS $target WITH (FORCE)"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores; parley workers=$WORKERS; pgloader $(pgloader --version 2>/dev/null | sed -n 1p)"
load_sakila
SAKILA_ROWS=$($MYSQL -Nse "SELECT SUM(TABLE_ROWS) FROM information_schema.TABLES WHERE TABLE_SCHEMA='bench_sakila' AND TABLE_TYPE='BASE TABLE'")
for _ in $(seq "$ROUNDS"); do
  measure sakila bench_sakila parley "$SAKILA_ROWS"
  measure sakila bench_sakila pgloader "$SAKILA_ROWS"
  measure sakila bench_sakila parley-verify "$SAKILA_ROWS"
  measure sakila bench_sakila parley-runverify "$SAKILA_ROWS"
done
echo "# generating $ROWS rows: $(date -u +%T)"
load_big
echo "# generated: $(date -u +%T)"
for _ in $(seq "$BIG_ROUNDS"); do
  measure big bench_big parley "$ROWS"
  measure big bench_big pgloader "$ROWS"
  measure big bench_big parley-verify "$ROWS"
  measure big bench_big parley-runverify "$ROWS"
done
echo "# logs in $OUT"
