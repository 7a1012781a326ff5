package converse

import (
	"slices"
	"time"
)

// "How long has he worked in the games industry", "how many years in
// healthcare": the time in the jobs whose own words place them in the
// industry, overlaps counted once. The industry list alone answers whether,
// not how long.

// asksLength reports "how long", "how many years/months", "years of
// experience ...".
func asksLength(ts []string) bool {
	if at(ts, 0) == "how" && (at(ts, 1) == "long" || at(ts, 1) == "many" && (at(ts, 2) == "years" || at(ts, 2) == "months")) {
		return true
	}
	return at(ts, 0) == "years" && at(ts, 1) == "of" && at(ts, 2) == "experience"
}

// industryTenure answers for one industry named after "in"; false when no
// dated job is in it (the industry answer then says so), or when the words
// after "in" name job titles: "how many years in finance" of a CFO asks
// about her finance roles, not about the finance firms she worked for.
// "How many years as a pharmacist" asks about a role too.
func (x *Index) industryTenure(o *out, ts []string, ind industry, now time.Time) bool {
	in := slices.Index(ts, "in")
	if in < 0 || hasAnyToken(ts, "as") {
		return false
	}
	rest := ts[in+1:]
	if at(rest, 0) == "the" {
		rest = rest[1:]
	}
	jobs := x.industryJobs(ind)
	if len(jobs) == 0 || titlesHoldField(x.fieldJobs(fieldMatch(nounFrom(rest))), jobs) {
		return false
	}
	x.tenureIn(o, ind.name, jobs, now, false)
	return true
}

// tenureIn says the time in jobs (newest first), overlaps counted once, as
// time in what was asked. skipNoEnd leaves out jobs with no end that are not
// current (their length is unknown) where the caller's list may hold them.
func (x *Index) tenureIn(o *out, asked string, jobs []*item, now time.Time, skipNoEnd bool) {
	oldest := slices.Clone(jobs)
	slices.SortStableFunc(oldest, func(a, b *item) int { return a.per.From().Compare(b.per.From()) })
	var c coverage
	current := false
	for _, it := range oldest {
		if skipNoEnd && it.noEnd {
			continue
		}
		c.add(it.per.From(), it.per.Until(now))
		current = current || it.current(now)
		o.citeItem(it)
	}
	first := oldest[0]
	o.in = iDuration
	if current {
		o.say("%s has worked in %s since %s, %s in all: %s.", x.Who(), asked, fmtDate(first.per.Start), roughly(c.total), rolesList(jobs))
	} else {
		o.say("%s worked in %s for %s in all, starting in %s: %s.", x.Who(), asked, roughly(c.total), fmtDate(first.per.Start), rolesList(jobs))
	}
	o.focusOn(jobs...)
}

// industryJobs returns the dated jobs whose own words place them in the
// industry, most recent first.
func (x *Index) industryJobs(ind industry) []*item {
	var jobs []*item
	for _, it := range x.sorted(secWork) {
		if it.dated && !it.brk && !it.noEnd && ind.in(x.entryText(it)) {
			jobs = append(jobs, it)
		}
	}
	return jobs
}

// titlesHoldField reports whether the jobs whose titles name the field
// asked answer for it rather than the industry's: they are some, and not
// fewer than the industry's. "How long has he worked in games" of a
// "Lecturer, Game Programming" among four jobs at game studios is the
// studios' time, not the one title's.
func titlesHoldField(titled, industry []*item) bool {
	if len(titled) == 0 {
		return false
	}
	if len(titled) >= len(industry) {
		return true
	}
	for _, it := range titled {
		if !slices.Contains(industry, it) {
			return true // titles outside the industry: the field is the titles'
		}
	}
	return false
}

// industryWins reports whether a duration asked "in" a field that names
// one industry is the industry's: its jobs strictly hold the titled ones.
func (x *Index) industryWins(q *query, titled []*item) bool {
	named := industriesNamed(q.ts, false)
	if len(named) != 1 || !onlyIndustryNamed(q, named[0]) {
		return false
	}
	jobs := x.industryJobs(named[0])
	return len(jobs) > 0 && !titlesHoldField(titled, jobs)
}

// onlyIndustryNamed reports whether the entries the question names are
// named only by words of the industry: "the games industry" names Lantern
// Fox Games by "games", an industry word, but "how long at Deloitte" names
// Deloitte, and the question is about that firm.
func onlyIndustryNamed(q *query, ind industry) bool {
	for _, e := range q.ents {
		for _, k := range e.keys {
			if hasAnyToken(q.ts, k) && !ind.in(" "+k+" ") {
				return false
			}
		}
		if e.acro != "" && hasAnyToken(q.ts, e.acro) {
			return false
		}
	}
	return true
}
