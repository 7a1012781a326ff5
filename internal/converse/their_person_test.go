package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestTheirPersonUnnamed: "who is her manager" asks for a person around
// her; when the profile names none the reply says so, at the place named,
// instead of her own titles, her summary or her mentoring of others. A
// reference or a sentence that names one is still quoted.
func TestTheirPersonUnnamed(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Marta Nowak", Label: "Backend Engineer", Summary: "Backend engineer who likes small teams."},
		Work: []profile.Work{
			{Name: "Paylane", Position: "Senior Backend Engineer", StartDate: "2021-03", Highlights: []string{"Mentor two junior engineers"}},
			{Name: "InPost", Position: "Software Engineer", StartDate: "2017-06", EndDate: "2021-02"},
		},
		Volunteer: []profile.Volunteer{{Organization: "Women in Tech", Position: "Mentor", StartDate: "2020-01"}},
	}, profile.Privacy{}, today)
	named := converse.Compile(profile.Resume{
		Basics:     profile.Basics{Name: "Ola Berg", Label: "Engineer"},
		Work:       []profile.Work{{Name: "Northwind", Position: "Engineer", StartDate: "2019-03"}},
		References: []profile.Reference{{Name: "Jane Doe, her manager at Northwind", Reference: "Ola is the best engineer I have managed."}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		x         *converse.Index
		q         string
		want, not []string
	}{
		{x, "who is her manager?", []string{"doesn't name Marta's manager"}, []string{"Backend engineer who", "Senior Backend Engineer"}},
		{x, "who was her manager at inpost", []string{"doesn't name Marta's manager at InPost"}, []string{"as manager"}},
		{x, "who's her mentor", []string{"doesn't name Marta's mentor"}, []string{"Women in Tech", "junior engineers"}},
		{x, "who is her mentor", []string{"doesn't name Marta's mentor"}, []string{"Women in Tech"}},
		{x, "who does she mentor", []string{"junior engineers"}, []string{"doesn't name"}},
		{named, "who is her manager?", []string{"Jane Doe"}, []string{"doesn't name"}},
	} {
		checkText(t, c.q, ask(c.x, c.q)[0].Text, c.want, c.not)
	}
}
