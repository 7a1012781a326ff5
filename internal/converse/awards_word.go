package converse

import "strings"

// "What fellowships has she had": one award may carry the word in its
// title ("Curatorial Fellowship") while another says it only in its
// summary ("Three-month residential fellowship"); a plural asks for all.

// awardsByWord answers a plural noun that names awards with every award
// whose title or summary holds its singular, when that is more than the
// awards the question named by title. It reports whether it answered.
func (r *resolver) awardsByWord() bool {
	x, o, q := r.x, r.o, r.q
	if q.hasWin || len(q.techs) > 0 || len(q.ents) == 0 || len(x.r.Awards) < 2 {
		return false
	}
	for _, e := range q.ents {
		if e.sec != secAwards {
			return false
		}
	}
	for _, t := range q.ts {
		s := singular(t)
		if s == t || len(s) < 5 {
			continue
		}
		var found []*item
		var parts []string
		for _, it := range x.sorted(secAwards) {
			a := x.r.Awards[it.idx]
			inTitle := hasAnyToken(tokens(a.Title), s)
			if !inTitle && !hasAnyToken(tokens(a.Summary), s) {
				continue
			}
			p := it.listEntry() + it.span()
			if !inTitle {
				p += ": " + strings.TrimRight(strings.TrimSpace(a.Summary), ".")
			}
			found = append(found, it)
			parts = append(parts, p)
		}
		if len(found) < 2 || len(found) <= len(q.ents) {
			continue
		}
		o.in = iAwards
		o.say("The profile lists %d awards that are %s: %s.", len(found), t, strings.Join(parts, "; "))
		for _, it := range found {
			o.citeItem(it)
		}
		o.focusOn(found...)
		return true
	}
	return false
}
