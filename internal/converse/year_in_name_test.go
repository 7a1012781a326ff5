package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestYearInANameIsNoName: a year inside an entry's name ("Hackathon
// winner, PolCode 2019") does not make a question about that year name the
// entry; the entry's own words still do.
func TestYearInANameIsNoName(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Marta Nowak", Label: "Backend Engineer"},
		Work: []profile.Work{
			{Name: "Paylane", Position: "Senior Backend Engineer", StartDate: "2021-03"},
			{Name: "InPost", Position: "Software Engineer", StartDate: "2017-06", EndDate: "2021-02"},
			{Name: "Comarch", Position: "Junior Java Developer", StartDate: "2015-09", EndDate: "2017-05"},
		},
		Awards: []profile.Award{{Title: "Hackathon winner, PolCode 2019", Date: "2019-11", Awarder: "PolCode"}},
	}, profile.Privacy{}, today)
	checkText(t, "what was she doing in 2019", ask(x, "what was she doing in 2019")[0].Text, []string{"InPost"}, []string{"Comarch", "Paylane"})
	r := ask(x, "what was she doing in 2016", "and in 2019?")
	checkText(t, "and in 2019", r[1].Text, []string{"InPost"}, []string{"Comarch"})
	checkText(t, "the award by its words", ask(x, "tell me about the polcode hackathon")[0].Text, []string{"PolCode 2019"}, nil)
}
