package converse

// movedWhen answers "when did she move to Warsaw" from the entries there:
// a move's date is seldom written, the first dated entry there is the
// nearest the profile comes, said as such (a "Yes" answers no "when").
// It reports whether it answered.
func (x *Index) movedWhen(o *out, q *query, hits []*item, display string) bool {
	if at(q.ts, 0) != "when" || !hasAnyToken(q.ts, "move", "moved", "relocate", "relocated", "arrive", "arrived", "come", "came", "emigrate", "emigrated") {
		return false
	}
	var first *item
	for _, it := range hits {
		if it.dated && (first == nil || it.per.From().Before(first.per.From())) {
			first = it
		}
	}
	if first == nil {
		return false
	}
	name := first.describe()
	if first.sec == secWork {
		name = first.roleAt()
	}
	o.say("The profile doesn't say when %s moved to %s; the earliest entry it lists there is %s, from %s.", x.who(), display, name, fmtDate(first.per.Start))
	o.citeItem(first)
	o.focusOn(first)
	return true
}
