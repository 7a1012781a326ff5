package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// wardProfile is written for these tests: a nurse whose leading is only in
// phrases (in charge, co-chairing), never "led" or "managed", and a
// freelance job whose "charged" leads no one.
func wardProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Tomasz Wren", Label: "Registered Nurse"},
		Work: []profile.Work{
			{Name: "Harbourside Hospital", Position: "Staff Nurse", StartDate: "2019-04",
				Highlights: []string{"Charge nurse on the stroke unit from 2021", "Co-chairs the ward's falls committee of 11 nurses"}},
			{Name: "Self-employed", Position: "Private Carer", StartDate: "2016-01", EndDate: "2019-03",
				Highlights: []string{"Charged clients a flat weekly rate for home visits"}},
		},
	}
}

func TestLeadingByPhrase(t *testing.T) {
	x := converse.Compile(wardProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		question  string
		want, not []string
	}{
		{"in charge and co-chairing lead people", "has he ever managed people", []string{"Charge nurse on the stroke unit", "Co-chairs the ward's falls committee"}, []string{"Charged clients"}},
		{"years of leadership quote the phrases", "how many years of leadership experience does he have", []string{"from 2021"}, []string{"Charged clients"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ask(x, c.question)
			checkText(t, c.question, got[len(got)-1].Text, c.want, c.not)
		})
	}
}
