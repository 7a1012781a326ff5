package converse_test

import "testing"

// TestVisitorPlansAndWorkingWith: "should I learn python" asks what the
// visitor should do, not whether the profile names it; "how can I work
// with her" and "how can I hire him" ask how to reach the person, with
// what the profile says of the search.
func TestVisitorPlansAndWorkingWith(t *testing.T) {
	for _, name := range []string{"amara", "kenji", "hotelgm"} {
		x := mustIndex(t, name)
		for _, q := range []string{"should I learn python", "should i learn Swift?", "Should we switch to Go?", "should I really study law"} {
			if r := ask(x, q)[0]; !r.Refused {
				t.Errorf("%s %q: want a refusal, got %q", name, q, r.Text)
			}
		}
		// the person in it: a question about them
		for _, q := range []string{"should I hire her?", "should I contact him?"} {
			if r := ask(x, q)[0]; r.Refused {
				t.Errorf("%s %q: refused %q", name, q, r.Text)
			}
		}
	}
	cases := []struct {
		name, q   string
		want, not []string
	}{
		{"amara", "how can I work with her?", []string{"amara@okafor.dev"}, []string{"Data engineering (Expert)"}},
		{"hotelgm", "how do I work with her", []string{"chiara.bernasconi@example.ch"}, []string{"Revenue management (Advanced)"}},
		{"leila", "how can I hire her?", []string{"Looking for research scientist roles", "leila.haddad@cs.example.edu"}, nil},
		{"photographer", "how can I hire her", []string{"Available for commissions", "studio@joanagoncalves.example"}, nil},
		{"leila", "is she open to work?", []string{"Looking for research scientist roles"}, []string{"leila.haddad@cs.example.edu"}},
	}
	for _, c := range cases {
		r := ask(mustIndex(t, c.name), c.q)
		checkText(t, c.name+": "+c.q, r[0].Text, c.want, c.not)
	}
}
