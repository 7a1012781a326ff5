#!/usr/bin/env bash
# Runs every Go fuzz target in the module briefly ($1: a -fuzztime, default 20000x).
# New crashers land in the package's testdata/fuzz and fail the run.
# Use an execution count ("20000x"), not a duration: Go 1.26's fuzz coordinator can
# report a spurious "context deadline exceeded" when a duration runs out
# (golang/go#75804, fixed in Go 1.27).
#
# Each package's instrumented test binary is built once (`go test -c -fuzz`) and run
# once per target from the package's directory, as `go test -fuzz` does: one link per
# package instead of one per target (34 targets in 15 packages; a link of a large
# package takes seconds on a 2-core machine). The corpus cache is the one `go test`
# keeps ($GOCACHE/fuzz/IMPORTPATH), so inputs found by either are shared.
set -euo pipefail
time=${1:-20000x}
cd "$(dirname "$0")/.."
root=$PWD
module=$(go list -m)
cache=$(go env GOCACHE)/fuzz
bins=$(mktemp -d)
trap 'rm -rf "$bins"' EXIT
status=0
# file:FuzzName lines, grouped by package directory.
targets=$(git grep -n -E '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' -- '*_test.go' |
  sed -E 's/^([^:]*):[0-9]*:func (Fuzz[A-Za-z0-9_]*)\(.*/\1 \2/' |
  awk '{n=split($1, p, "/"); d=p[1]; for (i=2; i<n; i++) d=d "/" p[i]; print d, $2}' | sort)
for dir in $(cut -d' ' -f1 <<<"$targets" | uniq); do
  bin=$bins/$(tr / _ <<<"$dir").test
  echo "build ./$dir (fuzz-instrumented)"
  if ! go test -c -fuzz . -o "$bin" "./$dir"; then status=1; continue; fi
  for name in $(awk -v d="$dir" '$1 == d {print $2}' <<<"$targets"); do
    echo "fuzz ./$dir $name for $time"
    if ! (cd "$root/$dir" && "$bin" -test.run '^$' -test.fuzz "^${name}\$" -test.fuzztime "$time" \
      -test.fuzzcachedir "$cache/$module/$dir" -test.paniconexit0); then
      status=1
    fi
  done
done
exit $status
