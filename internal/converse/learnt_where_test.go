package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestLearntWhere: "where did she learn X" asks for the studies of X, even
// when a certificate's name holds X too; "learn" is no part of the subject.
func TestLearntWhere(t *testing.T) {
	r := profile.Resume{
		Basics:       profile.Basics{Name: "Ana Lima", Label: "Analyst"},
		Work:         []profile.Work{{Name: "Caju", Position: "Analyst", StartDate: "2021-10"}},
		Education:    []profile.Education{{Institution: "Laboratoria", Area: "Data Analytics", StudyType: "Bootcamp", StartDate: "2021-03", EndDate: "2021-08"}},
		Certificates: []profile.Certificate{{Name: "Google Data Analytics Professional Certificate", Date: "2021-09"}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"learn", []string{"where did she learn data analytics"}, []string{"Laboratoria"}, []string{"doesn't", "learn analytics"}},
		{"learnt", []string{"where has she learnt analytics"}, []string{"Laboratoria"}, []string{"doesn't"}},
		{"study still", []string{"where did she study data analytics"}, []string{"Laboratoria"}, []string{"doesn't"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
