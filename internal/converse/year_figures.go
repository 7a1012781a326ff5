package converse

import "strconv"

// "How much did he sell last year", "how many deals in 2016": a figure
// for one year is in the sentence that names the year ("$48M in closed
// sales in 2024"), not in the list of jobs held that year.

// yearFigures quotes the sentences that name the one year asked and give
// another figure; it reports whether any did.
func (r *resolver) yearFigures() bool {
	x, o, q := r.x, r.o, r.q
	w := r.w
	if w == nil || len(q.ents) > 0 || len(q.techs) > 0 || w.From/12 != w.To/12 || w.To-w.From != 11 {
		return false
	}
	if !hasAnyToken(q.ts, "how") || !hasAnyToken(q.ts, "much", "many") {
		return false
	}
	year := strconv.Itoa(w.From / 12)
	var sns []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if hasAnyToken(sn.toks, year) && otherFigure(sn.toks, year) {
			sns = append(sns, sn)
		}
	}
	if len(sns) == 0 {
		return false
	}
	o.in = iHighlights
	return x.quoteSentences(o, "For "+year+", the profile says:", firstSnippets(sns, 3))
}

// otherFigure reports a token with a digit other than year: the figure
// the sentence gives for it.
func otherFigure(toks []string, year string) bool {
	for _, t := range toks {
		if t == year {
			continue
		}
		for i := 0; i < len(t); i++ {
			if t[i] >= '0' && t[i] <= '9' {
				return true
			}
		}
	}
	return false
}
