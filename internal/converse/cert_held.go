package converse

import (
	"strings"
	"time"
)

// Certificates as held now, and certificates named by the start of a
// word of their name.

// licenceNouns name a certificate as a licence or permit: "does he have a
// pilot licence", "what licenses does she hold".
var licenceNouns = setOf(`licence licences license licenses permit permits`)

// asksHeldNow reports a question about the certificates held today:
// "which certificates are still valid", "what does he currently hold".
func asksHeldNow(ts []string) bool {
	return hasAnyToken(ts, "still", "currently", "current", "valid", "active", "now", "today")
}

// certsHeldNow answers "which certificates does he still hold" when the
// profile marks some as lapsed ("(surrendered 2021)") or their end has
// passed: the held ones, then the ones no longer held. It reports whether
// it answered.
func (x *Index) certsHeldNow(o *out, ts []string, now time.Time) bool {
	if !asksHeldNow(ts) && !hasAnyToken(ts, "expired", "lapsed", "outdated") {
		return false
	}
	var held, gone []string
	all := x.sorted(secCertificates)
	for _, it := range all {
		if it.gone(now) {
			gone = append(gone, it.listEntry())
		} else {
			held = append(held, it.listEntry()+it.span())
		}
	}
	if len(gone) == 0 {
		return false
	}
	for _, it := range all {
		o.citeItem(it)
	}
	if len(held) == 0 {
		o.say("None: the profile marks every certificate as no longer held: %s.", list(gone))
		return true
	}
	if hasAnyToken(ts, "expired", "lapsed", "outdated") {
		// "are any of his certificates expired": those first
		o.say("Yes: %s no longer held: %s. Still current: %s.", plural(len(gone), "1 certificate is", "these certificates are"), list(gone), list(held))
		return true
	}
	o.say("%s %s: %s. No longer held: %s.", capital(x.whose()), plural(len(held), "current certificate is", "current certificates are"), list(held), list(gone))
	return true
}

// certByWordStart answers "does he have a pilot licence" when the word
// before the certificate noun starts a longer word of a certificate's name
// ("Pilotage Licence", "Engineering Certificate") that the entity match,
// which compares whole words, did not take. It reports whether it
// answered.
func (x *Index) certByWordStart(o *out, ts []string) bool {
	var hits []*item
	for i, t := range ts {
		if !licenceNouns[t] && !certNouns[t] {
			continue
		}
		w := at(ts, i-1)
		if len(w) < 4 || searchStop[w] {
			continue
		}
		for j := range x.certificates {
			it := &x.certificates[j]
			for _, cw := range tokens(it.title) {
				if len(cw) > len(w) && len(cw) <= len(w)+4 && strings.HasPrefix(cw, w) && !containsItem(hits, it) {
					hits = append(hits, it)
					break
				}
			}
		}
	}
	if len(hits) == 0 {
		return false
	}
	for _, it := range hits {
		x.pointDetail(o, it)
		o.citeItem(it)
	}
	o.focusOn(hits...)
	return true
}
