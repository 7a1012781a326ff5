package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestWhyLeftTheJobInFocus: "why did he leave?" after a job was named says
// the profile doesn't say why, once, then when that job ended and which job
// followed (not a volunteer role held alongside for years); of the current
// job, that he hasn't left.
func TestWhyLeftTheJobInFocus(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Dan Okafor", Label: "Airline Captain"},
		Work: []profile.Work{
			{Name: "Alaska Airlines", Position: "Captain", StartDate: "2016-09"},
			{Name: "Civil Air Patrol", Position: "Volunteer Search Pilot", StartDate: "2013"},
			{Name: "Horizon Air", Position: "First Officer", StartDate: "2012-02", EndDate: "2016-08"},
			{Name: "Embry-Riddle", Position: "Flight Instructor", StartDate: "2009", EndDate: "2012"},
		},
	}, profile.Privacy{}, today)
	for _, tc := range []struct {
		turns       []string
		want, avoid []string
	}{
		{[]string{"tell me about his job at Horizon Air", "why did he leave"},
			[]string{"doesn't say why", "Horizon Air", "August 2016", "Captain at Alaska Airlines"}, []string{"doesn't say anything", "Civil Air Patrol"}},
		{[]string{"what was his first job", "why did he leave that job"},
			[]string{"doesn't say why", "Flight Instructor at Embry-Riddle", "Next, the profile lists First Officer at Horizon Air"}, []string{"has held 4 roles"}},
		{[]string{"tell me about his time at Alaska Airlines", "why did he quit"},
			[]string{"hasn't left", "Captain at Alaska Airlines"}, nil},
	} {
		r := ask(x, tc.turns...)
		last := r[len(r)-1].Text
		checkText(t, tc.turns[1], last, tc.want, tc.avoid)
	}
}

// TestWhyWithNothingInFocusSaysItOnce: "why did she leave?" with no job in
// focus says once that the profile doesn't say, not twice in two wordings.
func TestWhyWithNothingInFocusSaysItOnce(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ana Silva", Label: "Engineer"},
		Work:   []profile.Work{{Name: "Acme", Position: "Engineer", StartDate: "2019-01"}, {Name: "Beta", Position: "Engineer", StartDate: "2015-01", EndDate: "2018-12"}},
	}, profile.Privacy{}, today)
	checkText(t, "why did she leave", ask(x, "why did she leave")[0].Text, []string{"doesn't say why"}, []string{"doesn't say anything"})
}
