package converse

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
