package stt

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Pronunciations is a dictionary that profile models take their words'
// pronunciations from: a Dictionary, or the more compact Lexicon.
type Pronunciations interface {
	// Subset returns the entries for words, and the words it has none for.
	Subset(words []string) (Dictionary, []string)
}

var (
	_ Pronunciations = Dictionary(nil)
	_ Pronunciations = (*Lexicon)(nil)
)

// Lexicon is a read-only CMU dictionary packed for a long-lived process:
// all entries in one string, sorted by word, and their offsets. The
// general dictionary (135 000 entries) held as a Dictionary is about
// 18 MB of small strings and slices that every GC cycle scans; packed it
// is one pointer-free string and one pointer-free index.
type Lexicon struct {
	// text is "word phones\n" per pronunciation, words lower-cased and
	// sorted, a word's variants in the order the source gave them.
	text string
	// start is where each entry begins in text.
	start []uint32
	words int
}

// ReadLexicon parses a CMU-format dictionary as ReadDictionary does.
func ReadLexicon(r io.Reader) (*Lexicon, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read dictionary: %w", err)
	}
	text := string(raw)
	type entry struct{ word, phones string }
	entries := make([]entry, 0, strings.Count(text, "\n")+1)
	size := 0
	for line := range strings.Lines(text) {
		word, phones, ok := dictLine(line)
		if !ok {
			continue
		}
		e := entry{word, phones}
		entries = append(entries, e)
		size += len(e.word) + len(e.phones) + 2
	}
	if size > 1<<32-1 {
		return nil, fmt.Errorf("read dictionary: %d bytes of entries, more than a Lexicon holds", size)
	}
	// Stable, so that a word's first variant stays its first.
	slices.SortStableFunc(entries, func(a, b entry) int { return strings.Compare(a.word, b.word) })
	var b strings.Builder
	b.Grow(size)
	l := &Lexicon{start: make([]uint32, len(entries))}
	for i, e := range entries {
		l.start[i] = uint32(b.Len())
		b.WriteString(e.word)
		b.WriteByte(' ')
		b.WriteString(e.phones)
		b.WriteByte('\n')
		if i == 0 || e.word != entries[i-1].word {
			l.words++
		}
	}
	l.text = b.String()
	return l, nil
}

// Len is the number of distinct words.
func (l *Lexicon) Len() int { return l.words }

// entry returns entry i's word and phones.
func (l *Lexicon) entry(i int) (word, phones string) {
	end := len(l.text)
	if i+1 < len(l.start) {
		end = int(l.start[i+1])
	}
	word, phones, _ = strings.Cut(l.text[l.start[i]:end-1], " ")
	return word, phones
}

// Lookup returns word's pronunciations (word lower-cased), nil if it has
// none.
func (l *Lexicon) Lookup(word string) []string {
	i, _ := slices.BinarySearchFunc(l.start, word, func(off uint32, w string) int {
		e := l.text[off:]
		return strings.Compare(e[:strings.IndexByte(e, ' ')], w)
	})
	var out []string
	for ; i < len(l.start); i++ {
		w, p := l.entry(i)
		if w != word {
			break
		}
		out = append(out, p)
	}
	return out
}

// Subset returns the entries for words, and the words it has none for.
func (l *Lexicon) Subset(words []string) (Dictionary, []string) {
	out := Dictionary{}
	var missing []string
	for _, w := range words {
		if p := l.Lookup(w); p != nil {
			out[w] = p
		} else {
			missing = append(missing, w)
		}
	}
	return out, missing
}
