package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestSafetyRecord: a safety record is written as what did not happen;
// those sentences answer "what's his safety record", not a certificate
// whose name says safety; a question about no one here stays refused.
func TestSafetyRecord(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Rui Vala", Label: "Master mariner", Summary: "Available for lectures on navigation safety."},
		Work: []profile.Work{{Name: "Nordhavn Lines", Position: "Master", StartDate: "1997", EndDate: "2012",
			Highlights: []string{"Zero lost-time injuries over 9 years in command"}}},
		Certificates: []profile.Certificate{{Name: "OSHA 30-Hour Construction Safety", Date: "2016"}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"record", []string{"what's his safety record like"}, []string{"Zero lost-time injuries"}, []string{"OSHA"}},
		{"no one here", []string{"which airline has the best safety record"}, nil, []string{"lost-time"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
