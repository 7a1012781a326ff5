package converse

import "strings"

// "What was it written in?", "what is it built with?" right after a project
// or a job ask for its technologies, not for writing or publications.

// builtWithAsked reports a question of what "it" was made with: a verb of
// making with "with" or "using", or closing on "in" ("written in").
func builtWithAsked(q *query) bool {
	if !hasAnyToken(q.ts, "it", "that", "this") || !hasAnyToken(q.ts, "what", "which") {
		return false
	}
	j := q.joined
	for _, p := range []string{" built with ", " built using ", " made with ", " made using ", " written with ", " written using ",
		" developed with ", " developed using ", " coded with ", " programmed with "} {
		if strings.Contains(j, p) {
			return true
		}
	}
	for _, p := range []string{" written in ", " built in ", " coded in ", " programmed in ", " developed in ", " made in "} {
		if strings.HasSuffix(j, p) {
			return true
		}
	}
	// "what language is that in", "which framework was it in": the thing
	// it is made in named, closing on "in"
	return strings.HasSuffix(j, " in ") && hasAnyToken(q.ts, "language", "languages", "framework", "frameworks", "stack")
}

// builtWith answers the question for the one project or job in focus.
func (r *resolver) builtWith() bool {
	o, q := r.o, r.q
	if len(q.ents) > 0 || len(q.techs) > 0 || q.kind != nil || !builtWithAsked(q) {
		return false
	}
	f := r.focus()
	if len(f) != 1 || f[0].sec != secProjects && f[0].sec != secWork {
		return false
	}
	it := f[0]
	o.in = iTech
	o.citeItem(it)
	o.focusOn(it)
	if len(it.techs) == 0 {
		o.say("The profile doesn't say what %s was built with.", it.label())
		return true
	}
	o.say("The profile lists these technologies for %s: %s.", it.label(), list(it.techs))
	return true
}
