package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestAmpersandKeywords: a keyword written with "&" ("M&A", "R&D") is
// found whether the visitor writes it so or spells it out, since the
// question's "M&A" is read as "mergers and acquisitions".
func TestAmpersandKeywords(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Helen Ward", Label: "CFO"},
		Work:   []profile.Work{{Name: "Fernleaf", Position: "CFO", StartDate: "2022-03"}},
		Skills: []profile.Skill{{Name: "Finance", Keywords: []string{"M&A", "R&D tax credits", "Audit"}}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"m&a", []string{"has she done M&A?"}, []string{"M&A", "listed as a skill"}, []string{"doesn't"}},
		{"lower case", []string{"does she know m&a"}, []string{"M&A"}, []string{"doesn't"}},
		{"spelt out", []string{"has she done mergers and acquisitions"}, []string{"M&A"}, []string{"doesn't"}},
		{"r&d in a longer keyword", []string{"does she know R&D tax credits"}, []string{"R&D tax credits"}, []string{"doesn't"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
