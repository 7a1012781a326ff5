#!/usr/bin/env bash
# Runs every Go fuzz target in the module briefly ($1: a -fuzztime, default 20000x).
# New crashers land in the package's testdata/fuzz and fail the run.
# Use an execution count ("20000x"), not a duration: Go 1.26's fuzz coordinator can
# report a spurious "context deadline exceeded" when a duration runs out
# (golang/go#75804, fixed in Go 1.27).
set -euo pipefail
time=${1:-20000x}
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
