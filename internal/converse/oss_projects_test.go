package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestOpenSourceByLinkOrRole: projects the profile does not call open
// source still count when linked to a public code repository or held in an
// open-source role; a project with neither is left out.
func TestOpenSourceByLinkOrRole(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ida Brandt", Label: "Developer Advocate"},
		Work:   []profile.Work{{Name: "Quillnet", Position: "Developer Advocate", StartDate: "2021-01", Summary: "Advocate for an open-source message queue."}},
		Projects: []profile.Project{
			{Name: "quill-rs", Description: "A Rust client with 2,000 stars.", URL: "https://github.com/ida/quill-rs", Roles: []string{"Creator"}},
			{Name: "Apache Pulsar", Description: "Fixes to the Java client.", Roles: []string{"Core contributor"}},
			{Name: "Queue Talk", Description: "A podcast on messaging.", Roles: []string{"Host"}},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	for _, q := range []string{"which open source projects does she maintain", "does she contribute to open source"} {
		checkText(t, q, ask(x, q)[0].Text, []string{"quill-rs", "Apache Pulsar (Core contributor)"}, []string{"Queue Talk"})
	}
}
