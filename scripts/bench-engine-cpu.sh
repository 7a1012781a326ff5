#!/usr/bin/env bash
# CPU-µs per engine turn (BenchmarkTurn), measured as process CPU time
# (user+sys) rather than wall-clock, so a loaded shared machine does not
# inflate it as much; N turns minus 1 turn removes start-up. A base git
# revision is built from `git archive` and measured side by side with the
# working tree, rounds interleaved.
#
#   scripts/bench-engine-cpu.sh [BASE_REV] [ROUNDS] [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
base=${1:-HEAD~1}
rounds=${2:-7}
n=${3:-40000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git archive "$base" | tar -x -C "$work" --one-top-level=base
(cd "$work/base" && go test -c -o "$work/base.test" ./internal/converse/)
go test -c -o "$work/head.test" ./internal/converse/

cpu() { # binary benchtime -> CPU seconds
  local t
  t=$( { TIMEFORMAT='%3U %3S'; time "$1" -test.run '^$' -test.bench '^BenchmarkTurn$' -test.benchtime "$2" -test.cpu 1 >/dev/null; } 2>&1 )
  echo "$t" | awk '{print $1+$2}'
}
per_turn() { # binary -> CPU-µs per turn
  local big small
  big=$(cpu "$1" "${n}x")
  small=$(cpu "$1" 1x)
  awk -v a="$big" -v b="$small" -v n="$n" 'BEGIN{printf "%.2f", (a-b)*1e6/n}'
}
cd internal/converse # the benchmark reads eval/testdata relative to its package
echo "CPU-µs per turn, $n turns per run, base $(git rev-parse --short "$base"), load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$rounds"); do
  echo "round $i: base $(per_turn "$work/base.test")  head $(per_turn "$work/head.test")"
done
