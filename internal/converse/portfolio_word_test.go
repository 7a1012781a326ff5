package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestPortfolioCareer: "portfolio career" is a way of working, not a site
// of work to look at; "her portfolio" alone still is.
func TestPortfolioCareer(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Helen Ward", Label: "Portfolio CFO", Email: "helen@example.com", URL: "https://helen.example.com"},
		Work: []profile.Work{
			{Name: "Fernleaf", Position: "Part-time CFO", StartDate: "2022-03"},
			{Name: "Severn University", Position: "Visiting Lecturer", StartDate: "2019-09"},
			{Name: "Harbour Group", Position: "Finance Director", StartDate: "2012-04", EndDate: "2019-06"},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"before her portfolio career", []string{"what did she do before her portfolio career?"}, []string{"Finance Director"}, []string{"helen@example.com"}},
		{"her portfolio is a site", []string{"where can I see her portfolio?"}, []string{"https://helen.example.com"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
