package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestInterestAskedWithAnObject: an activity verb's family answers a
// question with no object ("what does she play": board games), but a
// named object the interest does not name is no match: "does she play
// chess" is not answered yes by board games.
func TestInterestAskedWithAnObject(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics:    profile.Basics{Name: "Ilse Varga", Label: "Data Engineer"},
		Work:      []profile.Work{{Name: "Northwind", Position: "Data Engineer", StartDate: "2019-01"}},
		Interests: []profile.Interest{{Name: "Board games", Keywords: []string{"Go", "Carcassonne"}}, {Name: "Piano"}, {Name: "Literature"}},
	}, profile.Privacy{}, today)
	cases := []struct {
		q         string
		want, not []string
	}{
		{"does she play chess?", []string{"doesn't mention chess", "Board games"}, []string{"Yes", "play chess"}},
		{"does she play tennis?", []string{"doesn't mention tennis"}, []string{"Yes"}},
		{"what does she play?", []string{"Board games"}, []string{"doesn't mention"}},
		{"does she play go?", []string{"Yes", "Board games"}, nil},
		{"does she play games?", []string{"Yes", "Board games"}, nil},
		{"does she play an instrument?", []string{"Yes", "Piano"}, nil},
		{"does she read?", []string{"Yes", "Literature"}, nil},
	}
	for _, c := range cases {
		rs := ask(x, c.q)
		checkText(t, []string{c.q}, rs[len(rs)-1].Text, c.want, c.not)
	}
}
