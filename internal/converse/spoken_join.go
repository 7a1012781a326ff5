package converse

import (
	"strings"
	"sync"

	"github.com/parleyhq/parley/internal/profile"
)

// spokenIndex is what spokenForm needs of one profile, built by Compile.
type spokenIndex struct {
	// join holds the one-word forms of the profile's names and keywords
	// ("brightloop", "swiftui", "a320"): two words heard for one of them
	// are joined.
	join map[string]bool
	// all is join with the alias table's one-word forms, for one look-up.
	all map[string]bool
	// keys are the words of the person's and entries' names a misheard
	// word is mended to ("inez" to "ines", "rakuton" to "rakuten").
	keys []string
	// bigrams are the profile's pairs of words holding the other spelling
	// of a homophone ("site reliability").
	bigrams map[string]bool
}

func (x *Index) compileSpoken() {
	s := &spokenIndex{join: map[string]bool{}, bigrams: map[string]bool{}}
	addJoin := func(texts ...string) {
		for _, text := range texts {
			ts := tokens(text)
			for _, t := range ts {
				if len(t) >= 4 && !commonWords[t] || len(t) == 3 && strings.ContainsAny(t, "0123456789") {
					s.join[t] = true
				}
			}
		}
	}
	addJoin(x.full)
	for _, sk := range x.r.Skills {
		addJoin(sk.Keywords...)
	}
	for _, p := range x.r.Projects {
		addJoin(p.Keywords...)
	}
	addJoin(x.techOrder...)
	seen := map[string]bool{}
	addKey := func(k string, n int) {
		if len(k) >= n && isAlphaWord(k) && !commonWords[k] && !seen[k] {
			seen[k] = true
			s.keys = append(s.keys, k)
		}
	}
	for t := range x.nameToks {
		addKey(t, 4)
	}
	for _, e := range x.entities {
		addJoin(e.title)
		switch e.sec {
		case secWork, secVolunteer, secEducation, secProjects:
			for _, k := range e.keys {
				addKey(k, 5)
			}
		}
	}
	pairs := func(ts []string) {
		for i := 0; i+1 < len(ts); i++ {
			if homophoneTargets[ts[i]] || homophoneTargets[ts[i+1]] {
				s.bigrams[ts[i]+" "+ts[i+1]] = true
			}
		}
	}
	pairs(tokens(x.r.Basics.Label))
	for _, sn := range x.snippets {
		pairs(sn.toks)
	}
	for _, e := range x.entities {
		pairs(tokens(e.title))
		pairs(tokens(e.role))
	}
	s.all = make(map[string]bool, len(s.join)+len(aliasJoin()))
	for _, m := range []map[string]bool{s.join, aliasJoin()} {
		for w := range m {
			s.all[w] = true
		}
	}
	x.heard = s
}

// aliasJoin holds the one-word forms of the alias table ("javascript",
// "postgres", "python"), for "java script" in any profile.
var aliasJoin = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, t := range profile.Technologies().Techs() {
		for _, form := range append([]string{t.Name}, t.Aliases...) {
			if c := string(compactKey(nil, tokens(form))); len(c) >= 4 && !ambiguousTech[c] {
				m[c] = true
			}
		}
	}
	return m
})

// knownJoin reports a word the engine knows: a name or keyword of the
// profile, a technology, an acronym of an entry, a word of the profile.
func (x *Index) knownJoin(w string) bool {
	if _, tech := aliasTable().phrase[w]; tech {
		return true
	}
	return x.heard.join[w] || aliasJoin()[w] || x.acros[w] || x.words[stem(w)]
}

