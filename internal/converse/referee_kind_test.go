package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestRefereeByKind: a referee asked by title, role or organisation ("his
// chief engineer", "someone from Harbourline") is quoted, even when the
// profile has one reference and an award or a job shares those words;
// what the person himself said is no reference.
func TestRefereeByKind(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Iain Farquhar", Label: "Marine Engineer"},
		Work: []profile.Work{
			{Name: "Harbourline Ferries", Position: "Second Engineer", StartDate: "2016-04", Summary: "Kept the main engines of two ro-ro ferries running."},
		},
		Awards:     []profile.Award{{Title: "Chief Engineer's Prize", Awarder: "Harbourline Ferries", Date: "2019"}},
		References: []profile.Reference{{Name: "Morag Dunn, Chief Engineer, Harbourline Ferries", Reference: "The steadiest hand I had in the engine room."}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"title", []string{"what did his chief engineer say about him?"}, []string{"steadiest hand"}, []string{"entries that match"}},
		{"organisation", []string{"what did someone from harbourline say about him"}, []string{"steadiest hand"}, nil},
		{"think of", []string{"what does his boss at harbourline think of him"}, []string{"steadiest hand"}, nil},
		{"reference from", []string{"is there a reference from the chief engineer?"}, []string{"steadiest hand"}, nil},
		{"his own words", []string{"what did he say about the engines"}, nil, []string{"Harbourline Ferries says"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
