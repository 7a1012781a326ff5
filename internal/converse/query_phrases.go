package converse

import (
	"strings"
	"unsafe"
)

// A turn tests its question's joined words (q.joined, " has she led a team
// ") for ~50 phrases with strings.Contains and a few phrase sets. A phrase
// that starts with a space can only be found where a word of the question
// starts with the phrase's next two bytes: the question keeps those pairs,
// and where its spaces are, built once on its first test, and such a
// phrase is ruled out in a few instructions when no word has its pair.

// joinedPairs holds, for the text of, the pairs of the two bytes after each
// of its spaces, and where the spaces are (n of them, when the text is
// short enough for spaces to hold them all; n = -1 when it is not).
type joinedPairs struct {
	of     string
	pairs  pairSet
	n      int
	spaces [maxJoinedSpaces]uint8
}

const maxJoinedSpaces = 40

// wordPairs returns the pairs of q.joined, building them when q.joined is
// not the text they were built for (the same bytes at the same address).
func (q *query) wordPairs() *joinedPairs {
	if !q.jp.builtFor(q.joined) {
		q.jp.build(q.joined)
	}
	return &q.jp
}

// builtFor reports whether jp was built for j: the same bytes at the same
// address (strings do not change).
func (jp *joinedPairs) builtFor(j string) bool {
	return unsafe.StringData(jp.of) == unsafe.StringData(j) && len(jp.of) == len(j)
}

func (jp *joinedPairs) build(j string) {
	*jp = joinedPairs{of: j}
	if len(j) > 255 {
		jp.n = -1
	}
	for i := 0; i < len(j); i++ {
		if j[i] != ' ' {
			continue
		}
		if i+2 < len(j) {
			jp.pairs.add(j[i+1:])
		}
		if jp.n >= 0 {
			if jp.n == maxJoinedSpaces {
				jp.n = -1
				continue
			}
			jp.spaces[jp.n] = uint8(i)
			jp.n++
		}
	}
}

// has reports strings.Contains(q.joined, p).
func (q *query) has(p string) bool {
	if len(p) >= 3 && p[0] == ' ' {
		if !q.jp.builtFor(q.joined) {
			q.jp.build(q.joined)
		}
		if !q.jp.pairs.mayHold(p[1:]) {
			return false
		}
	}
	return strings.Contains(q.joined, p)
}

// hasAnyOf reports s.in(q.joined).
func (q *query) hasAnyOf(s *phraseSet) bool {
	jp := q.wordPairs()
	if !s.unpaired && !jp.pairs.meets(&s.pairs) {
		return false
	}
	if jp.n < 0 {
		return s.in(q.joined)
	}
	for _, p := range s.loose {
		if q.has(p) {
			return true
		}
	}
	for k := 1; k < jp.n; k++ {
		if s.startsAt(q.joined, int(jp.spaces[k-1]), int(jp.spaces[k])) {
			return true
		}
	}
	return false
}

// meets reports whether p and o share a bit.
func (p *pairSet) meets(o *pairSet) bool {
	return p[0]&o[0]|p[1]&o[1]|p[2]&o[2]|p[3]&o[3] != 0
}
