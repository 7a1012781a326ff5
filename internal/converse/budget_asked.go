package converse

import "strings"

// "How big was the budget", "has she ever handled a budget": the answer
// is a sum the profile puts beside the word budget ("Managed an annual
// budget of £38,000"). The word alone would find an entry named after
// budgets ("PTA budget dashboard") or a job's list, neither of which
// gives the sum.

// budgetAsked answers a question about the size of a budget someone had
// with the sentences that give one.
func (r *resolver) budgetAsked() bool {
	x, q := r.x, r.q
	if !hasAnyToken(q.ts, "budget", "budgets") || hasAnyToken(q.ts, "on", "under", "over", "within") ||
		!hasAnyToken(q.ts, "how", "what", "size", "handled", "handle", "managed", "manage", "largest", "biggest", "run", "ran") {
		return false // "was it on budget": whether, not how big
	}
	var sns []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if hasAnyToken(sn.toks, "budget", "budgets") && hasMoney(sn.text) && !strings.Contains(sn.lower(), "under budget") && !strings.Contains(sn.lower(), "on budget") {
			sns = append(sns, sn)
		}
	}
	if len(sns) == 0 {
		return false
	}
	if near := r.nearOne(); near != nil {
		sns = keepNear(sns, near) // "how big is the budget" of the entry in focus
	}
	if len(sns) > 3 {
		sns = sns[:3]
	}
	r.o.in = iHighlights
	return x.quoteSentences(r.o, "On budgets, the profile says:", sns)
}

// hasMoney reports a sum of money in s: "$62M", "£38,000", "€1.2 million".
func hasMoney(s string) bool {
	return strings.ContainsAny(s, "$£€¥") || strings.Contains(s, "USD") || strings.Contains(s, "EUR")
}
