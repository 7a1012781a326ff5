package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestMovedWhenAndPromotedAt: "when did she move to Warsaw" is no yes: the
// profile seldom dates a move, so the reply says so and gives the first
// entry there; "did she get promoted at InPost" answers from the roles
// listed there (one: no promotion shown; two: the steps).
func TestMovedWhenAndPromotedAt(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Marta Nowak", Location: profile.Location{City: "Warsaw", CountryCode: "PL"}},
		Work: []profile.Work{
			{Name: "Paylane", Position: "Senior Engineer", Location: "Warsaw", StartDate: "2021-03"},
			{Name: "InPost", Position: "Software Engineer", Location: "Kraków", StartDate: "2017-06", EndDate: "2021-02"},
			{Name: "Comarch", Position: "Senior Java Developer", Location: "Kraków", StartDate: "2016-06", EndDate: "2017-05"},
			{Name: "Comarch", Position: "Junior Java Developer", Location: "Kraków", StartDate: "2015-09", EndDate: "2016-05"},
		},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"when did she move to warsaw", []string{"doesn't say when", "Senior Engineer at Paylane", "March 2021"}, []string{"Yes"}},
		{"did she ever work in krakow", []string{"Yes", "InPost"}, nil},
		{"did she get promoted at inpost", []string{"one role", "InPost", "no promotion"}, []string{"Comarch"}},
		{"was she promoted at comarch?", []string{"Junior Java Developer", "Senior Java Developer"}, []string{"InPost"}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
}
