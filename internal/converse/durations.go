package converse

// Durations: "how long at X", the time in one role or at one employer over
// several roles, and the total experience with overlapping jobs counted once.

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/profile"
)

// duration answers "how long at X" (it != nil) or the total experience.
func (x *Index) duration(o *out, it *item, now time.Time) {
	x.durationOf(o, it, false, now)
}

// durationOf is duration; inRole keeps to the one role ("how long has she
// been in that role"), not the time at an employer she held several at.
func (x *Index) durationOf(o *out, it *item, inRole bool, now time.Time) {
	if it == nil {
		x.totalExperience(o, now)
		return
	}
	o.citeItem(it)
	o.focusOn(it)
	if !it.dated {
		if it.per.Start.IsZero() && x.summaryLength(o, it) {
			return
		}
		if !x.undatedBecauseOutOfOrder(o, it) {
			o.say("The profile doesn't give dates for %s, so it doesn't say how long that lasted.", it.describe())
		}
		return
	}
	if !inRole && x.employerTenure(o, it, now) {
		return
	}
	if it.noEnd {
		o.say("The profile gives only a start for %s (%s) and no end date, so it doesn't say how long that lasted.", it.label(), fmtDate(it.per.Start))
		return
	}
	n := it.per.Months(now)
	if inRole && it.role != "" && n > 0 && !it.ownAcct {
		// the role is named: another role at the same employer is not it
		switch y := yearsOnly(it.per); {
		case it.per.Open:
			o.say("%s has been %s at %s for %s so far (since %s).", x.Who(), article(it.role), it.label(), months(n), fmtDate(it.per.Start))
		case y > 0:
			o.say("%s was %s at %s for about %s, %s.", x.Who(), article(it.role), it.label(), months(y*12), it.when())
		default:
			o.say("%s was %s at %s for %s, %s.", x.Who(), article(it.role), it.label(), months(n), it.when())
		}
		return
	}
	at := "at " + it.label()
	if it.ownAcct {
		at = "working as " + article(it.ownAcctRole()) // not "at Freelance"
	}
	if it.per.Open {
		o.say("%s has been %s for %s so far (since %s).", x.Who(), at, months(n), fmtDate(it.per.Start))
		return
	}
	if n == 0 {
		o.say("%s was %s for less than a month (%s).", x.Who(), at, strings.TrimPrefix(it.when(), "in "))
		return
	}
	if y := yearsOnly(it.per); y > 0 {
		o.say("%s spent about %s %s, %s.", x.Who(), months(y*12), at, it.when())
		return
	}
	o.say("%s spent %s %s, %s.", x.Who(), months(n), at, it.when())
}

// yearsOnly is how many years a closed period dated by years alone
// lasted, read as a careful reader does: "2005 to 2008" is about three
// years, not the four from the start of one year to the end of the other
// (0: the period has months, is open or starts and ends in one year).
func yearsOnly(p profile.Period) int {
	if p.Open || p.Start.Month != 0 || p.End.Month != 0 || p.End.Year <= p.Start.Year {
		return 0
	}
	return p.End.Year - p.Start.Year
}

// employerTenure answers "how long at X" when the profile lists several
// roles at X: the time at the employer, not only in the latest role. It
// reports whether it answered.
func (x *Index) employerTenure(o *out, it *item, now time.Time) bool {
	if it.sec != secWork || it.norm == "" {
		return false
	}
	var same []*item
	for _, w := range x.sorted(secWork) {
		if w.norm == it.norm && w.dated {
			same = append(same, w)
		}
	}
	if len(same) < 2 {
		return false
	}
	sort.Slice(same, func(i, j int) bool { return same[i].per.From().Before(same[j].per.From()) })
	contiguous, open := true, false
	c := coverage{end: same[0].per.From()}
	parts := make([]string, len(same))
	for i, w := range same {
		if monthsBetween(c.end, w.per.From()) > 3 {
			contiguous = false
		}
		c.add(w.per.From(), w.per.Until(now))
		open = open || w.per.Open
		parts[i] = article(w.role) + w.span()
		if w.role == "" {
			parts[i] = "a role" + w.span()
		}
		o.citeItem(w)
	}
	o.focusOn(same...)
	switch {
	case contiguous && open:
		o.say("%s has been at %s since %s, %s so far, in %d roles: %s.", x.Who(), it.label(), fmtDate(same[0].per.Start), months(c.total), len(same), list(parts))
	case contiguous:
		o.say("%s spent %s at %s, from %s to %s, in %d roles: %s.", x.Who(), months(c.total), it.label(), fmtDate(same[0].per.Start), fmtDate(same[len(same)-1].per.End), len(same), list(parts))
	default:
		o.say("%s was at %s more than once, %s in all: %s.", x.Who(), it.label(), months(c.total), list(parts))
	}
	return true
}

