package converse

import "time"

// "How many years of leadership experience does he have" when no job
// title says manager, but a job's own sentences say he leads people
// ("Leads a team of 7 engineers" at a job since 2021): the years are
// counted from the earliest such job, and said to be counted so.

// leadingSince says since when the jobs whose entries describe leading
// people run, and how long that is. It reports whether it said anything.
func (x *Index) leadingSince(o *out, now time.Time) bool {
	var first *item
	var from, end time.Time
	for _, sn := range x.peopleSentences(len(x.snippets), leadStems) {
		if sn.cite.Section != secWork || sn.cite.Index >= len(x.work) || !x.work[sn.cite.Index].dated || !leadsPeople(sn.toks) {
			continue
		}
		it := &x.work[sn.cite.Index]
		if s := it.per.From(); first == nil || s.Before(from) {
			first, from = it, s
		}
		if e := it.per.Until(now); e.After(end) {
			end = e
		}
	}
	if first == nil {
		return false
	}
	// from the first such job to the end of the last: the years in which
	// the entries show him leading, not each job's alone
	o.say("Counted from the first job whose entry describes leading people, %s%s, that is %s.", first.roleAt(), first.span(), roughly(monthsBetween(from, end)))
	o.citeItem(first)
	return true
}

// leadVerbs and ledNouns make a sentence one of leading people: "Leads a
// team of 7 engineers", not "Managed document review" or "Mentored 20
// nurses", which lead no one for years.
var (
	leadVerbs = setOf(`lead leads led leading manage manages managed managing supervise supervises supervised head heads headed run runs ran`)
	ledNouns  = setOf(`team teams staff people engineers reports employees crew crews squad department group nurses developers analysts technicians drivers associates volunteers`)
)

// leadsPeople reports a sentence with a verb of leading and a noun of
// people led.
func leadsPeople(ts []string) bool {
	return hasAnyTokenIn(ts, leadVerbs) && hasAnyTokenIn(ts, ledNouns)
}
