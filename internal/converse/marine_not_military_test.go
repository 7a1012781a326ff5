package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestMarineIsNoService: "marine" alone in an employer's name (a marine
// institute, marine biology, a marine engineering firm) is no military
// service; "the Marines" and "Marine Corps" still are.
func TestMarineIsNoService(t *testing.T) {
	withJob := func(employer, position string) *converse.Index {
		r := mustLoad(t, "sample")
		r.Work = append(r.Work, profile.Work{Name: employer, Position: position, StartDate: "2005-01", EndDate: "2009-06"})
		return converse.Compile(r, profile.Privacy{}, today)
	}
	for _, c := range []struct {
		employer, position string
		want, not          []string
	}{
		{"Nova Scotia Marine Institute", "Instructor", nil, []string{"military service in the profile"}},
		{"Pacific Marine Biology Lab", "Research Assistant", nil, []string{"military service in the profile"}},
		{"Harland Marine Engineering", "Marine Engineer", nil, []string{"military service in the profile"}},
		{"U.S. Marine Corps", "Sergeant", []string{"military service", "U.S. Marine Corps"}, nil},
		{"Royal Marines", "Commando", []string{"military service", "Royal Marines"}, nil},
	} {
		checkText(t, c.employer, ask(withJob(c.employer, c.position), "was he in the military")[0].Text, c.want, c.not)
	}
	checkText(t, "mariner", ask(mustIndex(t, "mariner"), "was he in the military")[0].Text, nil, []string{"Marine Institute"})
}
