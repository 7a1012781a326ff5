package converse

import "strings"

// wordRole is a word that asks about a role: a gerund or a verb.
type wordRole struct{ word, role string }

// firstWordRole returns the role of the word of ws that comes first in
// joined after one of the leads ("is she still teaching or coaching" is
// teacher, every time), or "".
func firstWordRole(joined string, ws []wordRole, leads ...string) string {
	best, at := "", len(joined)
	for _, w := range ws {
		for _, lead := range leads {
			if i := indexPhrase(joined, lead, w.word); i >= 0 && i < at {
				best, at = w.role, i
			}
		}
	}
	return best
}

// indexPhrase returns where lead+word+" " starts in joined, or -1,
// without building the phrase.
func indexPhrase(joined, lead, word string) int {
	for off := 0; ; {
		i := strings.Index(joined[off:], lead)
		if i < 0 {
			return -1
		}
		i += off
		rest := joined[i+len(lead):]
		if strings.HasPrefix(rest, word) && strings.HasPrefix(rest[len(word):], " ") {
			return i
		}
		off = i + 1
	}
}
