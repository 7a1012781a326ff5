package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestCurrentTenureSkipsPartTimeSideRole: of two jobs held now, "her
// current role" is the one that is not part-time, even when the part-time
// one started later.
func TestCurrentTenureSkipsPartTimeSideRole(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Dana Ruiz", Label: "Sales Director"},
		Work: []profile.Work{
			{Name: "Vane Software", Position: "Sales Director", StartDate: "2022-02"},
			{Name: "Pell Ventures", Position: "Advisor (part-time)", StartDate: "2023-05"},
		},
	}, profile.Privacy{}, today)
	r := ask(x, "how long has she been in her current role")
	checkText(t, "current role", r[0].Text, []string{"Vane Software"}, []string{"Pell Ventures"})
	r = ask(x, "what does she do now", "how long has she been doing that")
	checkText(t, "doing that after two current jobs", r[1].Text, []string{"Vane Software"}, []string{"Pell Ventures", "work experience"})
}
