package converse_test

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestHowLongAtEach: "how long at each" gives the time at every entry of
// the list just given, or at every job, with two roles at one employer
// told once; without "each" the total stays.
func TestHowLongAtEach(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ola Berg", Label: "Sales Director"},
		Work: []profile.Work{
			{Name: "Brightline", Position: "VP of Sales", StartDate: "2020-01"},
			{Name: "Brightline", Position: "Director of Sales", StartDate: "2018-03", EndDate: "2019-12"},
			{Name: "Copperfield", Position: "Account Executive", StartDate: "2013-06", EndDate: "2018-02"},
			{Name: "Dunmore", Position: "Sales Rep", StartDate: "2010-07", EndDate: "2013-05"},
		},
	}, profile.Privacy{}, today)
	r := ask(x, "where did he work before 2018", "how long was he at each")
	checkText(t, "each of the list", r[1].Text, []string{"Copperfield", "4 years and 9 months", "Dunmore", "2 years and 11 months"}, []string{"Brightline"})
	all := ask(x, "how long was he at each job")[0].Text
	checkText(t, "each job", all, []string{"Brightline", "Copperfield", "Dunmore"}, nil)
	if n := strings.Count(all, "at Brightline"); n != 1 {
		t.Errorf("Brightline's stay told %d times, want once: %s", n, all)
	}
	checkText(t, "total", ask(x, "how long has he been working")[0].Text, []string{"years of work experience"}, []string{"Dunmore"})
}
