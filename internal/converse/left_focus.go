package converse

// leftFocus answers "why did he leave?" or "why did she quit that job?"
// about the one job in focus. noteWhy has already said that the profile
// doesn't say why; what it does say is when the job ended and which job
// came next (or that it has not ended).
func (r *resolver) leftFocus() bool {
	x, o, q := r.x, r.o, r.q
	// The question's own words first: the reply cache relies on a rule
	// reading the session's state only when its words fit.
	if at(q.ts, 0) != "why" || len(q.ents) > 0 || len(q.techs) > 0 || !hasAnyToken(q.ts, "leave", "left", "quit") {
		return false
	}
	f := r.focus()
	if len(f) != 1 || f[0].sec != secWork || !f[0].dated {
		return false
	}
	it := f[0]
	o.in = iNext
	o.citeItem(it)
	o.focusOn(it)
	if it.current(r.now) {
		o.say("%s hasn't left: the profile lists %s as current%s.", x.Who(), it.roleAt(), commaWhen(it))
		return true
	}
	o.say("%s was %s%s.", x.Who(), it.roleAt(), commaWhen(it))
	// The job that followed: the earliest one that started after this one
	// began and no more than a year before it ended (a year-only end stands
	// for the whole year; a volunteer role held alongside for years is not
	// where he went).
	end := it.per.Until(r.now)
	var next *item
	for _, j := range x.jobs {
		if j == it || !j.dated || !j.per.From().After(it.per.From()) || j.per.From().Before(end.AddDate(-1, 0, 0)) {
			continue
		}
		if next == nil || j.per.From().Before(next.per.From()) {
			next = j
		}
	}
	if next == nil {
		o.say("The profile lists no job after it.")
		return true
	}
	o.citeItem(next)
	o.say("Next, the profile lists %s%s.", next.describe(), commaWhen(next))
	return true
}
