package converse_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

func sampleIndex(t *testing.T, privacy profile.Privacy) *converse.Index {
	t.Helper()
	raw, err := os.ReadFile("../profile/testdata/sample.resume.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := profile.Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	return converse.Compile(doc.Resume, privacy, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
}

// TestFactsRenderEveryCitation renders the facts behind real replies: each
// cited fact is non-empty and private fields never appear.
func TestFactsRenderEveryCitation(t *testing.T) {
	x := sampleIndex(t, profile.Privacy{})
	now := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, q := range []string{"Where did he work?", "Where did he study?", "What are his skills?",
		"What awards has he won?", "How can I contact him?", "Where does he live?", "What projects has he built?",
		"What languages does he speak?", "What is his phone number?", "Tell me about him"} {
		reply, _ := x.Turn(converse.State{}, q, now)
		for _, c := range reply.Citations {
			f := x.Fact(c)
			if f == "" && c.Field != "phone" {
				t.Errorf("%q: citation %+v renders empty", q, c)
			}
			if strings.Contains(f, "555-4321") || strings.Contains(f, "2712 Broadway") {
				t.Errorf("%q: fact %q shows a private field", q, f)
			}
		}
	}
	if f := x.Fact(converse.Citation{Section: "work", Index: 0}); !strings.Contains(f, "Pied Piper") || !strings.Contains(f, "2013") {
		t.Errorf("work fact = %q", f)
	}
	if f := x.Fact(converse.Citation{Section: "work", Index: 99}); f != "" {
		t.Errorf("invalid citation rendered %q", f)
	}
	v := x.Vocabulary()
	if len(v.Employers) == 0 || len(v.Schools) == 0 || x.Name() != "Richard Hendriks" {
		t.Errorf("vocabulary %+v, name %q", v, x.Name())
	}
}
