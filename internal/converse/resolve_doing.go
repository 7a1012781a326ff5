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
	forms := verbForms(v)
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
	if len(sns) > 3 {
		sns = sns[:3] // the current jobs' first, then the summary's
	}
	o.in = iHighlights
	o.focusOn(cur...)
	return x.quoteSentences(o, "The profile says:", sns)
}

// verbForms are the words a résumé says what the visitor's verb asks in:
// its own forms ("flies", "writing", "sold") and the nouns of the trade
// ("sales", "flights", "author"), since "what does he sell" is answered
// by "B2B SaaS sales" and "what does he fly" by "A320 flights".
func verbForms(v string) []string {
	forms := []string{v, v + "s", v + "es", v + "ing", v + "ed"}
	if strings.HasSuffix(v, "y") {
		forms = append(forms, v[:len(v)-1]+"ies")
	}
	if strings.HasSuffix(v, "e") {
		forms = append(forms, v[:len(v)-1]+"ing", v+"d")
	}
	for past, root := range irregular {
		if root == v || len(root) >= 4 && strings.HasPrefix(v, root) {
			forms = append(forms, past)
		}
	}
	return append(forms, tradeNouns[v]...)
}

// tradeNouns are the nouns résumés use for what a verb of a trade asks.
var tradeNouns = map[string][]string{
	"sell":      {"sales", "sale", "seller", "selling"},
	"write":     {"writer", "author", "authored", "written", "writes"},
	"fly":       {"flight", "flights", "flying", "flown"},
	"teach":     {"teacher", "teaching", "lectures", "courses"},
	"cook":      {"cooking", "cuisine", "dishes", "menu"},
	"translate": {"translation", "translations", "translator"},
	"design":    {"designs", "designer"},
	"code":      {"coding", "programming"},
	"paint":     {"painting", "paintings"},
	"produce":   {"production", "producer"},
	"cover":     {"coverage", "covering"},
	"report":    {"reporting", "reporter"},
	"perform":   {"performance", "performances"},
	"treat":     {"treatment", "patients"},
	"play":      {"playing"},
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

// orderedRole answers "what was her first internship", "his last
// teaching job": the earliest or latest of the roles whose title the noun
// after "first"/"last" names, not the first or last job of all. Nil when
// the noun names every job or none ("first job" stays with the ordinal).
func (r *resolver) orderedRole() bool {
	x, o, q := r.x, r.o, r.q
	if q.hasWin {
		return false
	}
	latest, noun := false, ""
	for i, t := range q.ts {
		switch t {
		case "first", "earliest":
			noun = at(q.ts, i+1)
		case "last", "latest":
			latest, noun = true, at(q.ts, i+1)
		}
		if noun != "" {
			break
		}
	}
	if noun == "" || len(noun) < 4 || genericRoleNouns[noun] || !isAlphaWord(noun) {
		return false
	}
	m := newRoleMatcher([]string{singular(noun)})
	var hits []*item
	all := 0
	for _, sec := range []string{secWork, secVolunteer} {
		for _, it := range x.sorted(sec) {
			if it.brk || !it.dated {
				continue
			}
			all++
			if it.role != "" && m.matchesToks(it.roleTokens()) {
				hits = append(hits, it)
			}
		}
	}
	if len(hits) == 0 || len(hits) == all {
		return false
	}
	for _, e := range q.ents {
		if !containsItem(hits, e) {
			return false // "her first internship at Shopify": the entry named
		}
	}
	pick := hits[0]
	for _, it := range hits[1:] {
		if latest && it.per.From().After(pick.per.From()) || !latest && it.per.From().Before(pick.per.From()) {
			pick = it
		}
	}
	x.entryDetail(o, pick, false, r.now)
	o.in = iFirst
	if latest {
		o.in = iLatest
	}
	return true
}

// genericRoleNouns name any job: "her first job" is the ordinal's.
var genericRoleNouns = setOf(`job jobs role roles position positions work employer employers company companies gig gigs post posts one time thing things`)
