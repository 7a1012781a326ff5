package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestIndustryTenure: "how long in an industry" sums the jobs its words
// place there, overlaps once; a firm named by its own name, and a field
// that names job titles, keep their own answers.
func TestIndustryTenure(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ines Varga", Label: "Finance lead"},
		Work: []profile.Work{
			{Name: "Harbour Hospital", Position: "Head of Finance", StartDate: "2020-01", Summary: "Finance for a 400-bed hospital."},
			{Name: "Mercy Clinics", Position: "Analyst", StartDate: "2016-01", EndDate: "2020-06", Summary: "Patient billing for twelve clinics."},
			{Name: "Atlas Freight", Position: "Analyst", StartDate: "2012-01", EndDate: "2015-12", Summary: "Freight costing."},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"summed, overlap once", []string{"how many years in healthcare"}, []string{"has worked in healthcare since January 2016", "9 years in all", "Harbour Hospital", "Mercy Clinics"}, []string{"Atlas Freight", "Yes:"}},
		{"how long has she worked in", []string{"how long has she worked in healthcare"}, []string{"since January 2016"}, []string{"Yes:"}},
		{"a firm by name", []string{"how long was she at mercy clinics"}, []string{"Mercy Clinics"}, []string{"in healthcare since"}},
		{"a field of titles", []string{"how many years in finance"}, []string{"Head of Finance"}, []string{"Mercy Clinics"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
