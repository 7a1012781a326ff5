package converse

// pairSet is a set of the first two bytes of words, kept as 256 bits of a
// hash of the pair: it may answer yes for a pair it does not hold (two
// pairs share a bit), never no for one it holds. findEntities reads it
// after the first-byte sets (leads): most keys that start with the first
// letter of some question word share no second letter with it.
type pairSet [4]uint64

// pairBit is the bit of s's first two bytes; s has two bytes or more.
func pairBit(s string) uint {
	return (uint(s[0])*31 + uint(s[1])) & 255
}

// add puts the first two bytes of s in the set; a shorter s adds nothing.
func (p *pairSet) add(s string) {
	if len(s) >= 2 {
		b := pairBit(s)
		p[b>>6] |= 1 << (b & 63)
	}
}

// mayHold reports whether a word of the set may start with the first two
// bytes of k: true for a k shorter than two bytes (the set keeps no pair
// for those), false only when no word added has k's pair.
func (p *pairSet) mayHold(k string) bool {
	if len(k) < 2 {
		return true
	}
	b := pairBit(k)
	return p[b>>6]&(1<<(b&63)) != 0
}

// add records a question word t, its stem and its root (the role-title
// stem, "\x00" for none) in l.
//
// Why the pairs rule out no match: every test of a name key k against a
// word t in entityScore (t == k, singular(t) == singular(k) for keys of
// four letters or more, pluralAcronym, equal stems of six letters or more)
// keeps t's first two bytes, as stem and singular keep three bytes or more
// of a word's start, except nameTypo, which needs six letters or more and
// the same first byte (l.long). locScore's tests (stem or root equal to k,
// or a word of six letters or more equal to its stem that starts k) keep
// the stem's or root's first two bytes; locKeys need t == k.
func (l *leads) add(t, stem, root string) {
	l.words.add(t)
	l.stems.add(stem)
	l.stems.add(root)
	l.wordPairs.add(t)
	l.stemPairs.add(stem)
	l.stemPairs.add(root)
	if len(t) >= 6 {
		l.long.add(t)
	}
}

// mayName reports whether the name key k may match a word of the question
// in entityScore: some word starts with k's first byte and either k's
// second byte too or is long enough for a typo.
func (l *leads) mayName(k string) bool {
	return l.words.has(k) && (l.wordPairs.mayHold(k) || l.long.has(k))
}
