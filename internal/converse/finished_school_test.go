package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestFinishedSchool: "did he finish high school" asks about the past, not
// about current studies; "when will she finish" still does.
func TestFinishedSchool(t *testing.T) {
	done := converse.Compile(profile.Resume{
		Basics:    profile.Basics{Name: "Ted Nowak"},
		Education: []profile.Education{{Institution: "Harding Senior High School", StudyType: "High School Diploma", EndDate: "2005"}},
	}, profile.Privacy{}, today)
	studying := converse.Compile(profile.Resume{
		Basics:    profile.Basics{Name: "Leila Haddad"},
		Education: []profile.Education{{Institution: "Université de Montréal", StudyType: "PhD", Area: "Computer Science", StartDate: "2023-09", EndDate: "2027-06"}},
	}, profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
	}{
		{"did he finish", done, []string{"did he finish high school"}, []string{"High School Diploma", "Harding Senior High School"}, []string{"current studies"}},
		{"when will she finish", studying, []string{"when will she finish her phd"}, []string{"2027"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, c.x, c.questions, c.want, c.not) })
	}
}
