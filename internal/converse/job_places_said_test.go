package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestRegionsOfJobsFromTheirSentences: with no location on any job, "which
// states does he work in" and "which countries has she worked in" quote
// the jobs' sentences that name places, not "the profile doesn't say".
func TestRegionsOfJobsFromTheirSentences(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ole Berg", Label: "Agronomist"},
		Work: []profile.Work{
			{Name: "Berg Agronomy", Position: "Consultant", StartDate: "2021-03", Summary: "Consulting for growers across Nebraska and Kansas."},
			{Name: "Vane Software", Position: "Account Executive", StartDate: "2015-01", EndDate: "2021-01", Summary: "Accounts in Ireland and Denmark."},
		},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"which states does he work in", []string{"Nebraska and Kansas"}},
		{"what territories does he cover", []string{"Nebraska and Kansas"}},
		{"which countries has he worked in", []string{"Ireland and Denmark"}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, []string{"doesn't"})
	}
}
