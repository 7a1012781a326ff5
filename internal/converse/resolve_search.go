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
	if q.off <= 2 && !q.math && r.topScore == 0 && r.modScore == 0 && !r.named && !q.person && !q.hasWin && !q.anaph {
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
