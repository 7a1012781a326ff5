package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestRoutesAsked: "routes" are what a crew member's flights and a
// driver's lanes are written as, so the sentence that lists them answers.
func TestRoutesAsked(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Maeve Byrne", Label: "Transport professional"},
		Work: []profile.Work{
			{Name: "Emerald Air", Position: "Purser", StartDate: "2015", EndDate: "2020",
				Highlights: []string{"Long-haul flights from Dublin to Boston and Chicago", "Led cabin teams of 9 crew"}},
			{Name: "Redline Freight", Position: "Driver", StartDate: "2020",
				Highlights: []string{"Dry-van loads on Midwest and Southwest lanes", "Trained 12 new drivers"}},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"which routes did she fly", []string{"Boston", "Chicago"}, []string{"doesn't"}},
		{"what routes does she drive now", []string{"Midwest"}, []string{"doesn't"}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
}

// TestTeamAsked: a team is written as the people hired, when no sentence
// says "team".
func TestTeamAsked(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Bea Tanaka", Label: "Streamer"},
		Work: []profile.Work{{Name: "Tanaka Media", Position: "Founder", StartDate: "2019",
			Highlights: []string{"Hired two part-time video editors and a business manager", "Grew the channel to 1.2 million followers"}}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"does she have a team", []string{"video editors"}, []string{"doesn't say"}},
		{"how big is her team", []string{"video editors"}, []string{"followers"}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
}
