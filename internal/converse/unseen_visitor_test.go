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

// TestSkillGroupByHead: "what planes did she work on" names a skill group
// ("Aircraft types", or "Aircraft") by its noun; "what coaching badges"
// asks for badges, not the group "Coaching".
func TestSkillGroupByHead(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"cabincrew", "what planes did she work on", []string{"Airbus A330", "ATR 72"}, []string{"Receptionist"}},
		{"pilot", "which aircraft has he flown", []string{"Embraer 175", "Cessna 172"}, nil},
		{"footballer", "what coaching badges does he have", []string{"UEFA"}, nil},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}

// TestPartnerOfProject: "who did she write the module with" of a project
// is the partner its entry names; the co-authors of papers are another
// question.
func TestPartnerOfProject(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"cabincrew", "who did she write the disability module with", []string{"AsIAm"}, []string{"co-authors"}},
		{"cabincrew", "who did she write her article with", []string{"doesn't name co-authors"}, nil},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}

// TestOneForeignWord: a yes/no question whose one distinctive word the
// profile never uses says that word is not mentioned, rather than that the
// profile says nothing about "that".
func TestOneForeignWord(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"pilot", "does he fly boeings", []string{"doesn't mention boeings"}, []string{"Yes"}},
		{"cabincrew", "does she have a husband", []string{"family status"}, nil},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}

// TestWorkedInField: "has she worked in QA" is a yes and the jobs whose
// titles name the field, not the whole career; a field no title names is
// left to the other readings.
func TestWorkedInField(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"streamer", "Has she worked in QA?", []string{"Yes", "QA Tester"}, []string{"Blenz Coffee"}},
		{"marcus", "has he worked in sales", []string{"Yes", "VP of Sales"}, nil},
		{"streamer", "has she ever worked in sales", nil, []string{"Yes:"}},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}
