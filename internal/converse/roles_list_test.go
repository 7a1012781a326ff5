package converse_test

import (
	"strconv"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestRoleTenureNamesWhatItCounts: a total over the roles of a kind names
// every role it adds up, four in full, or three and how many more.
func TestRoleTenureNamesWhatItCounts(t *testing.T) {
	nurses := func(n int) *converse.Index {
		var work []profile.Work
		for i := range n {
			y := 2024 - 3*i
			work = append(work, profile.Work{Name: []string{"Harbor", "Mercy", "St Anne", "Lakeside", "Valley"}[i], Position: "Staff Nurse",
				StartDate: strconv.Itoa(y - 2), EndDate: strconv.Itoa(y)})
		}
		return converse.Compile(profile.Resume{Basics: profile.Basics{Name: "Ana Ruiz", Label: "Nurse"}, Work: work}, profile.Privacy{}, today)
	}
	four := ask(nurses(4), "how long was she a nurse")[0].Text
	checkText(t, "four nurse jobs", four, []string{"Harbor", "Mercy", "St Anne", "Lakeside"}, []string{"more"})
	five := ask(nurses(5), "how long was she a nurse")[0].Text
	checkText(t, "five nurse jobs", five, []string{"Harbor", "Mercy", "St Anne", "2 more"}, []string{"Valley"})
}
