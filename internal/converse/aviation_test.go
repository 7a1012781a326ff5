package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// ferryProfile is written for these tests: a ferry master with a job
// titled as unpaid (no volunteering section), two employers sharing the
// word "Sea", routes named only inside a sentence, a three-letter
// acronym only in a highlight, and a summary saying what she does not do.
func ferryProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ragna Holm", Label: "Ferry Master",
			Summary:  "Master mariner on passenger ferries. I do not take cargo work.",
			Location: profile.Location{City: "Bergen", CountryCode: "NO"}},
		Work: []profile.Work{
			{Name: "Fjord Sea Lines", Position: "Master", StartDate: "2018-03",
				Summary:    "Command of car ferries between Bergen, Aberdeen and Iceland.",
				Highlights: []string{"Runs ECDIS drills for new officers"}},
			{Name: "North Sea Rescue Society", Position: "Volunteer Coxswain", StartDate: "2015"},
			{Name: "Hurtigruten", Position: "Chief Officer", StartDate: "2010", EndDate: "2018"},
		},
		Skills: []profile.Skill{{Name: "Vessels", Keywords: []string{"ro-ro ferries", "coastal passenger ships"}}},
	}
}

func TestFerryMasterGenerality(t *testing.T) {
	x := converse.Compile(ferryProfile(), profile.Privacy{}, today)
	army := ferryProfile()
	army.Work = append(army.Work, profile.Work{Name: "Royal Norwegian Navy", Position: "Lieutenant", StartDate: "2006", EndDate: "2010"})
	navy := converse.Compile(army, profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
	}{
		{"a job titled volunteer answers volunteering", x, []string{"does she volunteer"}, []string{"Volunteer Coxswain", "North Sea Rescue Society"}, []string{"doesn't list any volunteering"}},
		{"a branch no entry names: no service", x, []string{"was she ever in the navy"}, []string{"doesn't list any military service"}, []string{"Yes", "Fjord Sea Lines"}},
		{"a branch a job names: yes", navy, []string{"was she ever in the navy"}, []string{"Yes", "Royal Norwegian Navy"}, nil},
		{"can she <verb> something unlisted", x, []string{"can she sail a tanker"}, []string{"doesn't mention Tanker"}, nil},
		{"can she <verb> something listed", x, []string{"can she handle ro-ro ferries"}, []string{"ro-ro"}, []string{"doesn't mention"}},
		{"a short acronym inside a highlight", x, []string{"does she know ECDIS"}, []string{"Runs ECDIS drills"}, []string{"doesn't mention"}},
		{"a place a sentence names, yes/no", x, []string{"has she sailed to iceland"}, []string{"Yes", "Iceland"}, []string{"doesn't list a job"}},
		{"a job in a place a sentence names", x, []string{"has she worked in iceland"}, []string{"doesn't say where", "Aberdeen and Iceland"}, nil},
		{"when did she become one: the dates, no yes", x, []string{"when did she become a master"}, []string{"March 2018"}, []string{"Yes"}},
		{"an adjective before an entry's word quotes its sentence", x, []string{"does she do cargo ferries"}, []string{"cargo work"}, []string{"entries that match"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ask(c.x, c.questions...)
			text := got[len(got)-1].Text
			checkText(t, c.questions, text, c.want, c.not)
		})
	}
}
