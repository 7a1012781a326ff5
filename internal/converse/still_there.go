package converse

// "Is he still at Ubisoft?" asks one thing: whether a job at an employer
// the question names goes on. The entries that share the name (an award
// Ubisoft gave) and the list of current roles each answer something else;
// the answer is yes or no, with the dates that say so, and after a no,
// where the person is now.

// stillThere answers "is she still at X", "does he still work for X",
// "is he at X anymore" (neg_ask.go turns "anymore" into "still").
func (r *resolver) stillThere() bool {
	x, o, q := r.x, r.o, r.q
	if !hasAnyToken(q.ts, "still") || len(q.techs) > 0 || q.hasWin || len(q.ents) == 0 {
		return false
	}
	i := 0
	if negOpeners[at(q.ts, 0)] {
		i = 1 // "wait, isn't she at Browar Żuraw anymore"
	}
	switch at(q.ts, i) {
	case "is", "are", "does", "do", "has", "have":
	default:
		return false // "was he doing that while still at NATS" asks about the past
	}
	if hasAnyToken(q.ts, "while", "whilst", "when") {
		return false
	}
	jobs := atNamedEmployer(x, q)
	if len(jobs) == 0 || !oneEmployer(jobs) {
		return false
	}
	if !hasAnyToken(q.ts, "at", "with", "for", "by", "there") {
		// "is she still a member of X", "does she still work rugby match
		// days" (at City Rugby Club): no job asked after
		return false
	}
	var open []*item
	first, last := jobs[0], jobs[0]
	for _, it := range jobs {
		if !it.dated || it.noEnd {
			return false // no end and not open: the profile can't say
		}
		if it.current(r.now) {
			open = append(open, it)
		}
		if it.per.End.End().After(last.per.End.End()) {
			last = it
		}
		if it.per.From().Before(first.per.From()) {
			first = it
		}
	}
	o.in = iEmployer
	if len(open) > 0 {
		parts := make([]string, len(open))
		for i, it := range open {
			o.citeItem(it)
			parts[i] = roleOrJob(it) + it.span()
		}
		o.say("Yes: %s is still at %s, as %s.", x.who(), open[0].title, list(parts))
		o.focusOn(open...)
		return true
	}
	as := ", as "
	if first != last {
		as = ", last as "
	}
	o.citeItem(last)
	o.say("No: %s was at %s from %s to %s%s%s.", x.who(), last.title, fmtDate(first.per.Start), fmtDate(last.per.End), as, roleOrJob(last))
	if cur := x.currentJobs(r.now); len(cur) > 0 {
		parts := make([]string, len(cur))
		for i, it := range cur {
			o.citeItem(it)
			parts[i] = it.roleAt() + it.span()
		}
		o.say("Now: %s.", list(parts))
	} else {
		o.say("The profile lists no current role.")
	}
	o.focusOn(last)
	return true
}

// roleOrJob is the entry's title, or "a job" when it has none.
func roleOrJob(it *item) string {
	if it.role == "" {
		return "a job"
	}
	return it.role
}
