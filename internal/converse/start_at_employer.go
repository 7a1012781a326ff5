package converse

import "strings"

// startAtEmployer answers "where did she start?" right after a reply about
// her roles at one employer ("how long has she been at Harbor & Pine":
// seven roles there) with the first of those roles: the question follows
// that employer, not her whole career, which "where did she start her
// career" or "her first job" ask. False unless the focus is two roles or
// more at one employer.
func (x *Index) startAtEmployer(o *out, q *query, focus []*item) bool {
	if len(focus) < 2 || !hasAnyToken(q.ts, "start", "started", "begin", "began") ||
		hasAnyToken(q.ts, "career", "first", "earliest", "working", "work") {
		return false
	}
	for _, it := range focus {
		if it.sec != secWork || !it.dated || !strings.EqualFold(it.title, focus[0].title) {
			return false
		}
	}
	first := oldestOf(focus)
	o.in = iFirst
	o.say("At %s, %s started as %s%s.", first.title, x.who(), article(first.role), commaWhen(first))
	o.citeItem(first)
	o.focusOn(first)
	return true
}
