package converse

import (
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// publicQuestionTokens returns the tokens of every question of the public
// set: the words visitors actually type.
func publicQuestionTokens(t *testing.T) [][]string {
	t.Helper()
	raw, err := os.ReadFile("eval/testdata/public.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, m := range regexp.MustCompile(`(?m)question:\s*"?(.*?)"?\s*$`).FindAllStringSubmatch(string(raw), -1) {
		if ts := tokens(m[1]); len(ts) > 0 {
			out = append(out, ts)
		}
	}
	if len(out) < 1000 {
		t.Fatalf("only %d questions read", len(out))
	}
	return out
}

// typoed returns w with one random slip: a letter dropped, doubled,
// replaced or swapped with the next.
func typoed(r *rand.Rand, w string) string {
	if len(w) < 2 {
		return w + "x"
	}
	b := []byte(w)
	i := r.IntN(len(b) - 1)
	switch r.IntN(4) {
	case 0:
		return string(append(b[:i:i], b[i+1:]...))
	case 1:
		return string(slices.Insert(b, i, b[i]))
	case 2:
		b[i] = "aeioustrnl"[r.IntN(10)]
	default:
		b[i], b[i+1] = b[i+1], b[i]
	}
	return string(b)
}

// TestMatchAtMatchesTables: matchAt reading the per-word records answers
// as matchAtRef (the look-up of each table in turn) does, for every
// profile of the eval sets, at every word of the public set's questions,
// of the tables' own words and phrases, and of misspelt forms of them.
func TestMatchAtMatchesTables(t *testing.T) {
	qs := publicQuestionTokens(t)
	r := rand.New(rand.NewPCG(3, 4))
	var extra [][]string
	addPhrase := func(p string) {
		if ts := strings.Fields(p); len(ts) > 0 {
			extra = append(extra, ts)
			extra = append(extra, []string{typoed(r, ts[0])})
			extra = append(extra, append([]string{"does", "she", "know"}, ts...))
		}
	}
	for k := range aliasTable().phrase {
		addPhrase(k)
	}
	for k := range aliasTable().compact {
		addPhrase(k)
	}
	for _, set := range []map[string]bool{commonWords, ambiguousTech} {
		for k := range set {
			addPhrase(k)
		}
	}
	for k := range cueTable {
		addPhrase(k)
	}
	for k := range offTopicTable {
		addPhrase(k)
	}
	extra = append(extra, []string{"asp.net"}, []string{"node.js", "dev"}, []string{".net"}, []string{"snap-on"}, []string{"-x"}, []string{"a b"})
	n := 0
	for name, x := range compiledSetProfiles(t) {
		tt := x.techs
		var own [][]string
		for _, m := range []map[string]string{tt.vocab, tt.compact, tt.hyphenParts, tt.tails, tt.fuzzy} {
			for k := range m {
				ts := strings.Fields(k)
				own = append(own, ts, []string{typoed(r, k)}, append(slices.Clone(ts[:len(ts)-1]), typoed(r, ts[len(ts)-1])))
			}
		}
		for k := range tt.multi {
			own = append(own, []string{k, "x"})
		}
		seqs := slices.Concat(qs, extra, own)
		for si, ts := range seqs {
			if si < len(qs)+len(extra) && (si+len(name))%11 != 0 {
				continue // each profile reads a different eleventh of the shared words: the test stays short
			}
			for i := range ts {
				for _, typos := range []bool{true, false} {
					n++
					if got, want := tt.matchAt(ts, i, typos), tt.matchAtRef(ts, i, typos); got != want {
						t.Fatalf("%s: matchAt(%q, %d, %v) = %+v, want %+v", name, ts, i, typos, got, want)
					}
				}
			}
		}
	}
	t.Logf("%d words compared", n)
}

// matchAtRef is matchAt as it was before tech_words.go: it tries the longest technology phrase starting at ts[i]. With
// typos set (a question), a single word may also match with spelling
// mistakes.
func (t *techTable) matchAtRef(ts []string, i int, typos bool) techHit {
	a := aliasTable()
	var kb [96]byte
	longest := min(t.maxLen, len(ts)-i)
	if longest > 1 && !a.first[ts[i]] && !t.first[ts[i]] {
		longest = 1 // no phrase starts with this word: only the word itself can match
	}
	for n := longest; n >= 1; n-- {
		key := append(kb[:0], ts[i]...)
		for _, w := range ts[i+1 : i+n] {
			key = append(append(key, ' '), w...)
		}
		name, ok := t.vocab[string(key)]
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
		if ok {
			// In a question an everyday word ("go") always needs a cue; in
			// profile text it counts when the profile lists it as a keyword.
			_, listed := t.vocab[ts[i]]
			return techHit{name: name, size: n, ambiguous: n == 1 && ambiguousTech[ts[i]] && (typos || !listed)}
		}
	}
	w := ts[i]
	if typos {
		if h, ok := t.misspeltLater(ts, i); ok {
			return h
		}
	}
	if typos && len(t.tails) > 0 {
		if name, ok := t.tails[w]; ok {
			return techHit{name: name, size: 1, ambiguous: true}
		}
	}
	if !typos || len(w) < 4 || commonWords[w] || cueTable[w] != nil || offTopicTable[w] != nil {
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
