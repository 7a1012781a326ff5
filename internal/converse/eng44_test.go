package converse_test

import "testing"

// TestBareTopic: a personal matter typed alone as the whole question is
// answered as the longer question about the person is ("the profile
// doesn't mention her age"), not with "I'm not sure what you mean", a
// search for the word, or a technology read from the turn before.
func TestBareTopic(t *testing.T) {
	for _, c := range []struct {
		profile string
		qs      []string // the last is checked
		want    []string
		not     []string
	}{
		{"brewer", []string{"age?"}, []string{"doesn't mention", "age"}, nil},
		{"brewer", []string{"salary?"}, []string{"doesn't mention", "salary"}, []string{"not sure"}},
		{"brewer", []string{"married?"}, []string{"doesn't mention", "family status"}, nil},
		{"brewer", []string{"visa status?"}, []string{"doesn't mention", "visa"}, nil},
		{"brewer", []string{"what about her team", "and salary expectations?"}, []string{"doesn't mention", "salary"}, []string{"brewers"}},
		{"returner", []string{"age?"}, []string{"doesn't mention", "age"}, []string{"aged 7 to 10"}},
		{"cartographer", []string{"which projects used maplibre", "kids?"}, []string{"doesn't mention", "family status"}, []string{"not sure"}},
		// a profile that speaks of the owner's own children is quoted
		{"returner", []string{"whats the tableau project", "kids?"}, []string{"two children"}, []string{"doesn't mention"}},
		{"returner", []string{"does she have kids"}, []string{"two children"}, []string{"doesn't mention"}},
		// children she works with are no family of hers
		{"midwife", []string{"does she have kids"}, []string{"doesn't mention", "family status"}, nil},
	} {
		got := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.qs, got[len(got)-1].Text, c.want, c.not)
	}
	// faith is declined as "what religion is she" is; a word with a step
	// of its own ("remote?") is no personal matter
	x := mustIndex(t, "brewer")
	if r := ask(x, "religion?")[0]; !r.Refused {
		t.Errorf("religion?: want a refusal, got %q", r.Text)
	}
	checkText(t, "remote?", ask(x, "remote?")[0].Text, []string{"Gdańsk"}, []string{"doesn't mention Małgorzata's"})
}
