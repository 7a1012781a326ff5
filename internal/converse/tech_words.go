package converse

import "sync"

// matchAt asks up to a dozen tables about a single question word (the
// profile's vocabulary, compact forms, tails and first words, the alias
// table's phrases, compact forms and first words, and the cue, off-topic
// and everyday-word sets), and most words of a question are in none of
// them. The answers for a word are gathered once, when the tables are
// built, in two records: aliasWord (the tables every profile shares) and
// tableWord (the profile's own), so a word costs two look-ups.

// aliasWord is what the shared tables say of one word.
type aliasWord struct {
	phrase, compact     string // the alias table's name for the word as a phrase, as a compact form
	inPhrase, inCompact bool
	first               bool // the word starts a form of several words
	ambiguous           bool // ambiguousTech
	// notTech: an everyday word or one the cue tables know
	// ("certifications", "weather"), which is no misspelt technology.
	notTech bool
}

// tableWord is what a profile's techTable says of one word (or phrase:
// every key is kept, so a record answers for any string).
type tableWord struct {
	vocab, compact, hyphen, tail          string
	inVocab, inCompact, inHyphen, hasTail bool
	first                                 bool // the word starts a keyword of several words
	multi                                 bool // keywords of several words start with it (misspeltLater)
}

// aliasWords is every word the shared tables know, with their answers. It
// reads the cue tables, so it is built on first use, after init.
var aliasWords = sync.OnceValue(func() map[string]aliasWord {
	a := aliasTable()
	m := map[string]aliasWord{}
	for k, v := range a.phrase {
		w := m[k]
		w.phrase, w.inPhrase = v, true
		m[k] = w
	}
	for k, v := range a.compact {
		w := m[k]
		w.compact, w.inCompact = v, true
		m[k] = w
	}
	mark := func(set map[string]bool, f func(*aliasWord)) {
		for k, in := range set {
			if in {
				w := m[k]
				f(&w)
				m[k] = w
			}
		}
	}
	mark(a.first, func(w *aliasWord) { w.first = true })
	mark(ambiguousTech, func(w *aliasWord) { w.ambiguous = true })
	mark(commonWords, func(w *aliasWord) { w.notTech = true })
	for _, tb := range []map[string][]cue{cueTable, offTopicTable} {
		for k, cs := range tb {
			if cs != nil {
				w := m[k]
				w.notTech = true
				m[k] = w
			}
		}
	}
	return m
})

// wordsOf gathers what t's tables say of each single word they hold.
func (t *techTable) wordsOf() map[string]tableWord {
	m := map[string]tableWord{}
	put := func(k string, f func(*tableWord)) {
		w := m[k]
		f(&w)
		m[k] = w
	}
	for k, v := range t.vocab {
		put(k, func(w *tableWord) { w.vocab, w.inVocab = v, true })
	}
	for k, v := range t.compact {
		put(k, func(w *tableWord) { w.compact, w.inCompact = v, true })
	}
	for k, v := range t.hyphenParts {
		put(k, func(w *tableWord) { w.hyphen, w.inHyphen = v, true })
	}
	for k, v := range t.tails {
		put(k, func(w *tableWord) { w.tail, w.hasTail = v, true })
	}
	for k, in := range t.first {
		if in {
			put(k, func(w *tableWord) { w.first = true })
		}
	}
	for k, ms := range t.multi {
		if len(ms) > 0 {
			put(k, func(w *tableWord) { w.multi = true })
		}
	}
	return m
}

// byteMask has bit c%64 set for each byte c of w. Words within an edit
// distance d (with swaps of neighbours) differ in at most 2d bits: an
// insertion or deletion changes the set by one bit at most, a substitution
// by two, a swap not at all.
func byteMask(w string) uint64 {
	var m uint64
	for i := 0; i < len(w); i++ {
		m |= 1 << (w[i] & 63)
	}
	return m
}

// plainWord reports a word whose compact form is itself (no inner dot or
// hyphen), so that its records answer the compact look-ups too.
func plainWord(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] == '.' || w[i] == '-' {
			return false
		}
	}
	return w != "" && w[0] != '-'
}
