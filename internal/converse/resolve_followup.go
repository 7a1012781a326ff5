package converse

import (
	"strings"
	"time"
)

// nearSentence answers a bare question after an entry with a sentence of
// that entry.
func (r *resolver) nearSentence() bool {
	x, o, q := r.x, r.o, r.q
	if o.near != nil && r.topScore == 0 && r.modScore == 0 && !q.hasWin {
		// "was it featured" after an app: a sentence of that entry holding
		// the question's word, though the entry's summary left it out.
		same := x.namesakes(o.near)
		sub := &out{x: x, near: o.near, there: same}
		if x.searchCover(sub, q) > 0 && citesOnlyNamesake(sub.cites, o.near, same) {
			o.adopt(sub)
			return true
		}
	}
	return false
}

// sentenceOfNamed answers "did she buy anything for the museum": a
// generic word names several entries at once ("museum": a job, a course
// of study, a publisher), and a verb the search knows other words for
// ("buy": acquisition) finds a sentence of one of them, which says more
// than the list of entries.
func (r *resolver) sentenceOfNamed() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) < 2 || q.byName && anyNamedWhole(q.ents, q.joined) || r.topScore > 0 || r.modScore > 0 || q.hasWin || len(q.techs) > 0 {
		return false
	}
	var stems []string
	for _, t := range q.ts {
		if st := stem(t); len(searchAlts[st]) > 0 && !searchStop[t] {
			stems = append(stems, st)
		}
	}
	sub := &out{x: x}
	if len(stems) == 0 || x.searchStems(sub, stems) == 0 {
		return false
	}
	for _, c := range sub.cites {
		if !citesItem(c, q.ents) {
			return false
		}
	}
	o.adopt(sub)
	return true
}

// anyNamedWhole reports an entry of ents whose whole name q holds.
func anyNamedWhole(ents []*item, joined string) bool {
	for _, e := range ents {
		if e.norm != "" && strings.Contains(joined, e.norm) {
			return true
		}
	}
	return false
}

// whatAboutTech answers "what about X?" after a technology question.
func (r *resolver) whatAboutTech() bool {
	x, o, q := r.x, r.o, r.q
	if r.topScore == 0 && r.modScore == 0 && !r.named && q.off == 0 &&
		(at(q.ts, 1) == "about" || at(q.ts, 0) == "and") && r.intentWas(iTech) {
		if obj := x.askedObject(q.raw); obj != "" { // "what about Zig?" after a technology question
			o.in = iTech
			x.unknownTech(o, obj)
			return true
		}
	}
	return false
}

// howWell answers "how well?" after a language or technology question.
func (r *resolver) howWell() bool {
	x, o, q := r.x, r.o, r.q
	if !r.named && len(q.ts) <= 4 && asksHowWell(q.joined) && r.stTech() != "" {
		// "how well?" after "does she speak French" or "does she know SQL"
		switch {
		case r.intentWas(iLangs):
			o.in = iLangs
			x.spoken(o, r.stTech(), nil)
			return true
		case r.intentWas(iTech):
			o.in = iTech
			x.techAnswer(o, r.stTech(), modeAny, nil, r.now)
			return true
		}
	}
	return false
}

// anotherSkill answers a bare unknown word after a technology question as
// the same question about that skill.
func (r *resolver) anotherSkill() bool {
	x, o, q := r.x, r.o, r.q
	if r.topScore == 0 && r.modScore == 0 && !r.named && q.off == 0 && len(q.ts) == 1 && len(q.ts[0]) >= 2 && isAlphaWord(q.ts[0]) &&
		!commonWords[q.ts[0]] && !interjections[q.ts[0]] && cueTable[q.ts[0]] == nil && !q.person && r.intentWas(iTech) {
		// "ifrs?" right after "does she know Tableau": the same question
		// about another skill
		o.in = iTech
		x.unknownTech(o, capital(q.ts[0]))
		return true
	}
	return false
}

// restOfList answers "what else?" after one entry of a list.
func (r *resolver) restOfList() bool {
	x, o, q := r.x, r.o, r.q
	// "what else?" after one entry of a list: the rest of the list.
	if len(q.ts) <= 3 && len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && asksElse(q.joined) {
		o.stateRead = true
		if x.restOfList(o, r.st) {
			return true
		}
	}
	return false
}

