package converse

import "strings"

// "How much money has he raised", "how much did she secure": an amount
// the person brought in is in the sentences that pair such a verb with a
// sum ("Raised $8.4 million in grants"), not in a certificate whose name
// shares the verb ("Certified Fund Raising Executive").

// amountVerbs are the verbs of bringing money in, with their forms.
var amountVerbs = setOf(`raise raised raising secure secured securing generate generated bring brought win won attract attracted fundraise fundraised`)

// moneyBrought quotes the sentences that bring money in; it reports
// whether any did.
func (x *Index) moneyBrought(o *out, q *query) bool {
	if !strings.Contains(q.joined, " how much ") {
		return false
	}
	var verbs []string
	for _, t := range q.ts {
		if amountVerbs[t] {
			verbs = append(verbs, t)
		}
	}
	if len(verbs) == 0 {
		return false
	}
	var quotes []string
	for i := range x.snippets {
		sn := &x.snippets[i]
		if !hasSum(sn.text) || !hasAnyToken(sn.toks, raisedForms...) {
			continue
		}
		quotes = append(quotes, sn.where+": “"+strings.TrimRight(sn.text, ".")+"”")
		o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
		if len(quotes) == 4 {
			break
		}
	}
	if len(quotes) == 0 {
		return false
	}
	o.in = iHighlights
	o.say("The profile says, %s.", strings.Join(quotes, "; "))
	return true
}

// raisedForms are the verbs a sentence about money brought in uses.
var raisedForms = []string{"raised", "raise", "raising", "secured", "generated", "brought", "won", "attracted", "fundraised", "closed"}

// hasSum reports a sum of money in a sentence: a currency sign or a
// "million"/"billion" next to a number.
func hasSum(s string) bool {
	if strings.ContainsAny(s, "$€£¥") {
		return true
	}
	l := strings.ToLower(s)
	return strings.Contains(l, " million") || strings.Contains(l, " billion") || strings.Contains(l, " usd") || strings.Contains(l, " eur")
}
