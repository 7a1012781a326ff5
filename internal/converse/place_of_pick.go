package converse

import "strings"

// placeOfPick adds where the entry just given was, when the question
// named its reference by a word of that entry's location ("and before
// Hanoi"): the visitor is following the places, and the entry given may
// hold none in its name ("UK Mission to the United Nations", in Geneva).
func (x *Index) placeOfPick(o *out, q *query, ref *item) {
	if ref.loc == "" || len(o.focus) != 1 || !namesLoc(q.ts, ref.loc) {
		return
	}
	items := x.section(o.sec)
	if o.focus[0] >= len(items) {
		return
	}
	it := &items[o.focus[0]]
	if it == ref || it.loc == "" || strings.Contains(o.b.String(), it.loc) {
		return
	}
	o.say("That was in %s.", it.loc)
}

// namesLoc reports whether ts holds a distinctive word of loc.
func namesLoc(ts []string, loc string) bool {
	for _, w := range tokens(loc) {
		if len(w) >= 3 && !commonWords[w] && hasAnyToken(ts, w) {
			return true
		}
	}
	return false
}
