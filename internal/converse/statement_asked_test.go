package converse_test

import "testing"

// TestStatementOrderAsked: a yes/no check typed in statement order gets
// the reply its question order gets; a claim closed by "right?" is left to
// the premise steps, and a told statement without a mark is not rewritten.
func TestStatementOrderAsked(t *testing.T) {
	for _, c := range []struct {
		profile, said, asked string
	}{
		{"mariner", "so he was a skipper?", "was he a skipper"},
		{"mariner", "he was a captain?", "was he a captain"},
		{"mariner", "so he worked at nordhavn?", "did he work at nordhavn"},
		{"sample", "so he worked at pied piper?", "did he work at pied piper"},
		{"sample", "so he was a ceo?", "was he a ceo"},
		{"sample", "he's a programmer?", "is he a programmer"},
		{"sample", "she knows python?", "does she know python"},
		{"sample", "so he has a degree?", "does he have a degree"},
		{"sample", "richard studied at oklahoma?", "did richard study at oklahoma"},
		{"senior", "she managed a team?", "did she manage a team"},
		{"senior", "so dana has worked with kafka?", "has dana worked with kafka"},
		{"amara", "she speaks portuguese?", "does she speak portuguese"},
	} {
		x := mustIndex(t, c.profile)
		got, want := ask(x, c.said)[0], ask(x, c.asked)[0]
		if got.Text != want.Text {
			t.Errorf("%s: %q\nwant the reply to %q: %q", c.said, got.Text, c.asked, want.Text)
		}
		checkText(t, c.said, got.Text, nil, []string{"doesn't say anything about that", "not sure what you mean"})
	}
	// a claim tagged "right?" is the premise steps', as before
	checkText(t, "claim", ask(mustIndex(t, "chef"), "she trained in paris, right?")[0].Text, nil, []string{"The profile has"})
}
