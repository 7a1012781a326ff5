package llm_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/llm"
)

// FuzzCheckGrounded checks that the check never panics and that any text is
// grounded in itself: repeating a fact verbatim can never be an invention.
func FuzzCheckGrounded(f *testing.F) {
	for _, s := range append(testFacts,
		"At Microsoft in 2012 she wrote Terraform.",
		"She holds a degree from the University of Oxford (2010s) [1, 2].",
		"Hooli Inc. hired her; University of  of", "[99999999999999999999] 1999s", "at\tat at A", "",
	) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		v := llm.Vocabulary{FindTechnologies: globalTech, FindOrganizations: knownOrgs, Asked: text}
		if err := llm.CheckGrounded(text, []string{text}, v); err != nil {
			t.Errorf("CheckGrounded(%q) against itself = %v", text, err)
		}
		_ = llm.CheckGrounded(text, testFacts, testVocab(""))
		llm.Citations(text, 3)
	})
}
