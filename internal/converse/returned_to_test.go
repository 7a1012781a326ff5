package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestReturnedToEmployer: leaving an employer for another and coming back
// is a return; two roles in a row at one employer, or a job held beside
// another, are not; "go back to school" is about studying.
func TestReturnedToEmployer(t *testing.T) {
	returned := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Lars Holm", Label: "Coach"},
		Work: []profile.Work{
			{Name: "Vejle BK", Position: "Head Coach", StartDate: "2021-07"},
			{Name: "TV 3 Sport", Position: "Pundit", StartDate: "2019-08"},
			{Name: "Vejle BK", Position: "Assistant Coach", StartDate: "2019-08", EndDate: "2021-06"},
			{Name: "Aarhus GF", Position: "Player", StartDate: "2012", EndDate: "2019"},
			{Name: "Vejle BK", Position: "Player", StartDate: "2006-07", EndDate: "2012-06"},
		},
		Education: []profile.Education{{Institution: "DBU", StudyType: "UEFA A Licence", StartDate: "2019", EndDate: "2020"}},
	}, profile.Privacy{}, today)
	promoted := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Eva Lund", Label: "Sales"},
		Work: []profile.Work{
			{Name: "Brightline", Position: "VP of Sales", StartDate: "2020-01"},
			{Name: "Brightline", Position: "Director of Sales", StartDate: "2018-03", EndDate: "2019-12"},
			{Name: "Copperfield", Position: "Account Executive", StartDate: "2013-06", EndDate: "2018-02"},
		},
	}, profile.Privacy{}, today)
	unnamedRoles := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ida Berg", Label: "Analyst"},
		Work: []profile.Work{
			{Name: "Norda Bank", StartDate: "2020-01"},
			{Name: "Kite Insurance", Position: "Analyst", StartDate: "2017-01", EndDate: "2019-12"},
			{Name: "Norda Bank", StartDate: "2014-01", EndDate: "2016-12"},
		},
	}, profile.Privacy{}, today)
	cases := []struct {
		name, question string
		x              *converse.Index
		want, not      []string
	}{
		{"left and came back, a year-only stint between", "did he ever go back to a previous club", returned, []string{"Yes", "Vejle BK", "after Aarhus GF"}, []string{"TV 3"}},
		{"promotion is no return", "has she ever returned to a company she left", promoted, []string{"No"}, []string{"Yes"}},
		{"roles without a title", "did she return to a former employer", unnamedRoles, []string{"Yes", "Norda Bank: a role (2014–2016), then a role (since January 2020) after Kite Insurance"}, []string{": (", ":  ("}},
		{"school is studying", "did he go back to school", returned, []string{"UEFA A Licence"}, []string{"went back to"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkText(t, c.question, ask(c.x, c.question)[0].Text, c.want, c.not)
		})
	}
}
