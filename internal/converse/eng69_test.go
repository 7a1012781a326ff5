package converse_test

import "testing"

// TestDoingThatIsTheRole: "how long has he been doing that" / "how long
// did she do that" after a reply naming one role at an employer where
// the profile lists several asks for the time in that role (the activity),
// not the years at the employer; "how long was she there" still asks for
// the employer.
func TestDoingThatIsTheRole(t *testing.T) {
	for _, c := range []struct {
		profile string
		qs      []string
		want    []string
		not     []string
	}{
		{"dispatch", []string{"what's his current job?", "how long has he been doing that?"}, []string{"3 years and 9 months"}, []string{"8 years"}},
		{"actuary", []string{"where does she work?", "and before that?", "how long did she do that?"}, []string{"2 years and 8 months"}, []string{"5 years and 10 months"}},
		{"windtech", []string{"What does he do now?", "how long has he been doing that", "and before that?"}, []string{"Lead Wind Turbine Technician"}, nil},
		{"fpa", []string{"what does she do now?", "and before that?", "how long was she there?"}, []string{"Ecolab"}, nil},
		{"dispatch", []string{"what's his current job?", "how long has he been there?"}, []string{"8 years and 1 month"}, nil},
	} {
		r := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.qs, r[len(r)-1].Text, c.want, c.not)
	}
}
