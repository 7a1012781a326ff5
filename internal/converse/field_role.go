package converse

import (
	"slices"
	"strings"
)

// A line of work is asked of by its field as often as by its title: "how
// long has she been doing UX research", "what did she do before product
// management". The field is often also a skill (User research, Product
// management), and read as one the reply says "Yes, it appears" or lists
// the skill group, which answers neither when nor how long. When the
// field's words name job titles, the question is about those jobs.

// fieldVerbs come before a field of work in a duration question: "doing
// UX research", "working in supply chain", "been in sales".
func fieldPhrase(ts []string) []string {
	for i, t := range ts {
		j := 0
		switch {
		case t == "doing":
			j = i + 1
		case t == "in" && i > 0 && (ts[i-1] == "working" || ts[i-1] == "worked" || ts[i-1] == "work" || ts[i-1] == "been"):
			j = i + 1
		case t == "of" && i > 0 && (ts[i-1] == "years" || ts[i-1] == "months"):
			// "how many years of audit experience": the words before
			// "experience", none when it follows "of" at once
			for k := i + 1; k < len(ts) && k <= i+4; k++ {
				if ts[k] == "experience" {
					if k == i+1 {
						return nil
					}
					return nounFrom(ts[i+1 : k])
				}
			}
			continue
		default:
			continue
		}
		return nounFrom(ts[j:])
	}
	return nil
}

// nounFrom takes up to three words from ts, to a word that ends a role
// noun (roleStop) or is no word.
func nounFrom(ts []string) []string {
	var noun []string
	for _, w := range ts {
		if roleStop[w] || w == "@p" || len(noun) == 3 || !isAlphaWord(strings.ReplaceAll(w, "-", "")) {
			break
		}
		noun = append(noun, w)
	}
	return noun
}

// fieldMatch returns a matcher of the job titles noun names, or nil when
// noun is a place ("working in london") or a stop word. A field's head is
// often no title's word but one of a role family's: "analysis" for the
// analysts, "management" for the managers.
func fieldMatch(noun []string) func(string) bool {
	if len(noun) == 0 {
		return nil
	}
	for _, w := range noun {
		if _, ok := places().byPhrase[w]; ok || searchStop[w] {
			return nil
		}
	}
	ms := []roleMatcher{newRoleMatcher(noun)}
	last := noun[len(noun)-1]
	if d := doerOfField(last); d != "" {
		// "doing data science": the Data Scientist jobs
		ms = append(ms, newRoleMatcher(append(slices.Clone(noun[:len(noun)-1]), d)))
	}
	_, spelled := titleAbbrevs[last] // "cfo" is spelled out, no family's member
	if h := stem(last); roleFamilies[h] == nil && !spelled {
		for k, fam := range roleFamilies {
			if fam[h] {
				ms = append(ms, newRoleMatcher(append(slices.Clone(noun[:len(noun)-1]), k)))
			}
		}
	}
	return func(role string) bool {
		for _, m := range ms {
			if m.matches(role) {
				return true
			}
		}
		return false
	}
}

// fieldJobs returns the dated jobs whose titles match, most recent first.
func (x *Index) fieldJobs(match func(string) bool) []*item {
	if match == nil {
		return nil
	}
	var jobs []*item
	for _, it := range x.sorted(secWork) {
		if it.dated && it.role != "" && !it.brk && match(it.role) {
			jobs = append(jobs, it)
		}
	}
	return jobs
}

// fieldTenure answers "how long has she been doing UX research" with the
// time in the jobs whose titles name the field, and when the first began.
func (r *resolver) fieldTenure() bool {
	x, o, q := r.x, r.o, r.q
	long := at(q.ts, 1) == "long" || at(q.ts, 1) == "many" && (at(q.ts, 2) == "years" || at(q.ts, 2) == "months")
	if at(q.ts, 0) != "how" || !long || q.hasWin || len(q.techs) > 0 && hasAnyToken(q.ts, "experience") {
		return false // "years of Python experience" is the technology's
	}
	noun := fieldPhrase(q.ts)
	jobs := x.fieldJobs(fieldMatch(noun))
	if len(jobs) == 0 || x.industryWins(q, jobs) {
		return false
	}
	o.in = iDuration
	var c coverage
	current := false
	for i := len(jobs) - 1; i >= 0; i-- { // oldest first
		c.add(jobs[i].per.From(), jobs[i].per.Until(r.now))
		current = current || jobs[i].current(r.now)
		o.citeItem(jobs[i])
	}
	o.focusOn(jobs...)
	first := jobs[len(jobs)-1]
	field := x.titleSpelling(noun, jobs)
	if current {
		o.say("%s has worked in %s roles since %s, %s in all: %s.", x.Who(), field, fmtDate(first.per.Start), roughly(c.total), rolesList(jobs))
	} else {
		o.say("%s worked in %s roles for %s in all, starting in %s: %s.", x.Who(), field, roughly(c.total), fmtDate(first.per.Start), rolesList(jobs))
	}
	if hasAnyToken(q.ts, "experience") && len(jobs) < len(x.jobs) {
		// "years of testing experience": titles alone may not tell every
		// testing job (an SDET), so the whole career's figure comes too
		sub := &out{x: x}
		x.totalExperience(sub, r.now)
		o.put(sub.b.String())
		o.cites = append(o.cites, sub.cites...)
	}
	return true
}

