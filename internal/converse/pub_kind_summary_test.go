package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestPublicationKindInSummary: the kind of a publication said only at the
// start of its summary ("Extension bulletin on ...") is no kind the section
// lacks; a kind nothing says is still missing.
func TestPublicationKindInSummary(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ole Berg", Label: "Agronomist"},
		Work:   []profile.Work{{Name: "Berg Farms", Position: "Farm Manager", StartDate: "2015-01"}},
		Publications: []profile.Publication{
			{Name: "Cover Crops Before Soybeans", Publisher: "State Extension", ReleaseDate: "2020-09", Summary: "Extension bulletin on seeding rates."},
			{Name: "Reading Drone Imagery", Publisher: "State Extension", ReleaseDate: "2023-03", Summary: "Extension bulletin on NDVI maps."},
		},
	}, profile.Privacy{}, today)
	r := ask(x, "how many bulletins has he written")
	checkText(t, "bulletins", r[0].Text, []string{"2 publications"}, []string{"doesn't list"})
	r = ask(x, "has he written a cookbook")
	checkText(t, "cookbook", r[0].Text, []string{"doesn't list"}, nil)
}
