package converse_test

import "testing"

// TestWorkedOnSubject: "did she work on EVs", "has he worked on X" find
// the subject in the work and project sentences, plural- and
// abbreviation-tolerant, with citations, or say plainly it is not
// mentioned (not the list of every role).
func TestWorkedOnSubject(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		cited      bool
		want, not  []string
	}{
		{"selftaught", "did he work on EVs", true, []string{"electric-vehicle chargers"}, []string{"doesn't mention"}},
		{"mech", "did she work on EVs", true, []string{"electric vehicles"}, []string{"doesn't mention"}},
		{"mech", "has she worked on batteries", true, []string{"battery pack"}, []string{"doesn't mention"}},
		{"autotech", "does he work on evs", true, nil, []string{"doesn't mention work on"}},
		{"senior", "did she work on search", false, []string{"doesn't mention work on search"}, []string{"has held 6 roles"}},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		if c.cited && len(r.Citations) == 0 {
			t.Errorf("%s: no citation in %q", c.q, r.Text)
		}
		checkText(t, c.q, r.Text, c.want, c.not)
	}
}
