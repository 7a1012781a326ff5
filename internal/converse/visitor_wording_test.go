package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// visitorWordingProfile is a made-up cabinetmaker: what he would not take
// only in the summary, and projects listed newest first.
func visitorWordingProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ola Berg", Label: "Cabinetmaker", Email: "ola@example.org",
			Summary:  "Cabinetmaker in Trondheim. Not interested in site work.",
			Location: profile.Location{City: "Trondheim", CountryCode: "NO"}},
		Work: []profile.Work{
			{Name: "Berg Snekkeri", Position: "Owner", StartDate: "2019-04", Summary: "A two-person furniture workshop."},
			{Name: "Fjord Interiør", Position: "Joiner", StartDate: "2012-01", EndDate: "2019-03"},
		},
		Projects: []profile.Project{
			{Name: "Pine Shelf", Description: "Wall shelving for a library.", StartDate: "2023-02"},
			{Name: "Order Site", Description: "The workshop's order page.", StartDate: "2022-01", Keywords: []string{"Python", "Django"}},
			{Name: "Birch Desk", Description: "A standing desk.", StartDate: "2021-05"},
			{Name: "Oak Bench", Description: "A bench for a church.", StartDate: "2018-09"},
		},
		Interests: []profile.Interest{{Name: "Sailing"}, {Name: "Chess"}},
	}
}

// TestVisitorWording: a visitor's own wording of questions the engine
// answers in the usual one (h-eng28).
func TestVisitorWording(t *testing.T) {
	x := converse.Compile(visitorWordingProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		// a hedge between the cue's words ("what does he do")
		{"actually", []string{"so what does ola actually do"}, []string{"Cabinetmaker"}, []string{"doesn't say"}},
		{"really", []string{"what does he really do"}, []string{"Cabinetmaker"}, []string{"doesn't say"}},
		{"basically", []string{"what is he basically"}, []string{"Cabinetmaker"}, []string{"doesn't say"}},
		// work he would take: what the summary says he would not
		{"would he take a job", []string{"would he take a site job"}, []string{"Not interested in site work"}, nil},
		{"would he take a job the profile never names", []string{"would he take a sales job"}, []string{"Not interested in site work"}, []string{"doesn't list"}},
		{"would he accept a role", []string{"would he accept a role on a building site"}, []string{"Not interested in site work"}, nil},
		{"is he looking", []string{"is he looking for work"}, []string{"Not interested in site work"}, nil},
		// the first of the projects, in time, not in the list's order
		{"did he do first", []string{"which project did he do first?"}, []string{"Oak Bench"}, []string{"Pine Shelf"}},
		{"came first", []string{"which project came first"}, []string{"Oak Bench"}, []string{"Pine Shelf"}},
		{"came first, after a list", []string{"what projects has he made", "which came first?"}, []string{"Oak Bench"}, []string{"Pine Shelf"}},
		// what the project in focus is made in, not the languages he speaks
		{"what language is that in", []string{"tell me about the order site", "what language is that in"}, []string{"Python"}, []string{"languages he speaks", "doesn't"}},
		// the rest of a list after one of it was named
		{"anything else after a hobby", []string{"does he sail", "anything else?"}, []string{"Chess"}, []string{"Cabinetmaker in Trondheim"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(x, c.questions...)
			checkText(t, c.questions, r[len(r)-1].Text, c.want, c.not)
		})
	}
}

// TestVisitorAdviceDeclined: advice on a thing for some use, on the
// visitor's health or on a rule is no question about the person, though
// the profile shares a word of it.
func TestVisitorAdviceDeclined(t *testing.T) {
	x := converse.Compile(visitorWordingProfile(), profile.Privacy{}, today)
	for _, q := range []string{"what's a good chisel for oak", "whats the best varnish for a bench",
		// the visitor's own health, and the rules of the road, whatever
		// word the profile shares ("it", "vans")
		"my back really hurts, what should i take for it", "whats the speed limit for vans in norway"} {
		if r := ask(x, q); !r[0].Refused {
			t.Errorf("%q: want a refusal, got %q", q, r[0].Text)
		}
	}
	// a good one of his own is a question about him
	if r := ask(x, "what's a good project of his for a church"); r[0].Refused {
		t.Errorf("a project of his: refused %q", r[0].Text)
	}
}

