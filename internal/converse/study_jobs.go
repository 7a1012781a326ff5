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
	asked, named := studyJobAsked(q.ts)
	if !asked {
		return false
	}
	studies := x.sorted(secEducation)
	if named := itemsIn(q.ents, secEducation); len(named) > 0 {
		studies = named
	}
	prev := o.in
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
		if named {
			o.in = prev
			return false // "was he a working student" with no dated study: his titles say
		}
		o.say("The profile lists no job held while %s was studying.", x.who())
	}
	return true
}

// studyJobAsked reports whether the question asks for the jobs held
// while studying: a job word before "while" or "during" and a study word
// after it ("did she work during her degree"; "what did she study while
// working" asks the other way round), or a student's job named as one
// ("any student jobs", "was he a working student", "work-study jobs") —
// a German Werkstudent's post, which is no internship.
// It also reports whether the job was named as a student's (named), which
// a profile without dated studies leaves to the titles.
func studyJobAsked(ts []string) (asked, named bool) {
	for i, t := range ts {
		if t == "while" || t == "during" {
			return hasAnyTokenIn(ts[:i], jobWords) && (hasAnyTokenIn(ts[i+1:], studyWords) || hasAnyToken(ts[i+1:], "student", "bachelors")) && !hasAnyTokenIn(ts[i+1:], jobWords), false
		}
	}
	for i := 1; i < len(ts); i++ {
		switch {
		case ts[i-1] == "student" && (jobWords[ts[i]] || ts[i] == "position" || ts[i] == "positions"),
			ts[i-1] == "working" && (ts[i] == "student" || ts[i] == "students"),
			ts[i-1] == "work" && ts[i] == "study":
			return true, true
		}
	}
	return false, false
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
