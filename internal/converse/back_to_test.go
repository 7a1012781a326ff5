package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestBackToSkill: whether someone would take up a listed skill's work
// again is answered by the summary's sentence about it, not by the skill
// list; a skill the summary says nothing of going back to is still a skill.
func TestBackToSkill(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ana Lima", Label: "People analyst",
			Summary: "Seven years in HR before I retrained as an analyst. Not looking to go back to recruiting."},
		Work:   []profile.Work{{Name: "Caju", Position: "People Analyst", StartDate: "2021-10"}},
		Skills: []profile.Skill{{Name: "People", Keywords: []string{"Recruiting", "Compensation"}}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"go back to", []string{"would she go back to recruiting"}, []string{"Not looking to go back to recruiting"}, []string{"listed as a skill"}},
		{"return to", []string{"is she returning to recruiting"}, []string{"Not looking to go back to recruiting"}, []string{"listed as a skill"}},
		{"again", []string{"would she consider recruiting again"}, []string{"Not looking to go back to recruiting"}, []string{"listed as a skill"}},
		{"a skill still", []string{"does she know recruiting"}, []string{"listed as a skill"}, nil},
		{"no sentence about the skill", []string{"would she go back to compensation"}, []string{"Compensation"}, []string{"Not looking"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
