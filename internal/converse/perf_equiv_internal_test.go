package converse

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/profile"
)

// stemRef is stem as it was written before it dispatched on the last
// byte: the first ending of the list that w ends with and that leaves
// three bytes or more.
func stemRef(w string) string {
	for _, suf := range []string{"ership", "ship", "ments", "ment", "ings", "ing", "ers", "er", "ed", "es", "s", "e"} {
		if len(w)-len(suf) >= 3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// TestStemMatchesList checks stem against the list it encodes, on words
// at each ending's length limit and on every word of the cue tables and
// common-word lists.
func TestStemMatchesList(t *testing.T) {
	words := []string{"", "s", "es", "ship", "ships", "hardship", "leadership", "ership", "membership", "owership",
		"ments", "moments", "payments", "ment", "lament", "cement", "ings", "kings", "sings", "things", "ing", "king",
		"bring", "thing", "ers", "hers", "fibers", "er", "over", "never", "ed", "bed", "shed", "managed", "es", "yes",
		"goes", "taxes", "s", "bus", "cats", "e", "the", "here", "there", "ssss", "ps", "ipship", "xership", "abcership",
		"managers", "engineering", "teaching", "teachings", "leads", "led", "statement", "statements", "café", "naïve"}
	for w := range commonWords {
		words = append(words, w)
	}
	for w := range cueTable {
		words = append(words, w)
	}
	// and words made of the endings' letters, where endings overlap
	r := rand.New(rand.NewPCG(1, 2))
	const letters = "eprsdgtmnhiab"
	for range 100000 {
		b := make([]byte, r.IntN(10))
		for i := range b {
			b[i] = letters[r.IntN(len(letters))]
		}
		words = append(words, string(b))
	}
	for _, w := range words {
		if got, want := stem(w), stemRef(w); got != want {
			t.Errorf("stem(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestContainsAfterSpace checks it against the search it replaces.
func TestContainsAfterSpace(t *testing.T) {
	for _, c := range []struct{ s, w string }{
		{" led a team ", "lead"}, {" mislead the lead ", "lead"}, {" misleads ", "lead"}, {"lead", "lead"},
		{" lead", "lead"}, {"  ", "a"}, {" a", "a"}, {"aa a", "a"}, {"xteam team", "team"}, {"teamteam", "team"},
		{" co-chair of ", "co-chair"}, {" chairs the board ", "chairs the "}, {"", "x"}, {" x", "x y"},
	} {
		if got, want := containsAfterSpace(c.s, c.w), strings.Contains(c.s, " "+c.w); got != want {
			t.Errorf("containsAfterSpace(%q, %q) = %v, want %v", c.s, c.w, got, want)
		}
	}
}

// compiledSetProfiles compiles every résumé of the eval sets.
func compiledSetProfiles(t *testing.T) map[string]*Index {
	t.Helper()
	paths, err := filepath.Glob("eval/testdata/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no profiles: %v", err)
	}
	out := map[string]*Index{}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := profile.Decode(raw)
		if err != nil {
			continue // the sets hold a few invalid files on purpose
		}
		out[filepath.Base(p)] = Compile(doc.Resume, profile.Privacy{}, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	}
	return out
}

// TestKeptFormsMatchTheirTexts: the forms kept at compile time are the
// ones the turn used to compute from the text, for every entry and
// sentence of every résumé of the eval sets.
func TestKeptFormsMatchTheirTexts(t *testing.T) {
	for name, x := range compiledSetProfiles(t) {
		for _, list := range [][]item{x.work, x.projects, x.education, x.volunteer, x.awards, x.certificates, x.publications} {
			for i := range list {
				it := &list[i]
				if got, want := it.roleTokens(), tokens(it.role); !slices.Equal(got, want) {
					t.Errorf("%s: roleTokens of %q = %q, want %q", name, it.role, got, want)
				}
				c, w := placeOfItem(it)
				if wc, ww := placeOfItemText(it); c != wc || !slices.Equal(w, ww) || it.placeKept && it.locText != locationText(it.loc) {
					t.Errorf("%s: placeOfItem of %q = %q %v, want %q %v", name, it.title, c, w, wc, ww)
				}
				if got, want := it.titleTokens(), tokens(it.title); !slices.Equal(got, want) {
					t.Errorf("%s: titleTokens of %q = %q, want %q", name, it.title, got, want)
				}
			}
		}
		for i := range x.snippets {
			sn := &x.snippets[i]
			if want := " " + strings.ToLower(sn.text) + " "; sn.low != want || sn.lower() != strings.ToLower(sn.text) {
				t.Errorf("%s: low of %q = %q, want %q", name, sn.text, sn.low, want)
			}
			if sn.sum != hasSum(sn.text) {
				t.Errorf("%s: sum of %q = %v", name, sn.text, sn.sum)
			}
			if !slices.Equal(sn.toks, tokens(sn.text)) {
				t.Errorf("%s: toks of %q = %q", name, sn.text, sn.toks)
			}
		}
	}
}

// TestQuestionCuesMatchTables: one look-up per word for the three cue
// tables scores as scoreCues does with each table alone, on word
// sequences drawn from the tables' own words, their plurals and others.
func TestQuestionCuesMatchTables(t *testing.T) {
	var vocab []string
	for _, tb := range []map[string][]cue{cueTable, offTopicTable, injectionTable} {
		for w, cs := range tb {
			vocab = append(vocab, w, w+"s")
			for _, c := range cs {
				vocab = append(vocab, c.rest...)
			}
		}
	}
	vocab = append(vocab, "@p", "the", "ss", "s", "news", "bus", "kubernetes", "")
	slices.Sort(vocab)
	r := rand.New(rand.NewPCG(3, 4))
	var seqs [][]string
	for _, tb := range []map[string][]cue{cueTable, offTopicTable, injectionTable} {
		for w, cs := range tb {
			for _, c := range cs { // every cue as a question, alone and between other words
				phrase := append([]string{w}, c.rest...)
				for i, x := range phrase {
					if x == "*" {
						phrase[i] = vocab[r.IntN(len(vocab))]
					}
				}
				seqs = append(seqs, phrase, append([]string{vocab[r.IntN(len(vocab))]}, append(phrase, vocab[r.IntN(len(vocab))])...))
			}
		}
	}
	for range 30000 {
		ts := make([]string, 1+r.IntN(8))
		for i := range ts {
			ts[i] = vocab[r.IntN(len(vocab))]
		}
		seqs = append(seqs, ts)
	}
	for _, ts := range seqs {
		var a, b, c, ga, gb, gc [numIntents]int
		scoreCues(cueTable, ts, &a)
		scoreCues(offTopicTable, ts, &b)
		scoreCues(injectionTable, ts, &c)
		scoreQuestionCues(ts, &ga, &gb, &gc)
		if a != ga || b != gb || c != gc {
			t.Fatalf("%q: scoreQuestionCues = %v %v %v, want %v %v %v", ts, ga, gb, gc, a, b, c)
		}
	}
}
