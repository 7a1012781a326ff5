package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestOwnAccountEmployer: an employer named "Self-employed", "Freelance"
// or "Independent" is a way of working, not a place: the job reads "works
// as a self-employed Bassist", never "works at Self-employed".
func TestOwnAccountEmployer(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Declan Moss", Label: "Bassist"},
		Work: []profile.Work{
			{Name: "Self-employed", Position: "Session Bassist", StartDate: "2012",
				Summary: "Electric and double bass for recording sessions.", Highlights: []string{"Toured Europe with five artists"}},
			{Name: "Independent (Fiverr and Upwork)", Position: "Mix Engineer", StartDate: "2010", EndDate: "2011",
				Highlights: []string{"Mixed 40 podcast episodes"}},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"detail", []string{"tell me about his bass work"}, []string{"works as a self-employed Session Bassist"}, []string{"at Self-employed"}},
		{"quoted sentence", []string{"has he toured europe"}, []string{"as a self-employed Session Bassist"}, []string{"at Self-employed"}},
		{"aside kept", []string{"how many podcast episodes did he mix"}, []string{"independent Mix Engineer (Fiverr and Upwork)"}, []string{"at Independent"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
