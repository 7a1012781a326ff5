package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestMoreWhenAllIsSaid: "tell me more" or "what else" after a reply that
// already gave everything says so and names what else can be asked,
// instead of the same text again; a follow-up that is answered by the same
// entry's text ("what did she do for them") still gets it.
func TestMoreWhenAllIsSaid(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics:    profile.Basics{Name: "Marta Nowak"},
		Work:      []profile.Work{{Name: "Paylane", Position: "Engineer", StartDate: "2021-03", Summary: "Card settlement in Go."}},
		Awards:    []profile.Award{{Title: "Hackathon winner", Awarder: "PolCode", Date: "2019-11"}},
		Interests: []profile.Interest{{Name: "Climbing", Keywords: []string{"bouldering"}}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		qs        []string
		want, not []string
	}{
		{[]string{"what awards has she won", "tell me more"}, []string{"everything the profile says", "work history"}, []string{"PolCode"}},
		{[]string{"what are her interests", "what else?"}, []string{"everything the profile says"}, []string{"bouldering"}},
		{[]string{"what awards has she won", "who gave it to her"}, []string{"PolCode"}, []string{"everything the profile says"}},
		{[]string{"did she work at paylane", "what did she do there"}, []string{"Card settlement"}, []string{"everything the profile says"}},
	} {
		r := ask(x, c.qs...)
		checkText(t, c.qs, r[len(r)-1].Text, c.want, c.not)
	}
}
