#!/usr/bin/env bash
# Runs every Go fuzz target in the module for a short time each ($1, default 10s).
# New crashers land in the package's testdata/fuzz and fail the run.
set -euo pipefail
time=${1:-10s}
cd "$(dirname "$0")/.."
status=0
while IFS= read -r line; do
  file=${line%%:*}
  name=$(sed -E 's/^.*func (Fuzz[A-Za-z0-9_]*)\(.*/\1/' <<<"$line")
  pkg=./$(dirname "$file")
  echo "fuzz $pkg $name for $time"
  if ! go test -run '^$' -fuzz "^${name}\$" -fuzztime "$time" "$pkg"; then status=1; fi
done < <(git grep -n -E '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' -- '*_test.go' | sed 's/:[0-9]*:/:/')
exit $status
