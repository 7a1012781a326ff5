package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestJoinedWhen: "when did she join X" with several entries at X (a
// renamed organisation, promotions) is the earliest start, the later
// entries named after it, not every entry's dates as equals.
func TestJoinedWhen(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Maren Holt", Label: "Director of Nursing"},
		Work: []profile.Work{
			{Name: "Northgate Health Trust", Position: "Director of Nursing", StartDate: "2021-04"},
			{Name: "Northgate Hospitals Trust", Position: "Ward Manager", StartDate: "2012-06", EndDate: "2021-03"},
			{Name: "Riverside Clinic", Position: "Staff Nurse", StartDate: "2008-09", EndDate: "2012-05"},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"renamed", []string{"when did she join northgate?"}, []string{"joined Northgate Hospitals Trust in June 2012", "Later: Director of Nursing"}, nil},
		{"start at", []string{"what year did she start at northgate?"}, []string{"started at Northgate Hospitals Trust in June 2012"}, nil},
		{"one entry", []string{"when did she join riverside clinic?"}, []string{"2008"}, []string{"Later:"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
