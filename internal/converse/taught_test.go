package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestHasTaught: "has she taught" is answered by teaching titles and also
// by the sentences that say she teaches (a course beside another job);
// "train" in "train-delay" is no training of people.
func TestHasTaught(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Aoife Byrne", Label: "Bioinformatician"},
		Work: []profile.Work{{Name: "Genomics Core", Position: "Senior Bioinformatician", StartDate: "2021-09",
			Highlights: []string{"Teach the facility's R and Bioconductor course", "Mentor two junior analysts"}}},
		Certificates: []profile.Certificate{{Name: "Software Carpentry Certified Instructor", Date: "2019-04"}},
		Awards:       []profile.Award{{Title: "Hackathon winner", Summary: "Won with a train-delay notifier built with two teammates"}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"has she taught", []string{"has she taught?"}, []string{"Bioconductor course"}, nil},
		{"did she ever teach", []string{"did she ever teach"}, []string{"Bioconductor course"}, nil},
		{"mentoring without the railway", []string{"has she mentored anyone"}, []string{"Mentor two junior analysts"}, []string{"train-delay"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
