package converse_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// today is the pinned "now" of every test, as in the public question set.
var today = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

func mustLoad(tb testing.TB, name string) profile.Resume {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("eval", "testdata", name+".resume.json"))
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := profile.Decode(data)
	if err != nil {
		tb.Fatalf("decode %s: %v", name, err)
	}
	return doc.Resume
}

func mustIndex(tb testing.TB, name string) *converse.Index {
	tb.Helper()
	return converse.Compile(mustLoad(tb, name), profile.Privacy{}, today)
}

// ask runs questions in one conversation and returns the replies.
func ask(x *converse.Index, questions ...string) []converse.Reply {
	var st converse.State
	out := make([]converse.Reply, len(questions))
	for i, q := range questions {
		out[i], st = x.Turn(st, q, today)
	}
	return out
}

// checkText reports every wanted string missing from text and every
// unwanted one present in it, case-insensitively; asked names the turn.
func checkText(t *testing.T, asked any, text string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !containsFold(text, w) {
			t.Errorf("%q: want %q in %q", asked, w, text)
		}
	}
	for _, n := range not {
		if containsFold(text, n) {
			t.Errorf("%q: %q should not be in %q", asked, n, text)
		}
	}
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
