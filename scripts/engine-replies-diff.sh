#!/usr/bin/env bash
# engine-replies-diff.sh — prove an engine change leaves every reply alone.
#
# Dumps every reply (text, citations, suggestions, refused, intent) of the
# public and held-out question sets for two revisions and diffs them. Meant
# for performance work on internal/converse, where the replies must stay
# byte-identical, not only the pass/miss verdicts of `parley eval`.
#
#   scripts/engine-replies-diff.sh [BASE [NEW]]   # revisions; default: where HEAD left main, and the work tree
#
# BASE defaults to the merge base of main and HEAD, so commits landed on
# main since the branch began do not show as changes. BASE is checked out in a temporary worktree; NEW defaults to the current
# work tree as it is (uncommitted changes included). The dumper is
# internal/converse/eval/dump_internal_test.go (TestDumpReplies), copied into
# the BASE tree when that revision predates it. Dumps are kept in $OUT
# (default /tmp/engine-replies) as BASE.jsonl and NEW.jsonl. Exits 0 when
# they are identical, 1 with a diff when not.
set -euo pipefail

root=$(git rev-parse --show-toplevel)
base=${1:-$(git -C "$root" merge-base main HEAD)}
new=${2:-}
out=${OUT:-/tmp/engine-replies}
mkdir -p "$out"
dumper=internal/converse/eval/dump_internal_test.go
sets="testdata/public.yaml testdata/heldout.yaml"
tmp=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$tmp/base" 2>/dev/null || true; git -C "$root" worktree remove --force "$tmp/new" 2>/dev/null || true; rm -rf "$tmp"' EXIT

# dump TREE FILE: run the dumper in TREE, writing FILE.
dump() {
	local tree=$1 file=$2
	[ -f "$tree/$dumper" ] || cp "$root/$dumper" "$tree/$dumper"
	(cd "$tree/internal/converse/eval" &&
		PARLEY_DUMP_SETS="$sets" PARLEY_DUMP_OUT="$file" \
			go test -count 1 -run '^TestDumpReplies$' . >/dev/null)
	echo "$(wc -l <"$file") replies -> $file" >&2
}

git -C "$root" worktree add --detach -q "$tmp/base" "$base"
dump "$tmp/base" "$out/base.jsonl"
if [ -n "$new" ]; then
	git -C "$root" worktree add --detach -q "$tmp/new" "$new"
	dump "$tmp/new" "$out/new.jsonl"
else
	dump "$root" "$out/new.jsonl"
fi
if diff -u "$out/base.jsonl" "$out/new.jsonl" >"$out/replies.diff"; then
	echo "replies identical ($base vs ${new:-work tree})"
else
	echo "replies DIFFER ($base vs ${new:-work tree}); see $out/replies.diff" >&2
	head -40 "$out/replies.diff" >&2
	exit 1
fi
