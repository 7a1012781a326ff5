package converse_test

import "testing"

// TestBeliefAskedAlone: faith or politics typed in a word or two is
// declined with the religion-or-politics reply the long forms get; "is she
// religious" keeps its plain "doesn't mention", and a reporter covering
// politics is still asked about that work.
func TestBeliefAskedAlone(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		refused    bool
		want, not  []string
	}{
		{"brewer", "politics?", true, []string{"religion or politics"}, []string{"Sorry, I can only answer"}},
		{"brewer", "and politics?", true, []string{"religion or politics"}, nil},
		{"amara", "political views?", true, []string{"religion or politics"}, nil},
		{"amara", "her politics?", true, []string{"religion or politics"}, nil},
		{"sample", "what are his politics", true, []string{"religion or politics"}, nil},
		{"sample", "faith?", true, []string{"religion or politics"}, []string{"not sure what you mean"}},
		{"sample", "religious?", true, []string{"religion or politics"}, []string{"not sure what you mean"}},
		{"sample", "voting?", true, []string{"religion or politics"}, nil},
		{"journalist", "political views?", true, []string{"religion or politics"}, nil},
		{"teacher", "is she religious", false, []string{"doesn't mention"}, nil},
		{"journalist", "does he cover politics", false, []string{"European politics"}, []string{"religion or politics"}},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		if r.Refused != c.refused {
			t.Errorf("%s: refused %v, want %v (%q)", c.q, r.Refused, c.refused, r.Text)
		}
		checkText(t, c.q, r.Text, c.want, c.not)
	}
}
