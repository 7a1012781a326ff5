package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestRefereeByName: a reference is found by one of its giver's names,
// first or last, when no other reference and not the owner has it; a
// name two referees share, or the owner's, is not taken for a referee.
func TestRefereeByName(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Rui Costa", Label: "Harbour pilot"},
		Work:   []profile.Work{{Name: "Chebucto Pilotage", Position: "Harbour Pilot", StartDate: "2014"}},
		References: []profile.Reference{
			{Name: "Erlich Bachman", Reference: "A valuable addition to any company."},
			{Name: "Capt. Linda MacIsaac, Chief Pilot", Reference: "The pilot we called when the fog came in."},
			{Name: "Linda Rui Okafor", Reference: "Calm in every storm."},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"first name", []string{"what did erlich say"}, []string{"Erlich Bachman", "valuable addition"}, []string{"Sorry"}},
		{"who is", []string{"who is erlich"}, []string{"Erlich Bachman"}, []string{"Sorry"}},
		{"last name", []string{"what does macisaac think of him"}, []string{"fog came in"}, []string{"Erlich", "storm"}},
		{"shared first name: both", []string{"what did linda say"}, []string{"fog came in", "storm"}, nil},
		{"owner's name", []string{"who is rui"}, []string{"Harbour pilot"}, []string{"storm"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
