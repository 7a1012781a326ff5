package converse

import "strings"

// mentorRefWords in a referee's name say the referee supervised or
// mentored the person: "Prof. Helen Carter, PhD supervisor, University of
// Warwick".
var mentorRefWords = setOf(`supervisor advisor adviser mentor`)

// mentorReferences returns the sentences of the references whose referee
// is named as the person's supervisor, advisor or mentor, that are not
// among have already: a reference that says so in its name, not in its
// text, answers "who was her phd supervisor" too.
func (x *Index) mentorReferences(have []*snippet) []*snippet {
	var out []*snippet
	for i, ref := range x.r.References {
		if !hasAnyTokenIn(tokens(ref.Name), mentorRefWords) {
			continue
		}
		for j := range x.snippets {
			sn := &x.snippets[j]
			if sn.cite.Section != secReferences || sn.cite.Index != i || containsSnippet(have, sn) {
				continue
			}
			if strings.TrimSpace(sn.text) != "" {
				out = append(out, sn)
			}
		}
	}
	return out
}

// containsSnippet reports whether sns holds sn.
func containsSnippet(sns []*snippet, sn *snippet) bool {
	for _, s := range sns {
		if s == sn {
			return true
		}
	}
	return false
}

// mentoredBy reports "who supervised her phd", "who mentored him": the
// person is the one supervised, and who did it is asked (mentorNamed),
// not whom she supervised ("who has she supervised").
func mentoredBy(q *query) bool {
	switch at(q.ts, 1) {
	case "supervised", "advised", "mentored", "trained", "coached":
		return at(q.ts, 0) == "who"
	}
	// "who is her mentor": a person around her, not her mentoring
	return (at(q.ts, 0) == "who" || at(q.ts, 0) == "whos") && containsAny(q.joined, []string{" is @p mentor ", " was @p mentor ", " s @p mentor ", " whos @p mentor ", " who @p mentor "})
}
