package converse

import (
	"strings"
)

// refusedUpFront declines injections and requests to write something before
// anything else reads the question.
func (r *resolver) refusedUpFront() bool {
	x, o, q := r.x, r.o, r.q
	if q.inject {
		x.decline(o, iInjection)
		return true
	}
	if creativeRequest(q) || asksAdviceForVisitor(q) {
		x.decline(o, iOffTopic)
		return true
	}
	return false
}

// asksAdviceForVisitor reports "my kitchen is on fire, what do I do": the
// visitor's own situation, even when a word of it names an employer of the
// profile (a firefighter's "Fire Services"). "What should I ask her" has
// the person in it and stays a question about her.
func asksAdviceForVisitor(q *query) bool {
	return !q.third && (strings.Contains(q.joined, " what do i do ") || strings.Contains(q.joined, " what should i do "))
}

// unnamedPerson says the profile names no advisor, manager or the like
// when it does not.
func (r *resolver) unnamedPerson() bool {
	x, o, q := r.x, r.o, r.q
	if at(q.ts, 0) == "who" && len(q.ents) == 0 {
		// "who is her advisor": a person the profile may not name
		for _, t := range q.ts {
			if roleOfOthers[t] {
				if !x.mentionsWords(t) {
					o.in = iUnknown
					o.say("The profile doesn't name %s %s.", x.whose(), t)
					return true
				}
				break
			}
		}
	}
	return false
}

// offTopic declines what is not about the profile.
func (r *resolver) offTopic() bool {
	x, o, q := r.x, r.o, r.q
	if x.offTopic(q, r.topScore, r.modScore, r.named) {
		x.decline(o, iOffTopic)
		return true
	}
	return false
}

// noteWhy says first that the profile doesn't say why.
func (r *resolver) noteWhy() {
	o, q := r.o, r.q
	if at(q.ts, 0) == "why" && (q.person || len(q.ents) > 0) && q.scores[iHighlights] == 0 {
		// Résumés list what happened, not why: say so, then give the facts.
		o.say("The profile doesn't say why.")
	}
}

// private answers questions about contact details the owner may not share.
func (r *resolver) private() bool {
	x, o, q := r.x, r.o, r.q
	if q.scores[iPrivate] > 0 && q.scores[iPrivate] >= r.topScore {
		o.in = iPrivate
		x.private(o, q)
		return true
	}
	return false
}

// personalTopic says the profile leaves out a personal matter asked about.
func (r *resolver) personalTopic() bool {
	x, o, q := r.x, r.o, r.q
	// "what is his salary": a personal matter résumés leave out, asked
	// with words ("what is he") that would otherwise read as a summary.
	price := x.priceUnsaid(q)
	if (r.topScore <= 2 && r.modScore == 0 && len(q.ents) == 0 || strings.Contains(q.joined, " how old ") || hasAnyTokenIn(q.ts, gossipTopics) || price) && len(q.techs) == 0 && q.kind == nil && !q.hasWin &&
		q.person && (price || personalTopic(q.ts) != "") {
		o.in = iUnknown
		topic := personalTopic(q.ts)
		if price {
			topic = "prices"
		}
		o.say("The profile doesn't mention %s %s.", x.whose(), topic)
		return true
	}
	return false
}

// smallTalk answers greetings, thanks and the like: nothing is asked.
func (r *resolver) smallTalk() bool {
	x, o, q := r.x, r.o, r.q
	if r.topScore == 0 && r.modScore == 0 && !r.named && !q.hasWin {
		x.social(o, q)
		if o.in == iUnknown && q.anaph && !q.person {
			// "is that paid?" after an entry: say which entry the profile
			// is silent on, and what it does say of it
			if f := r.focus(); len(f) == 1 {
				o.say("What it lists: %s%s.", f[0].roleAt(), f[0].span())
				o.citeItem(f[0])
				o.focusOn(f[0])
			}
		}
		return true
	}
	return false
}

// priceWords ask what something costs.
var priceWords = setOf(`cost costs price prices pricing fee fees charge charges rate rates`)

// priceUnsaid reports "how much does a spay cost at her clinic" on a
// profile no sentence of which speaks of prices: a matter the profile
// leaves out, not a search for the service's word. A profile that does
// ("a two-year cost analysis") is left to the search.
func (x *Index) priceUnsaid(q *query) bool {
	asked := false // one switch per word: this runs for most questions
	for _, t := range q.ts {
		switch t {
		case "price", "prices", "pricing", "fee", "fees":
			asked = true
		case "cost", "costs", "charge", "charges", "rate", "rates":
			asked = asked || strings.Contains(q.joined, " how much ")
		}
	}
	if !asked {
		return false
	}
	for i := range x.snippets {
		if hasAnyTokenIn(x.snippets[i].toks, priceWords) {
			return false
		}
	}
	return true
}
