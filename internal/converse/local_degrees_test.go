package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestLocalDegreesAndChatSpelling: a degree kept in its own language
// (Staatsexamen, Diplom, Laurea) has a rank, so "does she have a PhD" is
// a plain no naming it rather than the whole education list; "b4" is
// "before".
func TestLocalDegreesAndChatSpelling(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Jana Weber", Label: "Data Engineer"},
		Work: []profile.Work{
			{Name: "Flinkwerk", Position: "Data Engineer", StartDate: "2021-04"},
			{Name: "Stadtwerke Halle", Position: "Analyst", StartDate: "2018-09", EndDate: "2021-03"},
		},
		Education: []profile.Education{
			{Institution: "Universität Leipzig", Area: "Mathematics", StudyType: "Staatsexamen", StartDate: "2010-10", EndDate: "2016-06"},
			{Institution: "DataTalks.Club", Area: "Data Engineering", StudyType: "Certificate", StartDate: "2018-01", EndDate: "2018-04"},
		},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"does she have a phd?", []string{"doesn't list a PhD", "highest degree", "Staatsexamen"}, []string{"DataTalks"}},
		{"where did she work b4 flinkwerk", []string{"Stadtwerke Halle"}, nil},
	} {
		rs := ask(x, c.q)
		checkText(t, []string{c.q}, rs[len(rs)-1].Text, c.want, c.not)
	}
}
