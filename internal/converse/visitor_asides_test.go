package converse_test

import "testing"

// TestVisitorAsides: what visitors ask around a profile rather than of it —
// a salary at a named employer, a short first name before the surname, a
// ranking of other things — gets neither a sentence that merely shares a
// word nor a refusal of a question that is hers.
func TestVisitorAsides(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		intent     string
		want, not  []string
	}{
		{"cabincrew", "what's her salary at emerald atlantic", "unknown", []string{"doesn't mention"}, []string{"1,400"}},
		{"cfo", "what was her salary at deloitte", "unknown", []string{"doesn't mention"}, []string{"Audit"}},
		{"sparse", "where did tamsin work before lumen pay?", "", []string{"Brightcart"}, []string{"pay."}},
		{"streamer", "Who is Bea Tanaka?", "summary", []string{"Content Creator", "Tanaka Media Inc."}, []string{"Inc.."}},
		{"cfo", "who is meg castillo", "summary", []string{"Chief Financial Officer"}, nil},
		{"cabincrew", "which airline has the best safety record", "off_topic", nil, nil},
		{"streamer", "what's the best strategy game of 2024", "off_topic", nil, nil},
		{"cabincrew", "which project had the best results", "", nil, []string{"Sorry"}},
	} {
		r := ask(mustIndex(t, c.profile), c.q)[0]
		if c.intent != "" && string(r.Intent) != c.intent {
			t.Errorf("%q: intent %s, want %s (%s)", c.q, r.Intent, c.intent, r.Text)
		}
		checkText(t, c.q, r.Text, c.want, c.not)
	}
}
