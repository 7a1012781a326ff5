package converse

import "strings"

// "Did the Baltic porter win anything?": an award's summary often says
// what it was for ("For Bałtycki Porter, a Baltic porter lagered for six
// months"), which its title does not. The words of the thing asked, all
// found in one award's summary, pick that award; the others are no answer.

// awardForThing answers which awards the thing the question names won.
func (r *resolver) awardForThing() bool {
	x, o, q := r.x, r.o, r.q
	if q.hasWin || len(q.techs) > 0 || len(x.r.Awards) < 2 || !hasAnyTokenIn(q.ts, awardWords) {
		return false
	}
	var words []string
	for _, t := range q.ts {
		if len(t) >= 4 && !searchStop[t] && !commonWords[t] && !awardWords[t] && !askVerbs[t] && !x.nameToks[t] && cueTable[t] == nil {
			words = append(words, stem(t))
		}
	}
	if len(words) == 0 {
		return false
	}
	var found []*item
	for _, it := range x.sorted(secAwards) {
		a := x.r.Awards[it.idx]
		if hasAnyStem(tokens(a.Title+" "+a.Awarder), words) {
			return false // the title or awarder names it: the awards answer does
		}
		if allStemsIn(tokens(a.Summary), words) {
			found = append(found, it)
		}
	}
	if len(found) == 0 || len(found) == len(x.r.Awards) {
		return false
	}
	o.in = iAwards
	for _, it := range found {
		a := x.r.Awards[it.idx]
		o.say("%s%s: %s.", it.listEntry(), it.span(), strings.TrimRight(strings.TrimSpace(a.Summary), "."))
		o.citeItem(it)
	}
	o.focusOn(found...)
	return true
}

// hasAnyStem reports whether a word of ts has one of the stems.
func hasAnyStem(ts, stems []string) bool {
	for _, t := range ts {
		for _, s := range stems {
			if stem(t) == s {
				return true
			}
		}
	}
	return false
}

// allStemsIn reports whether every stem is a word of ts.
func allStemsIn(ts, stems []string) bool {
	for _, s := range stems {
		if !hasAnyStem(ts, []string{s}) {
			return false
		}
	}
	return true
}
