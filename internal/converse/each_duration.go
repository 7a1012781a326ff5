package converse

// eachDuration answers "how long was she at each" after a list of
// entries, and "how long was he at each job": the time at every one of
// them (up to ten), not the whole career.
func (r *resolver) eachDuration() bool {
	x, o, q := r.x, r.o, r.q
	// the question's own words first: reading the state for every question
	// would keep context-free replies out of the answer cache
	each := hasAnyToken(q.ts, "each", "every")
	// "how long has he been doing that" after two roles held now: how long
	// in each role, not his whole career
	// ("that job" is one of them, and other steps read it)
	last := at(q.ts, len(q.ts)-1)
	those := !each && at(q.ts, 0) == "how" && at(q.ts, 1) == "long" && hasAnyToken(q.ts, "doing", "done") &&
		(last == "that" || last == "those" || last == "them" || last == "these" || last == "it" || last == "this")
	if !each && !those || q.scores[iDuration] == 0 && q.scores[iTotalExp] == 0 || len(q.ents) > 0 {
		return false
	}
	focus := r.focus()
	if those && (len(focus) < 2 || len(focus) > 4 || !allIn(focus, secWork) || x.onlyFullJob(focus) != nil) {
		// one full-time job beside part-time ones is what "that" is
		return false
	}
	if len(focus) < 2 && hasAnyToken(q.ts, "job", "jobs", "role", "roles", "employer", "employers", "company", "companies", "position", "positions") {
		focus = focus[:0:0] // "at each job" with no list just given: every job
		for i := range x.work {
			focus = append(focus, &x.work[i])
		}
	}
	if len(focus) < 2 || len(focus) > 10 {
		return false
	}
	o.in = iDuration
	said := map[string]bool{}
	for _, it := range focus {
		// two roles at one employer are told once, as one stay
		sub := &out{x: x}
		x.durationOf(sub, it, those, r.now)
		if s := sub.b.String(); !said[s] {
			said[s] = true
			o.put(s)
			for _, c := range sub.cites {
				o.cite(c.Section, c.Index, c.Field)
			}
		}
	}
	o.focusOn(focus...)
	return true
}
