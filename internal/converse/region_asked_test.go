package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestRegionAsked: "has she lived in Africa", "did she work in Asia" are
// answered from the countries of the jobs' locations, the schools and the
// home, by continent; a title naming a region is no place of work, and a
// region with no entry in it is a plain no, with the places the text
// names there.
func TestRegionAsked(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Clara Voss", Label: "Aid Logistician", Location: profile.Location{City: "Bonn", CountryCode: "DE"}},
		Work: []profile.Work{
			{Name: "Relief Alliance", Position: "Logistics Coordinator", Location: "Amman, Jordan", StartDate: "2021-01"},
			{Name: "Relief Alliance", Position: "Programme Officer, West Africa", Location: "Bonn, Germany", StartDate: "2017-03", EndDate: "2020-12"},
			{Name: "Field Supply Network", Position: "Warehouse Lead", Location: "Dhaka, Bangladesh", StartDate: "2014-05", EndDate: "2017-02",
				Summary: "Ran a cross-border convoy to Kathmandu after the 2015 earthquake."},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"asia", []string{"has she worked in asia?"}, []string{"Yes", "Dhaka, Bangladesh"}, []string{"Bonn, Germany ("}},
		{"middle east", []string{"has she lived in the middle east?"}, []string{"Yes", "Amman, Jordan"}, nil},
		{"a title is no place", []string{"has she lived in africa?"}, []string{"doesn't place", "Germany"}, []string{"Yes", "Programme Officer, West Africa at"}},
		{"europe and home", []string{"did she ever work in europe"}, []string{"Yes", "based in Bonn"}, nil},
		{"none", []string{"has she been posted to south america?"}, []string{"doesn't place"}, []string{"Yes"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
