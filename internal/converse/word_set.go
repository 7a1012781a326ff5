package converse

// wordSet is a set of words tested against the words of most questions
// (hasAnyTokenIn): a word that has neither the length nor the first two
// bytes of a member is passed over without hashing it, where a map
// look-up hashes every word. has gives what the map gives, for any word.
type wordSet struct {
	m       map[string]bool
	lengths uint64  // bit min(len, 63) of each member
	pairs   pairSet // the first two bytes of each member of two bytes or more
}

// wordSetOf is setOf's set, with its filter.
func wordSetOf(words string) *wordSet {
	s := &wordSet{m: setOf(words)}
	for w := range s.m {
		s.lengths |= 1 << min(len(w), 63)
		s.pairs.add(w)
	}
	return s
}

// has reports s.m[t].
func (s *wordSet) has(t string) bool {
	return s.lengths&(1<<min(len(t), 63)) != 0 && s.pairs.mayHold(t) && s.m[t]
}

// anyIn reports hasAnyTokenIn(ts, s.m).
func (s *wordSet) anyIn(ts []string) bool {
	for _, t := range ts {
		if s.has(t) {
			return true
		}
	}
	return false
}
