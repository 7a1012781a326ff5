package converse

import (
	"slices"
	"strings"
	"time"
)

// topical intents name a subject; modifiers (when, where, before...) refine
// a subject named now or in the previous turn.
var (
	topical = []intent{iSummary, iCurrent, iWork, iProjects, iSkills, iTech, iEducation, iCerts, iAwards,
		iPubs, iLangs, iVolunteer, iInterests, iContact, iLocation, iPrivate, iReferences, iTotalExp, iHelp,
		iAvailability, iGaps, iHighlights}
	modifiers = []intent{iFirst, iLatest, iPrev, iNext, iDuration, iWhen, iWhere, iMore}
)

func best(scores *[numIntents]int, among []intent) (intent, int) {
	var bi intent
	bs := 0
	for _, in := range among {
		if scores[in] > bs {
			bi, bs = in, scores[in]
		}
	}
	return bi, bs
}

// respond decides what q asks, in the context of st, and answers it.
func (x *Index) respond(o *out, q *query, st State, now time.Time) {
	if q.inject {
		x.decline(o, iInjection)
		return
	}
	if creativeRequest(q) {
		x.decline(o, iOffTopic)
		return
	}
	if g := askedGroup(q.joined); g != nil {
		x.groupAnswer(o, g, now) // "was she at a Big Four firm"
		return
	}
	if len(q.ents) == 0 && !q.hasWin && strings.Contains(q.joined, " how many ") && len(x.work) > 0 &&
		hasAnyToken(q.ts, "companies", "employers", "firms", "organisations", "organizations", "places") &&
		hasAnyToken(q.ts, "worked", "work", "works", "working", "employed", "been") {
		x.employerCount(o, now) // "how many companies has she worked for"
		return
	}
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && hasAnyToken(q.ts, "write", "writes", "written", "wrote", "writing") &&
		strings.HasSuffix(q.joined, " for ") && (at(q.ts, 0) == "who" || at(q.ts, 0) == "which" || at(q.ts, 0) == "what") {
		x.writesFor(o, now) // "who does he write for"
		return
	}
	if len(q.techs) == 0 && !q.hasWin && q.kind == nil && x.skillGroup(o, q) {
		return // "data journalism?": a skill group by its name
	}
	if len(q.techs) == 0 && !q.hasWin && q.kind == nil && x.countSearch(o, q) {
		return
	}
	x.fixPrivate(q)
	if len(q.ents) == 0 && len(q.techs) == 0 && (q.person || len(q.ts) <= 3 && (q.scores[iWhere] > 0 || q.scores[iLocation] > 0)) && x.namesInterest(q.ts) {
		q.scores[iInterests] += 4 // "where does she surf": a hobby, not a place
	}
	top, topScore := best(&q.scores, topical)
	mod, modScore := best(&q.scores, modifiers)
	if sec := topicSection(top); sec != "" && sec != secWork && topScore > 0 && (len(q.ents) > 1 && anyInSection(q.ents, sec) || topScore >= 3 && len(x.sorted(sec)) > 0) {
		// "where did he study journalism": the degree, not the journalism
		// charity that shares a word of its name (when the question's
		// subject is plain, even if no degree was named)
		kept := q.ents[:0:0]
		for _, e := range q.ents {
			if e.sec == sec || e.norm != "" && strings.Contains(q.joined, e.norm) {
				kept = append(kept, e)
			}
		}
		q.ents = kept
	}
	if len(q.ents) > 0 && !q.hasWin && asksBesides(q) {
		// "any awards besides the Michelin star": the rest of the section
		if sec := topicSection(top); sec != "" && sec != secWork && topScore > 0 {
			var aside []*item
			for _, e := range q.ents {
				if e.sec == sec {
					aside = append(aside, e)
				}
			}
			if len(aside) > 0 {
				o.in = top
				x.listExcept(o, sec, aside, now)
				return
			}
		}
	}
	if org := x.unnamedOrg(q); org != "" && q.scores[iWork] == 0 && q.scores[iCurrent] == 0 { // a job there has its own answer
		o.say("The profile doesn't mention %s.", org) // what it says of others follows
	}
	if !q.hasWin && x.moneyBrought(o, q) {
		return // "how much money has he raised"
	}
	named := len(q.ents) > 0 || len(q.techs) > 0 || q.lang != "" || q.kind != nil
	// Conditions on st come last in each test and mark o.stateRead, so
	// that a reply which never got that far is known not to depend on it.
	o.papers = hasAnyToken(q.ts, "paper", "papers", "article", "articles") && !hasAnyToken(q.ts, "talk", "talks", "keynote")
	o.talks = !o.papers && q.scores[iPubs] > 0 && hasAnyToken(q.ts, "talk", "talks", "keynote", "keynotes", "spoken", "spoke", "speak", "speaking", "speaker", "conference", "conferences", "presented") &&
		!hasAnyToken(q.ts, "written", "write", "wrote", "published", "publish", "publications", "blog", "books", "book")
	o.books = !o.papers && !o.talks && hasAnyToken(q.ts, "book", "books", "novel", "novels")
	intentWas := func(in intent) bool { o.stateRead = true; return st.Intent == in.String() }
	focus := func() []*item { o.stateRead = true; return x.stateFocus(st) }
	stTech := func() string { o.stateRead = true; return st.Tech }
	if !named && hasAnyToken(q.ts, "it", "its") {
		if f := focus(); len(f) == 1 {
			o.near = f[0]
		}
	}
	if top == iSummary && topScore <= 3 && !named && strings.Contains(q.joined, " what kind of ") && !strings.Contains(q.joined, " kind of @p ") {
		// "what kind of clients": the kind is in the entries that name
		// clients, not in the summary; "what kind of developer is she"
		// finds the headline and stays a summary.
		sub := &out{x: x}
		if x.searchCover(sub, q) > 0 && !citesAny(sub.cites, secBasics) {
			o.adopt(sub)
			return
		}
	}
	if !q.hasWin && !q.anaph && len(q.techs) == 0 && (topScore <= 1 || top == iWork && topScore <= 6) && x.rolesByWord(o, q, now) {
		return // "what boards has he served on": the roles, not a sentence naming boards
	}
	if o.near != nil && topScore == 0 && modScore == 0 && !q.hasWin {
		// "was it featured" after an app: a sentence of that entry holding
		// the question's word, though the entry's summary left it out.
		sub := &out{x: x, near: o.near}
		if x.searchCover(sub, q) > 0 && citesOnly(sub.cites, o.near) {
			o.adopt(sub)
			return
		}
	}
	if topScore == 0 && modScore == 0 && !named && q.off == 0 &&
		(at(q.ts, 1) == "about" || at(q.ts, 0) == "and") && intentWas(iTech) {
		if obj := x.askedObject(q.raw); obj != "" { // "what about Zig?" after a technology question
			o.in = iTech
			x.unknownTech(o, obj)
			return
		}
	}
	if !named && len(q.ts) <= 4 && asksHowWell(q.joined) && stTech() != "" {
		// "how well?" after "does she speak French" or "does she know SQL"
		switch {
		case intentWas(iLangs):
			o.in = iLangs
			x.spoken(o, stTech(), nil)
			return
		case intentWas(iTech):
			o.in = iTech
			x.techAnswer(o, stTech(), modeAny, nil, now)
			return
		}
	}
	if topScore == 0 && modScore == 0 && !named && q.off == 0 && len(q.ts) == 1 && len(q.ts[0]) >= 2 && isAlphaWord(q.ts[0]) &&
		!commonWords[q.ts[0]] && !interjections[q.ts[0]] && cueTable[q.ts[0]] == nil && !q.person && intentWas(iTech) {
		// "ifrs?" right after "does she know Tableau": the same question
		// about another skill
		o.in = iTech
		x.unknownTech(o, strings.ToUpper(q.ts[0][:1])+q.ts[0][1:])
		return
	}
	// "what design tools does she use": a word a paper's title shares is
	// no reference to the paper when the question asks for tools.
	if len(q.ents) > 0 && hasAnyToken(q.ts, "tool", "tools", "toolkit", "toolset", "software", "stack") && onlyIn(q.ents, secPublications, secAwards) &&
		!strings.Contains(q.joined, " "+q.ents[0].norm+" ") {
		q.ents = nil
	}
	// "what's her management style": a word a certificate's name shares
	// ("Global Management Accountant") is no reference to it.
	if len(q.ents) > 0 && onlyIn(q.ents, secCertificates, secAwards, secPublications) && asksStyle(q) {
		q.ents = nil
	}
	// "which is her weakest?" after her languages
	if len(q.ents) == 0 && len(q.techs) == 0 && hasAnyToken(q.ts, "weakest", "worst", "strongest", "best") &&
		(q.scores[iLangs] > 0 || intentWas(iLangs)) && x.languageRank(o, hasAnyToken(q.ts, "weakest", "worst")) {
		return
	}
	// "what else?" after one entry of a list: the rest of the list.
	if len(q.ts) <= 3 && len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && asksElse(q.joined) {
		o.stateRead = true
		if x.restOfList(o, st) {
			return
		}
	}
	// "the AWS one" after a list of certificates: the entry whose title has
	// the word, not the technology.
	if len(q.ents) == 1 && len(q.techs) > 0 && entryBeforeOne(q.ts, q.ents[0]) {
		q.techs = nil
	}
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && q.kind == nil {
		listed := func() []*item {
			o.stateRead = true
			return x.stateFocus(State{Section: st.ListSection, Focus: st.List})
		}
		if it, byLength := x.listRef(q, now, listed, focus); it != nil {
			q.ents = []*item{it}
			named = true
			if byLength {
				mod = iDuration
			}
			if topScore <= 3 || byLength {
				x.aboutEntity(o, q, mod, now)
				return
			}
		}
	}
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && len(x.work) > 1 && hasAnyToken(q.ts, "longest", "shortest") &&
		(q.scores[iWork] > 0 || q.scores[iCurrent] > 0 || hasAnyToken(q.ts, "stayed", "stay", "anywhere", "tenure")) && x.longestStay(o, hasAnyToken(q.ts, "longest"), now) {
		return // "what's the longest she stayed anywhere", "which job was the shortest"
	}
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && len(q.ts) <= 5 && (strings.Contains(q.raw, "ublisher") || strings.Contains(q.raw, "UBLISHER")) {
		// "who is the publisher" right after a publication: its publisher
		// (the raw words, without lower-casing a copy on every turn: a
		// profile without the word reads it as a typo of "published")
		if f := focus(); len(f) == 1 && f[0].sec == secPublications {
			q.ents = f
			x.aboutEntity(o, q, iNone, now)
			return
		}
	}
	if q.off <= 2 && !q.math && topScore == 0 && modScore == 0 && !named && !q.person && !q.hasWin && !q.anaph {
		// "what's a Weissman score": general-knowledge wording about a
		// term the profile itself uses
		sub := &out{x: x, near: o.near}
		if x.searchCover(sub, q) > 0 {
			o.adopt(sub)
			return
		}
	}
	// "tell me about the first one", "the google one", "which one was
	// the longest": an entry of the list just given.
	// "was she working at the same time": jobs during the entry in focus.
	if len(q.ents) == 0 && !q.hasWin && (strings.Contains(q.joined, " same time ") || hasAnyToken(q.ts, "meanwhile", "simultaneously", "concurrently") ||
		strings.Contains(q.joined, " during that time ") || strings.Contains(q.joined, " at that time ")) {
		if f := focus(); len(f) > 0 && f[0].dated {
			it := f[0]
			w := Window{From: monthOf(it.per.From().Year(), int(it.per.From().Month())), To: monthOf(it.per.Until(now).Year(), int(it.per.Until(now).Month()))}
			o.in = iWork
			o.say("During %s%s:", it.label(), it.span())
			x.workHistory(o, &w, now)
			return
		}
	}
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && asksSubject(q.ts) {
		// "in what?" after "where did she do her PhD"
		if f := focus(); len(f) == 1 && f[0].sec == secEducation {
			o.in = iEducation
			x.entryDetail(o, f[0], false, now)
			return
		}
	}
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && q.scores[iLocation] > 0 &&
		(hasAnyToken(q.ts, "it", "that", "this", "there") || len(q.ts) == 1 || hasAnyToken(q.ts, "then") && hasAnyToken(q.ts, "was", "were")) {
		// "where was it based", "where was he based then": the entry's
		// place, not the person's home
		if f := focus(); len(f) == 1 && (f[0].loc != "" || len(q.ts) == 1) { // a bare "where?" after an entry: its place or employer
			x.modifier(o, iWhere, q, st, f, nil, now)
			return
		}
	}
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && hasAnyToken(q.ts, "there", "then") &&
		hasAnyToken(q.ts, "lead", "led", "manage", "managed", "mentor", "mentored", "supervise", "supervised", "hire", "hired", "coach", "coached") {
		// "did she lead anyone there": what that entry says of people
		if f := focus(); len(f) == 1 {
			o.in = iHighlights
			o.focusOn(f[0])
			if !x.quoteSentences(o, "At "+f[0].label()+", the profile says:", x.peopleSentencesOf(f[0], leadStems)) {
				o.say("The profile doesn't say whether %s led or managed people at %s.", x.who(), f[0].label())
				o.citeItem(f[0])
			}
			return
		}
	}
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && asksLink(q.joined) {
		// "is there a link?" after a project
		if f := focus(); len(f) == 1 && x.entryURL(f[0]) != "" {
			o.in = iContact
			o.say("%s: %s", capital(f[0].label()), x.entryURL(f[0]))
			o.citeItem(f[0])
			o.focusOn(f[0])
			return
		}
	}
	if len(q.ts) <= 6 && len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && asksWhatFor(q.joined) {
		// "what for?" after an entry: what the entry says it was; after a
		// short list of awards ("what did he win it for"), each one's
		switch f := focus(); {
		case len(f) == 1:
			o.in = iMore
			x.entryDetail(o, f[0], true, now)
			return
		case len(f) > 1 && len(f) <= 4 && onlyIn(f, secAwards, secCertificates):
			for _, it := range f {
				x.entryDetail(o, it, true, now)
			}
			o.in = iMore
			o.focusOn(f...)
			return
		}
	}
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && asksTraining(q) && x.training(o, now) {
		return // "where did she train"
	}
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin {
		// "what's her restaurant called": the current job it names
		if n := asksOwnOrg(q); n != "" && x.ownOrg(o, n, now) {
			return
		}
	}
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && (asksWhichOne(q.ts) || asksForWhom(q.joined)) {
		// "which one?" after a reply that quoted one entry
		if f := focus(); len(f) == 1 {
			q.ents = f
			x.aboutEntity(o, q, iNone, now)
			return
		}
	}
	if at(q.ts, 0) == "who" && len(q.ents) == 0 {
		// "who is her advisor": a person the profile may not name
		for _, t := range q.ts {
			if roleOfOthers[t] {
				if !x.mentionsWords(t) {
					o.in = iUnknown
					o.say("The profile doesn't name %s %s.", x.whose(), t)
					return
				}
				break
			}
		}
	}
	if topScore == 0 && modScore == 0 && !named && !q.hasWin && hasAnyToken(q.ts, "it") {
		// "is it on the App Store?" after a project: about that entry
		switch f := focus(); {
		case len(f) == 1:
			q.ents = f
			x.aboutEntity(o, q, iNone, now)
			return
		case len(f) > 1 && len(f) <= 4:
			// "it" after a list: ask rather than guess
			names := make([]string, len(f))
			for i, it := range f {
				names[i] = it.label()
			}
			o.in = iUnknown
			o.say("Which one do you mean: %s?", listOr(names))
			o.focusOn(f...)
			return
		}
	}
	if len(q.techs) == 0 && q.kind == nil && !q.hasWin && !q.inPlace && q.lang == "" && len(x.work) > 0 && (q.scores[iWork] > 0 || q.scores[iCurrent] > 0 || len(q.ents) == 0) && !anyNamedBy(q.ents, q.ts) {
		// "did she work at PwC", "what about KPMG?" after her jobs: an
		// employer the profile does not list. Entries found only by a word
		// of their titles don't count: "the financial times" is not the
		// job "Financial reporter".
		name := ""
		if q.scores[iWork] > 0 || q.scores[iCurrent] > 0 {
			name = asWritten(q.raw, unlistedEmployer(q.ts))
		} else if len(q.ts) <= 3 && at(q.ts, 1) == "about" && (at(q.ts, 0) == "what" || at(q.ts, 0) == "how") {
			if o.stateRead = true; st.Intent == iWork.String() || st.Intent == iCurrent.String() || st.Intent == iEmployer.String() {
				name = nameWord(at(q.ts, 2))
			}
		}
		// "the financial times" is a name, though "financial" names an industry
		if name != "" && (strings.HasPrefix(name, "The ") || len(industriesNamed(q.ts, false)) == 0) {
			o.in = iWork
			o.say("The profile doesn't list a job at %s.", name)
			x.workHistory(o, nil, now)
			o.in = iWork
			return
		}
	}
	if x.offTopic(q, topScore, modScore, named) {
		x.decline(o, iOffTopic)
		return
	}
	if at(q.ts, 0) == "why" && (q.person || len(q.ents) > 0) && q.scores[iHighlights] == 0 {
		// Résumés list what happened, not why: say so, then give the facts.
		o.say("The profile doesn't say why.")
	}
	if q.scores[iPrivate] > 0 && q.scores[iPrivate] >= topScore {
		o.in = iPrivate
		x.private(o, q)
		return
	}
	if asksHandsOn(q) && len(q.techs) == 0 && x.handsOn(o) {
		return // "is he still hands-on"
	}
	if asksTeamSize(q) && len(q.techs) == 0 && q.kind == nil {
		// "how many engineers did he manage there / at PayLoop"
		var f []*item
		if hasAnyToken(q.ts, "there", "then") || asksCompanySize(q) && len(q.ents) == 0 {
			f = focus() // "how big is the company": the one in focus
		}
		for _, e := range q.ents {
			if e.sec == secWork && e.norm != "" && strings.Contains(q.joined, " "+e.norm+" ") {
				f = append(f, e)
			}
		}
		if x.teamSize(o, f) {
			return
		}
	}
	if len(q.ents) == 0 && len(q.techs) == 0 && q.kind == nil && !q.hasWin && q.lang == "" {
		switch {
		case strings.Contains(q.joined, " soft skills ") || strings.Contains(q.joined, " people skills ") ||
			strings.Contains(q.joined, " interpersonal ") || strings.Contains(q.joined, " communication skills ") ||
			strings.Contains(q.joined, " leadership skills ") || strings.Contains(q.joined, " communicator ") ||
			strings.Contains(q.joined, " good with people ") || strings.Contains(q.joined, " people person "):
			x.softSkills(o)
			return
		case hasAnyToken(q.ts, "promoted", "promotion", "promotions", "promote") || strings.Contains(q.joined, " move up ") ||
			strings.Contains(q.joined, " moved up ") || strings.Contains(q.joined, " work @p way up "):
			o.stateRead = true
			x.promotions(o, x.stateFocus(st), hasAnyToken(q.ts, "there", "then"))
			return
		case asksStyle(q):
			x.leadershipStyle(o)
			return
		case asksHours(q) && len(x.work) > 0 && (q.person || q.anaph):
			o.in = iCurrent
			x.workHours(o, now)
			return
		case hasAnyToken(q.ts, "remote", "remotely", "wfh") || strings.Contains(q.joined, " from home "):
			x.remote(o)
			return
		case hasAnyToken(q.ts, "portfolio") && q.scores[iContact] < 4:
			// a portfolio is a site and the work on it
			o.in = iContact
			x.contact(o)
			x.listSection(o, secProjects, nil, now)
			o.in = iContact
			return
		case strings.Contains(q.joined, " which cities ") || strings.Contains(q.joined, " what cities ") ||
			strings.Contains(q.joined, " which locations ") || strings.Contains(q.joined, " what locations ") ||
			strings.Contains(q.joined, " where all "):
			x.workCities(o)
			return
		case hasAnyToken(q.ts, "relocate", "relocation", "relocating", "relocated") || asksMoveTo(q):
			x.relocation(o)
			return
		case hasAnyToken(q.ts, "abroad", "overseas", "internationally") || strings.Contains(q.joined, " other countries ") ||
			strings.Contains(q.joined, " different countries ") || strings.Contains(q.joined, " international experience ") ||
			strings.Contains(q.joined, " which countries ") || strings.Contains(q.joined, " what countries "):
			x.abroad(o)
			return
		}
	}
	if named := industriesNamed(q.ts, q.scores[iEducation] > 0 && !worksIn(q.ts)); len(q.techs) == 0 && q.kind == nil && !q.hasWin && q.lang == "" && !q.inPlace && asksIndustry(q, named) &&
		(len(q.ents) == 0 || len(named) > 0) {
		x.industryAnswer(o, q, named)
		return
	}
	if q.inPlace && len(q.ents) == 0 && len(q.techs) == 0 && q.kind == nil && !q.hasWin && q.lang == "" &&
		(top == iWork || top == iCurrent || top == iLocation || top == iEducation || top == iSummary || topScore == 0) {
		x.placeAnswer(o, q, q.place)
		return
	}
	// "what is his salary": a personal matter résumés leave out, asked
	// with words ("what is he") that would otherwise read as a summary.
	if (topScore <= 2 && modScore == 0 && len(q.ents) == 0 || strings.Contains(q.joined, " how old ") || hasAnyTokenIn(q.ts, gossipTopics)) && len(q.techs) == 0 && q.kind == nil && !q.hasWin &&
		q.person && personalTopic(q.ts) != "" {
		o.in = iUnknown
		topic := personalTopic(q.ts)
		o.say("The profile doesn't mention %s %s.", x.whose(), topic)
		return
	}
	if at(q.ts, 0) == "how" && (q.scores[iDuration] > 0 || q.scores[iTotalExp] > 0) && len(q.techs) == 0 && !q.hasWin && !q.inPlace {
		// "how many years in sales": the jobs with that word in the title
		if f := wordAfterIn(q.ts); f != "" && x.tenureOf(o, []string{f}, "has worked in "+f+" roles", now) {
			return
		}
	}
	// "did she manage people at Deloitte": what that employer's entries say of it
	if len(q.role) > 0 && q.role[0] == "manager" && len(q.techs) == 0 && !q.hasWin && anyInSection(q.ents, secWork) && impliedRole(q.joined) != nil && len(atNamedEmployer(x, q)) > 0 {
		jobs := atNamedEmployer(x, q)
		var sns []*snippet
		for _, it := range jobs {
			sns = append(sns, x.peopleSentencesOf(it, leadStems)...)
		}
		o.in = iHighlights
		o.focusOn(jobs...)
		if !x.quoteSentences(o, "At "+jobs[0].label()+", the profile says:", sns) {
			o.say("The profile doesn't say whether %s led or managed people at %s.", x.who(), jobs[0].label())
			for _, it := range jobs {
				o.citeItem(it)
			}
		}
		return
	}
	if (len(q.ents) == 0 || onlyIn(q.ents, secAwards, secPublications, secCertificates)) && !q.hasWin && len(x.work) > 1 {
		// "what was her role before CFO", "what did he do after he became a manager"
		for i, t := range q.ts {
			if t != "before" && t != "after" {
				continue
			}
			noun := q.role
			j := i + 1
			for j < len(q.ts) && becameFiller[q.ts[j]] {
				j++
			}
			if _, ok := titleAbbrevs[at(q.ts, j)]; ok {
				noun = []string{at(q.ts, j)}
			} else if j > i+1 && len(noun) == 0 {
				for _, w := range q.ts[j:] { // "before she became a data scientist"
					if roleStop[w] || len(noun) == 3 {
						break
					}
					noun = append(noun, w)
				}
			}
			if len(noun) == 0 {
				break
			}
			m := newRoleMatcher(noun)
			var hit *item
			for _, it := range x.sorted(secWork) { // most recent first: "before" the earliest such job
				if it.role != "" && m.matches(it.role) {
					if t == "before" || hit == nil {
						hit = it
					}
				}
			}
			if hit != nil {
				in := iPrev
				if t == "after" {
					in = iNext
				}
				o.in = in
				x.ordinal(o, in, secWork, hit, now)
				return
			}
			break
		}
	}
	if len(q.role) > 0 && expertWords[q.role[0]] && (x.skillLevel(o, q) || hasAnyToken(q.ts, "anything", "something", "what") && x.topSkills(o)) {
		return
	}
	if len(q.role) > 0 && len(q.techs) == 0 && q.lang == "" && top != iAvailability && top != iGaps {
		if at(q.ts, 0) != "how" {
			if hasAnyToken(q.ts, "always") && len(x.sorted(secWork)) > 1 { // "was she always a PM": the whole path
				m, all := newRoleMatcher(q.role), true
				for _, it := range x.sorted(secWork) {
					all = all && m.matches(it.role)
				}
				o.in = iRoleCheck
				if all {
					o.say("Yes: every job the profile lists has that title.")
				} else {
					o.say("Not always.")
				}
				x.workHistory(o, nil, now)
				return
			}
			x.roleCheck(o, q.role, now)
			x.seniorityNote(o, q.role)
			if hasAnyToken(q.ts, "good", "great", "successful", "effective", "strong") {
				// "was he a good teacher": what the entries say of it
				x.quoteSentences(o, "What the profile says of it:", x.focusSentences(o, 3))
			}
			if q.role[0] == "manager" && impliedRole(q.joined) != nil {
				x.quoteSentences(o, "Leading people in the profile:", x.peopleSentences(3, leadStems))
			}
			return
		}
		if x.roleDuration(o, q.role, now) {
			return
		}
	}
	if topScore == 0 && modScore == 0 && !named && !q.hasWin {
		x.social(o, q)
		if o.in == iUnknown && q.anaph && !q.person {
			// "is that paid?" after an entry: say which entry the profile
			// is silent on, and what it does say of it
			if f := focus(); len(f) == 1 {
				o.say("What it lists: %s%s.", f[0].roleAt(), f[0].span())
				o.citeItem(f[0])
				o.focusOn(f[0])
			}
		}
		return
	}
	if (topScore <= 1 || top == iWork && topScore <= 6) && (modScore == 0 || mod == iMore && !q.anaph) && !named && !q.hasWin && (q.person || topScore > 0) && x.search(o, q) {
		return
	}
	var w *Window
	if q.hasWin && !q.win.Current {
		w = &q.win
	}
	if q.kind != nil && len(q.techs) == 0 && len(q.ents) == 0 && top != iContact && top != iLangs && top != iPrivate &&
		(top != iPubs || strings.Contains(q.joined, " written in ")) { // "what language is it written in" is no question about papers
		if hasAnyToken(q.ts, "there", "it") {
			// "which languages did he use there": the entry in focus
			if f := focus(); len(f) == 1 && x.kindAt(o, q.kind, f[0]) {
				return
			}
		}
		x.kindAnswer(o, q.kind, q.mode)
		return
	}
	// A named technology wins unless the question is plainly about contact
	// details or spoken languages ("her GitHub", "does she speak Java").
	if len(q.techs) == 0 && len(q.ents) == 0 && hasAnyToken(q.ts, "it") && q.scores[iTech] > 0 && intentWas(iTech) && st.Tech != "" {
		q.techs = []string{st.Tech} // "where did he use it"
	}
	entityAsked := len(q.ents) > 0 && top != iWork && top != iProjects && top != iSkills && top != iTech && top == sectionIntent(q.ents[0].sec)
	if len(q.techs) > 0 && top != iContact && top != iLangs && !entityAsked {
		var at *item
		if len(q.ents) == 1 && (q.ents[0].sec == secWork || q.ents[0].sec == secProjects) &&
			!strings.Contains(q.ents[0].norm, joinTokens(tokens(q.techs[0]))) { // "does he use Salesforce" with a job at Salesforce
			at = q.ents[0]
		} else if len(q.ents) == 0 && hasAnyToken(q.ts, "there", "then") && !hasAnyToken(q.ts, "it") {
			// "did he use Kotlin there": the job in focus
			if f := focus(); len(f) == 1 && (f[0].sec == secWork || f[0].sec == secProjects) {
				at = f[0]
			}
		} else if !anyInSection(q.ents, secWork) && !anyInSection(q.ents, secProjects) && hasAnyToken(q.ts, "it", "its") {
			// "is it on Android", "is it built with Flutter" right after a
			// project: "it" is the project, a named technology is not it
			// (nor a certificate whose title holds the technology's name).
			if f := focus(); len(f) == 1 && f[0].sec == secProjects {
				at = f[0]
			}
		}
		mode := q.mode
		if mode == modeAny && q.scores[iProjects] >= 3 {
			mode = modeProjects
		} else if mode == modeAny && (q.scores[iWork] >= 3 || q.scores[iCurrent] >= 3) {
			mode = modeJobs
		}
		if mode == modeAny && q.scores[iTech] == 0 && len(q.ts) <= 5 && intentWas(iTech) {
			mode = techMode(st.Mode)
		}
		o.in = iTech
		for i, t := range q.techs {
			if i == 3 {
				break
			}
			x.techAnswer(o, t, mode, at, now)
		}
		return
	}
	// "what was his title" right after a job: that job's title.
	if len(q.ents) == 0 && !q.hasWin && at(q.ts, 1) == "was" && hasAnyToken(q.ts, "title", "role", "position") &&
		topScore <= 3 && len(focus()) > 0 && (focus()[0].sec == secWork || focus()[0].sec == secVolunteer) {
		it := focus()[0]
		o.in = iMore
		// Two roles at one employer just given together ("how long was
		// she at Deloitte"): both titles.
		same := []*item{it}
		for _, g := range focus()[1:] {
			if g.sec == it.sec && g.title == it.title && g.role != it.role {
				same = append(same, g)
			}
		}
		if len(same) > 1 {
			o.say("%s was %s.", x.Who(), rolesList(same))
			for _, g := range same {
				o.citeItem(g)
			}
			o.focusOn(same...)
			return
		}
		o.say("%s was %s%s.", x.Who(), article(it.roleAt()), it.span())
		o.citeItem(it)
		o.focusOn(it)
		return
	}
	// "What was her role there?", "Which technologies did it use?": a weak
	// subject word about the entry just discussed.
	if len(q.ents) == 0 && q.anaph && topScore <= 3 && modScore == 0 && !q.hasWin && (q.unknown == "" || top != iTech) &&
		(top == iWork || top == iSkills || top == iTech || top == iProjects || top == iCurrent) && len(focus()) > 0 {
		o.in = iMore
		x.entryDetail(o, focus()[0], true, now)
		return
	}
	// "what does she do there": "there" is the entry just discussed, not
	// a question about her in general.
	if mod == iMore && q.anaph && len(q.ents) == 0 && topScore <= 3 && !q.hasWin && len(focus()) > 0 {
		x.modifier(o, mod, q, st, focus(), w, now)
		return
	}
	if top == iAwards && q.anaph && len(q.ents) == 0 && !q.hasWin && len(focus()) > 0 && focus()[0].sec != secAwards {
		// "did he get any recognition for it": in that entry's own words
		if x.awardMentions(o, q, focus()[0], false) {
			return
		}
	}
	if (top == iWork || top == iCurrent) && len(q.ents) > 0 && !anyInSection(q.ents, secWork) && len(q.techs) == 0 && !q.hasWin {
		// "did he work at Hooli" where Hooli only published his paper: a
		// sentence that names Hooli says more than the paper does.
		sub := &out{x: x, near: o.near}
		if x.searchCover(sub, q) > 0 && citesAny(sub.cites, secBasics, secWork) {
			o.adopt(sub)
			return
		}
	}
	if len(q.ents) > 0 && (topScore <= 4 || top == iSummary || top == sectionIntent(q.ents[0].sec)) {
		if q.inPlace && !q.place.outside && onlyIn(q.ents, secWork) {
			// "did she work at Deloitte in London": say where the profile places it
			var in, elsewhere []string
			for _, e := range q.ents {
				if e.loc == "" {
					continue
				}
				if inPlace(e, q.place) {
					in = append(in, e.loc)
				} else if !slices.Contains(elsewhere, e.loc) {
					elsewhere = append(elsewhere, e.loc)
				}
			}
			switch {
			case len(in) == 0 && len(elsewhere) > 0:
				o.say("The profile places %s in %s, not in %s.", q.ents[0].label(), list(elsewhere), q.place.name)
			case len(in) > 0 && yesNoQuestion(q.ts):
				o.say("Yes: the profile places %s in %s.", q.ents[0].label(), in[0])
			}
		}
		x.aboutEntity(o, q, mod, now)
		return
	}
	if top == iWork && len(q.ents) > 0 && len(q.techs) == 0 && !q.hasWin && x.search(o, q) {
		return // "has she worked on fraud detection"
	}
	if mod == iDuration && top == iCurrent && q.scores[iTotalExp] == 0 && !q.anaph {
		// "how long has she been at her current company"
		for _, it := range x.sorted(secWork) {
			if it.current(now) {
				o.in = iDuration
				x.duration(o, it, now)
				return
			}
		}
	}
	if topScore > 0 && (modScore == 0 || topScore >= modScore || mod == iMore || mod == iWhen || mod == iWhere) {
		if mod == iFirst || mod == iLatest {
			if sec := topicSection(top); sec != "" {
				o.in = mod
				x.ordinal(o, mod, sec, nil, now)
				return
			}
		}
		if mod == iDuration && (top == iWork || top == iCurrent) && q.scores[iTotalExp] == 0 && len(focus()) > 0 {
			o.in = iDuration
			x.duration(o, focus()[0], now)
			return
		}
		x.topic(o, top, q, w, now)
		return
	}
	if modScore > 0 {
		x.modifier(o, mod, q, st, focus(), w, now)
		return
	}
	if q.lang != "" {
		o.in = iLangs
		x.spoken(o, q.lang, q)
		return
	}
	// Only a time window: ask the previous question again for that time.
	o.stateRead = true
	prev := intentNamed(st.Intent)
	switch prev {
	case iProjects, iEducation, iVolunteer, iCerts, iAwards, iPubs:
		x.topic(o, prev, q, w, now)
	default:
		x.topic(o, iWork, q, w, now)
	}
}

// interjections are no technology asked about: "hmm" after a reply.
var interjections = setOf(`hmm hm hmmm huh wow oh ah aha um umm uh er erm ooh nice cool interesting seriously yep yup nope nah
k kk alright right sure fine noted gotcha awesome perfect lovely damn whoa`)

func containsItem(list []*item, it *item) bool {
	for _, x := range list {
		if x == it {
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

// becameFiller sits between "before" and a role: "before she became a CFO".
var becameFiller = setOf(`@p became become becoming was were got being a an the promoted to made`)

// regionWords name parts of the world, not employers: "what about Europe?"
var regionWords = setOf(`europe asia africa america americas emea apac latam nordics scandinavia balkans benelux dach mena
oceania caribbean abroad overseas remote remotely onsite hybrid`)

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
