package converse

import "strings"

// "How much money has he raised", "how much did she secure", "how much
// did he save": an amount
// the person brought in is in the sentences that pair such a verb with a
// sum ("Raised $8.4 million in grants"), not in a certificate whose name
// shares the verb ("Certified Fund Raising Executive").

// amountVerbs are the verbs of bringing money in, with their forms.
var amountVerbs = setOf(`raise raised raising secure secured securing generate generated bring brought win won attract attracted fundraise fundraised`)

// moneyBrought quotes the sentences that bring money in; it reports
// whether any did.
func (x *Index) moneyBrought(o *out, q *query, focus func() []*item) bool {
	if !q.has(" how much ") {
		return false
	}
	var verbs []string
	saving := false
	for _, t := range q.ts {
		if amountVerbs[t] {
			verbs = append(verbs, t)
		}
		saving = saving || savingVerbs[t]
	}
	if len(verbs) == 0 && !saving {
		return false
	}
	var picked []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if !sn.sum {
			continue
		}
		if saving && (hasAnyToken(sn.toks, savedForms...) || againstBudget(sn.toks)) ||
			!saving && hasAnyToken(sn.toks, raisedForms...) && !againstBudget(sn.toks) {
			picked = append(picked, sn)
		}
	}
	if len(picked) > 1 && q.byName && len(q.ents) > 0 {
		picked = keepFocused(picked, q.ents) // "how much did she raise at fernway": that employer's
	} else if len(picked) > 1 && refersBack(q) {
		picked = keepFocused(picked, focus()) // "how much have they raised": the company just discussed
	}
	var quotes []string
	for _, sn := range picked {
		quotes = append(quotes, sn.where+": “"+strings.TrimRight(sn.text, ".")+"”")
		o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
		if len(quotes) == 4 {
			break
		}
	}
	if len(quotes) == 0 {
		return false
	}
	if len(picked) == 1 {
		if it := x.snippetItem(picked[0]); it != nil {
			o.focusOn(it) // "who led the round": that company's
		}
	}
	o.in = iHighlights
	o.say("The profile says, %s.", strings.Join(quotes, "; "))
	return true
}

// againstBudget reports a sum measured against a budget ("brought the
// bridge in $1.1M under budget"): money saved or overspent, not brought in.
func againstBudget(toks []string) bool {
	for i, t := range toks {
		if (t == "budget" || t == "budgeted") && i > 0 {
			switch toks[i-1] {
			case "under", "below", "over", "within", "on":
				return true
			}
		}
	}
	return false
}

// savingVerbs ask for money saved ("how much did he save at Mahindra"),
// which a résumé writes as a cost cut or brought down by a sum.
var savingVerbs = setOf(`save saved saving savings`)

// savedForms are the words of a sentence about money saved.
var savedForms = []string{"saved", "saving", "savings", "save", "cut", "reduced", "lowered", "down"}

// raisedForms are the verbs a sentence about money brought in uses.
// A funding round named with its sum ("the EUR 90 million Series C")
// was money raised too.
var raisedForms = []string{"raised", "raise", "raising", "secured", "generated", "brought", "won", "attracted", "fundraised", "closed", "series"}

// hasSum reports a sum of money in a sentence: a currency sign (the
// rupee's too) or a "million"/"billion" (India's "crore"/"lakh") next to a
// number.
func hasSum(s string) bool {
	if strings.ContainsAny(s, "$€£¥₹") {
		return true
	}
	l := strings.ToLower(s)
	if strings.Contains(l, " million") || strings.Contains(l, " billion") || strings.Contains(l, " crore") || strings.Contains(l, " lakh") {
		return true
	}
	for _, t := range tokens(l) {
		switch t {
		case "usd", "eur", "gbp", "cad", "aud", "chf", "jpy", "inr", "nzd", "sek", "nok", "dkk":
			return true
		}
	}
	return false
}

// grantsHeld answers "what grants has she gotten", "any funding": the
// awards titled a grant or whose summary gives a sum, and the other
// sentences that name a grant with its sum ("a grant from X of EUR
// 96,000"). False when there are none, or the question names one grant.
func (x *Index) grantsHeld(o *out, q *query) bool {
	if !hasAnyToken(q.ts, "grants", "funding", "funded", "grant") || at(q.ts, 0) == "how" || q.hasWin {
		return false
	}
	for _, e := range q.ents {
		if e.norm != "" && strings.Contains(q.joined, " "+e.norm+" ") {
			return false // "tell me about the nserc discovery grant"
		}
	}
	if hasAnyToken(q.ts, "grant") && len(q.ents) > 0 {
		return false // "the pew grant": one of them
	}
	var parts []string
	var listed []*item
	for _, it := range x.sorted(secAwards) {
		a := x.r.Awards[it.idx]
		if !hasAnyToken(tokens(a.Title), "grant", "grants", "funding", "fund") && !hasSum(a.Summary) {
			continue
		}
		s := it.listEntry() + it.span()
		if hasSum(a.Summary) {
			s += ": " + strings.TrimRight(strings.TrimSpace(a.Summary), ".")
		}
		parts = append(parts, s)
		o.citeItem(it)
		listed = append(listed, it)
	}
	o.focusOn(listed...) // "how much was it": the grant just given
	var quotes []string
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section != secAwards && sn.sum && hasAnyToken(sn.toks, "grant", "grants") {
			quotes = append(quotes, "“"+strings.TrimRight(sn.text, ".")+"” ("+sn.where+")")
			o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
		}
	}
	if len(parts) == 0 && len(quotes) == 0 {
		return false
	}
	o.in = iAwards
	if len(parts) > 0 {
		o.say("Grants and funded awards in %s profile: %s.", x.whose(), strings.Join(parts, "; "))
	}
	if len(quotes) > 0 {
		o.say("The profile also says: %s.", strings.Join(quotes, "; "))
	}
	return true
}

// sumNamed answers "how much was the sovereign tech fund grant": the
// sentence holding a sum and at least two of the question's own words,
// when an entry matched by one shared word ("grant") would answer with
// another sum. False unless one sentence covers more words than any other.
func (x *Index) sumNamed(o *out, q *query) bool {
	if !q.has(" how much ") {
		return false
	}
	var words []string
	for _, t := range q.ts {
		if len(t) >= 3 && !searchStop[t] && !commonWords[t] && t != "@p" {
			words = append(words, t)
		}
	}
	if len(words) < 2 {
		return false
	}
	var best *snippet
	bestN, tie := 1, false
	for i := range x.snippets {
		sn := &x.snippets[i]
		if !sn.sum {
			continue
		}
		n := 0
		for _, w := range words {
			if hasAnyToken(sn.toks, w) {
				n++
			}
		}
		switch {
		case n > bestN:
			best, bestN, tie = sn, n, false
		case n == bestN && best != nil:
			tie = true
		}
	}
	if best == nil || tie {
		return false
	}
	o.in = iHighlights
	return x.quoteSentences(o, "The profile says:", []*snippet{best})
}