// joinable reports whether the words a and b, heard apart, are the one
// word c = a+b: a name or keyword of the profile, or a technology's name
// that is no English word or was heard as a syllable that is none ("pie
// thon"; "type script" only where the profile lists TypeScript).
func (x *Index) joinable(c, a, b string) bool {
	if glueStop[a] || glueStop[b] || isDigits(a) && isDigits(b) || x.isPhrase(a, b) {
		return false
	}
	if x.heard.join[c] {
		return true
	}
	if !aliasJoin()[c] {
		return false
	}
	return !realWord(c) || len(a) >= 4 && !realWord(a) || len(b) >= 4 && !realWord(b)
}

// isPhrase reports "a b" a form of a technology whose name is two words
// ("ux research" of User research, "open source"): read as it stands,
// not joined. "swift ui" names SwiftUI, one word, and is joined.
func (x *Index) isPhrase(a, b string) bool {
	var buf [64]byte
	p := append(append(append(buf[:0], a...), ' '), b...)
	name, ok := x.techs.vocab[string(p)]
	if !ok {
		name, ok = aliasTable().phrase[string(p)]
	}
	return ok && strings.ContainsRune(name, ' ')
}

// glueStop are words never part of a name heard as two: "is she" is no
// "isshe".
var glueStop = setOf(`an the and or of in at to on for with by from is it as be he she they we you his her
their its was are were did does do has have had what who where when which how`)

// spokenPrefixes are first syllables a recogniser writes as a word:
// "pie torch" is PyTorch, "jay query" jQuery.
var spokenPrefixes = map[string]string{"pie": "py", "jay": "j"}

// joinsPair is joinable for phase one of spokenForm, on byte slices that
// are not kept; it also reports a pair that may be a misspelt name heard
// as two ("post gress").
func (x *Index) joinsPair(a, b []byte, prefix, uncommon bool) bool {
	var buf [64]byte
	if x.heard.all[string(append(append(buf[:0], a...), b...))] {
		return true // joinSplitNames decides with the rest of joinable
	}
	if p := spokenPrefixes[string(a)]; prefix && x.heard.all[string(append(append(buf[:0], p...), b...))] {
		return true
	}
	return uncommon && x.oddSyllable(string(b))
}

// oddSyllable reports a short word of no language the engine knows, nor
// the profile's: a piece of a name the recogniser split ("gress" of
// "postgress").
func (x *Index) oddSyllable(w string) bool {
	return len(w) >= 3 && len(w) <= 5 && isAlphaWord(w) && !commonWords[w] && !searchStop[w] && !glueStop[w] &&
		cueTable[w] == nil && !fillers[w] && !x.isNameTok(w) && !x.words[stem(w)] && (len(w) < 4 || !realWord(w))
}

// joinSplitNames joins the words of a name or technology heard apart:
// three words ("a 3 20" for A320) before two ("bright loop"), a first
// syllable written as a word ("pie torch"), and two words whose joined
// form is a misspelt technology ("post gress").
func (x *Index) joinSplitNames(ws []sword) []sword {
	out := ws[:0]
	for i := 0; i < len(ws); i++ {
		if i+2 < len(ws) {
			a, b, c := ws[i].core, ws[i+1].core, ws[i+2].core
			if j := a + b + c; !glueStop[b] && x.joinable(j, a, b+c) {
				out = append(out, sword{j + ws[i+2].tail(), j})
				i += 2
				continue
			}
		}
		if i+1 < len(ws) {
			a, b := ws[i].core, ws[i+1].core
			j := a + b
			ok := x.joinable(j, a, b)
			if p, pre := spokenPrefixes[a]; !ok && pre {
				j = p + b
				ok = x.joinable(j, p, b)
			}
			if !ok && (x.oddSyllable(a) || x.oddSyllable(b)) && !glueStop[a] && !glueStop[b] && isAlphaWord(j) && !realWord(j) {
				one := [1]string{j}
				h := x.techs.matchAt(one[:], 0, true)
				ok = h.name != "" && !h.ambiguous
			}
			if ok {
				out = append(out, sword{j + ws[i+1].tail(), j})
				i++
				continue
			}
		}
		out = append(out, ws[i])
	}
	return out
}
