package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestCompoundIndustry: an industry asked with a qualifier ("solar
// energy", "the brewing industry", "investment banking") is the jobs
// whose own words hold it (the qualifier alone when the head is a general
// word), with the summary's sentence; never "doesn't list" when the
// summary tells it, and a qualifier the jobs hold without the industry
// ("offshore" of "offshore oil") is said to be no more than that.
func TestCompoundIndustry(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Niamh Keane", Label: "Operations Manager",
			Summary: "Eight years in solar before moving on. Earlier I spent four years in investment banking."},
		Work: []profile.Work{
			{Name: "Brightfield Solar Ltd", Position: "Operations Manager", StartDate: "2019-03", Summary: "Runs 14 offshore floating solar arrays."},
			{Name: "SunHarvest Installations", Position: "Site Supervisor", StartDate: "2015-01", EndDate: "2019-02", Summary: "Rooftop solar fitting crews."},
			{Name: "Tesco", Position: "Shift Lead", StartDate: "2012-01", EndDate: "2014-12", Summary: "Night shifts at a superstore."},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"qualifier of energy", []string{"how long has she worked in solar energy?"}, []string{"since January 2015", "SunHarvest", "Brightfield"}, []string{"doesn't list", "Tesco"}},
		{"whether", []string{"has she worked in solar energy?"}, []string{"Yes", "Brightfield", "SunHarvest"}, []string{"doesn't list"}},
		{"industry head", []string{"how many years in the solar industry?"}, []string{"the solar industry", "SunHarvest"}, []string{"Tesco"}},
		{"summary only", []string{"has she worked in investment banking?"}, []string{"four years in investment banking"}, []string{"doesn't list"}},
		{"qualifier without the industry", []string{"how long has she worked in offshore oil?"}, []string{"doesn't list a job in offshore oil", "Brightfield"}, []string{"SunHarvest"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
