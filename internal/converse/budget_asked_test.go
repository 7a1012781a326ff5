package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestBudgetAsked: the size of a budget is the sentence that puts a sum
// beside the word, not a project named after budgets; "was it on budget"
// is left to the other answers.
func TestBudgetAsked(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Siobhan Tav", Label: "Analyst"},
		Volunteer: []profile.Volunteer{{Organization: "Brookfield PTA", Position: "Treasurer", StartDate: "2019", EndDate: "2022",
			Highlights: []string{"Managed an annual budget of £38,000 across 14 fundraising events"}}},
		Projects: []profile.Project{{Name: "PTA budget dashboard", Description: "A budget tracker for the PTA.", StartDate: "2023-01"}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"how big", []string{"how big was the budget"}, []string{"£38,000"}, nil},
		{"handled", []string{"has she ever handled a budget"}, []string{"£38,000"}, nil},
		{"on budget is no size", []string{"was the dashboard on budget"}, nil, []string{"On budgets"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
