package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestClaimsAndEvents: a claim put for confirmation names first what the
// profile doesn't say; an event taken for granted (fired, sold, quit) is
// not mentioned, then what the profile lists; a salesman's "sell" is his
// trade, not an event.
func TestClaimsAndEvents(t *testing.T) {
	p := premiseProfile()
	p.Basics.Summary += " About 40 bridges designed, 12 of them over rail lines."
	p.Work = append(p.Work, profile.Work{Name: "Brobyggarna", Position: "Owner", StartDate: "2024-01", Summary: "My own design office."})
	x := converse.Compile(p, profile.Privacy{}, today)
	cases := []struct {
		question  string
		want, not []string
	}{
		{"he's certified for eurocode 9, right?", []string{"doesn't mention Eurocode 9"}, []string{"Yes"}},
		{"confirm he designed 300 bridges", []string{"doesn't say 300 bridges"}, []string{"Yes"}},
		{"he designed 40 bridges, right?", nil, []string{"doesn't say 40"}},
		{"his bridges are terrible, aren't they", []string{"doesn't say that"}, []string{"Yes"}},
		{"was he fired from norrström konsult?", []string{"doesn't mention Oskar being fired", "Junior Engineer at Norrström Konsult"}, []string{"Yes", "doesn't say why"}},
		{"why did oskar sell brobyggarna", []string{"doesn't mention Oskar selling it", "Owner at Brobyggarna"}, []string{"doesn't say why"}},
		{"why did he quit the teknikerförbundet", []string{"doesn't mention Oskar quitting", "Member of the Teknikerförbundet union"}, []string{"doesn't say why"}},
		{"what does brobyggarna sell", nil, []string{"selling it"}},
	}
	for _, c := range cases {
		checkText(t, c.question, ask(x, c.question)[0].Text, c.want, c.not)
	}
}