// totalExperience adds up the months covered by any job, overlaps counted once.
func (x *Index) totalExperience(o *out, now time.Time) {
	type span struct{ from, to time.Time }
	var spans []span
	undated := 0
	for _, it := range x.jobs {
		o.citeItem(it)
		if !it.dated {
			undated++
			continue
		}
		spans = append(spans, span{it.per.From(), it.per.Until(now)})
	}
	if len(x.jobs) == 0 {
		o.say("The profile doesn't list any work experience.")
		x.currentStudy(o, now)
		return
	}
	if len(spans) == 0 {
		o.say("The profile lists %d jobs but gives no dates, so it doesn't say how much experience %s has.", len(x.jobs), x.who())
		return
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from.Before(spans[j].from) })
	total := 0
	cur := spans[0]
	flush := func() {
		total += monthsBetween(cur.from, cur.to)
	}
	for _, s := range spans[1:] {
		if s.from.After(cur.to) {
			flush()
			cur = s
		} else if s.to.After(cur.to) {
			cur.to = s.to
		}
	}
	flush()
	first := spans[0].from
	o.say("%s has %s of work experience, starting in %d (%d %s listed).", x.Who(), roughly(total), first.Year(), len(x.jobs), plural(len(x.jobs), "job", "jobs"))
	if undated > 0 {
		o.say("%d of them %s no dates and %s not counted.", undated, plural(undated, "has", "have"), plural(undated, "is", "are"))
	}
	// The person's own count ("eight years building pipelines") may
	// count differently (one field only, study, breaks): quote it.
	for _, sn := range x.snippets {
		if sn.cite.Section == secBasics && claimsYears(sn.toks) {
			o.say("The summary says: “%s”.", strings.TrimRight(sn.text, "."))
			o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
			break
		}
	}
}

// claimsYears reports a count of years in a sentence: "eight years",
// "10+ years", "over a decade".
func claimsYears(ts []string) bool {
	for i, t := range ts {
		switch t {
		case "years", "decade", "decades":
			p := at(ts, i-1)
			if countWords[p] || p != "" && p[0] >= '0' && p[0] <= '9' || p == "a" && t == "decade" {
				return true
			}
		}
	}
	return false
}

var countWords = setOf(`two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty many several`)

// coverage adds up the months of spans taken in order of their start, the
// overlaps counted once (roles held at the same time, or a part-time post
// beside a full-time one).
type coverage struct {
	total int
	end   time.Time // the latest end so far
}

// add counts the part of from..to that no earlier span covered.
func (c *coverage) add(from, to time.Time) {
	if from.Before(c.end) {
		from = c.end
	}
	if to.After(from) {
		c.total += monthsBetween(from, to)
	}
	if to.After(c.end) {
		c.end = to
	}
}

func monthsBetween(a, b time.Time) int {
	m := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() < a.Day() {
		m--
	}
	return max(m, 0)
}

// roughly renders a long span in years with the word that says which way
// it was rounded ("about 6 years", "almost 7 years"), a short one exactly.
func roughly(m int) string {
	if m < 24 {
		return months(m)
	}
	// rounding up would claim time not yet spent: 15 years and 8 months
	// is "almost 16 years", not "about 16 years"
	y, r := m/12, m%12
	if r >= 6 {
		return fmt.Sprintf("almost %d years", y+1)
	}
	return fmt.Sprintf("about %d years", y)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// startsIn reports whether the entry began inside w.
func (it *item) startsIn(w Window, now time.Time) bool {
	if !it.dated {
		return false
	}
	from, to := w.Bounds(now)
	s := it.per.From()
	return (from.IsZero() || !s.Before(from)) && (to.IsZero() || s.Before(to))
}

// endedBefore picks, among earlier-started jobs (most recent first), the
// first that ended before ref did: a part-time role started a little
// earlier and running as long as ref is no "before" ("what did he do before
// Booz Allen" is the job he left, not the reserve post he still holds). With
// none, the first one.
func (x *Index) endedBefore(earlier []*item, ref *item, now time.Time) *item {
	end := ref.per.Until(now)
	for _, it := range earlier {
		if !it.dated || it.noEnd || it.per.Until(now).Before(end) {
			return x.tookOverFrom(earlier, ref, it, now)
		}
	}
	return earlier[0]
}

// tookOverFrom returns the job ref took over from, one that ended by the
// month ref began, when pick is a side post that ran on beside ref: part
// time, or six months and more past ref's start ("Guest Instructor
// (part-time), 2021–2023" beside "Site Manager, since 2022-09" is no
// "before"). Otherwise pick.
func (x *Index) tookOverFrom(earlier []*item, ref, pick *item, now time.Time) *item {
	if !pick.dated || pick.noEnd || !ref.dated {
		return pick
	}
	start := ref.per.From()
	low := strings.ToLower(pick.role)
	side := strings.Contains(low, "part-time") || strings.Contains(low, "part time")
	// months on both sides: "Teen Services Librarian, 2013-09 to 2017"
	// before "Branch Manager, from 2017" may have ended the month it began
	long := pick.per.End.Month != 0 && ref.per.Start.Month != 0 && pick.per.Until(now).After(start.AddDate(0, 6, 0))
	if !side && !long || !pick.per.Until(now).After(start) {
		return pick
	}
	for _, it := range earlier {
		if it != pick && it.dated && !it.noEnd && !it.per.Until(now).After(start.AddDate(0, 1, 0)) {
			return it
		}
	}
	return pick
}
