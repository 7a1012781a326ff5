package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestDumpReplies writes every reply of the sets named in
// PARLEY_DUMP_SETS (space-separated paths) to PARLEY_DUMP_OUT, one JSON line
// per turn: set, profile, thread, question and the whole reply (text,
// citations, suggestions, refused, intent). scripts/engine-replies-diff.sh
// runs it on two revisions and diffs the files, so a performance change can
// show that no reply moved, not only that the same turns pass. Skipped
// unless both variables are set.
func TestDumpReplies(t *testing.T) {
	sets, out := os.Getenv("PARLEY_DUMP_SETS"), os.Getenv("PARLEY_DUMP_OUT")
	if sets == "" || out == "" {
		t.Skip("set PARLEY_DUMP_SETS and PARLEY_DUMP_OUT to dump replies")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, path := range strings.Fields(sets) {
		s, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		now, ok, err := s.Today()
		if err != nil || !ok {
			t.Fatalf("%s: the set must pin now: %v", path, err)
		}
		idx := map[string]*converse.Index{}
		for _, p := range s.Profiles {
			priv := profile.Privacy{SharePhone: p.SharePhone, ShareAddress: p.ShareAddress}
			idx[p.Name] = converse.Compile(s.docs[p.Name].Resume, priv, now)
		}
		for _, th := range s.Threads {
			var st converse.State
			for _, tu := range th.Turns {
				var reply converse.Reply
				reply, st = idx[th.Profile].Turn(st, tu.Question, now)
				line := struct {
					Set, Profile, Thread, Question string
					Reply                          converse.Reply
				}{filepath.Base(path), th.Profile, th.Name, tu.Question, reply}
				if err := enc.Encode(line); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
