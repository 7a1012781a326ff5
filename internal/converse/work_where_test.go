package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestQuoteNamesRoleAtOneEmployer: a sentence quoted from one of several
// roles at one employer says which role it is of; an employer held under
// one title keeps "at".
func TestQuoteNamesRoleAtOneEmployer(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ida Brandt", Label: "Operations Manager"},
		Work: []profile.Work{
			{Name: "Harbor Freight Lines", Position: "Operations Manager", StartDate: "2019-01", Summary: "Runs a cross-dock terminal."},
			{Name: "Royal Navy", Position: "Lieutenant Commander", StartDate: "2014-01", EndDate: "2018-12", Summary: "Commanded a minehunter crew of 40."},
			{Name: "Royal Navy", Position: "Lieutenant", StartDate: "2010-01", EndDate: "2013-12", Summary: "Navigating officer on a frigate."},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "did she ever command a ship", ask(x, "did she ever command a minehunter")[0].Text, []string{"as Lieutenant Commander at Royal Navy"}, nil)
	checkText(t, "terminal", ask(x, "what did she do at the terminal")[0].Text, []string{"cross-dock"}, []string{"as Operations Manager"})
}
