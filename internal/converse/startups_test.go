package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestWorkedAtAStartup: "has she worked at a startup" finds the jobs whose
// own words say so (startup, Series A, seed round), says plainly when none
// does, and "startups" stays out of the sectors listed for "what
// industries".
func TestWorkedAtAStartup(t *testing.T) {
	startup := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Mia Torres", Label: "Engineer"},
		Work: []profile.Work{
			{Name: "Fernhill", Position: "Founding Engineer", StartDate: "2021-01", Summary: "Joined after the seed round; we raised a Series A in 2022."},
			{Name: "Globex Bank", Position: "Engineer", StartDate: "2016-01", EndDate: "2020-12", Summary: "Payments platform for retail banking."},
		},
	}, profile.Privacy{}, today)
	corporate := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Jon Park", Label: "Engineer"},
		Work:   []profile.Work{{Name: "Globex Bank", Position: "Engineer", StartDate: "2016-01", Summary: "Payments platform for retail banking."}},
	}, profile.Privacy{}, today)
	cases := []struct {
		name, question string
		x              *converse.Index
		want, not      []string
	}{
		{"a startup job", "has she ever worked at a startup", startup, []string{"Yes", "Fernhill"}, []string{"Globex"}},
		{"startup experience", "does she have startup experience", startup, []string{"Fernhill", "Series A"}, nil},
		{"none", "has he worked for a startup", corporate, []string{"doesn't describe any of", "startup"}, []string{"Yes"}},
		{"not a sector", "what industries has she worked in", startup, []string{"fintech"}, []string{"startups"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkText(t, c.question, ask(c.x, c.question)[0].Text, c.want, c.not)
		})
	}
}
