package converse

import (
	"fmt"
	"slices"
	"time"
)

// "How long was she freelancing", "how many years has he been
// self-employed": the time in every job on her own account or on
// contract, overlaps counted once, not the one job whose title holds the
// word.

// ownAccountAsked reports a length asked of freelance, contract or
// self-employed work: "how long ... freelancing", "how many years ...
// self-employed".
func ownAccountAsked(ts []string) bool {
	long := at(ts, 1) == "long" || at(ts, 1) == "many" && (at(ts, 2) == "years" || at(ts, 2) == "months")
	if at(ts, 0) != "how" || !long {
		return false
	}
	for i, t := range ts {
		switch {
		case contractWords[t], t == "self-employed", t == "selfemployed":
			return true
		case t == "self" && (at(ts, i+1) == "employed" || at(ts, i+1) == "employment"):
			return true
		}
	}
	return false
}

// ownAccountTenure is the resolver's step: with two or more such jobs,
// their total and which they are; with one, its length.
func (r *resolver) ownAccountTenure() bool {
	x, o, q := r.x, r.o, r.q
	if q.hasWin || q.anaph || len(q.techs) > 0 || !ownAccountAsked(q.ts) {
		return false
	}
	jobs := datedOnly(heldOrder(x.contractRoles(), r.now))
	for _, e := range q.ents {
		if q.byName && !(e.sec == secWork && (e.ownAcct || e.idx < len(x.r.Work) && saysSelfEmployed(x.r.Work[e.idx].Name))) {
			return false // "how long was he freelancing at Acme": that job
		}
	}
	switch len(jobs) {
	case 0:
		return false
	case 1:
		o.in = iDuration
		x.duration(o, jobs[0], r.now)
		return true
	}
	x.ownAccountTotal(o, jobs, r.now)
	return true
}

// datedOnly keeps the dated items of items.
func datedOnly(items []*item) []*item {
	out := items[:0:0]
	for _, it := range items {
		if it.dated {
			out = append(out, it)
		}
	}
	return out
}

// ownAccountTotal says the total of jobs (most recent first, two or more)
// and names them: eight in full, or seven and how many more.
func (x *Index) ownAccountTotal(o *out, jobs []*item, now time.Time) {
	o.in = iDuration
	byStart := slices.Clone(jobs)
	slices.SortStableFunc(byStart, func(a, b *item) int { return a.per.From().Compare(b.per.From()) })
	var c coverage
	ongoing := false
	for _, it := range byStart { // oldest first: coverage adds in order
		c.add(it.per.From(), it.per.Until(now))
		ongoing = ongoing || it.current(now)
	}
	for _, it := range jobs {
		o.citeItem(it)
	}
	o.focusOn(jobs...)
	shown := jobs
	if len(jobs) > 8 {
		shown = jobs[:7]
	}
	parts := make([]string, 0, len(shown)+1)
	for _, it := range shown {
		parts = append(parts, it.roleAt()+it.span())
	}
	if n := len(jobs) - len(shown); n > 0 {
		parts = append(parts, fmt.Sprintf("%d more", n))
	}
	first := byStart[0]
	if ongoing {
		o.say("%s has worked freelance or on contract for %s in all since %s, and still does, in %d roles: %s.", x.Who(), roughly(c.total), fmtDate(first.per.Start), len(jobs), list(parts))
		return
	}
	o.say("%s worked freelance or on contract for %s in all, from %s, in %d roles: %s.", x.Who(), roughly(c.total), fmtDate(first.per.Start), len(jobs), list(parts))
}
