package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestPersonalWordOfTheProfilesField: a word that names a personal matter
// ("politics", "family") but that the profile itself uses is asked about
// the person's work or study, not declined or said to be missing; an
// opinion, and the word in a profile that never uses it, stay a matter
// the profile leaves out.
func TestPersonalWordOfTheProfilesField(t *testing.T) {
	journalist := guardProfile("Reporter", "Reporter covering European politics for twenty years.")
	lawyer := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Sofia Brandt", Label: "Litigation Associate"},
		Work:   []profile.Work{{Name: "Hale & Dorr", Position: "Associate", StartDate: "2014-09"}},
		Education: []profile.Education{{Institution: "Northwestern University", StudyType: "Bachelor of Arts",
			Area: "Political Science", StartDate: "2007", EndDate: "2011"}},
	}, profile.Privacy{}, today)
	plain := guardProfile("Engineer", "Backend engineer.")
	cases := []struct {
		name, question string
		x              *converse.Index
		refused        bool
		want, not      []string
	}{
		{"politics covered by a reporter", "does he cover politics", journalist, false, []string{"European politics"}, []string{"political views"}},
		{"politics studied beside Political Science", "did she study politics", lawyer, false, []string{"Political Science"}, nil},
		{"views of a reporter still unsaid", "what does he think about politics", journalist, false, []string{"doesn't mention", "political views"}, nil},
		{"politics of an engineer: not in the profile", "does he like politics", plain, false, []string{"doesn't mention"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(c.x, c.question)[0]
			if r.Refused != c.refused {
				t.Errorf("%q: refused %v, want %v (%s: %s)", c.question, r.Refused, c.refused, r.Intent, r.Text)
			}
			checkText(t, c.question, r.Text, c.want, c.not)
		})
	}
}
