package converse

import (
	"strings"
)

// kindOf answers "what kind of X" from the entries that name X.
func (r *resolver) kindOf() bool {
	x, o, q := r.x, r.o, r.q
	if r.top == iSummary && r.topScore <= 3 && !r.named && strings.Contains(q.joined, " what kind of ") && !strings.Contains(q.joined, " kind of @p ") {
		// "what kind of clients": the kind is in the entries that name
		// clients, not in the summary; "what kind of developer is she"
		// finds the headline and stays a summary.
		sub := &out{x: x}
		if x.searchCover(sub, q) > 0 && !citesAny(sub.cites, secBasics) {
			o.adopt(sub)
			return true
		}
	}
	return false
}

// generalKnowledge answers general wording about a term the profile uses
// with the profile's own sentence.
func (r *resolver) generalKnowledge() bool {
	x, o, q := r.x, r.o, r.q
	if q.off <= 2 && !q.math && r.topScore == 0 && r.modScore == 0 && !r.named && !q.person && !q.hasWin && !q.anaph && !asksTeamSize(q) { // "how many employees": the entry in focus (teamSize)
		// "what's a Weissman score": general-knowledge wording about a
		// term the profile itself uses
		sub := &out{x: x, near: o.near}
		if x.searchCover(sub, q) > 0 {
			o.adopt(sub)
			return true
		}
	}
	return false
}

// freeSearch answers a weak question by searching the profile's sentences.
func (r *resolver) freeSearch() bool {
	x, o, q := r.x, r.o, r.q
	return (r.topScore <= 1 || r.top == iWork && r.topScore <= 6) && (r.modScore == 0 || r.mod == iMore && !q.anaph) && !r.named && !q.hasWin && (q.person || r.topScore > 0) && x.search(o, q)
}

// nonEmployer answers a job question about an organisation that is no
// employer with the sentence that names it.
func (r *resolver) nonEmployer() bool {
	x, o, q := r.x, r.o, r.q
	if (r.top == iWork || r.top == iCurrent) && len(q.ents) > 0 && !anyInSection(q.ents, secWork) && len(q.techs) == 0 && !q.hasWin {
		// "did he work at Hooli" where Hooli only published his paper: a
		// sentence that names Hooli says more than the paper does.
		sub := &out{x: x, near: o.near}
		if x.searchCover(sub, q) > 0 && citesAny(sub.cites, secBasics, secWork) {
			o.adopt(sub)
			return true
		}
	}
	return false
}

// workedOn answers "has she worked on X" by search.
func (r *resolver) workedOn() bool {
	x, o, q := r.x, r.o, r.q
	// "has she worked on fraud detection"
	return r.top == iWork && len(q.ents) > 0 && len(q.techs) == 0 && !q.hasWin && x.search(o, q)
}

// versionAsked answers "when did 1.0 come out", "what's new in v2.3": a
// version number is no entry, skill or date, only words inside the
// sentences that name it, which are quoted.
func (r *resolver) versionAsked() bool {
	x, o, q := r.x, r.o, r.q
	var forms []string
	for _, t := range q.ts {
		if v := strings.TrimPrefix(t, "v"); isVersion(v) {
			forms = append(forms, v, "v"+v, "version "+v)
		}
	}
	if len(forms) == 0 {
		return false
	}
	var sns []*snippet
	for i := range x.snippets {
		if hasAnyToken(x.snippets[i].toks, forms...) {
			sns = append(sns, &x.snippets[i])
		}
	}
	if len(sns) == 0 {
		return false
	}
	o.in = iHighlights
	return x.quoteSentences(o, "The profile says:", sns)
}

// isVersion reports a version number such as "1.0" or "2.13.1": digits
// around dots, not a sum or a score with a single part.
func isVersion(t string) bool {
	if t == "" || t[0] < '0' || t[0] > '9' {
		return false // most words: a version starts with a digit
	}
	if strings.IndexByte(t, '.') < 0 || strings.HasSuffix(t, ".") {
		return false
	}
	for _, c := range t {
		if c != '.' && (c < '0' || c > '9') {
			return false
		}
	}
	return !strings.Contains(t, "..")
}
