package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestStillThere: "is he still at X" is a yes or a no about the jobs at X,
// with their dates, and after a no the current roles; an award X gave and
// a question about the past don't make it one.
func TestStillThere(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Tariq Haddad", Label: "Gameplay Programmer"},
		Work: []profile.Work{
			{Name: "Lantern Fox Games", Position: "Technical Director", StartDate: "2022-02"},
			{Name: "Ubisoft Montréal", Position: "Senior Gameplay Programmer", StartDate: "2018-01", EndDate: "2019-08"},
			{Name: "Ubisoft Montréal", Position: "Gameplay Programmer", StartDate: "2016-03", EndDate: "2017-12"},
		},
		Awards: []profile.Award{{Title: "Best Student Game", Awarder: "Ubisoft", Date: "2015"}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"ended", []string{"is he still at ubisoft"}, []string{"No: Tariq was at Ubisoft Montréal from March 2016 to August 2019, last as Senior Gameplay Programmer", "Now: Technical Director at Lantern Fox Games"}, []string{"entries that match", "Best Student Game"}},
		{"anymore", []string{"does he work at ubisoft anymore"}, []string{"No: Tariq was at Ubisoft Montréal"}, nil},
		{"goes on", []string{"is he still with lantern fox"}, []string{"Yes: Tariq is still at Lantern Fox Games, as Technical Director (since February 2022)"}, nil},
		{"the past", []string{"was he shipping games while still at ubisoft"}, nil, []string{"No: Tariq was at"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
