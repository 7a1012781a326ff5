package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestCountPeopleInFocus: a bare "how many people?" after a reply about a
// job is answered from that job's sentence that counts people, not
// refused as a question about the world.
func TestCountPeopleInFocus(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Graciela Moreno", Label: "District Manager"},
		Work: []profile.Work{{Name: "Harbor & Pine", Position: "District Manager", StartDate: "2022-04",
			Highlights: []string{"Eleven stores, about 240 associates, $58M annual sales"}}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	checkLast(t, x, []string{"what does she do at harbor & pine", "how many people?"}, []string{"240 associates"}, []string{"Sorry"})
}
