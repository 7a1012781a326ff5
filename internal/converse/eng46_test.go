package converse_test

import (
	"testing"
)

// TestDurationRoundsHonestly: a span of years and months is never said as
// "about" the next whole year: 15 years and 8 months is "almost 16 years",
// 40 years and a few months still "about 40 years".
func TestDurationRoundsHonestly(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"mariner", "how long was he a master", []string{"almost 16 years"}, []string{"about 16 years", "for about almost"}},
		{"mariner", "how much experience does he have", []string{"about 40 years of work experience"}, []string{"about about"}},
		{"changer", "how long was she a teacher", []string{"worked as a teacher for almost 9 years"}, []string{"about 9 years"}},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}
