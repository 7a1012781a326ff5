package converse_test

import "testing"

// "What did she teach" asks what the role named by the verb's agent noun
// (Teacher, Sales, Manager) taught, sold or managed: its sentence is
// quoted, not the entries the word matches listed.
func TestVerbOfRole(t *testing.T) {
	cases := []struct {
		profile, q string
		want, not  []string
	}{
		{"zoe", "what did she teach?", []string{"Taught maths and computer science to grades 7-12", "Mathematics Teacher"}, []string{"Staatsexamen", "2 entries"}},
		{"zoe", "what has she taught", []string{"Taught maths and computer science"}, []string{"Staatsexamen"}},
		{"changer", "what did she teach?", []string{"Taught AP Chemistry"}, []string{"after-school"}},
		{"teacher", "what did she teach", []string{"Taught junior cycle science and Leaving Certificate chemistry"}, []string{"Workday"}},
		{"salestoeng", "what did he sell?", []string{"Sold database and cloud licences", "Sold phone contracts"}, []string{"Satispay"}},
		// a title with the agent noun whose entry never uses the verb: what it holds
		{"priya", "what did she manage?", []string{"Senior Product Manager", "Owns the listening-history experience"}, []string{"Canva"}},
		// "sellers" is the noun, not what she sold
		{"saleslead", "what did she sell", []string{"Regional Sales Director", "Leads enterprise sales"}, nil},
	}
	for _, c := range cases {
		x := mustIndex(t, c.profile)
		r := ask(x, c.q)[0]
		checkText(t, c.q, r.Text, c.want, c.not)
		if len(r.Citations) == 0 {
			t.Errorf("%q: no citation", c.q)
		}
		for _, ci := range r.Citations {
			if !x.Valid(ci) {
				t.Errorf("%q: invalid citation %v", c.q, ci)
			}
		}
	}
}
