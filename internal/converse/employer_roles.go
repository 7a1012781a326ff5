package converse

import (
	"sort"
	"strings"
	"time"
)

// employerRoles answers a question that names an employer where the
// profile lists several roles ("did she work at KPMG", "what did she do
// at KPMG" after Associate, Senior and Manager there): the time at the
// employer and the roles in order, then what each role did, rather than
// "the profile has 3 entries that match". It reports whether it answered.
func (x *Index) employerRoles(o *out, q *query, now time.Time) bool {
	if len(q.ents) < 2 || !oneEmployer(q.ents) {
		return false
	}
	for _, it := range q.ents {
		if !it.dated {
			return false
		}
	}
	if yesNoQuestion(q.ts) && !hasAnyToken(q.ts, "work", "worked", "working", "employed", "job", "jobs", "there", "been") {
		return false // "did she lead audits at KPMG" asks more than whether she was there
	}
	sub := &out{x: x}
	if !x.employerTenure(sub, q.ents[0], now) {
		return false
	}
	if yesNoQuestion(q.ts) && !q.inPlace && o.b.Len() == 0 {
		o.say("Yes.") // not after "the profile places X in Houston, not in London"
	}
	o.adopt(sub)
	o.in = iEmployer
	if yesNoQuestion(q.ts) {
		return true
	}
	// what each role was about, most recent first: its summary, or its
	// first highlight
	for _, it := range x.sorted(secWork) {
		if it.norm != q.ents[0].norm || it.idx >= len(x.r.Work) {
			continue
		}
		j := x.r.Work[it.idx]
		line := strings.TrimSpace(j.Summary)
		if line == "" && len(j.Highlights) > 0 {
			line = strings.TrimSpace(j.Highlights[0])
		}
		if line != "" && it.role != "" {
			o.say("As %s: %s", it.role, sentence(line))
		}
	}
	return true
}

// leaveWords and joinedWords ask when someone left or joined an employer.
var (
	leaveWords  = setOf(`leave left leaving quit quitting depart departed exit exited`)
	joinedWords = setOf(`join joined joining start started starting begin began hired`)
)

// employerLeftJoined answers "when did she leave?" or "when did she
// join?" while several roles at one employer are in focus: the end of the
// last role there or the start of the first, not the dates of each role
// (moving from Senior to Manager left nothing). It reports whether it
// answered.
func (x *Index) employerLeftJoined(o *out, items []*item, ts []string) bool {
	leave, join := hasAnyTokenIn(ts, leaveWords), hasAnyTokenIn(ts, joinedWords)
	if len(items) < 2 || !oneEmployer(items) || leave == join || hasAnyTokenIn(ts, becomeWords) {
		return false
	}
	items = append([]*item(nil), items...)
	sort.Slice(items, func(i, j int) bool { return items[i].per.From().Before(items[j].per.From()) })
	first, last := items[0], items[len(items)-1]
	for _, it := range items {
		if !it.dated {
			return false
		}
	}
	var c coverage
	for _, it := range items { // oldest first
		c.add(it.per.From(), it.per.Until(x.compiled))
	}
	total := c.total
	if join {
		o.say("%s joined %s in %s, as %s.", x.Who(), first.label(), fmtDate(first.per.Start), article(first.role))
		o.citeItem(first)
		o.focusOn(items...)
		return true
	}
	if last.per.Open || last.per.End.Year == 0 {
		o.say("%s is still at %s, as %s since %s.", x.Who(), last.label(), article(last.role), fmtDate(last.per.Start))
	} else {
		o.say("%s left %s in %s, as %s (%s there in all, from %s).", x.Who(), last.label(), fmtDate(last.per.End), article(last.role), months(total), fmtDate(first.per.Start))
	}
	o.citeItem(last)
	o.focusOn(items...)
	return true
}

// rolesThere lists the roles at one employer, oldest first: "At KPMG,
// Hannah held 3 roles: an Audit Associate (2013–2015), ...".
func (x *Index) rolesThere(o *out, items []*item) {
	items = append([]*item(nil), items...)
	sort.SliceStable(items, func(i, j int) bool { return items[i].per.From().Before(items[j].per.From()) })
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = article(it.role) + it.span()
		if it.role == "" {
			parts[i] = "a role" + it.span()
		}
		o.citeItem(it)
	}
	o.say("At %s, %s held %d roles: %s.", items[0].label(), x.who(), len(items), list(parts))
	o.focusOn(items...)
}
