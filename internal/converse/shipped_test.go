package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// productProfile is written for these tests: shipped products as projects
// with a kind, a career break listed as a work entry, a job in a city
// with an English name of its own, and "passive house" as a skill.
func productProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ana Lund", Label: "Product designer", Email: "ana@example.com", Phone: "+46 70 555 01 02",
			Location: profile.Location{Address: "Storgatan 1", City: "Malmö", CountryCode: "SE"}},
		Work: []profile.Work{
			{Name: "Nordhus", Position: "Lead designer", Location: "Malmö, Sweden", StartDate: "2021-01"},
			{Name: "Sabbatical", Position: "Career break", Location: "Lisboa, Portugal", StartDate: "2019-06", EndDate: "2020-10",
				Summary: "Travelled and learnt ceramics."},
			{Name: "Kölner Möbel", Position: "Designer", Location: "Köln, Germany", StartDate: "2014-03", EndDate: "2019-05"},
		},
		Skills: []profile.Skill{{Name: "Building", Keywords: []string{"Passive house", "Timber"}}},
		Projects: []profile.Project{
			{Name: "Glow Lamp", Type: "product", Description: "Rechargeable desk lamp.", StartDate: "2022-09",
				Highlights: []string{"Sold in Sweden, Norway and Denmark", "40,000 units sold"}},
			{Name: "Fold Chair", Type: "product", Description: "Flat-pack chair.", StartDate: "2016-04"},
		},
	}
}

func TestShippedProductsGenerality(t *testing.T) {
	x := converse.Compile(productProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string // the last one's reply is checked
		intent    string
		refused   bool
		want      []string
		not       []string
	}{
		{"shipped asks for the projects", []string{"what has she shipped"}, "projects", false, []string{"Glow Lamp", "Fold Chair"}, nil},
		{"a project kind in the plural", []string{"which products did ana design"}, "projects", false, []string{"Glow Lamp", "Fold Chair"}, nil},
		{"a launch the profile lacks", []string{"has she launched a smartwatch"}, "projects", false, []string{"doesn't list a Smartwatch"}, nil},
		{"a launch the profile has", []string{"has she launched a lamp"}, "", false, []string{"Glow Lamp"}, []string{"doesn't list"}},
		{"where a product is sold", []string{"tell me about glow lamp", "where is it sold"}, "", false, []string{"Norway"}, nil},
		{"an unknown platform", []string{"tell me about glow lamp", "does it support homekit"}, "", false, []string{"doesn't mention Homekit"}, nil},
		{"English name of a German city", []string{"has she worked in cologne"}, "", false, []string{"Kölner Möbel"}, []string{"doesn't list"}},
		{"English name of a Portuguese city", []string{"was she ever in lisbon"}, "", false, []string{"Lisboa"}, nil},
		{"a listed career break", []string{"did she take a career break"}, "gaps", false, []string{"Career break", "June 2019", "ceramics"}, nil},
		{"a career break is no job", []string{"what was she doing in 2020"}, "", false, []string{"was on a career break"}, []string{"worked as Career break"}},
		{"a multi-word employer not listed", []string{"has she worked at foster + partners"}, "", false, []string{"doesn't list a job at Foster + Partners"}, nil},
		{"a listed employer is no unlisted one", []string{"has she worked at kolner mobel"}, "", false, []string{"Kölner Möbel"}, []string{"doesn't list a job"}},
		{"a skill with house in it", []string{"any passive house experience"}, "", false, []string{"Passive house"}, []string{"Storgatan"}},
		{"her house is still private", []string{"where is her house"}, "", true, nil, []string{"Storgatan"}},
		{"phones as products", []string{"did she design phones"}, "", false, nil, []string{"+46"}},
		{"her phone numbers are still private", []string{"what are her phone numbers"}, "", true, nil, []string{"+46"}},
		{"brought to market", []string{"what has ana brought to market"}, "projects", false, []string{"Glow Lamp", "Fold Chair"}, nil},
		{"a sports prediction", []string{"who will win the champions league"}, "off_topic", true, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			replies := ask(x, c.questions...)
			got := replies[len(replies)-1]
			if c.intent != "" && got.Intent != c.intent {
				t.Errorf("intent %q, want %q: %s", got.Intent, c.intent, got.Text)
			}
			if got.Refused != c.refused {
				t.Errorf("refused %v, want %v: %s", got.Refused, c.refused, got.Text)
			}
			for _, w := range c.want {
				if !containsFold(got.Text, w) {
					t.Errorf("reply lacks %q: %s", w, got.Text)
				}
			}
			for _, n := range c.not {
				if containsFold(got.Text, n) {
					t.Errorf("reply has %q: %s", n, got.Text)
				}
			}
		})
	}
}

func TestFluencyAsked(t *testing.T) {
	r := profile.Resume{Basics: profile.Basics{Name: "Jo Berg"}, Languages: []profile.Language{
		{Language: "Danish", Fluency: "Basic"}, {Language: "German", Fluency: "Fluent (C2)"},
		{Language: "French", Fluency: "Intermediate (B2)"}, {Language: "Italian", Fluency: "Limited working proficiency"},
		{Language: "English", Fluency: "Full professional proficiency"}}}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct{ q, want string }{
		{"is he fluent in danish", "Not fluently"},
		{"is he fluent in italian", "Not fluently"},
		{"is he fluent in french", "Not fluently"},
		{"is he fluent in german", "Yes"},
		{"is he fluent in english", "Yes"},
		{"does he speak danish", "Yes"}, // asked whether, not how well
		{"how many languages does he speak", "5 languages"},
	}
	for _, c := range cases {
		if got := ask(x, c.q)[0]; !containsFold(got.Text, c.want) {
			t.Errorf("%q: %s, want %q", c.q, got.Text, c.want)
		}
	}
}
