package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestWorksWith: "does she work with horses" of a small-animal vet says the
// profile doesn't mention horses; "does she work with cats" quotes the
// sentence that names them; neither is her current role alone. "does she
// work with a team" and a technology keep their own answers.
func TestWorksWith(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Marisol Vega", Label: "Veterinarian"},
		Work: []profile.Work{{Name: "Saguaro Small Animal Clinic", Position: "Owner and Medical Director", StartDate: "2019-04",
			Summary: "General practice for dogs, cats and small mammals. No exotics or large animals."}},
		Skills: []profile.Skill{{Name: "Software", Keywords: []string{"ezyVet"}}},
	}, profile.Privacy{}, today)
	for _, tc := range []struct {
		q           string
		want, avoid []string
	}{
		{"does she work with horses", []string{"doesn't mention horses"}, []string{"currently works"}},
		{"does she treat horses", []string{"doesn't mention horses"}, nil},
		{"does she work with cats", []string{"dogs, cats"}, []string{"doesn't mention"}},
		{"does she work with ezyvet", []string{"ezyVet"}, []string{"doesn't mention"}},
	} {
		checkText(t, tc.q, ask(x, tc.q)[0].Text, tc.want, tc.avoid)
	}
}
