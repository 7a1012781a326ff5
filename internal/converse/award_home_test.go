package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// awardHomeProfile is written for these tests: an award given by an
// employer she held two roles at, one whose summary names the employer,
// and one tied to a job only by its date.
func awardHomeProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ruth Amsel", Label: "Editor"},
		Work: []profile.Work{
			{Name: "Quayside Press", Position: "Editor", StartDate: "2016-01", EndDate: "2019-12", Summary: "Edited the regional nonfiction list."},
			{Name: "Marlow Foods", Position: "Account Manager", StartDate: "2013-03", EndDate: "2015-05", Summary: "Looked after grocery chains in the north."},
			{Name: "Marlow Foods", Position: "Sales Representative", StartDate: "2012-06", EndDate: "2013-02", Summary: "Sold to independent shops."},
		},
		Awards: []profile.Award{
			{Title: "Editors' Cup", Awarder: "Guild of Editors", Date: "2018-04", Summary: "With Quayside Press."},
			{Title: "Young Talent Award", Awarder: "City Council", Date: "2017-05"},
			{Title: "Rookie of the Year", Awarder: "Marlow Foods", Date: "2013"},
		},
	}
}

func TestAwardHome(t *testing.T) {
	x := converse.Compile(awardHomeProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"where an award was won: the employer that gave it, with her roles there",
			[]string{"where did she get the rookie of the year award"}, []string{"Marlow Foods", "Account Manager", "Sales Representative"}, []string{"doesn't say where"}},
		{"there after it: her time at that employer, every role",
			[]string{"where did she get the rookie of the year award", "what did she do there"}, []string{"grocery chains", "independent shops"}, []string{"Quayside"}},
		{"there after an award whose summary names the employer",
			[]string{"when did she win the editors' cup", "what did she do there"}, []string{"Quayside Press", "regional nonfiction"}, []string{"Guild of Editors"}},
		{"there after an award tied to a job only by its date",
			[]string{"tell me about the young talent award", "what did she do there"}, []string{"Quayside Press", "regional nonfiction"}, []string{"City Council"}},
		{"there after a list of awards: the one that says what was done for it",
			[]string{"what awards has she won", "what did she do there"}, []string{"Quayside Press", "regional nonfiction"}, []string{"Marlow"}},
		{"where, by the date only: the job held then, not a claim it was given there",
			[]string{"where did she win the young talent award"}, []string{"doesn't say where", "Quayside Press"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs := ask(x, c.questions...)
			r := rs[len(rs)-1]
			checkText(t, c.questions, r.Text, c.want, c.not)
		})
	}
}

// TestThereAfterAwardsList: "what did she build there" after two awards
// that each say what was built gives each, not the newest alone.
func TestThereAfterAwardsList(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Mei Arai", Label: "Developer"},
		Awards: []profile.Award{
			{Title: "Audience Award", Awarder: "Lisbon Hack Night", Date: "2023-05", Summary: "For a tram-arrival watch face."},
			{Title: "1st place", Awarder: "Hack Osaka", Date: "2018-11", Summary: "Won with a flood-alert bot built in 24 hours."},
		},
	}, profile.Privacy{}, today)
	r := ask(x, "what awards has she won", "what did she build there")
	checkText(t, "there after two awards", r[1].Text, []string{"tram-arrival watch face", "flood-alert bot"}, nil)
}
