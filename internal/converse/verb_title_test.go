package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestTitleSaidAsVerb: "did she stack shelves" is the Night Shelf
// Stacker job, "did he drive trucks" the Truck Driver one: a verb and its
// object are the title's noun and agent noun, for any verb, not a list.
func TestTitleSaidAsVerb(t *testing.T) {
	r := mustLoad(t, "sample")
	r.Basics.Label = ""
	r.Work = []profile.Work{
		{Name: "FreshMart", Position: "Night Shelf Stacker", StartDate: "2010-01", EndDate: "2011-06"},
		{Name: "Roadway Haulage", Position: "Truck Driver", StartDate: "2011-07", EndDate: "2014-02"},
		{Name: "Harbor Books", Position: "Book Binder", StartDate: "2014-03", EndDate: "2016-01"},
		{Name: "Civic Lab", Position: "Data Analyst", StartDate: "2016-02"},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"did he stack shelves", []string{"Yes", "Night Shelf Stacker at FreshMart"}, []string{"Truck"}},
		{"has he ever stacked shelves", []string{"Night Shelf Stacker at FreshMart"}, nil},
		{"did he drive trucks", []string{"Yes", "Truck Driver at Roadway Haulage"}, []string{"FreshMart"}},
		{"did he ever bind books", []string{"Book Binder at Harbor Books"}, nil},
		// a verb whose agent noun is in no title, or another object, is no yes
		{"did he drive a bus", nil, []string{"Yes: the profile lists"}},
		{"did he stack pallets", nil, []string{"Yes: the profile lists"}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
	checkText(t, "oss", ask(mustIndex(t, "oss"), "did she stack shelves")[0].Text, []string{"Shelf Stacker at Albert Heijn"}, []string{"skills"})
}

// TestTrainIsAVerb: "did she train staff" asks what she did, not about
// an entry named "train": a trainer's title answers, else the sentences
// saying she trained people, else that the profile does not say.
func TestTrainIsAVerb(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"windtech", "did he train staff", []string{"Trained 20 new technicians"}, []string{"doesn't say anything"}},
		{"cabincrew", "did she train staff", []string{"First aid trainer"}, nil},
		{"amara", "did she train staff", []string{"doesn't say whether Amara trained staff"}, []string{"mention train"}},
		{"retail", "has she trained new hires", []string{"doesn't say whether"}, []string{"mention train"}},
		{"rosa", "did she train staff", []string{"training"}, nil},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}
