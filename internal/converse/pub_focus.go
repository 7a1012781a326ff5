package converse

import "strings"

// publishedIt answers "when was it published", "who published it" right
// after one publication: that one, not every publication the verb names.
func (r *resolver) publishedIt() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) > 0 || len(q.techs) > 0 || q.hasWin || !q.anaph || len(q.ts) > 6 || hasAnyToken(q.ts, "since", "after", "before", "else", "other") ||
		!strings.Contains(q.raw, "ublish") && !strings.Contains(q.raw, "UBLISH") {
		return false
	}
	f := r.focus()
	if len(f) != 1 || f[0].sec != secPublications {
		return false
	}
	q.ents = f
	x.aboutEntity(o, q, r.mod, r.now)
	return true
}
