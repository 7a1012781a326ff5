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
	if x.beliefGuess(q) || x.asksFaith(q) || x.asksBeliefAlone(q) {
		x.declineBelief(o)
		return true
	}
	if asksToVouch(q) {
		x.declineVouch(o)
		return true
	}
	if creativeRequest(q) || asksAdviceForVisitor(q) || asksForecast(q) || x.asksRecommendation(q) {
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
	return !q.third && (q.has(" what do i do ") || q.has(" what should i do "))
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
		if q.off == 0 && asksTeamSize(q) && onlyTeamWords(q.ts) && len(r.focus()) > 0 {
			return false // "how big was the team" after a reply about her work: teamSize
		}
		if r.countPeopleInFocus() {
			return true // "how many kids go" after a reply about a camp
		}
		x.decline(o, iOffTopic)
		return true
	}
	return false
}

// onlyTeamWords reports whether ts ask a team's size and nothing else
// ("how big was the team", not "what is the team size of the lakers").
func onlyTeamWords(ts []string) bool {
	for _, t := range ts {
		if !teamAskWords[t] && !searchStop[t] {
			return false
		}
	}
	return true
}

var teamAskWords = setOf(`how big large many what size team teams group department people staff was is were the that this her his their @p
there then`)

// noteWhy says first that the profile doesn't say why.
// It reports whether the profile's own sentence of reason answered the
// question instead (why_stated.go).
func (r *resolver) noteWhy() bool {
	o, q := r.o, r.q
	if at(q.ts, 0) == "why" && (q.person || len(q.ents) > 0) && q.scores[iHighlights] == 0 {
		if r.x.statedReason(o, q.ts) {
			o.in = iSearch
			return true
		}
		jobs := q.ents
		if len(jobs) == 0 {
			jobs = r.focus() // "why did he leave there"
		}
		if r.x.leftReason(o, q.ts, jobs) {
			o.in = iSearch
			return true
		}
		field := r.x.jobsLeftByWord(q)
		if len(field) > 0 && r.x.leftReason(o, q.ts, field) {
			o.in = iSearch
			return true
		}
		// Résumés list what happened, not why: say so, then give the facts.
		o.say("The profile doesn't say why.")
		if len(field) > 0 {
			// "why did she leave libraries": her roles there, not the
			// libraries of a programmer's skills
			parts := make([]string, len(field))
			for i, it := range field {
				parts[i] = it.roleAt() + it.span()
				o.citeItem(it)
			}
			o.say("It lists %s.", list(parts))
			o.in = iWork
			o.focusOn(field...)
			return true
		}
	}
	return false
}

// jobsLeftByWord returns the jobs whose employer or title has the word
// left in "why did she leave libraries", "why did he quit nursing": a field
// named by its workplace or its trade, when no entry is named.
func (x *Index) jobsLeftByWord(q *query) []*item {
	if len(q.ents) > 0 {
		return nil
	}
	var w string
	for i, t := range q.ts {
		if t == "leave" || t == "left" || t == "quit" || t == "leaving" {
			j := i + 1
			for figureLead(at(q.ts, j)) {
				j++
			}
			w = singular(at(q.ts, j))
			break
		}
	}
	if len(w) < 5 || commonWords[w] || searchStop[w] {
		return nil
	}
	head := w[:len(w)-1] // "librar" of "library": "Librarian", "Library"
	var jobs []*item
	for i := range x.work {
		it := &x.work[i]
		if it.brk {
			continue
		}
		if hasStemPrefix(it.titleToks, head) || hasStemPrefix(it.roleToks, head) {
			jobs = append(jobs, it)
		}
	}
	return jobs
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
	if (r.topScore <= 2 && r.modScore == 0 && len(q.ents) == 0 || q.has(" how old ") || gossipTopics.anyIn(q.ts) || price) && len(q.techs) == 0 && q.kind == nil && !q.hasWin &&
		q.person && (price || x.personalTopic(q.ts) != "") {
		o.in = iUnknown
		topic := x.personalTopic(q.ts)
		if price {
			topic = "prices"
		}
		o.say("The profile doesn't mention %s %s.", x.whose(), topic)
		return true
	}
	return false
}

// payAt says the profile leaves out the pay asked of a named employer
// ("what was her salary at Deloitte"): no more in a résumé than a salary
// asked alone, where the employer's name would otherwise bring its entry.
// A profile that speaks of pay itself is searched as usual.
func (r *resolver) payAt() bool {
	if r.earningsAsked() {
		return true
	}
	x, o, q := r.x, r.o, r.q
	if len(q.ents) == 0 || !q.person || len(q.techs) > 0 {
		return false
	}
	asked := false
	for _, t := range q.ts {
		if payTopics[t] && !x.entKey(q.ents, t) { // "Lumen Pay" is an employer's name
			asked = true
			break
		}
	}
	if !asked || x.mentionsAny(payWords) {
		return false
	}
	o.in = iUnknown
	o.say("The profile doesn't mention %s pay.", x.whose())
	return true
}

