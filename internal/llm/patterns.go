package llm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The name patterns of the grounding check, matched over words rather than
// with regular expressions: a backtracking "(Capitalised ){1,4}Suffix" tried
// at every position cost most of the check's time.

// nameWord is one word of a sentence with the punctuation around it removed.
type nameWord struct {
	text  string
	caps  bool // starts with an upper-case letter or digit-free acronym
	brk   bool // punctuation after it ends any name it is part of
	lower string
}

func splitWords(sentence string) []nameWord {
	fields := strings.Fields(sentence)
	out := make([]nameWord, 0, len(fields))
	for _, f := range fields {
		t := strings.TrimLeft(f, `("'“‘[`)
		trimmed := strings.TrimRight(t, `,;:)"'”’]`)
		w := nameWord{text: trimmed, brk: len(trimmed) < len(t), lower: strings.ToLower(trimmed)}
		if r, _ := utf8.DecodeRuneInString(trimmed); unicode.IsUpper(r) {
			w.caps = true
		}
		out = append(out, w)
	}
	return out
}

var (
	// introducers come right before an employer or school: "at Acme".
	introducers = map[string]bool{"at": true, "for": true, "from": true, "joined": true, "attended": true, "left": true}
	// joiners may sit inside a name: "University of Cambridge", "Marks and Spencer".
	joiners = map[string]bool{"of": true, "and": true, "&": true, "de": true, "du": true, "der": true, "für": true, "the": true}
	// institutions name schools: "University of X", "X College".
	institutions = map[string]bool{"University": true, "College": true, "Institute": true, "Academy": true, "School": true, "Polytechnic": true}
	// legalForms end company names: "Initech Inc".
	legalForms = map[string]bool{"Inc": true, "Inc.": true, "Corp": true, "Corp.": true, "Corporation": true, "Ltd": true, "Ltd.": true,
		"LLC": true, "GmbH": true, "PLC": true, "AG": true, "S.A.": true, "B.V.": true, "Labs": true}
)

// findNames returns the employer- and school-like names in one sentence.
func findNames(sentence string) []string {
	words := splitWords(sentence)
	var out []string
	for i, w := range words {
		switch {
		case introducers[w.lower] && !w.brk && i+1 < len(words) && words[i+1].caps:
			out = appendName(out, forward(words, i+1))
		case institutions[w.text] && i+2 < len(words) && !w.brk && words[i+1].lower == "of" && words[i+2].caps:
			out = appendName(out, forward(words, i))
		case institutions[w.text] && w.text != "School" || legalForms[w.text]:
			if j := backward(words, i); j < i {
				out = appendName(out, words[j:i+1])
			}
		}
	}
	return out
}

// forward collects a name starting at words[i]: capitalised words and
// joiners, until punctuation or a lower-case word; trailing joiners dropped.
func forward(words []nameWord, i int) []nameWord {
	j := i
	for j < len(words) && (words[j].caps || joiners[words[j].lower]) && j-i < 8 {
		j++
		if words[j-1].brk {
			break
		}
	}
	for j > i && joiners[words[j-1].lower] {
		j--
	}
	return words[i:j]
}

// backward finds where a name ending at words[i] begins: up to four
// capitalised words before it, not crossing punctuation or an introducer.
func backward(words []nameWord, i int) int {
	j := i
	for j > 0 && i-j < 4 {
		p := words[j-1]
		if !p.caps || p.brk || introducers[p.lower] {
			break
		}
		j--
	}
	return j
}

func appendName(out []string, ws []nameWord) []string {
	if len(ws) == 0 {
		return out
	}
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
	}
	return append(out, strings.TrimRight(strings.Join(parts, " "), "."))
}
