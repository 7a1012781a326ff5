package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestTeamSizeNow: managers are people a team counts, "7th Infantry
// Division" counts no one, and "how many … does she lead" is asked of the
// job she holds now.
func TestTeamSizeNow(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ida Brandt", Label: "Director of Programs"},
		Work: []profile.Work{
			{Name: "Evenline", Position: "Director of Programs", StartDate: "2023-01", Highlights: []string{"Oversees 5 program managers"}},
			{Name: "Harbor Freight Lines", Position: "Terminal Lead", StartDate: "2019-01", EndDate: "2022-12", Highlights: []string{"Led 90 drivers across two shifts"}},
			{Name: "U.S. Army", Position: "Captain", StartDate: "2012-01", EndDate: "2018-12", Summary: "Logistics officer, 7th Infantry Division."},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "how big is her team", ask(x, "how big is her team")[0].Text, []string{"5 program managers"}, []string{"Infantry Division"})
	checkText(t, "how many people does she lead", ask(x, "how many people does she lead")[0].Text, []string{"5 program managers"}, []string{"90 drivers"})
}
