package converse

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func containsAnyRef(text string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}

func TestPhraseSet(t *testing.T) {
	s := newPhraseSet(" led a team ", " lead ", " managerial ", " manag", "c++", " in charge of a team ")
	for _, c := range []struct {
		text string
		want bool
	}{
		{" has she led a team ", true},
		{" has she led teams ", false},
		{" did he lead ", true},
		{" is he a leader ", false},
		{" any management experience ", true}, // " manag" is searched as it is
		{" does she know c++ ", true},
		{" was he in charge of a team ", true},
		{" was he in charge of the team ", false},
		{"", false},
		{" ", false},
		{"  led a team ", true}, // an empty token before
	} {
		if got := s.in(c.text); got != c.want {
			t.Errorf("in(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestPhraseSetMatchesContains compares in with strings.Contains over the
// list for random texts and phrases of a small vocabulary, spaces doubled
// and missing at the ends included.
func TestPhraseSetMatchesContains(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	vocab := []string{"a", "b", "ab", "ba", "team", "led", "", "x"}
	text := func(n int) string {
		var b strings.Builder
		if r.IntN(4) > 0 {
			b.WriteByte(' ')
		}
		for range n {
			b.WriteString(vocab[r.IntN(len(vocab))])
			b.WriteByte(' ')
		}
		s := b.String()
		if r.IntN(4) == 0 {
			s = strings.TrimSuffix(s, " ")
		}
		return s
	}
	for range 20000 {
		var phrases []string
		for range 1 + r.IntN(4) {
			phrases = append(phrases, text(1+r.IntN(3)))
		}
		s, txt := newPhraseSet(phrases...), text(r.IntN(8))
		if got, want := s.in(txt), containsAnyRef(txt, phrases); got != want {
			t.Fatalf("phrases %q in %q = %v, strings.Contains gives %v", phrases, txt, got, want)
		}
	}
}
