package converse

import "slices"

// "What did she do before grad school", "where did he work after
// college": a time given by a course of study, not by a job; the jobs are
// placed against that study's dates.

// studyPoint returns the education entry a question's words after
// "before" or "after" name by kind ("grad school", "college", "her phd"),
// and which of the two was asked; nil when none.
func (x *Index) studyPoint(ts []string) (*item, string) {
	for i, t := range ts {
		if straightFrom(ts, i) {
			t = "after" // "did she go straight from law school to a firm"
		}
		if t != "before" && t != "after" {
			continue
		}
		var rest []string
		for _, w := range ts[i+1 : min(len(ts), i+4)] {
			if w == "@p" || w == "the" || w == "his" || w == "her" || w == "their" || w == "my" {
				continue
			}
			rest = append(rest, w)
		}
		if len(rest) == 0 {
			continue
		}
		keep := studyKind(rest)
		if keep == nil {
			continue
		}
		var found *item
		for _, it := range x.sorted(secEducation) { // newest first: the last kept is the earliest
			if it.dated && keep(degreeRankOf(x.r.Education[it.idx].StudyType)) {
				found = it
			}
		}
		if found != nil {
			return found, t
		}
	}
	return nil, ""
}

// studyKind reads the words naming a kind of study into a test on the
// rank of a degree (degreeRankOf); nil when they name none.
func studyKind(w []string) func(int) bool {
	switch w[0] {
	case "grad", "graduate", "postgrad", "postgraduate", "med", "medical", "law", "dental", "business":
		if w[0] == "grad" || w[0] == "graduate" || w[0] == "postgrad" || w[0] == "postgraduate" || at(w, 1) == "school" {
			return func(r int) bool { return r >= 4 }
		}
	case "college", "university", "uni", "undergrad", "undergraduate":
		return func(r int) bool { return r == 2 || r == 3 }
	}
	if r := degreeLevelWords[w[0]]; r > 0 {
		return func(got int) bool { return got == r }
	}
	return nil
}

// jobsAroundStudy answers with the jobs before a study began, or after it
// ended; it reports whether the profile dates them.
func (x *Index) jobsAroundStudy(o *out, edu *item, when string) bool {
	var jobs []*item
	for _, it := range x.sorted(secWork) { // newest first
		if !it.dated || it.brk {
			continue
		}
		if when == "before" && it.per.Start.Start().Before(edu.per.Start.Start()) ||
			when == "after" && !edu.per.Open && !it.per.Start.Start().Before(edu.per.End.Start().AddDate(0, -1, 0)) {
			jobs = append(jobs, it)
		}
	}
	if when == "after" {
		slices.Reverse(jobs) // the first ones after it
	}
	if len(jobs) > 3 {
		jobs = jobs[:3]
	}
	o.in = iWork
	o.citeItem(edu)
	what := "the " + edu.describe() + " (" + edu.when() + ")"
	if len(jobs) == 0 {
		o.say("The profile lists no job %s %s.", when, what)
		o.focusOn(edu)
		return true
	}
	parts := make([]string, len(jobs))
	for i, it := range jobs {
		parts[i] = it.roleAt() + it.span()
		o.citeItem(it)
	}
	verb := "Before starting"
	if when == "after" {
		verb = "After finishing"
	}
	o.say("%s %s, the profile lists %s.", verb, what, list(parts))
	o.focusOn(jobs...)
	return true
}

// straightFrom reports ts[i] as the "from" of "straight from", "right out
// of", "fresh out of": what came right after.
func straightFrom(ts []string, i int) bool {
	switch ts[i] {
	case "from", "of":
		switch at(ts, i-1) {
		case "straight", "right", "fresh", "directly":
			return true
		case "out":
			p := at(ts, i-2)
			return p == "straight" || p == "right" || p == "fresh" || p == "directly"
		}
	}
	return false
}

// aroundStudy answers "what did she do before grad school".
func (r *resolver) aroundStudy() bool {
	q := r.q
	straight := false
	for i := range q.ts {
		straight = straight || straightFrom(q.ts, i)
	}
	if q.hasWin || len(q.techs) > 0 || len(q.ents) > 0 && !onlyIn(q.ents, secEducation) || !hasAnyToken(q.ts, "before", "after") && !straight {
		return false
	}
	edu, when := r.x.studyPoint(q.ts)
	return edu != nil && r.x.jobsAroundStudy(r.o, edu, when)
}
