package converse

// financingKinds are words that, before a word of money, name a kind of
// financing: "venture capital", "angel money", "seed funding".
var financingKinds = setOf(`venture angel seed growth equity`)

// moneyNouns are the words of money such a kind comes before.
var moneyNouns = setOf(`capital money funding funds financing backing investment investors round rounds`)

// dropFinancingNamed drops the entries q names only by a kind of financing
// it asks about: "has he raised venture money" is not about his employer
// "Range Light Ventures", though "venture" is a word of its name. The
// entry named by more of its name ("at range light ventures") stays.
func dropFinancingNamed(q *query) {
	for i, t := range q.ts {
		if financingKinds[t] && moneyNouns[at(q.ts, i+1)] {
			q.ents = dropNamedBy(q.ents, []string{t}, q.joined, false)
			q.byName = q.byName && len(q.ents) > 0
			return
		}
	}
}
