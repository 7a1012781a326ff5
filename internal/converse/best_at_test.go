package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestBestAt: "what is she best at" / "what does he excel at" ask for the
// skills (the summary was given), and "excel" before "at" or "in" is the
// verb, not Microsoft Excel, which "does she know excel" still asks.
func TestBestAt(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Lena Ruiz", Label: "Analyst", Summary: "Analyst in retail banking."},
		Work:   []profile.Work{{Name: "Brightbank", Position: "Analyst", StartDate: "2019-01"}},
		Skills: []profile.Skill{{Name: "Modelling", Level: "Expert", Keywords: []string{"Python", "pandas"}}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"what is she best at?", []string{"Modelling", "Python"}, []string{"retail banking"}},
		{"what does she excel at?", []string{"Modelling"}, []string{"Excel"}},
		{"what does she excel in?", []string{"Modelling"}, []string{"Excel"}},
		{"does she know excel?", []string{"doesn't mention Microsoft Excel"}, nil},
	} {
		rs := ask(x, c.q)
		checkText(t, []string{c.q}, rs[len(rs)-1].Text, c.want, c.not)
	}
}
