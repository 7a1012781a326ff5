package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestContactChannelAlone: a question for one way of reaching the person
// gets that one; a question for several, for contact in general, for one
// the profile lacks, or for a service ("hire her for a website") does not.
func TestContactChannelAlone(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Rina Okafor", Label: "Web Developer", Email: "rina@example.dev", URL: "https://rina.example.dev",
			Profiles: []profile.SocialProfile{
				{Network: "GitHub", URL: "https://github.com/rinao"},
				{Network: "LinkedIn", URL: "https://www.linkedin.com/in/rinao"},
			}},
		Work: []profile.Work{{Name: "Studio Nine", Position: "Web Developer", StartDate: "2019-01"}},
	}, profile.Privacy{}, today)
	cases := []struct {
		question  string
		want, not []string
	}{
		{"whats her github", []string{"github.com/rinao"}, []string{"rina@example.dev", "linkedin.com"}},
		{"is she on linkedin?", []string{"linkedin.com/in/rinao"}, []string{"rina@example.dev", "github.com"}},
		{"what's her email address", []string{"rina@example.dev"}, []string{"github.com", "rina.example.dev"}},
		{"does she have a website", []string{"https://rina.example.dev"}, []string{"rina@example.dev", "github.com"}},
		{"how can I contact her", []string{"rina@example.dev", "github.com/rinao", "linkedin.com/in/rinao"}, nil},
		{"github or linkedin?", []string{"github.com/rinao", "linkedin.com/in/rinao"}, nil},
		{"is she on twitter", []string{"doesn't list", "Twitter", "rina@example.dev"}, nil},
		{"can I hire her for a website", nil, []string{"website is"}},
	}
	for _, c := range cases {
		t.Run(c.question, func(t *testing.T) {
			checkText(t, c.question, ask(x, c.question)[0].Text, c.want, c.not)
		})
	}
}
