package converse

import (
	"math/bits"
	"slices"
)

// matchAt tries the longest technology phrase starting at ts[i]. With
// typos set (a question), a single word may also match with spelling
// mistakes.
func (t *techTable) matchAt(ts []string, i int, typos bool) techHit {
	a := aliasTable()
	w := ts[i]
	g := aliasWords()[w]
	l := t.words[w]
	longest := min(t.maxLen, len(ts)-i)
	if longest > 1 && !g.first && !l.first {
		longest = 1 // no phrase starts with this word: only the word itself can match
	}
	var kb [96]byte
	for n := longest; n >= 1; n-- {
		var name string
		var ok bool
		if n == 1 && plainWord(w) {
			// the word and its compact form are one key: the records answer
			// the four look-ups in their order
			switch {
			case l.inVocab:
				name, ok = l.vocab, true
			case g.inPhrase:
				name, ok = g.phrase, true
			case g.inCompact:
				name, ok = g.compact, true
			case l.inCompact:
				name, ok = l.compact, true
			case l.inHyphen:
				return techHit{name: l.hyphen, size: 1}
			}
		} else {
			key := append(kb[:0], w...)
			for _, w := range ts[i+1 : i+n] {
				key = append(append(key, ' '), w...)
			}
			name, ok = t.vocab[string(key)]
			if !ok {
				name, ok = a.phrase[string(key)]
			}
			if !ok {
				ck := compactKey(kb[:0], ts[i:i+n])
				if name, ok = a.compact[string(ck)]; !ok {
					name, ok = t.compact[string(ck)]
				}
				if !ok {
					if h, hit := t.hyphenPartAt(ts, i, n, ck); hit {
						return h
					}
				}
			}
		}
		if ok {
			// In a question an everyday word ("go") always needs a cue; in
			// profile text it counts when the profile lists it as a keyword.
			return techHit{name: name, size: n, ambiguous: n == 1 && g.ambiguous && (typos || !l.inVocab)}
		}
	}
	if typos && l.multi {
		if h, ok := t.misspeltLater(ts, i); ok {
			return h
		}
	}
	if typos && l.hasTail {
		return techHit{name: l.tail, size: 1, ambiguous: true}
	}
	if !typos || len(w) < 4 || g.notTech {
		// a word the cue tables know ("certifications", "weather") is no misspelt technology
		return techHit{}
	}
	if len(w) == 4 {
		if h := t.swappedPair(w); h.name != "" && !realWord(w) { // "lips" is no "Lisp"
			return h
		}
		return techHit{}
	}
	best, bestD := t.closestFuzzy(w)
	if best != "" {
		// a word spelt right names a technology only as its plural
		// ("pythons", "interview" for "Interviews"): "shift" is no "Swift"
		if bestD > 0 && realWord(w) && !pluralPair(w, best) {
			return techHit{}
		}
		return techHit{name: t.fuzzy[best], size: 1, fuzzy: true}
	}
	if t.alias != nil {
		if name, ok := t.alias.Match(w); ok && !realWord(w) {
			return techHit{name: name, size: 1, fuzzy: true}
		}
	}
	return techHit{}
}

// closestFuzzy is the vocabulary word of fuzzy nearest w under fuzzyEq, with
// its distance (0, 1, or 2 for more), "" when none is near.
func (t *techTable) closestFuzzy(w string) (best string, bestD int) {
	// The closest vocabulary word wins, and of two as close the first in
	// byte order: ranging over the map alone would answer "pandac" with
	// Pandas one time and Pandoc the next.
	from, _ := slices.BinarySearchFunc(t.fuzzyKeys, len(w)-2, func(v string, n int) int { return len(v) - n })
	mw := byteMask(w)
	for i, v := range t.fuzzyKeys[from:] {
		if len(v) > len(w)+2 {
			break // farther than any typo budget, as are the rest
		}
		if bits.OnesCount64(mw^t.fuzzyMasks[from+i]) > 2*typoBudget(min(len(w), len(v))) {
			continue // more edits apart than fuzzyEq forgives
		}
		if !fuzzyEq(w, v) {
			continue
		}
		d := 1
		if within(w, v, 0) {
			d = 0
		} else if !within(w, v, 1) {
			d = 2
		}
		if best == "" || d < bestD || (d == bestD && v < best) {
			best, bestD = v, d
		}
	}
	return best, bestD
}

// swappedPair matches a four-letter word typed with two neighbouring
// letters swapped ("jria" for "Jira", "rsut" for "Rust"): too short for an
// edit budget, where a swap is still the commonest slip and rarely makes
// another word of a question.
func (t *techTable) swappedPair(w string) techHit {
	a := aliasTable()
	var b [4]byte
	for i := 0; i+1 < len(w); i++ {
		if w[i] == w[i+1] {
			continue
		}
		copy(b[:], w)
		b[i], b[i+1] = b[i+1], b[i]
		if name, ok := t.vocab[string(b[:])]; ok {
			return techHit{name: name, size: 1, fuzzy: true}
		}
		if name, ok := a.phrase[string(b[:])]; ok && !ambiguousTech[string(b[:])] {
			return techHit{name: name, size: 1, fuzzy: true}
		}
	}
	return techHit{}
}

// misspeltLater matches a keyword of several words whose first word the
// question spells right and a later word of five letters or more with a
// typo ("soil fertilty" for "Soil fertility").
func (t *techTable) misspeltLater(ts []string, i int) (techHit, bool) {
	for _, m := range t.multi[ts[i]] {
		if len(m.rest) > len(ts)-i-1 {
			continue
		}
		typo := false
		for j, w := range m.rest {
			q := ts[i+1+j]
			if q == w {
				continue
			}
			if len(w) < 5 || commonWords[q] || !fuzzyEq(q, w) || realWord(q) && !pluralPair(q, w) {
				typo = false
				break
			}
			typo = true
		}
		if typo {
			return techHit{name: m.name, size: 1 + len(m.rest), fuzzy: true}, true
		}
	}
	return techHit{}, false
}
