package converse_test

import "testing"

// TestBeforeActivity: "what did she do before streaming" is the job before
// the first one whose own words name the activity, not the award that
// shares the word ("Best Strategy Streamer").
func TestBeforeActivity(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"streamer", "what did she do before streaming", []string{"Community Manager", "Pixel Harbor Games"}, []string{"Award"}},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}
