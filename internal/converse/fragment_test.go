package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestPluralFragmentIsNotDeclined: "what subjects?" after an answer about
// teaching is an elliptical follow-up, not a question about something else
// "what weather" alone is still declined.
func TestPluralFragmentIsNotDeclined(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Niamh Byrne", Label: "Instructional Designer"},
		Work: []profile.Work{{Name: "St. Andrew's College", Position: "Science Teacher", StartDate: "2012-09", EndDate: "2020-06",
			Highlights: []string{"Taught junior cycle science and Leaving Certificate chemistry"}}},
	}, profile.Privacy{}, today)
	for _, tc := range []struct {
		turns   []string
		refused bool
	}{
		{[]string{"what grades does she teach", "what subjects"}, false},
		{[]string{"what subjects"}, false},
		{[]string{"what weather"}, true},
		{[]string{"what is the capital of peru"}, true},
	} {
		r := ask(x, tc.turns...)
		if got := r[len(r)-1].Refused; got != tc.refused {
			t.Errorf("%q: refused = %v, want %v (%s)", tc.turns, got, tc.refused, r[len(r)-1].Text)
		}
	}
}
