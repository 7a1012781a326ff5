package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestNamedElsewhere: an organisation the work entries don't list but a
// sentence names as a place of work is quoted after "doesn't list a job";
// one named only inside a product's name is not.
func TestNamedElsewhere(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Rui Costa", Label: "Founder",
			Summary: "Before starting Tidepool, he worked for Hooli as a part-time developer."},
		Work: []profile.Work{{Name: "Tidepool", Position: "Founder", StartDate: "2019-01",
			Highlights: []string{"4.6 rating on Google Play", "Featured by Apple in 2021"}}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"worked for", []string{"did he work at hooli"}, []string{"doesn't list a job at Hooli", "he worked for Hooli"}, nil},
		{"product name only", []string{"has he worked at google"}, []string{"doesn't list a job at Google"}, []string{"Google Play", "elsewhere"}},
		{"featured by", []string{"did he work for apple"}, []string{"doesn't list a job at Apple", "Featured by Apple"}, nil},
		{"not named", []string{"did he work at microsoft"}, []string{"doesn't list a job at Microsoft"}, []string{"elsewhere"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
