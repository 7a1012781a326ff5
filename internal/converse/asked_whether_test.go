package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestAskedWhether: a polite wrapper ("I'd love to know whether", "could
// you tell me if") is no technology question about "whether"; the clause
// after it is the question.
func TestAskedWhether(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Mei Tan", Label: "Frontend developer"},
		Work: []profile.Work{{Name: "Lumen", Position: "Senior Frontend Engineer", StartDate: "2021-01",
			Highlights: []string{"Mentors 3 junior developers"}}},
		Skills:    []profile.Skill{{Name: "Frontend", Keywords: []string{"React", "TypeScript"}}},
		Languages: []profile.Language{{Language: "German", Fluency: "B2"}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"love to know whether", []string{"I'd love to know whether she has mentored anyone"}, []string{"Mentors 3 junior developers"}, []string{"Whether"}},
		{"after a technology turn", []string{"does she know react", "I'd love to know whether she has mentored anyone"}, []string{"Mentors 3 junior developers"}, []string{"Whether"}},
		{"tell me if", []string{"could you tell me if she knows typescript"}, []string{"TypeScript"}, []string{"doesn't", "If"}},
		{"whether and a language", []string{"I'd like to know whether she speaks german"}, []string{"B2"}, []string{"Whether"}},
		{"if as a condition stays", []string{"what if she knows react"}, nil, []string{"Whether"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
