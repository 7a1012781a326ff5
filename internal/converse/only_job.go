package converse

import "time"

// "Is that his only job", "does she have other jobs": whether the person
// holds other roles now, which a profile of overlapping open-ended roles
// (a practice and a teaching post, a company and a board seat) answers.

// jobNouns are what "only" and "other" ask about.
var jobNouns = setOf(`job jobs role roles position positions gig gigs work employer employers`)

// onlyJobAsked returns "only" for "is that her only job", "other" for
// "does he have other jobs", "any other roles", "a second job", else "".
func onlyJobAsked(ts []string) string {
	for i, t := range ts {
		if !jobNouns[t] || i == 0 {
			continue
		}
		switch ts[i-1] {
		case "only":
			return "only"
		case "other", "another", "second", "side":
			return "other"
		}
	}
	return ""
}

// otherRolesNow answers with every current role, saying first whether
// there is more than one.
func (x *Index) otherRolesNow(o *out, asked string, now time.Time) bool {
	var cur []*item
	for _, it := range x.jobs {
		if it.current(now) {
			cur = append(cur, it)
		}
	}
	if len(cur) == 0 {
		return false
	}
	o.in = iCurrent
	if len(cur) == 1 {
		o.say("The profile lists one current role: %s%s.", cur[0].roleAt(), sinceText(cur[0]))
		o.citeItem(cur[0])
		o.focusOn(cur[0])
		return true
	}
	if asked == "only" {
		o.say("No.")
	} else {
		o.say("Yes.")
	}
	x.currentRole(o, now)
	return true
}

// onlyJob answers "is that his only job".
func (r *resolver) onlyJob() bool {
	q := r.q
	if q.hasWin || len(q.ents) > 0 || len(q.techs) > 0 {
		return false
	}
	asked := onlyJobAsked(q.ts)
	return asked != "" && r.x.otherRolesNow(r.o, asked, r.now)
}
