package converse

import "time"

// "Can you give me a quick rundown of her background", "his career so
// far": a recruiter asks for the path, not only who she is now. The
// summary answers with the jobs before the current ones as well.

// asksCareerPath reports a summary question about the path: background,
// rundown, career, overview.
func asksCareerPath(q *query) bool {
	return hasAnyToken(q.ts, "background", "rundown", "career", "overview", "trajectory")
}

// pastRoles says the jobs that ended, most recent first (three and how
// many more); focus stays where the summary put it, on the current job.
func (x *Index) pastRoles(o *out, now time.Time) {
	var past []*item
	for _, it := range x.sorted(secWork) {
		if it.dated && !it.current(now) && !it.brk {
			past = append(past, it)
		}
	}
	if len(past) == 0 || len(past) == len(x.work) {
		return // nothing current was said, or the summary named the latest already
	}
	for _, it := range firstItems(past, 4) {
		o.citeItem(it)
	}
	o.say("Before that, %s was %s.", x.who(), rolesList(past))
}
