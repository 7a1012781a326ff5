package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestTypoBetweenTwoTechnologiesIsStable: a word one typo away from two of
// the profile's technologies ("pandac": Pandas and Pandoc) must get the same
// reply every time, not whichever the vocabulary's map happens to yield
// first; a typo close to one of them alone still finds it.
func TestTypoBetweenTwoTechnologiesIsStable(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ada Reyes", Label: "Data Engineer"},
		Work:   []profile.Work{{Name: "Northwind", Position: "Data Engineer", StartDate: "2020-01", Summary: "Builds reports with Pandas and converts them with Pandoc."}},
		Skills: []profile.Skill{{Name: "Tools", Keywords: []string{"Pandas", "Pandoc", "Python"}}},
	}, profile.Privacy{}, today)
	first := ask(x, "does she know pandac")[0].Text
	for range 40 {
		if got := ask(x, "does she know pandac")[0].Text; got != first {
			t.Fatalf("the same question got two replies:\n%s\n%s", first, got)
		}
	}
	checkText(t, "pandsa", ask(x, "does she know pandsa")[0].Text, []string{"Pandas"}, nil)
}
