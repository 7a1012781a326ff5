package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// comparedStaysProfile is written for these tests: a one-word employer
// beside a two-word one (a whole name outscores a part of another), year-only
// dates, and a return to a first employer years later.
func comparedStaysProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ana Ruiz", Label: "Engineer"},
		Work: []profile.Work{
			{Name: "Harbor Freight Labs", Position: "Staff Engineer", StartDate: "2021-02"},
			{Name: "Tidewell", Position: "Engineer", StartDate: "2019-01", EndDate: "2020-12"},
			{Name: "Copperline Systems", Position: "Developer", StartDate: "2014", EndDate: "2017"},
			{Name: "Tidewell", Position: "Intern", StartDate: "2012-06", EndDate: "2012-09"},
		},
	}
}

func TestWhichLonger(t *testing.T) {
	x := converse.Compile(comparedStaysProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"a part of a name beside a whole one: each side of 'or' names its stay",
			[]string{"which was longer, copperline or tidewell"}, []string{"Copperline Systems was longer", "3 years (2014–2017)", "against 2 years and 4 months at Tidewell"}, []string{"entries that match"}},
		{"year-only dates are whole years; a return adds its own months, not the gap",
			[]string{"which was shorter, tidewell or copperline?"}, []string{"Tidewell was shorter", "2 years and 4 months", "against 3 years at Copperline Systems"}, nil},
		{"an open stay counts to today",
			[]string{"which job was longer, harbor freight labs or copperline"}, []string{"Harbor Freight Labs was longer", "4 years and 4 months", "since 2021"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs := ask(x, c.questions...)
			r := rs[len(rs)-1]
			checkText(t, c.questions, r.Text, c.want, c.not)
		})
	}
}
