package converse_test

import "testing"

// TestTechShortened: a product asked for by its first word ("OBS" for
// "OBS Studio") or with two letters swapped in a four-letter name ("jria")
// is the one the profile lists, not a technology it doesn't mention.
func TestTechShortened(t *testing.T) {
	x := mustIndex(t, "streamer")
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"does she know obs", []string{"OBS Studio"}, []string{"doesn't mention"}},
		{"did she use jria", []string{"Jira", "Pixel Harbor Games"}, []string{"doesn't mention"}},
		{"does she know rsut", []string{"doesn't mention Rust"}, nil},
		{"can she code in unity", []string{"doesn't mention Unity"}, []string{"Yes"}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
}

// TestAcronymOfSkill: letters asked that are the initials of a skill the
// profile writes out are that skill; letters that spell none still aren't.
func TestAcronymOfSkill(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"cabincrew", "does she know CRM", []string{"Crew resource management"}, []string{"doesn't mention"}},
		{"cabincrew", "does she know DG", []string{"Dangerous goods"}, []string{"doesn't mention"}},
		{"cabincrew", "does she know SQL", []string{"doesn't mention"}, []string{"Yes"}},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}
