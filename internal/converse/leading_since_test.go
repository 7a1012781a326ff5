package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestLeadingSince: "how many years of leadership experience" with no
// managing title counts from the first job whose sentences say he leads a
// team; a sentence that manages a thing, not people, counts for nothing.
func TestLeadingSince(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "José Reis", Label: "Engineer"},
		Work: []profile.Work{
			{Name: "Lumen Bank", Position: "Staff Engineer", StartDate: "2021-03", Highlights: []string{"Leads a team of 7 engineers"}},
			{Name: "Tabula", Position: "Backend Engineer", StartDate: "2013", EndDate: "2016", Highlights: []string{"Managed the document archive"}},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	checkLast(t, x, []string{"how many years of leadership experience does he have"}, []string{"Lumen Bank (since March 2021)", "about 4 years"}, []string{"Tabula (2013"})
}
