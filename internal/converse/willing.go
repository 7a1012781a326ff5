package converse

import "strings"

// "Would she be comfortable with on-call", "is he happy to travel": a
// recruiter asks whether the person takes on a thing; the word of
// willingness is no topic of the profile, the thing after it is.

// willingWords say that someone would take a thing on.
var willingWords = setOf(`comfortable happy willing keen fine ok okay prepared open`)

// willingLinks join a word of willingness to the thing: "comfortable
// with", "happy to do", "open to".
var willingLinks = setOf(`with to doing about working being`)

// willingObject returns the thing a question of willingness asks about, as
// the visitor wrote it ("on-call"), when the profile has none of its
// words; "" otherwise.
func (x *Index) willingObject(q *query) string {
	if !yesNoQuestion(q.ts) {
		return ""
	}
	orig := tokenize(q.raw, false)
	for i := 0; i+2 < len(orig); i++ {
		if !willingWords[strings.ToLower(orig[i])] || !willingLinks[strings.ToLower(orig[i+1])] {
			continue
		}
		rest := orig[i+2:]
		for len(rest) > 0 && willingLinks[strings.ToLower(rest[0])] { // "happy to be working with"
			rest = rest[1:]
		}
		if len(rest) == 0 || len(rest) > 4 {
			return ""
		}
		for _, w := range rest {
			if lw := strings.ToLower(w); x.words[stem(lw)] && !commonWords[lw] {
				return "" // the profile has a word of it: the search answers
			}
		}
		// as typed, hyphen and all: "on-call", not "on call"
		from, last := strings.LastIndex(q.raw, rest[0]), rest[len(rest)-1]
		if to := strings.LastIndex(q.raw, last); from >= 0 && to >= from {
			return q.raw[from : to+len(last)]
		}
		return strings.Join(rest, " ")
	}
	return ""
}
