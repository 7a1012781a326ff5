package converse

import "strings"

// besidesWords open the part of a question that sets languages aside:
// "does he speak any languages besides English", "apart from French and
// German, what does she speak". Listing the set-aside language back as
// the answer ("Yes, he speaks English") would answer nothing.
var besidesWords = []string{" besides ", " beside ", " except ", " other than ", " apart from ", " aside from ", " on top of ", " in addition to "}

// besidesAt is where the first of besidesWords starts in joined, or -1.
func besidesAt(joined string) int {
	first := -1
	for _, w := range besidesWords {
		if i := strings.Index(joined, w); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// spokenBesides answers a question about the languages other than those
// it names, and reports whether it did.
func (x *Index) spokenBesides(o *out, q *query) bool {
	at := besidesAt(q.joined)
	if at < 0 || len(x.r.Languages) == 0 {
		return false
	}
	excluded := map[string]bool{}
	var named []string
	for _, t := range tokens(q.joined[at:]) {
		if spokenLanguages[t] && !excluded[t] {
			excluded[t] = true
			named = append(named, capital(t))
		}
	}
	if len(named) == 0 {
		return false
	}
	var parts []string
	o.sec, o.focus = secLanguages, o.focus[:0]
	for i, l := range x.r.Languages {
		n := normName(l.Language)
		if n == "" || excluded[n] || excluded[strings.ToLower(englishLanguage(l.Language))] {
			continue
		}
		o.focus = append(o.focus, i)
		o.cite(secLanguages, i, "")
		parts = append(parts, spokenName(l.Language)+prefixed(" (", fluency(l.Fluency))+map[bool]string{true: ")"}[l.Fluency != ""])
	}
	o.in = iLangs
	if len(parts) == 0 {
		o.say("Besides %s, the profile doesn't list another language %s speaks.", list(named), x.who())
		for i := range x.r.Languages {
			o.cite(secLanguages, i, "")
		}
		return true
	}
	yes := ""
	if yesNoQuestion(q.ts) {
		yes = "Yes: b"
	} else {
		yes = "B"
	}
	o.say("%sesides %s, %s speaks %s.", yes, list(named), x.who(), list(parts))
	return true
}
