package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// angelProfile is written for these tests: an engineer turned founder in
// Denver with a venture firm among her employers (a word of its name is a
// kind of financing), a round raised in a highlight, a project on npm (never
// called a package) and prices only in the sense of her own rates.
func angelProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ines Okafor", Label: "Founder",
			Summary:  "Founder and engineer in Denver. Consulting at fixed prices for early teams.",
			Location: profile.Location{City: "Denver", CountryCode: "US"}},
		Work: []profile.Work{
			{Name: "Fernwood", Position: "Founder and CEO", StartDate: "2022-03",
				Highlights: []string{"Raised a $5M seed round led by Larkspur Partners in 2023"}},
			{Name: "Bluestem Ventures", Position: "Scout", StartDate: "2019-01", EndDate: "2022-02",
				Highlights: []string{"Sourced three pre-seed deals"}},
		},
		Projects: []profile.Project{{Name: "quietform", Description: "Form validation for TypeScript, published on npm with 40,000 weekly downloads",
			Keywords: []string{"TypeScript", "npm"}, StartDate: "2020-05"}},
		Education: []profile.Education{{Institution: "Front Range Business School", StudyType: "MBA", Area: "Business", StartDate: "2024-09"}},
	}
}

func TestForecastFinancingArtifact(t *testing.T) {
	x := converse.Compile(angelProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		refused   bool
		want, not []string
	}{
		{"a forecast about prices that shares her city", []string{"what will denver house prices do next year"}, true, nil, nil},
		{"an order to predict", []string{"predict the stock market"}, true, nil, nil},
		{"a forecast asked as yes or no", []string{"will interest rates go down next year"}, true, nil, nil},
		{"her own future is about her", []string{"what will she do next year"}, false, nil, nil},
		{"a date of her own degree ahead is hers", []string{"will the mba be finished next year"}, false, []string{"Front Range Business School"}, nil},
		{"her skill at forecasting is about her", []string{"is she good at forecasting"}, false, nil, nil},
		{"an npm package is what she published", []string{"what's her npm package"}, false, []string{"quietform"}, []string{"doesn't mention npm"}},
		{"venture money is no employer", []string{"has she raised venture money"}, false, []string{"$5M seed round"}, []string{"Scout"}},
		{"venture capital is no employer", []string{"did she raise venture capital"}, false, []string{"$5M seed round"}, []string{"Scout"}},
		{"the venture firm named by more of its name", []string{"what did she do at bluestem ventures"}, false, []string{"Scout"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ask(x, c.questions...)
			last := got[len(got)-1]
			if last.Refused != c.refused {
				t.Fatalf("%q: refused = %v, want %v (%q)", c.questions, last.Refused, c.refused, last.Text)
			}
			checkText(t, c.questions, last.Text, c.want, c.not)
		})
	}
}
