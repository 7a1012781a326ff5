package converse_test

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// A pharmacist and an electrician written for these tests: training posts
// named by the holder's word in the title (Intern, Resident, Apprentice),
// away from the city the person lives in.
func TestTrainingPostsGenerality(t *testing.T) {
	pharm := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Mei Tanaka", Label: "Clinical Pharmacist",
			Location: profile.Location{City: "Denver", CountryCode: "US"}},
		Work: []profile.Work{
			{Name: "Denver Health", Position: "Clinical Pharmacist", Location: "Denver, CO", StartDate: "2021-08",
				Summary: "Supervises pharmacy residents and interns on the wards."},
			{Name: "University of Utah Health", Position: "PGY-1 Pharmacy Resident", Location: "Salt Lake City, UT", StartDate: "2020-07", EndDate: "2021-06"},
			{Name: "Walgreens", Position: "Pharmacy Intern", Location: "Provo, UT", StartDate: "2018-06", EndDate: "2018-08"},
			{Name: "Intermountain Healthcare", Position: "Pharmacy Intern", Location: "Ogden, UT", StartDate: "2017-06", EndDate: "2017-08"},
		},
	}, profile.Privacy{}, today)
	spark := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Owen Price", Label: "Electrician",
			Location: profile.Location{City: "Cardiff", CountryCode: "GB"}},
		Work: []profile.Work{
			{Name: "Price Electrical", Position: "Electrician", StartDate: "2016-01"},
			{Name: "Wales & West Electrical", Position: "Apprentice Electrician", Location: "Swansea", StartDate: "2012-09", EndDate: "2015-12"},
		},
	}, profile.Privacy{}, today)
	cases := []struct {
		name     string
		x        *converse.Index
		question string
		want     []string
		not      []string
	}{
		{"residency is the resident's employer", pharm, "where did she do her residency", []string{"University of Utah Health", "Salt Lake City"}, []string{"based in", "Denver Health"}},
		{"internships in the plural", pharm, "where did she do her internships?", []string{"Walgreens", "Intermountain Healthcare"}, []string{"University of Utah"}},
		{"counted by the title word", pharm, "how many internships did she do", []string{"2 internships", "Walgreens", "Intermountain"}, []string{"Resident"}},
		{"one counted, singular noun", pharm, "how many residencies has she done", []string{"1 residency", "University of Utah Health"}, []string{"Intern at"}},
		{"an apprenticeship", spark, "where did he do his apprenticeship", []string{"Wales & West Electrical", "Swansea"}, []string{"based in"}},
		{"where he lives is still home", spark, "where does he live", []string{"Cardiff"}, []string{"Apprentice"}},
		{"people supervised are no posts", pharm, "does she supervise residents", []string{"Supervises pharmacy residents"}, nil},
		{"affiliated is the posts held now", pharm, "which hospitals is she affiliated with", []string{"Denver Health"}, []string{"Walgreens", "University of Utah"}},
		{"affiliations, the noun", spark, "what are his affiliations", []string{"Price Electrical"}, []string{"Wales & West"}},
		{"no such post falls through", spark, "where did he do his residency", nil, []string{"residency:"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := ask(c.x, c.question)[0].Text
			checkText(t, c.question, text, c.want, c.not)
		})
	}
}

// A maker with two projects and a paper, written for this test: "the link
// to the X one" asks for the url of the entry named, not its description.
func TestLinkOfNamedEntry(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Rui Costa", Label: "Hardware Designer"},
		Projects: []profile.Project{
			{Name: "Heron Bird Feeder", Description: "A solar bird feeder with a camera.", URL: "https://example.org/heron"},
			{Name: "Kettle Logger", Description: "Logs kettle use over Zigbee."},
		},
		Publications: []profile.Publication{
			{Name: "Low-power image capture in the field", Publisher: "IEEE Sensors", URL: "https://example.org/paper"},
		},
	}, profile.Privacy{}, today)
	cases := []struct {
		question string
		want     []string
		not      []string
	}{
		{"whats the link to the heron one", []string{"https://example.org/heron"}, []string{"solar bird feeder"}},
		{"can you send me the url of the low-power image capture paper", []string{"https://example.org/paper"}, []string{"heron"}},
		{"whats the link to the kettle logger", []string{"Kettle"}, []string{"The link for"}},
	}
	for _, c := range cases {
		text := ask(x, c.question)[0].Text
		checkText(t, c.question, text, c.want, c.not)
	}
}

// A court interpreter written for this test: a yes/no question whose
// matching entries are what was asked starts with "Yes"; entries that only
// share a word, or ended jobs, do not.
func TestYesFromEntryNames(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Lena Vogt", Label: "Court Interpreter"},
		Work: []profile.Work{
			{Name: "Regional Court Hamburg", Position: "Court Interpreter", StartDate: "2019-03"},
			{Name: "Port Authority", Position: "Interpreter", StartDate: "2012-01", EndDate: "2018-12"},
			{Name: "Law Office Brandt", Position: "Legal Assistant", StartDate: "2010-01", EndDate: "2011-12"},
		},
		Certificates: []profile.Certificate{
			{Name: "Board Certified Court Interpreter, German-Polish", Issuer: "Hamburg Regional Court", Date: "2019"},
			{Name: "Board Certified Translator, German-Polish", Issuer: "BDÜ", Date: "2016"},
		},
		Publications: []profile.Publication{{Name: "Glossary of maritime law terms", Publisher: "Law Review Hamburg"}},
	}, profile.Privacy{}, today)
	cases := []struct {
		question string
		yes      bool
	}{
		{"does she interpret", true},
		{"is she board certified", true},
		{"does she still interpret for the port authority", false},
		{"was she on law review", false},
	}
	for _, c := range cases {
		text := ask(x, c.question)[0].Text
		if got := strings.HasPrefix(text, "Yes"); got != c.yes {
			t.Errorf("%q: starts with Yes = %v, want %v: %q", c.question, got, c.yes, text)
		}
	}
}
