package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestStillDoing: "is she still diving?", "does she still dive?" with no
// employer named is answered from the summary's or a current job's
// sentence that says the activity goes on ("still", "now"), not from the
// entries that share a word; a sentence about the past is no yes.
func TestStillDoing(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ingrid Sæther", Label: "Subsea Operations Manager",
			Summary: "Subsea operations manager. I still dive on inspection campaigns when a supervisor is short. I used to weld underwater."},
		Work: []profile.Work{
			{Name: "Nordsjø Subsea AS", Position: "Operations Manager", StartDate: "2021-01", Summary: "Plans ROV and diving campaigns."},
			{Name: "Nordsjø Subsea AS", Position: "Commercial Diver", StartDate: "2012-01", EndDate: "2020-12", Highlights: []string{"Made 900 saturation dives"}},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"is still -ing", []string{"is she still diving?"}, []string{"Yes", "I still dive on inspection campaigns"}, []string{"entries that match"}},
		{"does still", []string{"does she still dive?"}, []string{"Yes", "I still dive"}, nil},
		{"past only", []string{"does she still weld?"}, nil, []string{"Yes, by"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
