package converse_test

import "testing"

// TestPromotedWhen: "when did he become captain", "when was she promoted
// to lead" are dated by the first role whose title carries the words
// asked (a sub-rank like "Assistant" or "Interim" is no such role), with
// the role before it at the same employer; with no such title, by a
// sentence telling the promotion; a licence for the role comes first.
func TestPromotedWhen(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"firefighter", "when was he promoted to captain", []string{"June 2021", "after Lieutenant"}, nil},
		{"firefighter", "what year did he make lieutenant", []string{"March 2016", "Firefighter First Class"}, nil},
		{"rosa", "when did she become director", []string{"Director of Operations", "January 2020"}, []string{"has held 4 roles"}},
		{"peopleops", "when was she promoted to lead", []string{"Talent Acquisition Lead", "September 2018", "after Senior Recruiter"}, nil},
		{"retail", "when was she promoted to district manager", []string{"April 2022", "after Interim District Manager"}, nil},
		{"retail", "when did she become store manager", []string{"March 2019"}, []string{"became an Assistant"}},
		{"pentester", "when was he promoted to principal", []string{"September 2022", "on joining Cobalt Ridge"}, nil},
		{"pentester", "when did he become a senior", []string{"Promoted to senior tester in 2018"}, []string{"Chapter Leader"}},
		{"broker", "when did he become a broker", []string{"October 2016", "January 2017"}, nil},
		{"mariner", "when did he become master", []string{"April 1997", "after Chief Officer"}, nil},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		checkText(t, c.q, r.Text, c.want, c.not)
		if len(r.Citations) == 0 {
			t.Errorf("%s: no citation", c.q)
		}
	}
}
