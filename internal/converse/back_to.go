package converse

import "strings"

// backToSkill answers "would she go back to recruiting" from the sentence
// of the summary that says whether she would: a skill she lists is no
// answer to whether she wants that work again ("not looking to go back to
// recruiting").
func (r *resolver) backToSkill() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) == 0 || !asksGoingBack(q.ts) {
		return false
	}
	sns := x.summarySentences(func(low string) bool {
		if !strings.Contains(low, " back to ") && !strings.Contains(low, " return") {
			return false
		}
		ts := tokens(low)
		for _, t := range q.techs {
			if containsRun(ts, tokens(t)) {
				return true
			}
		}
		return false
	})
	if len(sns) == 0 {
		return false
	}
	o.in = iSearch
	return x.quoteSentences(o, "The summary says:", sns)
}

// asksGoingBack reports "go back to", "return to", "would she do it
// again": a
// question about taking up earlier work again.
func asksGoingBack(ts []string) bool {
	return hasAnyToken(ts, "return", "returning", "returned") ||
		hasAnyToken(ts, "back") && hasAnyToken(ts, "go", "goes", "going", "get", "move", "moving", "head", "switch") ||
		hasAnyToken(ts, "again") && hasAnyToken(ts, "would", "want", "wants", "consider", "considering", "interested", "open")
}

// containsRun reports whether run appears in ts as consecutive tokens.
func containsRun(ts, run []string) bool {
	if len(run) == 0 {
		return false
	}
	for i := 0; i+len(run) <= len(ts); i++ {
		match := true
		for j, t := range run {
			if ts[i+j] != t {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
