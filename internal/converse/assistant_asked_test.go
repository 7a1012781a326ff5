package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestAboutTheAssistant: "who made you" and "are you a bot" are about the
// assistant (they were answered "The profile doesn't list any projects"),
// while "who made her ..." stays about the person.
func TestAboutTheAssistant(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Mina Cho", Label: "Designer"},
		Work:   []profile.Work{{Name: "Fold Studio", Position: "Designer", StartDate: "2020-01"}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"who made you?", []string{"automated assistant", "Mina's profile"}, []string{"projects"}},
		{"who built you", []string{"automated assistant"}, nil},
		{"are you a bot?", []string{"automated assistant"}, nil},
		{"are you human?", []string{"automated assistant"}, nil},
		{"are you a bot or a human?", []string{"automated assistant"}, nil},
		{"who made her a designer?", nil, []string{"automated assistant"}},
		{"are you an AI engineer?", nil, []string{"automated assistant"}},
		{"are you a human resources manager?", nil, []string{"automated assistant"}},
	} {
		rs := ask(x, c.q)
		checkText(t, []string{c.q}, rs[len(rs)-1].Text, c.want, c.not)
	}
}
