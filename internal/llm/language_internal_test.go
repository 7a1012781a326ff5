package llm

import "testing"

func TestInVisitorsLanguage(t *testing.T) {
	facts := []string{
		"Ada Lovelace works as Staff Engineer at Acme Corp since 2019-03.",
		"From 2015-06 to 2019-02 Ada was a Software Engineer at Globex, using Go, PostgreSQL and Kubernetes.",
	}
	const (
		es = "Ada trabaja como ingeniera en Acme Corp desde 2019 [1]."
		fr = "Ada travaille comme ingénieure chez Acme Corp depuis 2019 [1]."
		de = "Ada arbeitet seit 2019 als Staff Engineer bei Acme Corp [1]."
		pt = "Ada trabalha como engenheira na Acme Corp desde 2019 [1]."
		en = "Since 2019 she has been a Staff Engineer at Acme Corp [1], and before that she was at Globex [2]."
	)
	tests := []struct {
		name, question, answer string
		want                   bool
	}{
		{"english question, english answer", "Where does Ada work?", en, true},
		{"spanish question, english answer", "¿Dónde trabaja Ada?", en, true},
		{"spanish question, spanish answer", "¿Dónde trabaja Ada?", es, true},
		{"french question, french answer", "Où travaille Ada ?", fr, true},
		{"german question, german answer", "Wo arbeitet Ada?", de, true},
		{"portuguese question, portuguese answer", "Onde a Ada trabalha?", pt, true},
		{"curly apostrophe in the question", "Qu’est-ce qu’elle fait chez Acme ?", fr, true},
		{"english question, spanish answer", "Where does Ada work?", es, false},
		{"english question, french answer", "Where does Ada work?", fr, false},
		{"english question, german answer", "Where does Ada work?", de, false},
		{"english question, portuguese answer", "Where does Ada work?", pt, false},
		{"spanish question, portuguese answer", "¿Dónde trabaja Ada?", pt, false},
		{"french question, german answer", "Où travaille Ada ?", de, false},
		{"a short answer says nothing", "Where does Ada work?", "Acme Corp desde 2019 [1].", true},
		{"words of the facts say nothing", "Where does Ada work?", "Staff Engineer at Acme Corp since 2019 [1].", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := inVisitorsLanguage(tt.answer, tt.question, facts); got != tt.want {
				t.Errorf("inVisitorsLanguage(%q, %q) = %v, want %v", tt.answer, tt.question, got, tt.want)
			}
		})
	}
}

// The check runs on every sentence of a streamed answer: it must stay a
// handful of map lookups, not a model.
func TestInVisitorsLanguageAllocations(t *testing.T) {
	facts := []string{"Ada Lovelace works as Staff Engineer at Acme Corp since 2019-03."}
	allocs := testing.AllocsPerRun(100, func() {
		inVisitorsLanguage("Ada trabaja como ingeniera en Acme Corp desde 2019 [1].", "¿Dónde trabaja Ada?", facts)
	})
	if allocs > 40 { // 20 when written: the fact-word set, the hit map and the question's copy
		t.Errorf("%v allocations per check, want at most 40", allocs)
	}
}
