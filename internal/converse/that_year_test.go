package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// bakerProfile is written for this test: a bakery owner whose figures for
// two years are in highlights, and a sentence with "first year" that only
// shares the word "year".
func bakerProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Rosa Almeida", Label: "Baker and Owner"},
		Work: []profile.Work{
			{Name: "Almeida Bakehouse", Position: "Owner", StartDate: "2019-05",
				Highlights: []string{"Sold 41,000 loaves in 2022", "Took on 3 apprentices in 2022", "Sold 52,000 loaves in 2023", "Opened 2 new shops in 2023"}},
			{Name: "Pão Quente", Position: "Baker", StartDate: "2014-02", EndDate: "2019-04",
				Highlights: []string{"Baked 300 loaves a night in the first year"}},
		},
	}
}

func TestThatYearCarried(t *testing.T) {
	x := converse.Compile(bakerProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"that year is the year asked before", []string{"how many apprentices did she take on in 2022", "and how many loaves did she sell that year"}, []string{"41,000"}, []string{"52,000", "first year"}},
		{"the same year", []string{"how many shops did she open in 2023", "how many loaves did she sell the same year"}, []string{"52,000"}, []string{"41,000", "first year"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ask(x, c.questions...)
			checkText(t, c.questions, got[len(got)-1].Text, c.want, c.not)
		})
	}
}
