package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestLeadThirty: "for which club?" and "at which club?" after a reply
// about a job name its employer; "what kind mostly?" is a bare follow-up,
// never off-topic; "why did she leave libraries" asks a reason, not about
// code libraries; a number asked by the noun a highlight counts ("how many
// doors", "occupancy rate", "revenue last year") quotes that highlight;
// "how many people does he employ" is the team's size; "what did he earn"
// is pay the profile doesn't give; "what did he do in Geneva" is no yes/no
// question.
func TestLeadThirty(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Mads Holm", Label: "Coach and business owner",
			Summary: "Former midfielder. I have answered more than 3,000 calls as a volunteer, roughly 70% of them medical. Worked in libraries until 2013."},
		Work: []profile.Work{
			{Name: "Holm Rentals LLC", Position: "Owner", StartDate: "2021-04",
				Highlights: []string{"Grew from 12 to 180 doors under management", "Occupancy of 97% in 2024", "Revenue of $1.9M in 2024", "Grew the business to 6 electricians and 2 apprentices"}},
			{Name: "Ipswich Town", Position: "Professional Footballer", StartDate: "2016-07", EndDate: "2018-06",
				Location: "Ipswich, England", Highlights: []string{"58 league appearances, 4 goals", "Club captain in 2017–18"}},
			{Name: "Real Betis", Position: "Professional Footballer", StartDate: "2013-07", EndDate: "2016-06", Location: "Seville, Spain"},
			{Name: "Geneva City Library", Position: "Librarian", StartDate: "2010-01", EndDate: "2013-06", Location: "Geneva, Switzerland",
				Summary: "Ran the reference desk."},
		},
		Skills: []profile.Skill{{Name: "Tools", Keywords: []string{"Excel", "Hudl"}}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"for which club after a country", []string{"did he play in spain", "for which club?"}, []string{"Real Betis"}, []string{"Ipswich Town"}},
		{"at which club after a country", []string{"did he play in england", "at which club?"}, []string{"Ipswich Town"}, []string{"Real Betis", "captain"}},
		{"which company after a job", []string{"did he work in switzerland", "which company?"}, []string{"Geneva City Library"}, []string{"Real Betis"}},
		{"what kind mostly", []string{"how many calls has he answered", "what kind mostly?"}, nil, []string{"Sorry, I can only answer"}},
		{"leave a field", []string{"why did he leave libraries"}, []string{"doesn't say why"}, []string{"frameworks"}},
		{"doors counted", []string{"how many doors does his company manage"}, []string{"180 doors"}, []string{"team size"}},
		{"a rate by its noun", []string{"what's his occupancy rate"}, []string{"97%"}, []string{"doesn't mention"}},
		{"revenue last year", []string{"what was the revenue last year"}, []string{"$1.9M"}, nil},
		{"employ", []string{"how many people does he employ"}, []string{"6 electricians"}, []string{"doesn't say anything"}},
		{"earn", []string{"what did he earn in 2024"}, []string{"doesn't"}, []string{"$1.9M"}},
		{"what did he do in a city", []string{"what did he do in Geneva"}, []string{"Librarian"}, []string{"Yes"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
