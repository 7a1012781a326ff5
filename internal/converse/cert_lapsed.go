package converse

import (
	"slices"
	"time"
)

// Certificates no longer held: the name says so ("(lapsed 2019)",
// "expired 2024-11") or gives an end already past ("expires 2024-06").
// Which ones those are depends on the day asked, so it is worked out per
// turn, not when the profile is compiled.

// gone reports a certificate no longer held on now.
func (it *item) gone(now time.Time) bool {
	if it.sec != secCertificates {
		return false
	}
	if it.lapsed {
		return true
	}
	_, d, ok := nameExpiry(it.title)
	return ok && d.Year > 0 && endOf(d).Before(now)
}

// certCurrency answers "are any of his certificates expired" and "which
// certificates are still valid": the ones held, then the ones no longer
// held. A word of expiry in the question matches the names that carry
// theirs ("expires 2026-03"), which are no answer. It reports whether it
// answered.
func (r *resolver) certCurrency() bool {
	x, o, q := r.x, r.o, r.q
	// every word of certPlurals is a cue of certificates: one array read
	// spares the word look-ups on every other question
	if q.scores[iCerts] == 0 || q.hasWin || q.anaph || len(x.certificates) == 0 || !certPlurals.anyIn(q.ts) {
		return false
	}
	expired := hasAnyToken(q.ts, "expired", "lapsed", "outdated")
	if !expired && !asksHeldNow(q.ts) {
		return false
	}
	o.in = iCerts
	if x.certsHeldNow(o, q.ts, r.now) {
		return true
	}
	if !expired {
		return false
	}
	all := x.sorted(secCertificates)
	parts := make([]string, len(all))
	for i, it := range all {
		parts[i] = it.listEntry() + it.span()
		o.citeItem(it)
	}
	o.say("The profile marks none of %s certificates as expired or lapsed: %s.", x.whose(), list(parts))
	return true
}

// certsUnderWay answers "what is she still studying for" with no school
// under way: the certificates their names say are in progress ("FSA
// module DMAC, in progress"). It reports whether there were any.
func (x *Index) certsUnderWay(o *out) bool {
	var towards []*item
	for _, it := range x.sorted(secCertificates) {
		if it.pending() {
			towards = append(towards, it)
		}
	}
	if len(towards) == 0 {
		return false
	}
	parts := make([]string, len(towards))
	for i, it := range towards {
		parts[i] = "“" + it.title + "”" + prefixed(" from ", it.role)
		o.citeItem(it)
	}
	o.say("%s is working towards %s; the profile does not list %s as held yet.", x.Who(), list(parts), plural(len(parts), "it", "them"))
	o.focusOn(towards...)
	return true
}

// certsOfOrg adds, to "is she a fellow of the Society of Actuaries" that
// no title answers, the certificates whose name or issuer holds every
// word after "of": what she does hold from that organisation.
func (x *Index) certsOfOrg(o *out, ts []string) {
	i := slices.Index(ts, "of")
	if i < 0 {
		return
	}
	var stems []string
	for _, t := range ts[i+1:] {
		if len(t) >= 4 && !searchStop[t] && !commonWords[t] {
			stems = append(stems, stem(t))
		}
	}
	if len(stems) == 0 {
		return
	}
	var parts []string
	for _, it := range x.sorted(secCertificates) {
		c := x.r.Certificates[it.idx]
		own := tokens(c.Name + " " + c.Issuer)
		all := true
		for _, st := range stems {
			all = all && hasStemPrefix(own, st)
		}
		if all && !it.pending() {
			parts = append(parts, "“"+it.title+"”"+it.span())
			o.citeItem(it)
		}
	}
	if len(parts) > 0 {
		o.say("From that organisation the profile lists %s.", list(firstStrings(parts, 3)))
	}
}

// firstStrings is the first n of ss.
func firstStrings(ss []string, n int) []string {
	if len(ss) > n {
		return ss[:n]
	}
	return ss
}
