package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestPhilosophyAsked: "what's his coaching philosophy" quotes the
// profile's sentences of belief, or says plainly that it states none; it is
// no list of the entries that share the word "coaching".
func TestPhilosophyAsked(t *testing.T) {
	work := []profile.Work{
		{Name: "Westview Secondary School", Position: "Head Coach, Track and Field", StartDate: "2020-09", Summary: "Coaches a squad of 45 athletes."},
		{Name: "Special Olympics Ontario", Position: "Volunteer Sprint Coach", StartDate: "2017-01", EndDate: "2020-06"},
	}
	plain := converse.Compile(profile.Resume{Basics: profile.Basics{Name: "Jerome Blake", Label: "Coach"}, Work: work}, profile.Privacy{}, today)
	for _, q := range []string{"what's his coaching philosophy", "what is his approach to training athletes", "what are his values"} {
		checkText(t, q, ask(plain, q)[0].Text, []string{"doesn't state"}, []string{"Volunteer Sprint Coach"})
	}
	said := converse.Compile(profile.Resume{Basics: profile.Basics{Name: "Jerome Blake", Label: "Coach",
		Summary: "I believe young sprinters should learn to love training before they learn to race."}, Work: work}, profile.Privacy{}, today)
	checkText(t, "philosophy, stated", ask(said, "what's his coaching philosophy")[0].Text, []string{"love training"}, []string{"doesn't state"})
}
