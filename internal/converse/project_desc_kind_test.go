package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestProjectKindFromDescription: "her mobile app", "the data pipeline
// project" name the project whose description opens by saying it is one,
// above a project with a word of the question in its title.
func TestProjectKindFromDescription(t *testing.T) {
	r := mustLoad(t, "sample")
	r.Basics.Label = ""
	r.Projects = []profile.Project{
		{Name: "Mobile Money Research", Description: "A field study of mobile payments in rural Kenya.", StartDate: "2019-01", EndDate: "2019-12"},
		{Name: "Kasa", Description: "Mobile app for household budgets, with shared wallets and bank import.", StartDate: "2021-03"},
		{Name: "Data Quality Handbook", Description: "A short guide to testing data in warehouses.", StartDate: "2020-01"},
		{Name: "riverflow", Description: "An open-source data pipeline that loads river gauge readings every hour.", StartDate: "2022-05"},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"tell me about his mobile app", []string{"Kasa", "household budgets"}, []string{"Kenya"}},
		{"what is the mobile app called", []string{"Kasa"}, []string{"Mobile Money Research"}},
		{"tell me about the data pipeline project", []string{"riverflow"}, []string{"Data Quality Handbook"}},
		// the whole name still names its project
		{"tell me about mobile money research", []string{"Kenya"}, []string{"Kasa"}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
}
