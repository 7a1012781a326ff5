package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestGapOfWork: a gap named by what it measures (a gender pay gap, a
// skills gap) is a figure of the work, not time out of work nor the
// person's pay; a plain gap is still a career break.
func TestGapOfWork(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ana Lima", Label: "People analyst"},
		Work: []profile.Work{
			{Name: "Caju", Position: "People Analyst", StartDate: "2021-10",
				Highlights: []string{"Ran a pay-equity audit, closing a 6% gender pay gap in engineering", "Mapped the skills gap in the data team"}},
			{Name: "Varejo", Position: "HR Partner", StartDate: "2016-01", EndDate: "2021-02"},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"a pay gap she closed", []string{"how big was the pay gap she closed"}, []string{"6%"}, []string{"six months", "salary"}},
		{"a gender pay gap", []string{"did she close a gender pay gap"}, []string{"6%"}, []string{"six months", "doesn't mention"}},
		{"a career gap still", []string{"does she have any gaps in her career"}, []string{"February 2021"}, nil},
		{"her pay still personal", []string{"what's her pay"}, []string{"salary"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
