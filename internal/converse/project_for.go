package converse

import (
	"strings"
)

// "What did she make for OPB?", "which project was for the city of
// Portland?": a project's entity is whom it was done for, and a visitor
// names it by its initials or by a few of its words. Those words may name
// other entries too (Portland State University), but "for" and a word of
// making ask for the projects.

// makeWords ask what was made or done.
var makeWords = setOf(`project projects make made build built design designed create created do did done work worked`)

// projectsFor answers about the projects done for the organisation the
// question names after "for".
func (r *resolver) projectsFor() bool {
	x, o, q := r.x, r.o, r.q
	if len(x.r.Projects) == 0 || !hasAnyToken(q.ts, "for") || !hasAnyTokenIn(q.ts, makeWords) {
		return false
	}
	var found []*item
	for _, it := range x.sorted(secProjects) {
		if entityNamed(x.r.Projects[it.idx].Entity, q.ts) {
			found = append(found, it)
		}
	}
	switch {
	case len(found) == 0:
		return false
	case len(found) == 1:
		q.ents = found
		x.aboutEntity(o, q, iNone, r.now)
		return true
	}
	names := make([]string, len(found))
	for i, it := range found {
		names[i] = it.title + it.span()
		o.citeItem(it)
	}
	o.in = iProjects
	o.say("For %s, the profile lists %s.", strings.TrimSpace(x.r.Projects[found[0].idx].Entity), list(names))
	o.focusOn(found...)
	return true
}

// entityNamed reports whether ts names the organisation: by its initials
// ("opb"), or by two of its words, or by its one.
func entityNamed(entity string, ts []string) bool {
	if a := acronymOf(entity); a != "" && hasAnyToken(ts, a) {
		return true
	}
	var words []string
	for _, t := range tokens(entity) {
		// "city" is a common word, but "the city of portland" names the
		// City of Portland by it
		if len(t) >= 3 && !searchStop[t] {
			words = append(words, t)
		}
	}
	n := 0
	for _, t := range words {
		if hasAnyToken(ts, t) {
			n++
		}
	}
	return n >= 2 || n == 1 && len(words) == 1
}
