package converse

import "slices"

// nearHolds reports whether a sentence of picked belongs to near, the one
// entry a question's "it" stands for.
func nearHolds(picked []*snippet, near *item) bool {
	if near == nil {
		return false
	}
	for _, sn := range picked {
		if sn.cite.Section == near.sec && sn.cite.Index == near.idx {
			return true
		}
	}
	return false
}

// bareCountTails end a bare "how many" follow-up: "how many times", "how
// many of them", "how many in all".
var bareCountTails = [][]string{nil, {"times"}, {"of", "them"}, {"of", "those"}, {"in", "all"}, {"in", "total"}, {"altogether"}, {"is", "that"}, {"are", "there"}, {"then"}}

// countOfFocus answers a bare "how many times?" after a reply that named
// several entries: their number, not a guess at a subject (the question's
// own words are read before the session's state).
func (r *resolver) countOfFocus() bool {
	ts := r.q.ts
	if len(ts) < 2 || ts[0] != "how" || ts[1] != "many" || len(r.q.ents) > 0 {
		return false
	}
	bare := false
	for _, tail := range bareCountTails {
		if len(ts)-2 == len(tail) && slices.Equal(ts[2:], tail) {
			bare = true
			break
		}
	}
	if !bare {
		return false
	}
	f := r.focus()
	if len(f) < 2 {
		return false
	}
	o := r.o
	o.in = sectionIntent(f[0].sec)
	parts := make([]string, len(f))
	for i, it := range f {
		parts[i] = it.listEntry() + it.span()
		o.citeItem(it)
	}
	o.say("%d: %s.", len(f), list(parts))
	o.focusOn(f...)
	return true
}
