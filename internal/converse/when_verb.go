package converse

import "strings"

// whenVerb answers "when did he retire": a verb that no cue knows, said of
// the person in one sentence of the profile that also gives a year, is
// dated by that sentence ("retired from competition in 2019"). The entry
// in focus has nothing to do with it: the question names no entry.
func (r *resolver) whenVerb() bool {
	x, o, q := r.x, r.o, r.q
	if at(q.ts, 0) != "when" || at(q.ts, 2) != "@p" || q.hasWin || q.anaph || len(q.ents) > 0 || len(q.techs) > 0 || len(q.ts) > 6 {
		return false
	}
	switch at(q.ts, 1) {
	case "did", "was", "has", "had":
	default:
		return false
	}
	v := at(q.ts, 3)
	// A promotion has its own answer, which compares the titles held.
	if len(v) < 4 || !isAlphaWord(v) || genericVerbs[v] || cueTable[v] != nil || searchStop[v] || commonWords[v] || strings.HasPrefix(v, "promot") {
		return false
	}
	forms := verbForms(v)
	rest := q.ts[4:]
	for i := range x.snippets {
		sn := &x.snippets[i]
		if !hasAnyToken(sn.toks, forms...) || !holdsYear(sn.toks) || !holdsAll(sn.toks, rest) {
			continue
		}
		o.in = iWhen
		o.say("The profile says, %s: “%s”.", sn.where, strings.TrimRight(sn.text, "."))
		o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
		return true
	}
	return false
}

// holdsYear reports a token that is a year of the last two centuries.
func holdsYear(ts []string) bool {
	for _, t := range ts {
		if len(t) == 4 && (t[:2] == "19" || t[:2] == "20") && isDigits(t) {
			return true
		}
	}
	return false
}

// holdsAll reports whether ts holds every word of want that says
// something (function words aside), by stem.
func holdsAll(ts, want []string) bool {
	for _, w := range want {
		if searchStop[w] || len(w) < 3 {
			continue
		}
		st, found := stem(w), false
		for _, t := range ts {
			if strings.HasPrefix(t, st) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
