package converse

// employerAfterRole answers "and at the company overall?" after a reply on
// how long someone has held a role: the time at that employer, across all
// the roles there, not the list of every job.
func (r *resolver) employerAfterRole() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ts) > 7 || len(q.ents) > 0 || len(q.techs) > 0 || q.hasWin ||
		!hasAnyToken(q.ts, "company", "employer", "firm", "organisation", "organization", "business") ||
		!hasAnyToken(q.ts, "and", "overall", "altogether", "total", "whole") {
		return false
	}
	if !r.intentWas(iDuration) {
		return false
	}
	focus := r.focus()
	if len(focus) == 0 || !oneEmployer(focus) {
		return false
	}
	o.in = iDuration
	x.durationOf(o, focus[0], false, r.now)
	// the role asked about stays the subject: "what did she build there"
	// next is about it, not the first role at the employer
	o.focusOn(focus...)
	return true
}

// oneEmployer reports whether the entries are all jobs at one employer.
func oneEmployer(its []*item) bool {
	for _, it := range its {
		if it.sec != secWork || it.norm == "" || it.norm != its[0].norm {
			return false
		}
	}
	return true
}
