package converse

import (
	"slices"
	"strings"
)

// A yes/no question may name something of which one word is the
// profile's and the other is not: "does she take Delta Dental insurance"
// of a dentist whose entries say "dental" four times. The entries sharing
// the word are no answer: the name asked about, Delta Dental, is not
// mentioned, and that is the answer.

// absentName returns the name, in the visitor's spelling, made of a word
// nowhere in the profile next to a word of the names of the entries q
// found; "" when every distinctive word is the profile's.
func (x *Index) absentName(q *query) string {
	if !yesNoQuestion(q.ts) || len(q.ents) < 2 {
		return ""
	}
	for i, t := range q.ts {
		if !x.foreignWord(t) {
			continue
		}
		lo, hi := i, i
		for lo > 0 && x.entKey(q.ents, q.ts[lo-1]) {
			lo--
		}
		for hi+1 < len(q.ts) && x.entKey(q.ents, q.ts[hi+1]) {
			hi++
		}
		if lo == i && hi == i {
			continue // no word of the entries' names beside it
		}
		return x.visitorSpelling(q.raw, q.ts[lo:hi+1])
	}
	return ""
}

// foreignWord reports a distinctive word that is nowhere in the profile:
// no everyday or cue word, name, slang, nor a clipped title ("hazmat").
func (x *Index) foreignWord(t string) bool {
	if len(t) < 3 || !isAlphaWord(t) || commonWords[t] || personWords[t] || x.isNameTok(t) || cueTable[t] != nil ||
		cueTable[singular(t)] != nil || slang[t] != nil || askVerbs[t] || searchStop[t] {
		return false
	}
	return !x.words[stem(t)] && !x.clippedTitle(secWork, t) && !x.joinsTwoWords(t)
}

// entKey reports whether t is a distinctive word of one of ents' names.
func (x *Index) entKey(ents []*item, t string) bool {
	for _, e := range ents {
		if slices.Contains(e.keys, t) {
			return true
		}
	}
	return false
}

// visitorSpelling returns the words ts as the visitor wrote them in raw,
// capitalised: "Delta Dental".
func (x *Index) visitorSpelling(raw string, ts []string) string {
	orig := tokenize(raw, false)
	for j := range orig {
		if j+len(ts) > len(orig) {
			break
		}
		match := true
		for k, t := range ts {
			if strings.ToLower(orig[j+k]) != t {
				match = false
				break
			}
		}
		if match {
			out := make([]string, len(ts))
			for k := range ts {
				out[k] = capital(orig[j+k])
			}
			return strings.Join(out, " ")
		}
	}
	return ""
}

// shortFirstName reports raw[i] as the short form of the first name before
// the surname: "Bea Tanaka" of Beatriz Tanaka, "Alex Moreau" of Alexandra.
// Alone, three letters of a first name are too often a word of their own
// ("Mar" of Marcus) to be taken for it.
func (x *Index) shortFirstName(raw []string, i int) bool {
	t := raw[i]
	if len(t) < 3 || i+1 >= len(raw) || !x.isNameTok(raw[i+1]) || x.isNameTok(t) {
		return false
	}
	return len(x.firstTok) > len(t) && strings.HasPrefix(x.firstTok, t) && raw[i+1] != x.firstTok
}

// onlyForeignWord returns, for a yes/no question with one distinctive word
// that is nowhere in the profile, that word as the visitor wrote it; ""
// otherwise. What else the question says is the profile's own.
func (x *Index) onlyForeignWord(q *query) string {
	if !yesNoQuestion(q.ts) || q.anaph {
		return "" // "is that paid" asks of the entry in focus
	}
	found := ""
	for _, t := range q.ts {
		if !x.foreignWord(t) {
			continue
		}
		if found != "" {
			return ""
		}
		found = t
	}
	for _, w := range tokenize(q.raw, false) {
		if found != "" && strings.ToLower(w) == found {
			return w // as typed: "Dog" would make a name of a dog
		}
	}
	return ""
}
