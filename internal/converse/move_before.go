package converse

// beforeMoveTo answers "what did she do before moving to the UK": the
// jobs that began before the first one in that place and lie outside it.
// The place alone would list the jobs there, the reverse of what is asked.
func (r *resolver) beforeMoveTo() bool {
	x, o, q := r.x, r.o, r.q
	if !q.inPlace || q.place.outside || len(q.techs) > 0 || q.hasWin || len(x.work) < 2 || !movedBefore(q.ts) {
		return false
	}
	var first *item // the earliest job in the place
	for _, it := range x.sorted(secWork) {
		if it.dated && inPlace(it, q.place) {
			first = it
		}
	}
	if first == nil {
		return false
	}
	var parts []string
	var before []*item
	for _, it := range x.sorted(secWork) {
		if it.dated && it.per.From().Before(first.per.From()) && !inPlace(it, q.place) {
			s := it.roleAt()
			if it.loc != "" {
				s += " " + inLocation(it.loc)
			}
			parts = append(parts, s+it.span())
			before = append(before, it)
			o.citeItem(it)
		}
	}
	if len(parts) == 0 {
		return false
	}
	o.in = iPrev
	o.citeItem(first)
	o.say("Before %s first job in %s, %s%s, the profile lists %s.", x.whose(), q.place.name, first.roleAt(), first.span(), list(parts))
	o.focusOn(before...)
	return true
}

// movedBefore reports "before moving to", "before she moved to", "before
// coming to": a move, with the place after "to".
func movedBefore(ts []string) bool {
	for i, t := range ts {
		if t != "before" {
			continue
		}
		j := i + 1
		if at(ts, j) == "@p" {
			j++
		}
		if moveVerbs[at(ts, j)] && at(ts, j+1) == "to" {
			return true
		}
	}
	return false
}

// moveVerbs are the verbs of a move to a place.
var moveVerbs = setOf(`moving moved move coming came come relocating relocated relocate emigrating emigrated going went`)
