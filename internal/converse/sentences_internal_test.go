package converse

import (
	"slices"
	"testing"
)

// TestSplitSentencesClosers: a sentence ending inside brackets or quotes
// ends after them, so the next sentence is quoted without the aside.
func TestSplitSentencesClosers(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"He studied. (Go Sooners!) Before that, he worked.", []string{"He studied.", "(Go Sooners!)", "Before that, he worked."}},
		{"Led the team (of five.) Then left.", []string{"Led the team (of five.)", "Then left."}},
		{"She said “no.” Then she left.", []string{"She said “no.”", "Then she left."}},
		{"Worked at Main St. Company. Then moved.", []string{"Worked at Main St. Company.", "Then moved."}},
		{"Ends (bracketed!)", []string{"Ends (bracketed!)"}},
		{"v1.2 shipped.", []string{"v1.2 shipped."}},
		{"A.) B", []string{"A.)", "B"}},
		{"With J. Alvarado and M. Chen. Tested three sets.", []string{"With J. Alvarado and M. Chen.", "Tested three sets."}},
		{"J. Smith joined. Then left.", []string{"J. Smith joined.", "Then left."}},
	}
	for _, c := range cases {
		if got := splitSentences(c.in); !slices.Equal(got, c.want) {
			t.Errorf("splitSentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestFirstSentenceInitials: a summary's first sentence runs past the
// initials of a name ("M. Chen") and a title ("Dr."), not up to them.
func TestFirstSentenceInitials(t *testing.T) {
	for in, want := range map[string]string{
		"With J. Alvarado and M. Chen. Tested three symbol sets.": "With J. Alvarado and M. Chen.",
		"Supervised by Dr. Okafor at the clinic. Then moved.":     "Supervised by Dr. Okafor at the clinic.",
		"Shipped the first version of the app. Then left.":        "Shipped the first version of the app.",
	} {
		if got := firstSentence(in); got != want {
			t.Errorf("firstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}
