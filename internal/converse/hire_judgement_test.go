package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestWouldYouHire: asked to judge whether to hire, the reply leaves the
// judgement to the visitor and gives what the profile offers, not only
// the contact details ("hire @p" is also a contact cue); asked whether
// she can be hired, it is her availability.
func TestWouldYouHire(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ines Marr", Label: "Backend Engineer", Email: "ines@example.org", Summary: "Backend engineer building payment systems."},
		Work:   []profile.Work{{Name: "Tillpoint", Position: "Backend Engineer", StartDate: "2019-01", Highlights: []string{"Cut settlement time by 40%"}}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"would you hire her?", []string{"yours to judge", "Cut settlement time by 40%"}, nil},
		{"should I hire her?", []string{"yours to judge", "Cut settlement time by 40%"}, nil},
		{"is she worth hiring?", []string{"yours to judge"}, nil},
		{"can I hire her?", []string{"ines@example.org"}, []string{"yours to judge"}},
		// a judgement of her as something: the same, not her work history
		{"would she be a good intern?", []string{"yours to judge", "Cut settlement time by 40%"}, nil},
		{"would she make a good tech lead", []string{"yours to judge"}, nil},
		{"is she qualified for a staff role?", []string{"yours to judge"}, nil},
	} {
		rs := ask(x, c.q)
		checkText(t, []string{c.q}, rs[len(rs)-1].Text, c.want, c.not)
	}
}
