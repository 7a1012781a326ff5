package converse

import (
	"slices"
	"strings"
)

// returnedTo answers "did she ever go back to a previous employer", "has
// he returned to a club he left": the employers the profile shows someone
// leaving for another and coming back to, or a plain no. Two roles in a
// row at one employer are a promotion, not a return; a job held beside
// another is no leaving.
func (r *resolver) returnedTo() bool {
	x, o, q := r.x, r.o, r.q
	back := hasAnyToken(q.ts, "return", "returned", "returning", "rejoin", "rejoined", "boomerang") ||
		hasAnyToken(q.ts, "back") && hasAnyToken(q.ts, "go", "goes", "went", "gone", "come", "came", "move", "moved")
	if !back || hasAnyTokenIn(q.ts, studyWords) || len(q.ents) > 0 || len(q.techs) > 0 ||
		!hasAnyToken(q.ts, "employer", "employers", "company", "companies", "club", "clubs", "firm", "firms", "job", "jobs", "team",
			"teams", "organisation", "organization", "previous", "former", "earlier", "old", "left", "same", "boomerang") {
		return false
	}
	o.in = iWork
	var said []string
	for _, stints := range x.stintsByEmployer() {
		for i := 1; i < len(stints); i++ {
			left, came := stints[i-1], stints[i]
			away := x.awayBetween(left, came)
			if len(away) == 0 {
				continue
			}
			said = append(said, came.title+": "+roleOrA(left)+left.span()+", then "+roleOrA(came)+came.span()+" after "+list(away))
			o.citeItem(left)
			o.citeItem(came)
			o.focusOn(came)
		}
	}
	if len(said) == 0 {
		o.say("No: the profile shows no return to an earlier employer; %s time at each one is a single stretch.", x.whose())
		return true
	}
	o.say("Yes: %s went back to %s.", x.who(), strings.Join(said, "; and to "))
	return true
}

// studyWords make "go back to school" a question about studying.
var studyWords = setOf(`school schools university college study studies studying studied degree education masters phd uni`)

// stintsByEmployer groups the dated work entries by employer (their
// normalised names, as employerTenure matches them), oldest first,
// keeping employers with two or more.
func (x *Index) stintsByEmployer() [][]*item {
	by := map[string][]*item{}
	var order []string
	for _, it := range x.sorted(secWork) {
		if !it.dated || it.norm == "" || it.brk {
			continue
		}
		k := it.norm
		if _, ok := by[k]; !ok {
			order = append(order, k)
		}
		by[k] = append(by[k], it)
	}
	var out [][]*item
	for _, k := range order {
		if s := by[k]; len(s) > 1 {
			slices.SortFunc(s, func(a, b *item) int { return a.per.From().Compare(b.per.From()) })
			out = append(out, s)
		}
	}
	return out
}

// awayBetween names the other employers of jobs that started after left
// ended and before came started: where the person was in between.
func (x *Index) awayBetween(left, came *item) []string {
	if left.per.Open {
		return nil
	}
	if !startsAfterEnd(came, left) {
		return nil
	}
	var names []string
	for _, it := range x.sorted(secWork) {
		if !it.dated || it.title == "" || it.norm == came.norm || slices.Contains(names, it.title) {
			continue
		}
		if startsAfterEnd(it, left) && it.per.From().Before(came.per.From()) {
			names = append(names, it.title)
		}
	}
	slices.Reverse(names) // sorted is newest first; say them in order
	return names
}

// startsAfterEnd reports whether it started once left had ended, to the
// precision both give: a start given as a year alone ("2010") follows an
// end in that year ("2010-06").
func startsAfterEnd(it, left *item) bool {
	if it.per.Start.Month == 0 || left.per.End.Month == 0 {
		return it.per.Start.Year >= left.per.End.Year
	}
	return !it.per.From().Before(left.per.End.Start())
}

// roleOrA is the entry's role, or "a role" when it names none.
func roleOrA(it *item) string {
	if it.role == "" {
		return "a role"
	}
	return it.role
}
