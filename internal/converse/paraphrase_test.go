package converse_test

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// paraphraseProfile is a made-up baker turned café owner: her own café
// now, bakeries before it (one abroad), a law degree she left behind, sums
// in sentences of two sections, a hobby verb and a long skill-group name.
func paraphraseProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Mira Olsen", Label: "Baker", Email: "mira@example.org",
			Summary:  "Baker since 2009. Looking for a partner to open a second café.",
			Location: profile.Location{City: "Bergen", CountryCode: "NO"},
			Profiles: []profile.SocialProfile{{Network: "Instagram", Username: "mira.bakes", URL: "https://www.instagram.com/mira.bakes"}}},
		Work: []profile.Work{
			{Name: "Olsen & Datter", Position: "Owner", Location: "Bergen, Norway", StartDate: "2019-04",
				Summary: "A sourdough café of 20 seats.", Highlights: []string{"Won a $15,000 grant from the city"}},
			{Name: "Brød Bakeri", Position: "Head Baker", Location: "Oslo, Norway", StartDate: "2013-01", EndDate: "2019-03",
				Summary: "A neighbourhood café and bakery.", Highlights: []string{"Negotiated flour contracts with three mills", "Won a $5,000 claim against a supplier"}},
			{Name: "Law Street Bakery", Position: "Baker", Location: "Nairobi, Kenya", StartDate: "2009-06", EndDate: "2012-12",
				Highlights: []string{"Negotiated a lease for a second oven", "Settled a $40,000 insurance claim after a fire"}},
		},
		Education: []profile.Education{{Institution: "University of Oslo Law School", Area: "Law", StudyType: "Bachelor",
			StartDate: "2006-08", EndDate: "2009-05", Courses: []string{"Contract Law", "Food Chemistry"}}},
		Awards: []profile.Award{{Title: "Baker of the Year", Awarder: "Norsk Bakeriforbund", Date: "2022"},
			{Title: "Stamp Design Prize", Awarder: "Posten Norge", Date: "2017"}},
		Publications: []profile.Publication{{Name: "Slow Bread", Publisher: "Cappelen", ReleaseDate: "2021", Summary: "A book of sourdough recipes."}},
		Skills: []profile.Skill{{Name: "Baking", Keywords: []string{"Sourdough", "Lamination"}},
			{Name: "Kitchen planning and tools", Keywords: []string{"Deck ovens", "Proofing cabinets"}},
			{Name: "Music", Keywords: []string{"Cello", "Piano"}}},
		Interests: []profile.Interest{{Name: "Stamp collecting", Keywords: []string{"Nordic stamps"}}},
	}
}

// TestParaphrases: facts asked in wordings other than the usual ones.
func TestParaphrases(t *testing.T) {
	x := converse.Compile(paraphraseProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"two questions in one", []string{"where does she live and who does she work for"}, []string{"Bergen", "Olsen & Datter"}, nil},
		{"two questions, a contracted second", []string{"what is her email and where's she based"}, []string{"mira@example.org", "Bergen"}, nil},
		{"two questions, a bare first", []string{"whats her email and where is she based"}, []string{"mira@example.org", "Bergen"}, nil},
		{"an employer's name with and is one question", []string{"how long did she work at Olsen and Datter"}, []string{"Olsen & Datter"}, []string{"Bergen, Norway."}},
		{"employer", []string{"who is her employer"}, []string{"Olsen & Datter"}, []string{"Baker since 2009"}},
		{"what she is after", []string{"what is she after"}, []string{"Looking for a partner"}, []string{"based in Bergen"}},
		{"modules", []string{"which modules did she take"}, []string{"Contract Law", "Food Chemistry"}, nil},
		{"instruments", []string{"what instruments does she play"}, []string{"Cello"}, nil},
		{"put out", []string{"what has she put out"}, []string{"Slow Bread"}, nil},
		{"insta", []string{"whats her insta"}, []string{"mira.bakes"}, nil},
		{"a role after an award is her career", []string{"tell me about the stamp design prize", "how long has she been a chef"}, []string{"2009"}, []string{"doesn't give dates"}},
		{"the biggest of a noun", []string{"what is her biggest claim"}, []string{"$40,000"}, []string{"$15,000", "$5,000"}},
		{"a kind of employer is no name", []string{"which law firm is she with"}, []string{"Olsen & Datter"}, []string{"Law School"}},
		{"her business by what it is", []string{"where is her café"}, []string{"Olsen & Datter", "Bergen"}, []string{"Oslo"}},
		{"a hobby by its verb", []string{"what stamps does she collect"}, []string{"Nordic stamps"}, []string{"Stamp Design Prize"}},
		{"a skill group by its last words", []string{"which planning tools does she use"}, []string{"Deck ovens"}, []string{"Sourdough"}},
		{"what she did in a place, by the verb", []string{"what did she negotiate in kenya"}, []string{"a lease for a second oven"}, []string{"flour contracts"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}

// TestTwoQuestionsOneTurn: a joined question counts as one turn and keeps
// the second part's context for a follow-up.
func TestTwoQuestionsOneTurn(t *testing.T) {
	x := converse.Compile(paraphraseProfile(), profile.Privacy{}, today)
	st := converse.State{Turn: 4}
	r, next := x.Turn(st, "where is she based and where did she work before", today)
	if next.Turn != st.Turn+1 {
		t.Errorf("turn %d -> %d, want one turn", st.Turn, next.Turn)
	}
	if len(r.Citations) == 0 {
		t.Errorf("no citations: %+v", r)
	}
	if _, _, c := x.TurnCanned(st, "where does she live and who does she work for", today); c != nil {
		t.Error("a joined question was kept as canned; its second part leans on the first")
	}
}

// TestNounPairs: two things of the person asked with one verb are both
// answered, and a sentence both answers give is said once.
func TestNounPairs(t *testing.T) {
	x := converse.Compile(paraphraseProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		q         string
		want, not []string
	}{
		{"name and e-mail", "what is her name and email", []string{"Mira Olsen", "mira@example.org"}, nil},
		{"e-mail and a social account", "what's her email and instagram", []string{"mira@example.org", "mira.bakes"}, nil},
		{"skills and interests", "what are her skills and interests", []string{"Sourdough", "Stamp collecting"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, []string{c.q}, c.want, c.not) })
	}
	r, _ := x.Turn(converse.State{}, "what's her phone number and address", today)
	if !r.Refused || strings.Count(r.Text, "mira@example.org") != 1 || !strings.Contains(r.Text, "phone") || !strings.Contains(r.Text, "address") {
		t.Errorf("phone and address: want both refused and the e-mail offered once, got %q (refused %v)", r.Text, r.Refused)
	}
}
