package converse

import "strings"

// presentVerb answers "what does she teach", "what does he build": a verb
// in the present asks what the person does now, which the current entries'
// sentences ("Teaches BIOL 340 ...") and the summary say, not an older job
// whose title shares the word ("Teaching Assistant").
func (r *resolver) presentVerb() bool {
	x, o, q := r.x, r.o, r.q
	if at(q.ts, 0) != "what" || at(q.ts, 1) != "does" && at(q.ts, 1) != "do" || at(q.ts, 2) != "@p" || q.hasWin {
		return false
	}
	v := at(q.ts, 3)
	if v == "" || genericVerbs[v] || !isAlphaWord(v) {
		return false
	}
	for _, t := range q.ts[4:] {
		if t != "now" && t != "currently" && t != "today" {
			return false
		}
	}
	forms := []string{v, v + "s", v + "es"}
	if strings.HasSuffix(v, "y") {
		forms = append(forms, v[:len(v)-1]+"ies")
	}
	var cur []*item
	for _, sec := range []string{secWork, secVolunteer} {
		for _, it := range x.sorted(sec) {
			if it.current(r.now) {
				cur = append(cur, it)
			}
		}
	}
	var sns []*snippet
	for _, pass := range []int{0, 1} {
		for i := range x.snippets {
			sn := &x.snippets[i]
			if pass == 0 && !snippetOfAny(sn, cur) || pass == 1 && sn.cite.Section != secBasics {
				continue
			}
			if hasAnyToken(sn.toks, forms...) {
				sns = append(sns, sn)
			}
		}
	}
	if len(sns) == 0 {
		return false
	}
	o.in = iHighlights
	o.focusOn(cur...)
	return x.quoteSentences(o, "The profile says:", sns)
}

// snippetOfAny reports a snippet from one of the entries.
func snippetOfAny(sn *snippet, its []*item) bool {
	for _, it := range its {
		if sn.cite.Section == it.sec && sn.cite.Index == it.idx {
			return true
		}
	}
	return false
}

// genericVerbs say too little to find sentences by ("what does she do"),
// or belong to other answers ("what does he speak", "what does she use").
var genericVerbs = setOf(`do does did be is are have has like love want need think mean make use know speak say look offer bring work want prefer enjoy charge earn cost`)
