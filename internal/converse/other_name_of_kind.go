package converse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// dropOtherNamesOfKind drops the organisations the question names only by
// the words of their kind, with a name of its own before them: "Costa
// Coffee" is not "Bonanza Coffee", "Hilton Hotels" not "Meridia Hotels &
// Resorts". The visitor's capital marks that word as a name ("Costa"),
// where "how long was he at twente" or "east africa" has a plain word.
func (x *Index) dropOtherNamesOfKind(ents []*item, raw []string, question string) []*item {
	var orig []string // the visitor's own spelling, tokenised once when needed
	for i := 0; i < len(ents); i++ {
		prev := otherNameOfKind(ents[i], raw)
		if prev == "" || x.nameToks[prev] {
			continue
		}
		if orig == nil {
			orig = tokenize(question, false)
		}
		if !capitalisedInside(orig, prev) {
			continue
		}
		ents = append(ents[:i:i], ents[i+1:]...)
		i--
	}
	return ents
}

// otherNameOfKind returns the question's word before the first word of
// e's name it has, when that is not the name's first word, the name's own
// word before it is not asked, and the question's word could be a name:
// "costa" of "Costa Coffee" against "Bonanza Coffee". Else "".
func otherNameOfKind(e *item, raw []string) string {
	switch e.sec {
	case secWork, secVolunteer, secEducation:
	default:
		return ""
	}
	for ki, k := range e.keys {
		for i, t := range raw {
			if t != k && (len(k) < 4 || singular(t) != singular(k)) {
				continue
			}
			if ki == 0 || i == 0 {
				return "" // "Bonanza Coffee" asked from its first word on
			}
			prev := raw[i-1]
			if len(prev) < 3 || !isAlphaWord(prev) || commonWords[prev] || genericNameWords[prev] || personWords[prev] || compassWords[prev] ||
				hasAnyToken(raw, e.keys[ki-1]) || hasAnyToken(e.keys, prev) {
				return ""
			}
			return prev
		}
	}
	return ""
}

// capitalisedInside reports whether the visitor wrote w with a capital,
// not as the question's first word: "did he work at Costa Coffee".
func capitalisedInside(orig []string, w string) bool {
	for i, t := range orig {
		if i == 0 || !strings.EqualFold(t, w) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(t); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// compassWords make a region of a place name ("East Africa", "Southern
// California"), not another organisation.
var compassWords = setOf(`east west north south central northern southern eastern western middle far near upper lower greater
	northeast northwest southeast southwest`)