// listReference answers about an entry of the list just given.
func (r *resolver) listReference() bool {
	x, o, q := r.x, r.o, r.q
	// "tell me about the first one", "the google one", "which one was
	// the longest": an entry of the list just given.
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && q.kind == nil {
		listed := func() []*item {
			o.stateRead = true
			return x.stateFocus(State{Section: r.st.ListSection, Focus: r.st.List})
		}
		if it, byLength := x.listRef(q, r.now, listed, r.focus); it != nil {
			q.ents = []*item{it}
			r.named = true
			if byLength {
				r.mod = iDuration
			}
			if r.topScore <= 3 || byLength {
				x.aboutEntity(o, q, r.mod, r.now)
				return true
			}
		}
	}
	return false
}

// publisher answers "who is the publisher" after a publication.
func (r *resolver) publisher() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && len(q.ts) <= 5 && (strings.Contains(q.raw, "ublisher") || strings.Contains(q.raw, "UBLISHER")) {
		// "who is the publisher" right after a publication: its publisher
		// (the raw words, without lower-casing a copy on every turn: a
		// profile without the word reads it as a typo of "published")
		if f := r.focus(); len(f) == 1 && f[0].sec == secPublications {
			q.ents = f
			x.aboutEntity(o, q, iNone, r.now)
			return true
		}
	}
	if r.publishedIt() {
		return true
	}
	if len(q.ents) > 1 && len(q.techs) == 0 && !q.hasWin && (strings.Contains(q.raw, "ublish") || strings.Contains(q.raw, "UBLISH")) {
		// "who published the Bruegel catalogue": of the entries named, the
		// one publication the question names by the most words
		if best := mostNamed(q.ents, q.ts); len(best) == 1 && best[0].sec == secPublications {
			q.ents = best
			x.aboutEntity(o, q, iNone, r.now)
			return true
		}
	}
	return false
}

// mostNamed returns the entries of ents that the most words of ts name
// (a plural word names a singular key too).
func mostNamed(ents []*item, ts []string) []*item {
	var best []*item
	top := 0
	for _, e := range ents {
		n := 0
		for _, k := range e.keys {
			for _, t := range ts {
				if t == k || singular(t) == k {
					n++
					break
				}
			}
		}
		switch {
		case n > top:
			best, top = append(best[:0], e), n
		case n == top && n > 0:
			best = append(best, e)
		}
	}
	return best
}

// sameTime answers what else happened during the entry in focus.
func (r *resolver) sameTime() bool {
	x, o, q := r.x, r.o, r.q
	// "was she working at the same time": jobs during the entry in focus.
	if len(q.ents) == 0 && !q.hasWin && (q.has(" same time ") || hasAnyToken(q.ts, "meanwhile", "simultaneously", "concurrently") ||
		q.has(" during that time ") || q.has(" at that time ")) {
		if f := r.focus(); len(f) > 0 && f[0].dated {
			it := f[0]
			w := Window{From: monthOf(it.per.From().Year(), int(it.per.From().Month())), To: monthOf(it.per.Until(r.now).Year(), int(it.per.Until(r.now).Month()))}
			o.in = iWork
			if hasAnyToken(q.ts, "else", "elsewhere", "other", "another") {
				x.elseDuring(o, it, r.now)
				return true
			}
			o.say("During %s%s:", it.label(), it.span())
			x.workHistory(o, &w, r.now)
			return true
		}
	}
	return false
}

// studySubject answers "in what?" after a degree.
func (r *resolver) studySubject() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && asksSubject(q.ts) {
		// "in what?" after "where did she do her PhD"
		if f := r.focus(); len(f) == 1 && f[0].sec == secEducation {
			o.in = iEducation
			x.entryDetail(o, f[0], false, r.now)
			return true
		}
	}
	return false
}

// graduationOfFocus answers "when did she graduate" after a question about
// one finished degree ("where did she study nursing and when did she
// graduate"): that degree's end, not the latest graduation. "When do they
// graduate" asks of the study under way and is left to graduationDate.
func (r *resolver) graduationOfFocus() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) > 0 || len(q.techs) > 0 || q.hasWin || !graduationWords.anyIn(q.ts) || at(q.ts, 0) != "when" ||
		!hasAnyToken(q.ts, "did", "graduated") || hasAnyToken(q.ts, "with", "before", "after", "since") {
		return false
	}
	f := r.focus()
	if len(f) != 1 || f[0].sec != secEducation || !f[0].dated || f[0].unfin || f[0].current(r.now) || strings.TrimSpace(x.r.Education[f[0].idx].EndDate) == "" {
		return false
	}
	o.in = iEducation
	o.say("%s graduated in %s: %s.", x.Who(), fmtDate(f[0].per.End), article(f[0].describe()))
	o.citeItem(f[0])
	o.focusOn(f[0])
	return true
}

