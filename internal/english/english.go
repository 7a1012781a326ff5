// Package english knows the everyday English words of four letters or
// more: a word spelt right is no typo of another, so the fuzzy matchers
// that mend a visitor's misspellings ask here first ("coming" is no
// misspelt "coding", "competing" no misspelt "competent").
//
// The list is SCOWL's size 35 (american-english-small, see NOTICE):
// large enough to hold the words a question uses, small enough to keep
// out rare words that are mostly typos ("eduction" for "education").
package english

import (
	_ "embed"
	"strings"
)

// The list leaves out the few words of size 35 that are older spellings a
// visitor types only by mistake ("programing", "goodby", "employe",
// "interne"), so these are still mended.
//
//go:generate sh -c "LC_ALL=C grep -E '^[a-z]{4,}$' /usr/share/dict/american-english-small | LC_ALL=C grep -vxE 'programing|goodby|employes?|internes?' | LC_ALL=C sort -u > words.txt"

// words is the list, sorted in byte order, one word a line, each line
// ended by a newline: Word bisects it where it lies, building nothing.
//
//go:embed words.txt
var words string

// Word reports whether w, lowercase, is a word of the list.
func Word(w string) bool {
	lo, hi := 0, len(words) // both at the start of a line (or the end)
	for lo < hi {
		mid := lo + (hi-lo)/2
		s := lo + strings.LastIndexByte(words[lo:mid], '\n') + 1
		e := s + strings.IndexByte(words[s:], '\n')
		switch line := words[s:e]; {
		case w == line:
			return true
		case w < line:
			hi = s
		default:
			lo = e + 1
		}
	}
	return false
}
