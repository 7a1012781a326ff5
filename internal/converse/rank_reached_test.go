package converse_test

import "testing"

// TestRankReached: "what rank did he reach" and "highest position she
// held" name the highest uniform rank when titles carry ranks, quote a
// promotion sentence when titles carry none (or the job is named), and
// otherwise give the most senior title with the promotion sentence after.
// "Reach" is no request for contact details; "what grade did she get"
// stays a question about a degree.
func TestRankReached(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"firefighter", "what rank did he reach", []string{"Captain at Ottawa Fire Services"}, []string{"e-mail", "Vice-President"}},
		{"pm", "what rank did he reach", []string{"Major"}, []string{"e-mail"}},
		{"mariner", "highest rank he held", []string{"Master at Nordhavn"}, []string{"Deck Cadet"}},
		{"autotech", "what rank did he reach", []string{"Promoted to Sergeant (E-5)"}, []string{"e-mail"}},
		{"autotech", "what rank did he reach in the army", []string{"Promoted to Sergeant (E-5)"}, nil},
		{"pentester", "what rank did he reach", []string{"Principal Penetration Tester", "Promoted to senior tester"}, []string{"e-mail"}},
		{"saleslead", "how far did she rise", []string{"Regional Sales Director", "Promoted from SDR"}, nil},
		{"rosa", "highest position she held", []string{"Director of Operations"}, []string{"General Manager"}},
		{"peopleops", "what grade did she get", nil, []string{"most senior", "highest rank"}},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}
