package converse

import (
	"fmt"
	"strings"
	"time"
)

// roleDuration answers "how long was she a nurse": the time in every job
// that carries the role, overlaps counted once. It reports whether any did.
func (x *Index) roleDuration(o *out, noun []string, now time.Time) bool {
	if !x.tenureOf(o, noun, "worked as "+article(strings.Join(noun, " ")), now) {
		return x.roleYearsSaid(o, noun)
	}
	// "Master electrician with 17 years in the trade": the owner's own
	// count covers the titles the trade gives its earlier years
	// (apprentice, wireman), which no title match adds up.
	m := newRoleMatcher(noun)
	x.quoteSentences(o, "The summary says:", x.summarySentences(func(low string) bool {
		return m.matches(low) && statesYears(low)
	}))
	return true
}

// roleYearsSaid answers "how long was he a steward" when no title says
// the role but a sentence gives its years ("after six years as a union
// steward"), anywhere in the profile.
func (x *Index) roleYearsSaid(o *out, noun []string) bool {
	m := newRoleMatcher(noun)
	var sns []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if low := sn.low; m.matches(low) && statesYears(low) {
			sns = append(sns, sn)
		}
	}
	if len(sns) == 0 {
		return false
	}
	o.in = iDuration
	return x.quoteSentences(o, "No job title says so, but the profile says:", sns)
}

// statesYears reports whether low (" lower-case text ") gives a number of
// years: "17 years", "over 20 years", "ten years".
func statesYears(low string) bool {
	ts := tokens(low)
	for i, t := range ts {
		if (t == "years" || t == "year") && i > 0 && (isDigits(ts[i-1]) || smallNumbers[ts[i-1]]) {
			return true
		}
	}
	return false
}

// tenureOf adds up the time in the jobs whose title matches noun, overlaps
// counted once, and says "<Who> <did> for about N in all: ...".
func (x *Index) tenureOf(o *out, noun []string, did string, now time.Time) bool {
	m := newRoleMatcher(noun)
	// time "as a nurse" leaves out a Nursing Assistant ("has she taught"
	// still finds a Teaching Assistant)
	m.gerundOff = !strings.HasSuffix(noun[len(noun)-1], "ing")
	var jobs []*item
	for _, it := range x.sorted(secWork) {
		if it.dated && it.role != "" && (m.matchesToks(it.roleTokens()) || x.crewLeadOfTrade(it, m)) {
			jobs = append(jobs, it)
		}
	}
	return x.tenureOfJobs(o, jobs, did, now)
}

// tenureOfJobs is tenureOf for jobs already chosen (most recent first).
func (x *Index) tenureOfJobs(o *out, jobs []*item, did string, now time.Time) bool {
	if len(jobs) == 0 {
		return false
	}
	o.in = iDuration
	var c coverage
	ongoing := false
	for i := len(jobs) - 1; i >= 0; i-- { // oldest first
		c.add(jobs[i].per.From(), jobs[i].per.Until(now))
		o.citeItem(jobs[i])
		ongoing = ongoing || jobs[i].current(now)
	}
	o.focusOn(jobs...)
	if ongoing {
		// "worked as a data engineer for 7 years" of a role held today
		// reads as over; the perfect with "still" says it goes on.
		o.say("%s %s for %s in all, and still does: %s.", x.Who(), perfect(did), roughly(c.total), rolesList(jobs))
		return true
	}
	o.say("%s %s for %s in all: %s.", x.Who(), did, roughly(c.total), rolesList(jobs))
	return true
}

// perfect turns a past-tense phrase ("worked as a nurse", "served") into
// the present perfect ("has worked as a nurse"); one already perfect
// stays.
func perfect(did string) string {
	if strings.HasPrefix(did, "has ") {
		return did
	}
	return "has " + did
}

// rolesList renders "Guest Lecturer at X (since 2022) and ...": four
// roles in full, or three and how many more, so that a total the caller
// gave is never over roles left unsaid.
func rolesList(items []*item) string {
	shown := items
	if len(items) > 4 {
		shown = items[:3]
	}
	parts := make([]string, 0, len(shown)+1)
	for _, it := range shown {
		parts = append(parts, article(it.roleAt())+it.span())
	}
	if n := len(items) - len(shown); n > 0 {
		parts = append(parts, fmt.Sprintf("%d more", n))
	}
	return list(parts)
}

func firstItems(items []*item, n int) []*item {
	if len(items) > n {
		return items[:n]
	}
	return items
}

// allWork reports whether items is made only of work entries.
func allWork(items []*item) bool {
	for _, it := range items {
		if it.sec != secWork {
			return false
		}
	}
	return len(items) > 0
}
