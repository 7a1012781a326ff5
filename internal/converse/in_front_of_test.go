package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestBeforeMeaningInFrontOf: "has she appeared before a jury" and "has she
// argued before the court" ask about her work, not which entry came before
// the one whose title shares the word; "what did she do before the Court of
// Appeals" still does.
func TestBeforeMeaningInFrontOf(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Sofia Reyes", Label: "Litigation Partner"},
		Work: []profile.Work{
			{Name: "Hale & Whitcombe LLP", Position: "Partner", StartDate: "2021-01", Summary: "Tries patent cases before juries."},
			{Name: "U.S. Court of Appeals for the Seventh Circuit", Position: "Law Clerk", StartDate: "2014-08", EndDate: "2015-08"},
			{Name: "Jenner & Block", Position: "Summer Associate", StartDate: "2013-06", EndDate: "2013-08"},
		},
		Publications: []profile.Publication{
			{Name: "Preserving Error for Appeal in Patent Jury Trials", ReleaseDate: "2019-05"},
			{Name: "Standing After TransUnion", ReleaseDate: "2014-03"},
		},
	}, profile.Privacy{}, today)
	for _, q := range []string{"has she appeared before a jury", "has she argued before the court of appeals"} {
		checkText(t, q, ask(x, q)[0].Text, nil, []string{"Before that"})
	}
	checkText(t, "before the court", ask(x, "what did she do before the Court of Appeals")[0].Text, []string{"Jenner & Block"}, nil)
}
