package converse

import "strings"

// promotionSaid answers "when was he promoted" when no employer lists two
// roles but a job's own sentence says it ("Promoted to senior tester in
// 2018"): that sentence, not "no promotion". With there, only the job in
// focus. It reports whether it answered.
func (x *Index) promotionSaid(o *out, focus []*item, there bool) bool {
	var sns []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section != secWork || there && (len(focus) == 0 || focus[0].sec != secWork || focus[0].idx != sn.cite.Index) {
			continue
		}
		if hasAnyToken(sn.toks, "promoted", "promotion", "promotions") {
			sns = append(sns, sn)
		}
	}
	if len(sns) == 0 || !x.quoteSentences(o, "No employer lists two roles, but the profile says:", sns) {
		return false
	}
	for _, it := range x.jobs {
		if it.idx == sns[0].cite.Index {
			o.focusOn(it)
			break
		}
	}
	return true
}

// promotionCountSaid quotes, after the roles of each employer, a sentence
// that counts the promotions itself ("was promoted five times"): the
// résumé's own number, which the listed roles need not show.
func (x *Index) promotionCountSaid(o *out) {
	var sns []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if (sn.cite.Section == secWork || sn.cite.Section == secBasics) && hasAnyToken(sn.toks, "promoted") && hasAnyToken(sn.toks, "times", "twice") {
			sns = append(sns, sn)
		}
	}
	if len(sns) > 0 {
		x.quoteSentences(o, "The profile says:", sns)
	}
}

// promotionCount answers "how many promotions has she had" with the
// number the lists of roles show: each later title at an employer (at
// employer only, when one is named) is one step. Nothing when the count
// was not asked or no employer lists two roles.
func (x *Index) promotionCount(o *out, q *query, employer string) {
	if !strings.Contains(q.joined, " how many ") {
		return
	}
	byEmployer := map[string]int{}
	for _, it := range x.sorted(secWork) {
		k := strings.ToLower(it.title)
		if k == "" || !it.dated || employer != "" && !strings.EqualFold(it.title, employer) {
			continue
		}
		byEmployer[k]++
	}
	steps := 0
	for _, n := range byEmployer {
		steps += n - 1
	}
	if steps == 0 {
		return
	}
	o.say("That makes %d %s, as the titles show.", steps, plural(steps, "promotion", "promotions"))
}
