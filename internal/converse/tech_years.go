package converse

import (
	"slices"
	"strings"
)

// techYears answers "how many years of Go experience does she have", "how
// long has he used Swift", "years of iOS experience?": the time covered by
// the jobs that mention the technology, overlaps counted once, then the
// projects that do. The whole career's length is not that answer.
func (r *resolver) techYears() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) != 1 || q.hasWin {
		return false
	}
	// "how long did the Kubernetes migration take" is not her years with it
	asked := !hasAnyToken(q.ts, "which", "what", "when", "where", "since", "ago", "first", "last", "take", "took", "takes", "lasted") &&
		(hasAnyToken(q.ts, "years", "year") || at(q.ts, 0) == "how" && at(q.ts, 1) == "long" ||
			// "how much experience with Go", "how experienced is he with
			// Kafka": the same time, asked without a unit
			at(q.ts, 0) == "how" && (at(q.ts, 1) == "much" && hasAnyToken(q.ts, "experience") || at(q.ts, 1) == "experienced"))
	// "what about Python" after the years of Go: the same question; the
	// question's own words first, the state only then
	again := !asked && len(q.ts) <= 4 && (at(q.ts, 0) == "and" || at(q.ts, 0) == "what" && at(q.ts, 1) == "about") &&
		r.intentWas(iDuration) && r.stTech() != ""
	if !asked && !again {
		return false
	}
	tech := q.techs[0]
	jobs, projects := x.datedUses(tech)
	if len(jobs) == 0 && len(projects) == 0 {
		return false // a skill without dates, or not in the profile: techs says which
	}
	oldestFirst := func(a, b *item) int { return a.per.From().Compare(b.per.From()) }
	slices.SortFunc(jobs, oldestFirst)
	slices.SortFunc(projects, oldestFirst)
	o.in = iDuration
	o.tech = tech
	if len(jobs) > 0 {
		var c coverage
		parts := make([]string, len(jobs))
		for i, it := range jobs {
			c.add(it.per.From(), it.per.Until(r.now))
			parts[i] = it.roleAt() + it.span()
			o.citeItem(it)
		}
		o.say("The jobs that mention %s cover %s: %s.", tech, roughly(c.total), list(parts))
		o.focusOn(jobs...)
	} else {
		o.say("No job in the profile mentions %s.", tech)
	}
	if len(projects) > 0 {
		parts := make([]string, len(projects))
		for i, it := range projects {
			parts[i] = it.label() + it.span()
			o.citeItem(it)
		}
		o.say("It also appears in %s %s.", plural(len(projects), "the project", "the projects"), list(parts))
	}
	return true
}

// datedUses returns the dated jobs and projects that mention tech (career
// breaks left out), each once, in the profile's order.
func (x *Index) datedUses(tech string) (jobs, projects []*item) {
	for _, c := range x.techUse[strings.ToLower(tech)] {
		var it *item
		switch c.Section {
		case secWork:
			it = &x.work[c.Index]
		case secProjects:
			it = &x.projects[c.Index]
		default:
			continue
		}
		if !it.dated || it.brk || slices.Contains(jobs, it) || slices.Contains(projects, it) {
			continue
		}
		if it.sec == secWork {
			jobs = append(jobs, it)
		} else {
			projects = append(projects, it)
		}
	}
	return jobs, projects
}

// techSince answers "when did she start using Go", "since when has he
// used Kafka", "when did she first use Python": the earliest dated job or
// project that mentions it, said as what the profile shows (a skill may
// be older than any entry), not a "Yes" with every place.
func (r *resolver) techSince() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) != 1 || q.hasWin || len(q.ents) > 0 {
		return false
	}
	since := at(q.ts, 0) == "since" && at(q.ts, 1) == "when"
	if !since && (at(q.ts, 0) != "when" || !hasAnyToken(q.ts, "start", "started", "begin", "began", "first", "pick", "picked", "learn", "learned", "learnt")) {
		return false
	}
	jobs, projects := x.datedUses(q.techs[0])
	first := (*item)(nil)
	for _, it := range append(jobs, projects...) {
		if first == nil || it.per.From().Before(first.per.From()) {
			first = it
		}
	}
	tech := q.techs[0]
	if first == nil {
		if len(x.techUse[strings.ToLower(tech)]) == 0 {
			return false // absent: techs says so and what there is
		}
		// a skill listed without a dated job or project: no date to give
		o.in = iTech
		o.tech = tech
		o.say("The profile mentions %s %s, but doesn't say when %s started using it.", tech, x.whereUsed(o, x.techUse[strings.ToLower(tech)], modeAny), x.who())
		return true
	}
	o.in = iTech
	o.tech = tech
	what := first.roleAt()
	if first.sec == secProjects {
		what = "the project " + first.label()
	}
	o.say("The earliest the profile ties %s to is %s, from %s; it doesn't say when %s first used it.", tech, what, fmtDate(first.per.Start), x.who())
	o.citeItem(first)
	o.focusOn(first)
	return true
}
