package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestForeignLeave: parental leave said in German in the summary
// ("Elternzeit") answers "did he take parental leave"; a French work entry
// "Congé parental" is a career break, not a job.
func TestForeignLeave(t *testing.T) {
	de := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Jonas Hart", Summary: "Data Engineer. Von März 2021 bis Februar 2022 war ich in Elternzeit."},
		Work: []profile.Work{
			{Name: "Nordhafen", Position: "Data Engineer", StartDate: "2022-03"},
			{Name: "Elbe AG", Position: "Softwareentwickler", StartDate: "2018-10", EndDate: "2021-02"},
		},
	}, profile.Privacy{}, today)
	fr := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Camille Roux"},
		Work: []profile.Work{
			{Name: "Mobiliz", Position: "Développeuse", StartDate: "2022-03"},
			{Name: "Congé parental", StartDate: "2021-01", EndDate: "2022-02"},
			{Name: "Banque", Position: "Développeuse", StartDate: "2018-01", EndDate: "2020-12"},
		},
	}, profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		q         string
		want, not []string
	}{
		{"elternzeit", de, "did he take parental leave", []string{"Elternzeit"}, []string{"doesn't say"}},
		{"paternity", de, "was he on paternity leave", []string{"Elternzeit"}, []string{"doesn't say"}},
		{"congé parental", fr, "how many jobs has she had", []string{"2 roles"}, []string{"3 roles"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, c.x, []string{c.q}, c.want, c.not) })
	}
}