// TestBotIsAThing: "the bot" of a question is a project of the person's;
// only "are you a bot" asks what the assistant is.
func TestBotIsAThing(t *testing.T) {
	r := visitorWordingProfile()
	r.Projects = append(r.Projects, profile.Project{Name: "Timber Bot", Description: "Tracks timber stock over Telegram.", StartDate: "2024-03"})
	x := converse.Compile(r, profile.Privacy{}, today)
	if got := ask(x, "what does the bot do")[0]; got.Intent == "help" || !containsFold(got.Text, "Telegram") {
		t.Errorf("the bot: got [%s] %q", got.Intent, got.Text)
	}
	for _, q := range []string{"are you a bot", "am i talking to a bot", "is this a bot?"} {
		if got := ask(x, q)[0]; got.Intent != "help" {
			t.Errorf("%q: got [%s] %q, want help", q, got.Intent, got.Text)
		}
	}
}

// TestKindWordNamesEmployer: "the library" of a question is the employer
// whose name holds it; "libraries" still asks for a kind of technology.
func TestKindWordNamesEmployer(t *testing.T) {
	r := visitorWordingProfile()
	r.Work = append(r.Work, profile.Work{Name: "Nidaros Public Library", Position: "Workshop Technician", StartDate: "2008-01", EndDate: "2011-12",
		Highlights: []string{"Ran a team of 4 in the maker space"}})
	r.Skills = []profile.Skill{{Name: "Software", Keywords: []string{"React", "Django"}}}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		q         string
		want, not []string
	}{
		{"how big was his team at the library", []string{"team of 4"}, []string{"frameworks"}},
		{"what did he do at the library", []string{"Nidaros Public Library"}, []string{"frameworks"}},
		{"which libraries does he use", []string{"React"}, []string{"Nidaros"}},
	}
	for _, c := range cases {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
}

// TestHisShopIsTheCurrentOne: "his shop" is the current job whose words
// call it a shop, not a past job found by "Shop" in its title.
func TestHisShopIsTheCurrentOne(t *testing.T) {
	r := visitorWordingProfile()
	r.Work[0].Location, r.Work[0].Summary = "Stjørdal", "A two-person furniture shop."
	r.Work = append(r.Work, profile.Work{Name: "Fjellet Jernvare", Position: "Shop Assistant", Location: "Oslo", StartDate: "2009-01", EndDate: "2011-12"})
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		questions []string
		want, not []string
	}{
		{[]string{"wheres his shop"}, []string{"Stjørdal"}, []string{"Oslo"}},
		{[]string{"tell me about his shop", "when was that?"}, []string{"2019"}, []string{"2009"}},
		// the past job named otherwise is still that job
		{[]string{"where was his job at fjellet jernvare"}, []string{"Oslo"}, nil},
	}
	for _, c := range cases {
		r := ask(x, c.questions...)
		checkText(t, c.questions, r[len(r)-1].Text, c.want, c.not)
	}
}

// TestWhatHeWorksWith: "what does he cut with" asks for his tools, not
// for sentences holding the verb; "what clients does he work with" does not.
func TestWhatHeWorksWith(t *testing.T) {
	r := visitorWordingProfile()
	r.Work[0].Highlights = []string{"Cut every joint by hand for the first two years"}
	r.Skills = []profile.Skill{{Name: "Tools", Keywords: []string{"Festool Domino", "Japanese pull saws"}}}
	x := converse.Compile(r, profile.Privacy{}, today)
	for _, q := range []string{"what does he cut with", "what gear does he cut with"} {
		checkText(t, q, ask(x, q)[0].Text, []string{"Festool Domino"}, []string{"every joint"})
	}
	if got := ask(x, "what clients does he work with")[0].Text; containsFold(got, "Festool") {
		t.Errorf("clients: got his tools %q", got)
	}
}
