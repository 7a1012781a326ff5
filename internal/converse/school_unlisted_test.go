package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestSchoolUnlisted: asked about a school level the profile does not
// list, the reply says so and names what it does list, instead of
// describing the degree as if it were the school; a listed school is
// still given.
func TestSchoolUnlisted(t *testing.T) {
	uni := profile.Education{Institution: "University of Leeds", Area: "Physics", StudyType: "BSc", StartDate: "2019-09", EndDate: "2022-06"}
	college := profile.Education{Institution: "Harrogate Grammar School", Area: "A Levels", StartDate: "2017-09", EndDate: "2019-06"}
	for _, c := range []struct {
		name      string
		edu       []profile.Education
		q         string
		want, not []string
	}{
		{"only a degree", []profile.Education{uni}, "where did she go to high school?", []string{"doesn't list", "high school", "BSc in Physics at University of Leeds"}, []string{"studied Physics at University of Leeds, from"}},
		{"secondary school", []profile.Education{uni}, "did she go to secondary school", []string{"doesn't list", "secondary school"}, nil},
		{"no education at all", nil, "what high school did she attend", []string{"doesn't list", "any other education"}, nil},
		{"a school is listed", []profile.Education{uni, college}, "where did she go to high school?", []string{"Harrogate Grammar School"}, []string{"doesn't list"}},
		{"secondary alone is no school", []profile.Education{uni}, "what are her secondary skills", nil, []string{"high school", "secondary school"}},
	} {
		x := converse.Compile(profile.Resume{
			Basics:    profile.Basics{Name: "Ada Brook", Label: "Analyst"},
			Work:      []profile.Work{{Name: "Northwind", Position: "Analyst", StartDate: "2022-09"}},
			Skills:    []profile.Skill{{Name: "Analysis", Keywords: []string{"SQL"}}},
			Education: c.edu,
		}, profile.Privacy{}, today)
		rs := ask(x, c.q)
		checkText(t, []string{c.name + ": " + c.q}, rs[len(rs)-1].Text, c.want, c.not)
	}
}
