package converse_test

import "testing"

// TestGenericPublisherWords: "journal", "press", "review" or
// "proceedings" alone name no one publication, since most venues share
// them; a distinctive word of the venue ("law review", "bar journal",
// "island press") still does.
func TestGenericPublisherWords(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		// two venues, one a journal by name and one a law review: both
		{"lawyer", "what about the journal article", []string{"Illinois Bar Journal", "Michigan Law Review"}, nil},
		{"lawyer", "which journal", []string{"Illinois Bar Journal", "Michigan Law Review"}, nil},
		{"lawyer", "tell me about the law review article", []string{"Michigan Law Review"}, []string{"Illinois Bar Journal"}},
		{"lawyer", "the bar journal piece?", []string{"Illinois Bar Journal"}, []string{"Michigan Law Review"}},
		{"linguist", "anything in the journal of linguistics?", []string{"Evidentiality"}, []string{"Code-switching"}},
		{"prof", "the proceedings paper?", []string{"Island Press", "Proceedings of the Royal Society B"}, nil},
		{"prof", "what did she publish with island press", []string{"A field guide to kelp restoration"}, []string{"Sea otters"}},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}
