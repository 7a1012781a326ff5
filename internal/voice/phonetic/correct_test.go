package phonetic

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

func TestKey(t *testing.T) {
	for _, tc := range []struct{ word, want string }{
		{"javascript", "JFSKRPT"},
		{"Jarrah", "JR"},
		{"scribbed", "SKRPT"},
		{"knight", "NT"},
		{"phone", "FN"},
		{"Thomas", "0MS"},
		{"church", "XRX"},
		{"judge", "J"},
		{"Xavier", "SFR"},
		{"apple", "APL"},
		{"", ""},
		{"123", ""},
	} {
		if got := Key(tc.word); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

// words is a small stand-in for /usr/share/dict/words, so that the tests
// do not depend on the machine's list.
var words = Words{}

func init() {
	for _, w := range strings.Fields(`does he know where did work at pie piper the is what his skills
		tell me about who richard hello how long was there and before that go python
		when study university of a an in on it java script scrip get hub her peak german jordan bargain`) {
		words[w] = true
	}
}

func TestCorrect(t *testing.T) {
	terms := []string{"JavaScript", "GitHub", "Jordan", "Pied Piper", "Go", "Python", "Hooli", "University of Oklahoma", "Richard", "Hendriks"}
	for _, tc := range []struct{ in, want string }{
		{"does he know jarrah scribbed", "does he know JavaScript"},
		{"Does he know Jarrah scribbed?", "Does he know JavaScript?"},
		{"where did he work at pie piper", "where did he work at Pied Piper"},
		{"where did he work at hooly", "where did he work at Hooli"},
		{"tell me about richard hendricks", "tell me about richard Hendriks"},
		{"does he know python", "does he know python"},
		{"what's her get hub?", "what's her GitHub?"},
		{"does jordan's peak german", "does jordan's peak german"},
		{"Does Jordan noke a bargain?", "Does Jordan noke a bargain?"},
		{"what is his skills", "what is his skills"},
		{"how long was he there", "how long was he there"},
		{"does he know go", "does he know go"},
		{"when did he study 2017", "when did he study 2017"},
		{"", ""},
	} {
		if got := NewCorrector(terms, words).Correct(tc.in); got != tc.want {
			t.Errorf("Correct(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCorrectWithoutVocabulary(t *testing.T) {
	for _, c := range []*Corrector{nil, {}, NewCorrector(nil, words), NewCorrector([]string{"JavaScript"}, nil)} {
		if got := c.Correct("does he know jarrah scribbed"); got != "does he know jarrah scribbed" {
			t.Errorf("corrector %+v changed the text: %q", c, got)
		}
	}
}

// TestCorrectSystemWords runs the headline cases with the machine's own
// word list, which is far larger than the stand-in above.
func TestCorrectSystemWords(t *testing.T) {
	const path = "/usr/share/dict/words"
	testenv.File(t, path, "apt-get install wamerican") // loud skip; a failure under PARLEY_REQUIRE_SERVICES=1
	ws, err := LoadWords(path)
	if err != nil {
		t.Fatal(err)
	}
	c := NewCorrector([]string{"JavaScript", "Pied Piper", "Go", "Hooli", "Stanford University"}, ws)
	for _, tc := range []struct{ in, want string }{
		{"Does he know Jarrah scribbed?", "Does he know JavaScript?"},
		{"where did he work at pie piper", "where did he work at Pied Piper"},
		{"what are his skills", "what are his skills"},
		{"where did he study", "where did he study"},
		{"does he know go", "does he know go"},
	} {
		if got := c.Correct(tc.in); got != tc.want {
			t.Errorf("Correct(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzCorrect: never a panic, never more words out than in plus what the
// longest term adds, and text without a single letter comes back unchanged.
func FuzzCorrect(f *testing.F) {
	for _, s := range []string{"does he know jarrah scribbed", "pie piper pie piper", "  ", "é ß 12 ?!", "a b c d e f"} {
		f.Add(s)
	}
	c := NewCorrector([]string{"JavaScript", "Pied Piper", "University of Oklahoma"}, words)
	f.Fuzz(func(t *testing.T, s string) {
		out := c.Correct(s)
		in := len(strings.Fields(s))
		if n := len(strings.Fields(out)); n > in*3 {
			t.Errorf("%q -> %q: %d words from %d", s, out, n, in)
		}
		if letters(s) == "" && out != s {
			t.Errorf("%q without letters changed to %q", s, out)
		}
	})
}

// BenchmarkCorrect is one transcript against a profile of 60 terms, the
// cost added to a voice turn.
func BenchmarkCorrect(b *testing.B) {
	terms := []string{"JavaScript", "GitHub", "Pied Piper", "University of Oklahoma"}
	for i := len(terms); i < 60; i++ {
		terms = append(terms, fmt.Sprintf("Term%c%c", 'a'+i%26, 'a'+i/26))
	}
	c := NewCorrector(terms, words)
	for b.Loop() {
		c.Correct("How long was he at pie piper and does he know Jarrah scribbed?")
	}
}
