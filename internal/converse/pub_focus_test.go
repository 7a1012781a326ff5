package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestPublishedItAfterOne: "when was it published" and "who published it"
// right after a reply about one publication ask about that one, not for
// every publication the verb names; "since then" still lists.
func TestPublishedItAfterOne(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ida Brandt", Label: "Developer Advocate"},
		Publications: []profile.Publication{
			{Name: "Streams by Example", Publisher: "Manning", ReleaseDate: "2023-05", Summary: "A book about event streams."},
			{Name: "Keynote: Small Data", Publisher: "GOTO Aarhus 2024", ReleaseDate: "2024-06-03"},
			{Name: "Queues Are Databases", Publisher: "QCon London 2019", ReleaseDate: "2019-03-05"},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		q         []string
		want, not []string
	}{
		{[]string{"did she write a book", "when was it published?"}, []string{"Streams by Example", "May 2023"}, []string{"Small Data"}},
		{[]string{"did she write a book", "who published it"}, []string{"Manning"}, []string{"Small Data"}},
		{[]string{"did she write a book", "what has she published since then"}, []string{"Small Data"}, nil},
	}
	for _, c := range cases {
		t.Run(c.q[1], func(t *testing.T) {
			got := ask(x, c.q...)
			checkText(t, c.q, got[1].Text, c.want, c.not)
		})
	}
}
