package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestHowLongBeenDoing: "how long has she been teaching" ("coding",
// "nursing") asks for the time in the roles of that kind, also right after
// a turn about another job, and not for the whole career.
func TestHowLongBeenDoing(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Kim Lee", Label: "Frontend developer"},
		Work: []profile.Work{
			{Name: "Lumen", Position: "Senior Frontend Developer", StartDate: "2020-04"},
			{Name: "City College", Position: "Part-time Lecturer", StartDate: "2021-09"},
			{Name: "Kumo", Position: "Junior Developer", StartDate: "2017-10", EndDate: "2020-03"},
			{Name: "Hoshino", Position: "Technical Translator", StartDate: "2012-01", EndDate: "2017-06"},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"teaching after another job", []string{"what was her first job?", "how long has she been teaching?"}, []string{"City College"}, []string{"Hoshino"}},
		{"coding is the developer roles", []string{"how long has she been coding"}, []string{"Kumo", "Lumen"}, []string{"Hoshino", "2012"}},
		{"how many years programming", []string{"how many years has she been programming"}, []string{"Kumo"}, []string{"Hoshino"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
