package converse

import "time"

// "Did she have a job while studying?": the jobs whose dates overlap a
// study's. The education answer lists the schools and leaves the
// question unanswered; the work answer lists every job.

// jobWords name holding a job.
var jobWords = setOf(`job jobs work worked working employed employment`)

// jobsWhileStudying answers which jobs were held during a study: the one
// the question names, else every dated one.
func (r *resolver) jobsWhileStudying() bool {
	x, o, q := r.x, r.o, r.q
	if q.hasWin || len(q.techs) > 0 {
		return false
	}
	w := -1
	for i, t := range q.ts {
		if t == "while" || t == "during" {
			w = i
			break
		}
	}
	// a job word before "while" and a study word after it: "what did she
	// study while working" asks the other way round
	if w < 0 || !hasAnyTokenIn(q.ts[:w], jobWords) || !hasAnyTokenIn(q.ts[w+1:], studyWords) && !hasAnyToken(q.ts[w+1:], "student", "bachelors") || hasAnyTokenIn(q.ts[w+1:], jobWords) {
		return false
	}
	studies := x.sorted(secEducation)
	if named := itemsIn(q.ents, secEducation); len(named) > 0 {
		studies = named
	}
	o.in = iWork
	found := false
	for _, e := range studies {
		if !e.dated {
			continue
		}
		jobs := x.jobsDuring(e, r.now)
		if len(jobs) == 0 {
			continue
		}
		found = true
		o.citeItem(e)
		for _, it := range jobs {
			o.citeItem(it)
		}
		o.say("While studying at %s%s, %s worked as %s.", e.title, e.span(), x.who(), list(rolesOf(jobs)))
		o.focusOn(jobs...)
	}
	if !found {
		o.say("The profile lists no job held while %s was studying.", x.who())
	}
	return true
}

// jobsDuring returns the dated jobs whose time overlaps the entry's.
func (x *Index) jobsDuring(e *item, now time.Time) []*item {
	var out []*item
	for _, it := range x.sorted(secWork) {
		if it.dated && it.per.Overlaps(e.per.From(), e.per.Until(now)) {
			out = append(out, it)
		}
	}
	return out
}

// rolesOf renders each job as "Role at Employer (span)".
func rolesOf(items []*item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.roleAt() + it.span()
	}
	return out
}

// itemsIn returns the items of the section.
func itemsIn(items []*item, sec string) []*item {
	var out []*item
	for _, it := range items {
		if it.sec == sec {
			out = append(out, it)
		}
	}
	return out
}
