package converse

import "strings"

// "How much did Limberline sell for", "what was the sale price": the
// price of a company sold. Profiles often name the buyer and the year but
// not the sum, or call it undisclosed; the reply says which, with the
// sentence, and never offers money raised or revenue as the price.

// salePriceAsked reports a question about what a company sold for.
func salePriceAsked(q *query) bool {
	if q.has(" for ") && (q.has(" sell for ") || q.has(" sold for ") || q.has(" go for ") || q.has(" went for ")) {
		return true
	}
	if hasAnyToken(q.ts, "price", "valuation", "paid", "pay") && hasAnyToken(q.ts, "sale", "sold", "sell", "acquisition", "acquired", "buy", "bought", "exit") {
		return true
	}
	return q.has(" how much ") && hasAnyToken(q.ts, "acquired", "bought")
}

// saleWords mark a sentence about a company changing hands.
var saleWords = []string{"acquired", "acquisition", "sold", "sale", "bought", "merged", "merger", "exit"}

// salePrice answers with the sentences on the sale of the company the
// question names, or the one in focus; false when none says it was sold.
// With price false ("when did he sell it", "who bought it") the sentences
// answer alone.
func (x *Index) salePrice(o *out, q *query, focus func() []*item, price bool) bool {
	var co []*item
	for _, e := range q.ents {
		if e.sec == secWork {
			co = append(co, e)
		}
	}
	if len(co) == 0 {
		for _, e := range focus() {
			if e.sec == secWork {
				co = append(co, e)
			}
		}
	}
	var picked []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if !hasAnyPrefix(sn.toks, saleWords) {
			continue
		}
		if len(co) > 0 && !citesItem(sn.cite, co) && !namesAny(sn.text, co) {
			continue
		}
		picked = append(picked, sn)
		if len(picked) == 2 {
			break
		}
	}
	if len(picked) == 0 {
		return false
	}
	o.in = iHighlights
	sum, undisclosed := false, false
	for _, sn := range picked {
		sum = sum || sn.sum && !hasAnyToken(sn.toks, "raised", "raise", "arr", "revenue")
		low := sn.lower()
		undisclosed = undisclosed || strings.Contains(low, "undisclosed") || strings.Contains(low, "not disclosed")
	}
	switch {
	case !price:
	case undisclosed:
		o.say("The profile says the price was not disclosed.")
	case !sum:
		o.say("The profile doesn't give the price.")
	}
	lead := "It says:"
	if !price {
		lead = "The profile says:"
	}
	x.quoteSentences(o, lead, picked)
	if len(co) == 1 {
		o.focusOn(co[0])
	}
	return true
}

// namesAny reports whether text names one of the entries by its title.
func namesAny(text string, items []*item) bool {
	low := strings.ToLower(text)
	for _, it := range items {
		if t := strings.ToLower(strings.TrimSpace(it.title)); len(t) >= 3 && strings.Contains(low, t) {
			return true
		}
	}
	return false
}

// hasAnyPrefix reports a token beginning with one of the prefixes.
func hasAnyPrefix(ts []string, prefixes []string) bool {
	for _, t := range ts {
		for _, p := range prefixes {
			if strings.HasPrefix(t, p) {
				return true
			}
		}
	}
	return false
}

// salePrice answers "how much did it sell for".
func (r *resolver) salePrice() bool {
	q := r.q
	if q.hasWin || len(q.techs) > 0 {
		return false
	}
	if salePriceAsked(q) {
		return r.x.salePrice(r.o, q, r.focus, true)
	}
	// "when did he sell tallyworks", "who bought it": the sentences of the
	// sale, not the dates of his job there
	return saleEventAsked(q) && r.x.salePrice(r.o, q, r.focus, false)
}

// saleEventAsked reports "when did he sell X", "who bought X", "who
// acquired it".
func saleEventAsked(q *query) bool {
	switch at(q.ts, 0) {
	case "when":
		return hasAnyToken(q.ts, "sell", "sold", "exit", "acquired", "bought")
	case "who": // "which of her companies got acquired" lists them instead
		return hasAnyToken(q.ts, "bought", "buy", "acquired", "acquire", "purchased")
	}
	return false
}