// entryPlace answers "where was it?" with the place of the entry in focus.
func (r *resolver) entryPlace() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && q.scores[iLocation] > 0 &&
		(hasAnyToken(q.ts, "it", "that", "this", "there") || len(q.ts) == 1 || hasAnyToken(q.ts, "then") && hasAnyToken(q.ts, "was", "were")) {
		// "where was it based", "where was he based then": the entry's
		// place, not the person's home
		if f := r.focus(); len(f) == 1 && (f[0].loc != "" || len(q.ts) == 1) { // a bare "where?" after an entry: its place or employer
			x.modifier(o, iWhere, q, r.st, f, nil, r.now)
			return true
		}
	}
	return false
}

// ledThere answers whether she led people in the entry in focus.
func (r *resolver) ledThere() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && hasAnyToken(q.ts, "there", "then") &&
		hasAnyToken(q.ts, "lead", "led", "manage", "managed", "mentor", "mentored", "supervise", "supervised", "hire", "hired", "coach", "coached") {
		// "did she lead anyone there": what that entry says of people;
		// two roles at one employer are one "there"
		if f := r.focus(); len(f) == 1 || len(f) > 1 && oneEmployer(f) {
			o.in = iHighlights
			o.focusOn(f...)
			var sns []*snippet
			for _, it := range f {
				sns = append(sns, x.peopleSentencesOf(it, leadStems)...)
			}
			if !x.quoteSentences(o, "At "+f[0].label()+", the profile says:", sns) {
				o.say("The profile doesn't say whether %s led or managed people at %s.", x.who(), f[0].label())
				o.citeItem(f[0])
			}
			return true
		}
	}
	return false
}

// entryLink answers "is there a link?" after an entry.
func (r *resolver) entryLink() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && asksLink(q.joined) {
		// "is there a link?" after a project
		if f := r.focus(); len(f) == 1 && x.entryURL(f[0]) != "" {
			o.in = iContact
			o.say("%s: %s", capital(f[0].label()), x.entryURL(f[0]))
			o.citeItem(f[0])
			o.focusOn(f[0])
			return true
		}
	}
	return false
}

// whatFor answers "what for?" after one entry or a short list of awards.
func (r *resolver) whatFor() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ts) <= 6 && len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && asksWhatFor(q.joined) {
		// "what for?" after an entry: what the entry says it was; after a
		// short list of awards ("what did he win it for"), each one's
		switch f := r.focus(); {
		case len(f) == 1:
			o.in = iMore
			x.entryDetail(o, f[0], true, r.now)
			return true
		case len(f) > 1 && len(f) <= 4 && onlyIn(f, secAwards, secCertificates):
			for _, it := range f {
				x.entryDetail(o, it, true, r.now)
			}
			o.in = iMore
			o.focusOn(f...)
			return true
		}
	}
	return false
}

// whichOne answers "which one?" after a reply about one entry.
func (r *resolver) whichOne() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && (asksWhichOne(q.ts) || asksForWhom(q.joined)) {
		// "which one?" after a reply that quoted one entry
		if f := r.focus(); len(f) == 1 {
			q.ents = f
			x.aboutEntity(o, q, iNone, r.now)
			return true
		}
	}
	return false
}

// itAfterEntry answers a question about "it" after an entry, or asks
// which one after a short list.
func (r *resolver) itAfterEntry() bool {
	x, o, q := r.x, r.o, r.q
	if r.topScore == 0 && r.modScore == 0 && !r.named && !q.hasWin && hasAnyToken(q.ts, "it") && !asksTeamSize(q) { // "how big did it get": teamSize, on the entry in focus
		// "is it on the App Store?" after a project: about that entry
		switch f := r.focus(); {
		case len(f) == 1:
			q.ents = f
			x.aboutEntity(o, q, iNone, r.now)
			return true
		case len(f) > 1 && len(f) <= 4:
			// "it" after a list: ask rather than guess
			names := make([]string, len(f))
			for i, it := range f {
				names[i] = it.label()
			}
			o.in = iUnknown
			o.say("Which one do you mean: %s?", listOr(names))
			o.focusOn(f...)
			return true
		}
	}
	return false
}

// asksHowWell is a short question about the level of what was just named.
func asksHowWell(j string) bool {
	if !strings.HasPrefix(j, " how ") && !strings.HasPrefix(j, " what ") && !strings.HasPrefix(j, " which ") && !strings.HasPrefix(j, " and ") {
		return false
	}
	return strings.Contains(j, " how well ") || strings.Contains(j, " how good ") || strings.Contains(j, " how fluent ") ||
		strings.Contains(j, " what level ") || strings.Contains(j, " which level ") || strings.Contains(j, " how strong ")
}