// earningsAsked says the profile leaves out what the person earns, asked
// with a verb rather than a noun of pay: "what did he earn in 2024", "how
// much does she make". The window or employer asked changes nothing: a
// résumé gives no pay, and a profile that speaks of pay is searched as
// usual.
func (r *resolver) earningsAsked() bool {
	x, o, q := r.x, r.o, r.q
	if !q.person || len(q.techs) > 0 || !earnVerbAsked(q.ts) || x.mentionsAny(payWords) {
		return false
	}
	o.in = iUnknown
	o.say("The profile doesn't mention %s earnings.", x.whose())
	return true
}

// earnVerbAsked reports "what does/did @p earn", "how much does/did @p
// earn/make" (the verb right after the person, ending the clause), or "@p
// earnings".
func earnVerbAsked(ts []string) bool {
	for i, t := range ts {
		if t == "earnings" && at(ts, i-1) == "@p" {
			return true
		}
		if at(ts, i-1) != "@p" || t != "earn" && t != "earns" && t != "make" && t != "makes" {
			continue
		}
		aux := at(ts, i-2)
		if aux != "does" && aux != "did" && aux != "do" {
			continue
		}
		lead := at(ts, i-3)
		if lead == "what" && t != "make" && t != "makes" || lead == "much" && at(ts, i-4) == "how" {
			next := at(ts, i+1)
			return next == "" || next == "in" || next == "at" || next == "there" || next == "per" || next == "a" || next == "now" || next == "then"
		}
	}
	return false
}

// payTopics are the words of a question about pay; payWords those of them
// a profile would say pay with ("pay" shares its stem with "payments").
var (
	payTopics = setOf(`salary salaries compensation wage wages pay`)
	payWords  = setOf(`salary compensation wage`)
)

// mentionsAny reports whether the profile holds any of the words.
func (x *Index) mentionsAny(words map[string]bool) bool {
	for w := range words {
		if x.words[stem(w)] {
			return true
		}
	}
	return false
}

// businessUnsaid says the profile leaves out what a customer asks of a
// business without naming its owner: opening hours, and the price of one
// thing ("how much is a dozen rolls"), even of a thing the profile lists.
func (r *resolver) businessUnsaid() bool {
	x, o, q := r.x, r.o, r.q
	if q.hasWin || q.third && len(q.techs) == 0 {
		return false // a price asked of him or her is personalTopic's
	}
	switch {
	case x.hoursUnsaid(q):
		o.say("The profile doesn't give opening hours.")
	case x.priceUnsaid(q):
		o.say("The profile doesn't mention %s prices.", x.whose())
	default:
		return false
	}
	o.in = iUnknown
	return true
}

// hoursUnsaid reports "what are the opening hours", "when are you open on
// sunday" on a profile no sentence of which gives hours: a visitor's
// question for a business the résumé is no listing of.
func (x *Index) hoursUnsaid(q *query) bool {
	if !q.has(" open") && !q.has(" hours ") && !q.has(" close") {
		return false // the common case, decided without a scan
	}
	asked := q.has(" opening hours ") || q.has(" business hours ") ||
		q.has(" opening times ") || (q.has(" what time ") || q.has(" what hours ")) && hasAnyToken(q.ts, "open", "opens", "close", "closes") ||
		hasAnyToken(q.ts, "open") && hasAnyToken(q.ts, "today", "tomorrow", "weekends", "weekend", "sunday", "sundays", "saturday", "saturdays", "now", "tonight", "late")
	if !asked {
		return false
	}
	for i := range x.snippets {
		if hasAnyToken(x.snippets[i].toks, "hours", "open") && hasAnyToken(x.snippets[i].toks, "opening", "open", "am", "pm", "daily") {
			return false
		}
	}
	return true
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
			asked = asked || q.has(" how much ")
		}
	}
	// "how much is a dozen rolls": the price of one thing, unlike "how
	// much is his revenue"
	asked = asked || q.has(" how much ") && (q.has(" how much is a ") ||
		q.has(" how much is an ") || q.has(" how much for a "))
	if !asked {
		return false
	}
	for i := range x.snippets {
		// "Food Cost Control" (a course) names no price; "$40 an hour"
		// or "a 2 % fee" does
		if hasAnyTokenIn(x.snippets[i].toks, priceWords) && strings.ContainsAny(x.snippets[i].text, "$€£¥0123456789") {
			return false
		}
	}
	return true
}

// gapLength answers "how long was the gap" with the gaps and their
// lengths, not the length of the whole career.
func (r *resolver) gapLength() bool {
	q := r.q
	if !hasAnyToken(q.ts, "gap", "gaps") || !strings.Contains(q.joined, " how long ") || len(q.ents) > 0 || q.hasWin {
		return false
	}
	r.x.gaps(r.o, r.now)
	return true
}

// jobsNow answers "is she juggling two jobs", "does she have more than
// one job": a question in the present about several jobs at once is
// about the jobs she holds now, not every job she has held.
func (r *resolver) jobsNow() bool {
	q := r.q
	switch at(q.ts, 0) {
	case "is", "does", "are", "do":
	default:
		return false
	}
	if len(q.ents) > 0 || q.hasWin || !hasAnyToken(q.ts, "job", "jobs", "roles", "positions", "employers") {
		return false
	}
	if !hasAnyToken(q.ts, "two", "multiple", "several", "both") && !strings.Contains(q.joined, " more than one ") {
		return false
	}
	r.x.topic(r.o, iCurrent, q, nil, r.now)
	return true
}
