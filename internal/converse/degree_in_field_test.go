package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestDegreeInField: "does he have a degree in X" / "did she study X" is
// answered yes or no against each study's field (its initials too, and
// its courses), naming what was studied, rather than describing the one
// study listed without the answer.
func TestDegreeInField(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Omar Haddad", Label: "Developer"},
		Work:   []profile.Work{{Name: "Kestrel", Position: "Developer", StartDate: "2016-01"}},
		Education: []profile.Education{{Institution: "University of Leeds", Area: "Information Technology", StudyType: "BSc",
			StartDate: "2012-09", EndDate: "2015-06", Courses: []string{"Typography and Layout"}}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"does he have a degree in computer science?", []string{"doesn't list studies in computer science", "BSc in Information Technology at University of Leeds"}, []string{"Yes"}},
		{"does he have a degree in information technology?", []string{"Yes", "BSc in Information Technology"}, []string{"doesn't"}},
		{"did he major in IT?", []string{"Yes", "Information Technology"}, []string{"doesn't"}},
		{"did he study typography?", []string{"Yes", "Typography and Layout"}, nil},
		{"did he study law at leeds?", []string{"doesn't list studies in law"}, []string{"Yes"}},
		{"did he study in the UK?", []string{"University of Leeds"}, []string{"studies in the"}},
		{"did he study abroad?", nil, []string{"studies in abroad"}},
		{"did he study hard?", nil, []string{"studies in hard"}},
		{"did he study there?", nil, []string{"studies in there"}},
	} {
		rs := ask(x, c.q)
		checkText(t, []string{c.q}, rs[len(rs)-1].Text, c.want, c.not)
	}
}
