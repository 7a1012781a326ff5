package converse

import "strings"

// "When did he become captain", "when was she promoted to lead", "what
// year did he make lieutenant": the date of the role whose title carries
// the words asked, the first such role (an "Assistant Store Manager" is no
// store manager, unless asked), with the role held before it at the same
// employer. No title carrying them, a sentence of a job or the summary
// that tells the promotion ("Promoted to senior tester in 2018") answers.
// Neither: the later steps (a ship's Master as captain, the roles list).

// promotionVerbs open the role asked: "become", "promoted (to)", "made".
var promotionVerbs = setOf(`become became promoted promotion made make`)

// roleWordFillers stand between the verb and the role: "promoted to a".
var roleWordFillers = setOf(`to a an the as @p first full`)

// roleWordEnds close the role: "captain at ottawa", "lead in 2018".
var roleWordEnds = setOf(`at in with for from on there after before and or by`)

// subRankWords make a title a rank below the one it names.
var subRankWords = setOf(`assistant asst deputy associate interim acting vice junior jr trainee apprentice sub under`)

// whenOpened reports a question that asks for a date: "when", "since
// when", "what year", "in which year", "what month".
func whenOpened(ts []string) bool {
	for len(ts) > 0 && statementOpeners[ts[0]] {
		ts = ts[1:] // "and when was he promoted to captain"
	}
	switch at(ts, 0) {
	case "when":
		return true
	case "since":
		return at(ts, 1) == "when"
	case "what", "which":
		return at(ts, 1) == "year" || at(ts, 1) == "month"
	case "in":
		return (at(ts, 1) == "what" || at(ts, 1) == "which") && at(ts, 2) == "year"
	}
	return false
}

// promotedRoleWords returns the role asked after a promotion verb, or nil.
func promotedRoleWords(ts []string) []string {
	for i, t := range ts {
		if !promotionVerbs[t] || i < 2 {
			continue
		}
		if (t == "made" || t == "make") && at(ts, i-1) != "@p" && at(ts, i-2) != "@p" {
			continue // "when was the app made": no one made anything
		}
		var words []string
		for _, w := range ts[i+1:] {
			if roleWordEnds[w] || holdsYear([]string{w}) {
				break
			}
			if !roleWordFillers[w] {
				words = append(words, w)
			}
		}
		if len(words) > 0 && len(words) <= 4 {
			return words
		}
		return nil
	}
	return nil
}

// titleCore is the title before its comma or bracket: "Store Manager" of
// "Store Manager, Lloyd Center".
func titleCore(title string) []string {
	if i := strings.IndexAny(title, ",(–|"); i > 0 {
		title = title[:i]
	}
	return tokens(title)
}

// wordInTitle reports w among the title's words, by stem, or an
// abbreviation of the title ("gm", "vp").
func wordInTitle(w string, core []string) bool {
	sw := stem(w)
	for _, t := range core {
		if t == w || stem(t) == sw {
			return true
		}
	}
	if full, ok := titleAbbrevs[w]; ok {
		return strings.Contains(" "+joinTokens(core)+" ", " "+full+" ")
	}
	return false
}

// promotedWhen answers the date a role asked by its words began.
func (r *resolver) promotedWhen() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) > 0 || !q.person || !whenOpened(q.ts) {
		return false
	}
	words := promotedRoleWords(q.ts)
	if words == nil {
		return false
	}
	var found *item
	for _, sec := range []string{secWork, secVolunteer} {
		for _, it := range x.sorted(sec) {
			if it.role == "" || !it.dated || len(q.ents) > 0 && !containsItem(q.ents, it) && !sameEmployerNamed(q.ents, it) {
				continue
			}
			core := titleCore(it.role)
			ok := true
			for _, w := range words {
				ok = ok && wordInTitle(w, core)
			}
			for _, t := range core {
				ok = ok && (!subRankWords[t] || hasAnyToken(words, t))
			}
			if ok && (found == nil || it.per.From().Before(found.per.From())) {
				found = it
			}
		}
	}
	cert := x.certOfRole(words, found)
	if found == nil && cert == nil {
		return x.promotionSentence(o, words)
	}
	o.in = iWhen
	if cert != nil {
		// "when did he become a broker": licensed in 2016, the title held from 2017
		o.say("%s gained the certificate “%s” in %s.", x.Who(), cert.title, fmtDate(cert.date))
		o.citeItem(cert)
		if found == nil {
			o.focusOn(cert)
			return true
		}
	}
	when := fmtDate(found.per.Start)
	if prev := x.roleBeforeAt(found); prev != nil {
		o.say("%s became %s in %s, after %s there%s.", x.Who(), article(found.roleAt()), when, prev.role, prev.span())
		o.citeItem(prev)
	} else if found.title != "" && found.sec == secWork && !found.ownAcct {
		o.say("%s became %s in %s, on joining %s.", x.Who(), article(found.role), when, found.title)
	} else {
		o.say("%s became %s in %s.", x.Who(), article(found.roleAt()), when)
	}
	o.citeItem(found)
	o.focusOn(found)
	return true
}

// sameEmployerNamed reports an entry named in the question with the
// employer of it: "when did she become lead at kinetic" names one role there.
func sameEmployerNamed(ents []*item, it *item) bool {
	for _, e := range ents {
		if e.sec == it.sec && e.title != "" && e.title == it.title {
			return true
		}
	}
	return false
}

// roleBeforeAt is the role held at the same employer just before it, or nil.
func (x *Index) roleBeforeAt(it *item) *item {
	var prev *item
	for _, p := range x.sorted(it.sec) {
		if p == it || p.title == "" || p.title != it.title || p.role == "" || p.role == it.role || !p.dated || !p.per.From().Before(it.per.From()) {
			continue
		}
		if prev == nil || prev.per.From().Before(p.per.From()) {
			prev = p
		}
	}
	return prev
}

// promotionSentence quotes a sentence of a job or the summary telling a
// promotion to the role asked ("Promoted to senior tester in 2018").
func (x *Index) promotionSentence(o *out, words []string) bool {
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section != secWork && sn.cite.Section != secBasics && sn.cite.Section != secVolunteer {
			continue
		}
		if !hasAnyToken(sn.toks, "promoted", "promotion", "made", "became") || !holdsAll(sn.toks, words) {
			continue
		}
		o.in = iWhen
		o.say("The profile says, %s: “%s”.", sn.where, strings.TrimRight(sn.text, "."))
		o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
		return true
	}
	return false
}

// certOfRole is a dated certificate whose name carries every word of the
// role asked and that came before the role held (or with no such role):
// "Real Estate Broker License" (2016) before "Designated Broker" (2017).
func (x *Index) certOfRole(words []string, held *item) *item {
	var first *item
	for _, c := range x.sorted(secCertificates) {
		if c.date.Year == 0 || held != nil && !c.date.Start().Before(held.per.From()) {
			continue
		}
		core := tokens(c.title)
		ok := true
		for _, w := range words {
			ok = ok && wordInTitle(w, core)
		}
		if ok && (first == nil || c.date.Start().Before(first.date.Start())) {
			first = c
		}
	}
	return first
}