// titleSpelling writes the field as the titles spell an abbreviation
// ("UX research" for "ux research"); other words stay as asked.
func (x *Index) titleSpelling(noun []string, jobs []*item) string {
	out := make([]string, len(noun))
	for i, w := range noun {
		out[i] = w
		for _, f := range strings.Fields(jobs[0].role) {
			f = strings.Trim(f, ",;:()")
			if strings.EqualFold(f, w) && f == strings.ToUpper(f) {
				out[i] = f
			}
		}
	}
	return strings.Join(out, " ")
}

// fieldBeforeAfter answers "what did she do before UX research" with the
// job before the first whose title names the field (or after the last),
// though the field is also a skill or a course's name. "before becoming
// a ..." is roleBeforeAfter's.
func (r *resolver) fieldBeforeAfter() bool {
	x, o, q := r.x, r.o, r.q
	switch at(q.ts, 0) {
	case "what", "where", "who", "which":
	default:
		return false
	}
	if q.hasWin || len(x.work) < 2 {
		return false
	}
	for i, t := range q.ts {
		if t != "before" && t != "after" {
			continue
		}
		rest := q.ts[i+1:]
		if len(rest) == 0 || becameFiller[rest[0]] || startsOwnBusiness(rest) {
			return false
		}
		noun := nounFrom(rest)
		match := fieldMatch(noun)
		if len(noun) == len(rest) && len(x.fieldJobs(match)) == 0 {
			match = x.activityMatch(noun)
		}
		if len(noun) < len(rest) || len(x.fieldJobs(match)) == 0 {
			return false // "before ux at Acme" asks something narrower
		}
		return x.jobBeforeAfter(o, t == "before", match, r.now)
	}
	return false
}

// activityMatch returns a matcher of the titles of the jobs whose own
// words name the activity asked ("before streaming" of a job whose summary
// says "live streams on Twitch", "before trucking" of one at a trucking
// company), or nil: an activity ("-ing") is done in a job that says so,
// whatever it is titled. An award or licence that shares the word is no
// part of that career.
func (x *Index) activityMatch(noun []string) func(string) bool {
	if len(noun) != 1 || len(noun[0]) < 6 || !strings.HasSuffix(noun[0], "ing") {
		return nil
	}
	want := stem(noun[0])
	roles := map[string]bool{}
	for _, it := range x.sorted(secWork) {
		w := x.r.Work[it.idx]
		for _, t := range tokens(w.Name + " " + w.Position + " " + w.Summary) {
			if stem(t) == want {
				roles[it.role] = true
				break
			}
		}
	}
	if len(roles) == 0 {
		return nil
	}
	return func(role string) bool { return roles[role] }
}

// workedInField answers "has she worked in QA", "did he ever work in
// sales" with the jobs whose titles name the field: a yes and where, not
// the whole career.
func (r *resolver) workedInField() bool {
	x, o, q := r.x, r.o, r.q
	ts := q.ts
	if len(ts) < 5 || ts[0] != "has" && ts[0] != "have" && ts[0] != "did" || ts[1] != "@p" || q.hasWin {
		return false
	}
	i := 2
	if ts[i] == "ever" {
		i++
	}
	if ts[i] != "worked" && ts[i] != "work" || at(ts, i+1) != "in" {
		return false
	}
	rest := ts[i+2:]
	noun := nounFrom(rest)
	if len(noun) == 0 || len(noun) < len(rest) {
		return false
	}
	jobs := x.fieldJobs(fieldMatch(noun))
	if len(jobs) == 0 {
		return false
	}
	parts := make([]string, len(jobs))
	for k, it := range jobs {
		parts[k] = it.roleAt() + it.span()
		o.citeItem(it)
	}
	o.in = iRoleCheck
	o.say("Yes: %s.", list(parts))
	o.focusOn(jobs...)
	return true
}
