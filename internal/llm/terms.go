package llm

import (
	"strings"
	"unicode"
)

// TechFinder returns the canonical names of the technologies named in text
// (each at most once). Parley's alias table in internal/profile provides one;
// the grounding check uses it to notice technologies the profile lacks.
type TechFinder func(text string) []string

// Term is a name with its aliases, e.g. {"Kubernetes", ["k8s"]}.
type Term struct {
	Name    string
	Aliases []string
}

// termTokens splits s the same way for names and for text, so that phrase
// matching is consistent: lowercase runs of letters, digits, '+', '#' and
// inner dots ("c++", "c#", "node.js"); other punctuation separates.
func termTokens(s string) []string {
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '+' && r != '#' && r != '.'
	})
	out := fields[:0]
	for _, f := range fields {
		if f = strings.Trim(f, "."); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// phraseText is a token list joined and padded with spaces, so that
// strings.Contains(text, " "+phrase+" ") is a whole-token phrase match.
func phraseText(parts ...string) string {
	var b strings.Builder
	b.WriteByte(' ')
	for _, p := range parts {
		for _, t := range termTokens(p) {
			b.WriteString(t)
			b.WriteByte(' ')
		}
		b.WriteString("| ") // a separator no token can equal
	}
	return b.String()
}

// containsPhrase reports whether the tokens of phrase occur contiguously in
// text built by phraseText.
func containsPhrase(text, phrase string) bool {
	toks := termTokens(phrase)
	if len(toks) == 0 {
		return false
	}
	return strings.Contains(text, " "+strings.Join(toks, " ")+" ")
}

// NewTermFinder returns a finder over a fixed list of terms: it reports the
// canonical Name of every term whose name or alias occurs in the text as a
// whole-token phrase. It suits small lists (a profile's own vocabulary, a
// list of well-known organisations); callers with an alias table and typo
// tolerance pass their own TechFinder instead.
func NewTermFinder(terms []Term) TechFinder {
	type phrase struct {
		toks []string
		name string
	}
	byFirst := make(map[string][]phrase)
	for _, t := range terms {
		for _, s := range append([]string{t.Name}, t.Aliases...) {
			if toks := termTokens(s); len(toks) > 0 {
				byFirst[toks[0]] = append(byFirst[toks[0]], phrase{toks: toks, name: t.Name})
			}
		}
	}
	return func(text string) []string {
		toks := termTokens(text)
		var found []string
		seen := make(map[string]bool)
		for i, tok := range toks {
			for _, p := range byFirst[tok] {
				if seen[p.name] || i+len(p.toks) > len(toks) || !equalTokens(toks[i:i+len(p.toks)], p.toks) {
					continue
				}
				seen[p.name] = true
				found = append(found, p.name)
			}
		}
		return found
	}
}

func equalTokens(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}
