package converse

import "strings"

// phraseSet answers whether a text of joined tokens (" has she led a team ")
// holds any of a list of phrases, reading the text's words once instead of
// searching it for every phrase. A phrase that starts with a space and has
// a whole first word (" led a team ") is filed under that word; any other
// (" manag", "c++") is searched for as it is. in gives what strings.Contains
// over the list would, for any text.
type phraseSet struct {
	byFirst map[string][]string // first word -> the phrases that start with it
	loose   []string            // phrases without a whole first word
	// A word is looked up only when some first word has its first byte
	// and its length (lengths from 63 share a bit): most words of a
	// question start no phrase, and these tests cost less than the map.
	firstBytes [4]uint64
	lengths    uint64
	firstPairs pairSet // and the first two bytes of first words (pairSet)
	// pairs holds the two bytes after the leading space of every phrase
	// that has them (query.hasAnyOf); unpaired is set when some phrase
	// does not.
	pairs    pairSet
	unpaired bool
}

func newPhraseSet(phrases ...string) *phraseSet {
	s := &phraseSet{byFirst: map[string][]string{}}
	for _, p := range phrases {
		if len(p) >= 3 && p[0] == ' ' {
			s.pairs.add(p[1:])
		} else {
			s.unpaired = true
		}
		end := -1
		if strings.HasPrefix(p, " ") {
			end = strings.IndexByte(p[1:], ' ')
		}
		if end <= 0 {
			s.loose = append(s.loose, p)
			continue
		}
		w := p[1 : 1+end]
		s.byFirst[w] = append(s.byFirst[w], p)
		s.firstBytes[w[0]>>6] |= 1 << (w[0] & 63)
		s.lengths |= 1 << min(len(w), 63)
		s.firstPairs.add(w)
	}
	return s
}

// in reports whether text contains any phrase of s.
func (s *phraseSet) in(text string) bool {
	if s.inLoose(text) {
		return true
	}
	// Every place a filed phrase can start is a space followed by its
	// first word and another space: one pass finds the spaces.
	prev := -1 // the space before the word being read
	for i := 0; i < len(text); i++ {
		if text[i] != ' ' {
			continue
		}
		if prev >= 0 && s.startsAt(text, prev, i) {
			return true
		}
		prev = i
	}
	return false
}

// inLoose reports whether text contains a phrase without a whole first word.
func (s *phraseSet) inLoose(text string) bool {
	for _, p := range s.loose {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}

// startsAt reports whether a filed phrase starts at text[sp], a space
// before the word text[sp+1:end] (end: the next space).
func (s *phraseSet) startsAt(text string, sp, end int) bool {
	if w := text[sp+1 : end]; s.mayStart(w) {
		for _, p := range s.byFirst[w] {
			if strings.HasPrefix(text[sp:], p) {
				return true
			}
		}
	}
	return false
}

// mayStart reports whether w has the first byte, length and first two bytes
// of a first word (a one-byte w has no pair to test).
func (s *phraseSet) mayStart(w string) bool {
	return w != "" && s.lengths&(1<<min(len(w), 63)) != 0 && s.firstBytes[w[0]>>6]&(1<<(w[0]&63)) != 0 && s.firstPairs.mayHold(w)
}
