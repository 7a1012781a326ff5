package converse

import (
	"slices"
	"strings"
	"time"
)

// A résumé may list a career break as a work entry of its own ("Career
// break", "Parental leave", "Sabbatical"), the way LinkedIn offers one.
// Asked about gaps, the engine names it first: it is the profile's own
// answer to "why the gap".

// breakPhrases name an entry that is time away from work, not a job.
var breakPhrases = []string{" career break ", " sabbatical ", " parental leave ", " maternity leave ",
	" paternity leave ", " family leave ", " gap year ", " time off ", " career pause ", " break from work ",
	" year off ", " years off ", " months off ",
	// as French, German, Spanish and Portuguese work entries name it
	" elternzeit ", " auszeit ", " sabbatjahr ", " conge parental ", " conge maternite ", " annee sabbatique ",
	" licencia de maternidad ", " licencia por maternidad ", " licenca maternidade ", " ano sabatico "}

// isBreak reports whether a work entry is a career break.
func isBreak(it *item) bool { return it.brk }

// breakEntry reports whether a work entry is a career break by its name or
// position; Compile records it in item.brk.
func breakEntry(it *item) bool {
	if it.sec != secWork {
		return false
	}
	text := " " + strings.Join(tokens(it.title+" . "+it.role), " ") + " "
	for _, p := range breakPhrases {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}

// listedBreaks says which career breaks the work history lists, with their
// dates, place and summary; false when it lists none.
func (x *Index) listedBreaks(o *out) bool {
	var parts []string
	for _, it := range x.sorted(secWork) {
		if !isBreak(it) {
			continue
		}
		s := it.label()
		if it.role != "" && !strings.EqualFold(it.role, it.title) {
			s = it.role + " (" + it.title + ")"
		}
		if w := it.when(); w != "" {
			s += ", " + w
			if it.dated && !it.per.Open {
				s += " (" + roughly(monthsBetween(it.per.From(), it.per.Until(time.Time{}))) + ")"
			}
		}
		if it.loc != "" {
			s += ", " + inLocation(it.loc)
		}
		if sum := strings.TrimSpace(x.r.Work[it.idx].Summary); sum != "" {
			s += ": “" + strings.TrimRight(sum, ".") + "”"
		}
		parts = append(parts, s)
		o.citeItem(it)
	}
	if len(parts) == 0 {
		return false
	}
	o.say("The work history lists %s: %s.", plural(len(parts), "a career break", "career breaks"), strings.Join(parts, "; "))
	return true
}

// breakLabel names a career break in a list of roles: "a career break
// (Parental leave)".
func (it *item) breakLabel() string {
	var names []string
	for _, n := range []string{it.role, it.title} {
		if n != "" && !strings.EqualFold(n, "career break") && !slices.ContainsFunc(names, func(s string) bool { return strings.EqualFold(s, n) }) {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return "a career break"
	}
	return "a career break (" + strings.Join(names, ", ") + ")"
}

// compileJobs records the work entries that are jobs: a career break is
// listed with the work but is no role, employer or first job, and adds no
// experience.
func (x *Index) compileJobs() {
	x.jobs, x.hasBreak = nil, false
	for _, it := range x.bySec[secWork] {
		if !it.brk {
			x.jobs = append(x.jobs, it)
		} else {
			x.hasBreak = true
		}
	}
}

// breaksAlso says which career breaks a list of jobs left out: "The work
// history also lists a career break (Parental leave) (2019–2020)."
func (x *Index) breaksAlso(o *out) {
	var parts []string
	for _, it := range x.bySec[secWork] {
		if it.brk {
			parts = append(parts, it.breakLabel()+it.span())
			o.citeItem(it)
		}
	}
	if len(parts) > 0 {
		o.say("The work history also lists %s.", list(parts))
	}
}

// duringGap answers "what did he do during it" right after the gaps: the
// gaps again, with what the profile lists or says of that time.
func (r *resolver) duringGap() bool {
	q := r.q
	if len(q.ents) > 0 || len(q.techs) > 0 || !(hasAnyToken(q.ts, "during", "meanwhile") || q.has(" in that time ") ||
		q.has(" in between ")) || !r.intentWas(iGaps) {
		return false
	}
	r.x.gaps(r.o, r.now)
	return true
}

// namesBreak reports a sentence that tells of time away from work.
func namesBreak(s string) bool {
	text := " " + strings.Join(tokens(s), " ") + " "
	for _, p := range breakPhrases {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}
