package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestGroupNounWithSortWord: a question asking after a skill group's noun
// with a word for sorts of it ("which crane models", "what kinds of
// cranes", "what rigging tools") is answered with that group's keywords,
// not a search of every sentence holding the noun; asked of one named job,
// it is that job's.
func TestGroupNounWithSortWord(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Kofi Mensah", Label: "Crane Operator"},
		Work: []profile.Work{
			{Name: "Tema Port Services", Position: "Crane Operator", StartDate: "2018-02", Summary: "Operated ship-to-shore cranes on a 24-hour crane roster.",
				Highlights: []string{"Moved 40 boxes an hour on the quay cranes"}},
			{Name: "Volta Lift Hire", Position: "Mobile Crane Operator", StartDate: "2014-01", EndDate: "2018-01", Highlights: []string{"Drove Grove GMK5250L cranes on wind-farm sites"}},
		},
		Skills: []profile.Skill{
			{Name: "Cranes", Keywords: []string{"Liebherr LHM 550", "ZPMC STS", "Grove GMK5250L"}},
			{Name: "Rigging", Keywords: []string{"Slinging", "Load charts"}},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"models after", []string{"which crane models has he worked on?"}, []string{"Liebherr LHM 550", "ZPMC STS"}, []string{"The profile mentions"}},
		{"kinds of", []string{"what kinds of cranes has he operated?"}, []string{"Liebherr LHM 550"}, []string{"The profile mentions"}},
		{"tools", []string{"what rigging tools does he use?"}, []string{"Slinging", "Load charts"}, []string{"Liebherr"}},
		{"of a named job", []string{"which crane models did he drive at volta lift hire?"}, []string{"Volta Lift Hire"}, []string{"ZPMC"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