// asksWhatFor reports a bare "what for?" / "what was it for?": the purpose
// of the entry just named.
func asksWhatFor(joined string) bool {
	switch joined {
	case " what for ", " for what ", " what was it for ", " what was that for ", " what is it for ", " what s it for ":
		return true
	}
	// "what did she win it for", "what was he given that for"
	return strings.HasPrefix(joined, " what ") && strings.HasSuffix(joined, " for ") &&
		(strings.Contains(joined, " it ") || strings.Contains(joined, " that ")) &&
		hasAnyToken(tokens(joined), "win", "won", "get", "got", "given", "awarded", "receive", "received")
}

// citesOnly reports whether every citation points at it.
func citesOnly(cs []Citation, it *item) bool {
	for _, c := range cs {
		if c.Section != it.sec || c.Index != it.idx {
			return false
		}
	}
	return len(cs) > 0
}

// howOften answers "how often did she work there" with the sentences of
// the entry in focus (or the one named) that give a frequency ("two
// overnight shifts a month"), rather than the list of jobs "work" asks for.
func (r *resolver) howOften() bool {
	x, o, q := r.x, r.o, r.q
	if at(q.ts, 0) != "how" || at(q.ts, 1) != "often" {
		return false
	}
	ents := q.ents
	if len(ents) == 0 && (q.anaph || len(q.ts) == 2) {
		// a bare "how often?" is about the entries just given; of several
		// (two current jobs), the one whose text states a frequency
		ents = r.focus()
	}
	var it *item
	var sns []*snippet
	for _, e := range ents {
		var of []*snippet
		for i := range x.snippets {
			sn := &x.snippets[i]
			if sn.cite.Section == e.sec && sn.cite.Index == e.idx && statesFrequency(sn.toks) {
				of = append(of, sn)
			}
		}
		if len(of) == 0 {
			continue
		}
		if it != nil {
			return false // two of them do: the question does not say which
		}
		it, sns = e, of
	}
	if it == nil || len(ents) > 1 && len(q.ents) > 0 {
		return false
	}
	if !x.quoteSentences(o, "On how often, the profile says:", sns) {
		return false
	}
	o.in = iMore
	o.focusOn(it)
	return true
}

// frequencyUnits are what "a month", "per week", "every day" count.
var frequencyUnits = setOf(`day week month year night weekend fortnight quarter`)

// frequencyCounts are what is counted per unit: "two shifts a month",
// "one training session a week", "once a year".
var frequencyCounts = setOf(`once twice times time shift shifts session sessions class classes visit visits hour hours day days night nights call calls clinic clinics match matches game games
morning mornings afternoon afternoons evening evenings weekend weekends`)

// statesFrequency reports a frequency in ts: "a month", "per week",
// "every weekend", "weekly".
func statesFrequency(ts []string) bool {
	for i, t := range ts {
		switch t {
		case "daily", "weekly", "fortnightly", "monthly", "nightly", "biweekly":
			return true
		case "a", "per", "every", "each":
			if frequencyUnits[at(ts, i+1)] && (t != "a" || i > 0 && (isDigits(ts[i-1]) || smallNumbers[ts[i-1]] || frequencyCounts[ts[i-1]])) {
				return true // "two overnight shifts a month", not "a year off"
			}
		}
	}
	return false
}

// elseDuring answers "did she work anywhere else at the same time": the
// jobs held during the entry in focus, leaving out that entry and the other
// roles at its place ("else" is another place).
func (x *Index) elseDuring(o *out, it *item, now time.Time) {
	var others []*item
	var parts []string
	for _, j := range x.sorted(secWork) {
		if j == it || j.sec == it.sec && j.norm != "" && j.norm == it.norm || !j.dated ||
			!j.per.From().Before(it.per.Until(now)) || !it.per.From().Before(j.per.Until(now)) {
			continue
		}
		others = append(others, j)
		parts = append(parts, j.roleAt()+j.span())
		o.citeItem(j)
	}
	o.citeItem(it)
	if len(others) == 0 {
		o.say("The profile lists no other job during %s%s.", it.label(), it.span())
		o.focusOn(it)
		return
	}
	o.say("During %s%s, %s also worked as %s.", it.label(), it.span(), x.who(), list(parts))
	o.focusOn(others...)
}
