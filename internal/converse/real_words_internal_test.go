package converse

import (
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/profile"
)

// realWordsProfile lists technologies, employers and project kinds that
// everyday words lie one letter from.
func realWordsProfile() *Index {
	p := profile.Resume{
		Basics: profile.Basics{Name: "Ada Osei", Label: "Engineer"},
		Work: []profile.Work{
			{Name: "FC Twente", Position: "Analyst", StartDate: "2019"},
			{Name: "TransUnion", Position: "Data Engineer", StartDate: "2015", EndDate: "2018"},
		},
		Skills:   []profile.Skill{{Name: "Languages", Keywords: []string{"Swift", "Scala", "Stata", "Lisp", "Rust", "Slack", "Lever", "Python", "Interviews"}}},
		Projects: []profile.Project{{Name: "Harbour Lights", Type: "Exhibition"}},
	}
	return Compile(p, profile.Privacy{}, time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC))
}

// TestRealWordsAreNotMended: a word spelt right is never read as a typo
// of a cue word, while a misspelt cue word still is.
func TestRealWordsAreNotMended(t *testing.T) {
	x := realWordsProfile()
	for _, c := range []struct{ word, want string }{
		// everyday words one letter from a cue word
		{"coming", "coming"}, {"competing", "competing"}, {"greeting", "greeting"}, {"living", "living"},
		{"looking", "looking"}, {"contract", "contract"}, {"county", "county"}, {"bought", "bought"},
		{"compute", "compute"}, {"correctly", "correctly"}, {"grace", "grace"}, {"horse", "horse"},
		{"internet", "internet"}, {"exercise", "exercise"}, {"families", "families"},
		{"talking", "talking"}, {"words", "words"}, {"white", "white"}, {"socialize", "socialize"}, {"aware", "aware"},
		// another form of the cue's word is still read as it (the cue
		// tables hold the American spelling, as the question is read)
		{"introduced", "introduce"}, {"recognize", "recognized"}, {"summarized", "summarize"},
		{"launched", "launches"}, {"highlight", "highlights"},
		// older spellings kept out of the word list: typed by mistake
		{"programing", "programming"}, {"goodby", "goodbye"}, {"employe", "employed"},
		// typos
		{"experiance", "experience"}, {"educaton", "educated"}, {"certifcates", "certificate"},
		{"skils", "skill"}, {"eduction", "education"},
	} {
		if got := x.fixCueTypos([]string{c.word})[0]; got != c.want {
			t.Errorf("fixCueTypos(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}

// TestRealWordsNameNoTechnology: an everyday word is no misspelt
// technology ("shift" is not Swift), unless it is the technology's
// plural; typos still find theirs.
func TestRealWordsNameNoTechnology(t *testing.T) {
	x := realWordsProfile()
	for _, c := range []struct{ word, want string }{
		{"shift", ""}, {"scale", ""}, {"state", ""}, {"shack", ""}, {"clever", ""}, {"lips", ""}, {"ruts", ""},
		{"pythons", "Python"}, {"interview", "Interviews"},
		{"kubernets", "Kubernetes"}, {"postgress", "PostgreSQL"}, {"pyhton", "Python"}, {"rsut", "Rust"}, {"scalla", "Scala"},
	} {
		h := x.techs.matchAt([]string{c.word}, 0, true)
		if h.name != c.want {
			t.Errorf("matchAt(%q) = %q, want %q", c.word, h.name, c.want)
		}
	}
}

// TestRealWordsNameNoEntry: an everyday word misspells no employer's name
// word nor a project kind.
func TestRealWordsNameNoEntry(t *testing.T) {
	for _, c := range []struct {
		word, key string
		want      bool
	}{
		{"twenty", "twente", false}, {"transfusion", "transunion", false}, {"whales", "wales", false},
		{"twnete", "twente", true}, {"tranunion", "transunion", true},
	} {
		if got := nameTypo(c.word, c.key); got != c.want {
			t.Errorf("nameTypo(%q, %q) = %v, want %v", c.word, c.key, got, c.want)
		}
	}
	x := realWordsProfile()
	for _, c := range []struct {
		word string
		want bool
	}{{"inhibitions", false}, {"exhibitions", true}, {"exibitions", true}} {
		q := &query{ts: []string{"which", c.word}}
		if got := len(x.scoreProjectKinds(q)) > 0; got != c.want {
			t.Errorf("scoreProjectKinds(%q) names a kind: %v, want %v", c.word, got, c.want)
		}
	}
}
