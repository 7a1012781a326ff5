package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestHowManyTimesFollowUp: a bare "how many times" after a reply naming
// several entries counts them; "times" names no "(part-time)" job, and a
// bare "how many" with nothing listed is still no question about a job.
func TestHowManyTimesFollowUp(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Dana Ruiz", Label: "Sales Director", Summary: "Seller turned sales leader, promoted four times at one company."},
		Work: []profile.Work{
			{Name: "Vane Software", Position: "Sales Director", StartDate: "2022-02"},
			{Name: "Vane Software", Position: "Account Executive", StartDate: "2019-01", EndDate: "2022-01"},
			{Name: "Pell Ventures", Position: "Advisor (part-time)", StartDate: "2023-05"},
		},
		Awards: []profile.Award{
			{Title: "President's Club", Date: "2021", Awarder: "Vane Software"},
			{Title: "President's Club", Date: "2019", Awarder: "Vane Software"},
			{Title: "Rookie of the Year", Date: "2018", Awarder: "Vane Software"},
		},
	}, profile.Privacy{}, today)
	r := ask(x, "has she won president's club", "how many times")
	checkText(t, "how many times", r[1].Text, []string{"2:", "2021", "2019"}, []string{"Pell Ventures", "Rookie"})
	r = ask(x, "how many times")
	checkText(t, "how many times alone", r[0].Text, nil, []string{"Pell Ventures"})
	r = ask(x, "how many times was she promoted")
	checkText(t, "promotions counted by the summary", r[0].Text, []string{"Account Executive", "promoted four times"}, nil)
}
