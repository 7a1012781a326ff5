package converse

import "slices"

// "When did he join the Foreign Office?" of a profile with the FCO (2010)
// and its renamed successor, the FCDO (2023), or with two roles at one
// employer: he joined once, at the earliest start. Listing every entry's
// dates answers "when was he there", not "when did he join"; the later
// entries are named after, briefly.

// joinedWords (employer_roles.go) ask when someone came to an employer.

// joinedWhen answers the earliest start among the jobs a join question
// names.
func (r *resolver) joinedWhen() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) < 2 || len(q.techs) > 0 || q.hasWin || !hasAnyTokenIn(q.ts, joinedWords) ||
		!hasAnyToken(q.ts, "when") && !(hasAnyToken(q.ts, "what", "which") && hasAnyToken(q.ts, "year", "month", "date")) ||
		hasAnyToken(q.ts, "first", "career", "leave", "left", "finish", "end", "ended", "promoted") {
		return false
	}
	var jobs []*item
	for _, e := range q.ents {
		if e.sec != secWork {
			return false // "when did she start the course": a study named too
		}
		if !e.dated {
			return false
		}
		jobs = append(jobs, e)
	}
	slices.SortStableFunc(jobs, func(a, b *item) int { return a.per.From().Compare(b.per.From()) })
	first := jobs[0]
	verb := "joined"
	if !hasAnyToken(q.ts, "join", "joined", "joining", "hired") {
		verb = "started at"
	}
	o.in = iWhen
	o.say("%s %s %s in %s, as %s.", x.Who(), verb, first.title, fmtDate(first.per.Start), nonBlank(first.role, "an unnamed role"))
	o.citeItem(first)
	later := make([]string, 0, len(jobs)-1)
	for _, it := range jobs[1:] {
		later = append(later, it.roleAt()+it.span())
		o.citeItem(it)
	}
	o.say("Later: %s.", list(later))
	o.focusOn(jobs...) // "how big did he grow the team there": all of them
	return true
}
