package converse

import "testing"

// TestSplitFieldPair: "what is his X and Y" asks two things; a noun pair
// tied to something else, a clause after "and" or a long phrase is one
// question.
func TestSplitFieldPair(t *testing.T) {
	cases := []struct {
		q, first, second string // first == "": not split
	}{
		{"what is his name and email", "what is his name?", "what is his email?"},
		{"What's her phone number and address?", "What's her phone number?", "What's her address?"},
		{"whats her email and her github", "whats her email?", "whats her github?"},
		{"what are Ada's strengths and weaknesses", "what are Ada's strengths?", "what are Ada's weaknesses?"},
		{"what is the name and location of his company", "", ""},         // no possessive after the verb
		{"what is his name and where does he live", "", ""},              // a clause: splitTwoQuestions' case
		{"what is his experience in java and python", "", ""},            // a preposition ties the nouns
		{"what is his email", "", ""},                                    // no pair
		{"what is its name and price", "", ""},                           // "its" is about an entry in focus
		{"who is his manager and mentor", "", ""},                        // only "what" asks for fields
		{"what is his first job title and start date at Google", "", ""}, // too long a part
	}
	for _, c := range cases {
		first, second, ok := splitFieldPair(c.q)
		if ok != (c.first != "") || first != c.first || second != c.second {
			t.Errorf("splitFieldPair(%q) = %q, %q, %v; want %q, %q", c.q, first, second, ok, c.first, c.second)
		}
	}
}

// TestUnsaid: a joined reply says a sentence both parts gave once.
func TestUnsaid(t *testing.T) {
	a := "Sorry, I can't share Ada's phone number. You can reach Ada by e-mail at ada@example.org."
	b := "Sorry, I can't share Ada's street address. You can reach Ada by e-mail at ada@example.org."
	if got, want := unsaid(a, b), "Sorry, I can't share Ada's street address."; got != want {
		t.Errorf("unsaid = %q, want %q", got, want)
	}
	if got := unsaid(a, a); got != "" {
		t.Errorf("unsaid of the same text = %q, want empty", got)
	}
}
