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
	// The words the cue and everyday tables know, which are never misspelt
	// technologies, are read on every profile.
	var known [][]string
	for _, set := range []map[string]bool{commonWords, ambiguousTech} {
		for k := range set {
			known = append(known, []string{k})
		}
	}
	for _, tb := range []map[string][]cue{cueTable, offTopicTable} {
		for k := range tb {
			known = append(known, []string{k})
		}
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
		seqs := slices.Concat(qs, extra, own, known)
		for si, ts := range seqs {
			switch {
			case si >= len(qs)+len(extra)+len(own): // every known word
			case si >= len(qs)+len(extra) && si%5 != 0, si < len(qs)+len(extra) && (si+len(name))%89 != 0:
				continue // each profile reads a different share of the words: the test stays short, as under -race
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

// TestEntityLeadsKeepScores: entityScore passing over an entry whose
// leads meet no word of the question scores every entry as entityScoreRef
// (without that test) does, for every profile of the eval sets and a
// share of the public set's questions (half of them with a slip).
func TestEntityLeadsKeepScores(t *testing.T) {
	qs := publicQuestionTokens(t)
	r := rand.New(rand.NewPCG(5, 6))
	n, skipped := 0, 0
	for name, x := range compiledSetProfiles(t) {
		for qi, raw := range qs {
			if (qi+len(name))%53 != 0 {
				continue // a share of the questions per profile, a different one each (short, as under -race)
			}
			if qi%2 == 0 {
				raw = slices.Clone(raw)
				k := r.IntN(len(raw))
				raw[k] = typoed(r, raw[k])
			}
			j := joinTokens(raw)
			var jl byteSet
			for i := 0; i+1 < len(j); i++ {
				if j[i] == ' ' {
					jl[j[i+1]>>6] |= 1 << (j[i+1] & 63)
				}
			}
			var stems, roots []string
			var l leads
			for _, t := range raw {
				stems = append(stems, stem(t))
				rt := irregular[t]
				if rt == "" {
					rt = agentOf(t)
				}
				if rt == "" {
					rt = "\x00"
				}
				roots = append(roots, rt)
				l.add(t, stems[len(stems)-1], rt)
			}
			acro := ""
			for _, t := range raw {
				if len(t) >= 3 && len(t) <= 5 && x.acros[t] {
					acro = t
					break
				}
			}
			for _, e := range x.entities {
				n++
				if !e.leads.meet(&l) {
					skipped++
				}
				if got, want := entityScore(e, raw, stems, roots, j, &jl, acro, &l), entityScoreRef(e, raw, stems, roots, j, &jl, acro, &l); got != want {
					t.Fatalf("%s: entityScore(%q, %q) = %d, want %d", name, e.title, raw, got, want)
				}
			}
		}
	}
	t.Logf("%d scores compared, %d entries passed over by their leads", n, skipped)
}

// entityScoreRef is entityScore before it read e.leads; it rates how well a question names e: 1000 for the whole name
// as a phrase, else 100 per distinctive word plus a bonus for naming all.
func entityScoreRef(e *item, raw, stems, roots []string, joined string, jl *byteSet, acro string, l *leads) int {
	if acro != "" && (e.acro == acro || e.roleAcro == acro) {
		return 900 // "ucd": University College Dublin
	}
	if len(e.norm) > 2 && (len(e.keys) > 0 || len(e.norm) > 12) && (e.norm[0] != ' ' || jl.has(e.norm[1:])) && strings.Contains(joined, e.norm) {
		return 1000 + len(e.norm)
	}
	if len(e.keys) == 0 {
		return locScoreRef(e, raw, stems, roots, l)
	}
	matched, distinctive, cueOnly := 0, false, false
	for ki, k := range e.keys {
		if !l.words.has(k) {
			continue // no word of the question starts as k does
		}
		for i, t := range raw {
			if t == "" || k == "" || t[0] != k[0] {
				continue // every test below needs the same first letter
			}
			if t == k || (len(k) >= 4 && singular(t) == singular(k)) || pluralAcronym(t, k, e.title) || (len(k) >= 6 && len(t) >= 6 && stems[i] == e.keyStems[ki] && !verbAndAgent(t, k)) || nameTypo(t, k) {
				matched++
				// a year in a name ("Hackathon winner, PolCode 2019") names
				// nothing alone: "what was she doing in 2019" asks a window
				if !commonWords[k] && !commonWords[singular(k)] && !personWords[k] && !holdsYear(raw[i:i+1]) {
					distinctive = true
					cueOnly = cueTable[t] != nil
				}
				break
			}
		}
	}
	if matched == 1 && cueOnly && len(e.keys) > 1 {
		distinctive = false // "achievement" alone names no "Junior Achievement": it asks for highlights
	}
	if matched == 0 || (!distinctive && matched < len(e.keys)) {
		return locScoreRef(e, raw, stems, roots, l)
	}
	s := 100 * matched
	if matched == len(e.keys) {
		s += 50
	}
	if twoWordsOfName(e, raw) {
		s += 150 // "ohio state": the name that has both words together, not every name with "Ohio"
	}
	return s
}

// closestFuzzyRef is closestFuzzy before it read fuzzyMasks.
func (t *techTable) closestFuzzyRef(w string) (best string, bestD int) {
	from, _ := slices.BinarySearchFunc(t.fuzzyKeys, len(w)-2, func(v string, n int) int { return len(v) - n })
	for _, v := range t.fuzzyKeys[from:] {
		if len(v) > len(w)+2 {
			break
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

// TestClosestFuzzyMasks: the letter masks rule out only words fuzzyEq
// rejects, on each profile's vocabulary with one and two slips, and on the
// public set's words.
func TestClosestFuzzyMasks(t *testing.T) {
	qs := publicQuestionTokens(t)
	r := rand.New(rand.NewPCG(7, 8))
	n, hits := 0, 0
	for name, x := range compiledSetProfiles(t) {
		tt := x.techs
		var words []string
		for _, k := range tt.fuzzyKeys {
			words = append(words, k, typoed(r, k), typoed(r, typoed(r, k)), typoed(r, typoed(r, typoed(r, k))))
		}
		for qi, ts := range qs {
			if (qi+len(name))%41 == 0 {
				words = append(words, ts...)
			}
		}
		for _, w := range words {
			n++
			gb, gd := tt.closestFuzzy(w)
			wb, wd := tt.closestFuzzyRef(w)
			if gb != wb || gd != wd {
				t.Fatalf("%s: closestFuzzy(%q) = %q %d, want %q %d", name, w, gb, gd, wb, wd)
			}
			if gb != "" {
				hits++
			}
		}
	}
	t.Logf("%d words, %d near a vocabulary word", n, hits)
}
