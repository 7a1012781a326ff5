package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestCountLargestFirst: "how many miles has he driven" over several
// sentences that count miles quotes the career's total (the larger
// count) first, a count written in words ("a million") counts, and an
// award named after the noun ("Million-Mile Award") is not taken for the
// entry the question names.
func TestCountLargestFirst(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Héctor Ruiz", Label: "Baker",
			Summary: "I spent twelve years as a driver, about 1.25 million miles without a preventable accident."},
		Work: []profile.Work{
			{Name: "Lone Star Fuel", Position: "Tanker Driver", StartDate: "2012", EndDate: "2016", Highlights: []string{"About 700,000 miles without a preventable accident"}},
			{Name: "Southwest Freightways", Position: "Flatbed Driver", StartDate: "2008", EndDate: "2012", Highlights: []string{"Trained new drivers on their first 10,000 miles"}},
			{Name: "Redline Freight", Position: "Linehaul Driver", StartDate: "2004", EndDate: "2008"},
		},
		Awards: []profile.Award{{Title: "Million-Mile Safe Driver Award", Date: "2016", Summary: "For one million career miles without a preventable accident."}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	checkLast(t, x, []string{"how many miles has he driven"}, []string{"1.25 million"}, nil)

	r.Basics.Summary = "Over a million accident-free miles in all 48 states."
	x = converse.Compile(r, profile.Privacy{}, today)
	checkLast(t, x, []string{"how many miles has he driven"}, []string{"a million accident-free miles"}, nil)
}
