package converse

import (
	"slices"
	"strings"
	"time"
)

// employerCounts answers questions about groups of employers and how many
// there were, which no one entry answers.
func (r *resolver) employerCounts() bool {
	x, o, q := r.x, r.o, r.q
	if g := askedGroup(q); g != nil {
		x.groupAnswer(o, g, r.now) // "was she at a Big Four firm"
		return true
	}
	if len(q.ents) == 0 && !q.hasWin && q.has(" how many ") && len(x.work) > 0 &&
		hasAnyToken(q.ts, "companies", "employers", "firms", "organisations", "organizations", "places") &&
		hasAnyToken(q.ts, "worked", "work", "works", "working", "employed", "been") {
		x.employerCount(o, r.now) // "how many companies has she worked for"
		return true
	}
	if len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && hasAnyToken(q.ts, "write", "writes", "written", "wrote", "writing") &&
		strings.HasSuffix(q.joined, " for ") && (at(q.ts, 0) == "who" || at(q.ts, 0) == "which" || at(q.ts, 0) == "what") {
		x.writesFor(o, r.now) // "who does he write for"
		return true
	}
	return false
}

// noteUnnamedOrg says first that an organisation asked about is not in the
// profile; the answer about the rest follows.
func (r *resolver) noteUnnamedOrg() {
	x, o, q := r.x, r.o, r.q
	if org := x.unnamedOrg(q); org != "" && q.scores[iWork] == 0 && q.scores[iCurrent] == 0 { // a job there has its own answer
		o.say("The profile doesn't mention %s.", org) // what it says of others follows
	}
}

// moneyRaised answers how much money was raised or brought in.
func (r *resolver) moneyRaised() bool {
	x, o, q := r.x, r.o, r.q
	// "how much money has he raised"
	return !q.hasWin && (x.moneyBrought(o, q, r.focus) || x.grantsHeld(o, q) || x.sumNamed(o, q))
}

// longestStay answers which job lasted longest or shortest.
func (r *resolver) longestStay() bool {
	x, o, q := r.x, r.o, r.q
	// "what's the longest she stayed anywhere", "which job was the shortest"
	return len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && len(x.work) > 1 && hasAnyToken(q.ts, "longest", "shortest") &&
		(q.scores[iWork] > 0 || q.scores[iCurrent] > 0 || hasAnyToken(q.ts, "stayed", "stay", "anywhere", "tenure")) && x.longestStay(o, hasAnyToken(q.ts, "longest"), r.now)
}

// mostSenior answers "what's the most senior position he has held".
func (r *resolver) mostSenior() bool {
	q := r.q
	return len(q.ents) == 0 && len(q.techs) == 0 && !q.hasWin && asksMostSenior(q.ts) && r.x.mostSenior(r.o)
}

// training answers where she trained.
func (r *resolver) training() bool {
	x, o, q := r.x, r.o, r.q
	// "where did she train"
	// "where did she train as an accountant": the entries "accountant"
	// names (a CPA certificate) are what she trained for, not the question
	return (len(q.ents) == 0 || trainedAs(q.joined)) && len(q.techs) == 0 && !q.hasWin && asksTraining(q) && x.training(o, r.now)
}

// ownOrg answers what her own business is called.
func (r *resolver) ownOrg() bool {
	x, o, q := r.x, r.o, r.q
	own := asksOwn(q)
	// "does she have her own practice" may share a word with an entry (a
	// "general practice residency"); "own" still asks for her business
	if (len(q.ents) == 0 || own) && len(q.techs) == 0 && !q.hasWin {
		// "what's her restaurant called": the current job it names
		if n := asksOwnOrg(q); n != "" && x.ownOrg(o, n, own, yesNoQuestion(q.ts), r.now) {
			if at(q.ts, 0) == "what" && hasAnyToken(q.ts, "do", "does", "make", "makes", "offer", "offers", "sell", "sells") {
				x.whatItDoes(o) // "what does his company do": its name is no answer
			}
			return true
		}
	}
	return false
}

// ownedThing answers "did he own his own truck" before the entries a word
// of it names ("Truck Driving" school) do: "his own" asks about a business.
func (r *resolver) ownedThing() bool {
	return asksOwn(r.q) && len(r.q.techs) == 0 && !r.q.hasWin && r.x.ownedThing(r.o, r.q, r.now)
}

// unlistedEmployer answers a question about an employer the profile does
// not list.
func (r *resolver) unlistedEmployer() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) == 0 && q.kind == nil && !q.hasWin && !q.inPlace && q.lang == "" && len(x.work) > 0 && (q.scores[iWork] > 0 || q.scores[iCurrent] > 0 || len(q.ents) == 0) && !anyNamedBy(q.ents, q.ts) {
		// "did she work at PwC", "what about KPMG?" after her jobs: an
		// employer the profile does not list. Entries found only by a word
		// of their titles don't count: "the financial times" is not the
		// job "Financial reporter".
		name := ""
		if q.scores[iWork] > 0 || q.scores[iCurrent] > 0 {
			name = asWritten(q.raw, unlistedEmployer(q.ts))
		} else if len(q.ts) <= 3 && at(q.ts, 1) == "about" && (at(q.ts, 0) == "what" || at(q.ts, 0) == "how") {
			if o.stateRead = true; r.st.Intent == iWork.String() || r.st.Intent == iCurrent.String() || r.st.Intent == iEmployer.String() {
				name = nameWord(at(q.ts, 2))
			}
		}
		// "the financial times" is a name, though "financial" names an industry
		if name != "" && (strings.HasPrefix(name, "The ") || len(industriesNamed(withoutFirms(q.ts), false)) == 0) {
			o.in = iWork
			o.say("The profile doesn't list a job at %s.", name)
			sns := x.namedElsewhere(o, name)
			x.workHistory(o, nil, r.now)
			o.in = iWork
			x.focusSaid(o, sns)
			return true
		}
	}
	return false
}

// handsOn answers whether he is still hands-on.
func (r *resolver) handsOn() bool {
	x, o, q := r.x, r.o, r.q
	// "is he still hands-on"
	return asksHandsOn(q) && len(q.techs) == 0 && x.handsOn(o)
}

// teamSize answers how many people she managed, or how big a company was.
func (r *resolver) teamSize() bool {
	x, o, q := r.x, r.o, r.q
	if asksTeamSize(q) && len(q.techs) == 0 && q.kind == nil {
		// "how many engineers did he manage there / at PayLoop"
		var f []*item
		if len(q.ents) == 0 && hasAnyToken(q.ts, "now", "currently", "today") {
			f = x.currentJobs(r.now) // "how many employees does he have now": not the job just discussed
		} else if hasAnyToken(q.ts, "there", "then") || asksCompanySize(q) && len(q.ents) == 0 {
			f = r.focus() // "how big is the company": the one in focus
		} else if fo := r.focus(); (q.anaph || asksCompanySize(q) && !r.namedWhole()) && len(fo) > 0 && fo[0].sec == secWork {
			// "how big was that hotel": the job in focus, though "hotel"
			// is also a word of every hotel group's name
			f = fo
		} else if len(q.ents) == 0 {
			// "how big is her team" right after one job asks about that job;
			// teamSize falls back to every entry when it has no team size.
			if fo := r.focus(); len(fo) == 1 && fo[0].sec == secWork {
				f = fo
			}
		}
		for _, e := range q.ents {
			// the employer named in full, or by a word only its name has ("carewell")
			if e.sec == secWork && e.norm != "" && (strings.Contains(q.joined, " "+e.norm+" ") || q.byName && namesByKey(e, q.ts)) {
				f = append(f, e)
			}
		}
		if len(f) == 0 && len(q.ents) == 0 && !asksCompanySize(q) && at(q.ts, 3) == "does" && hasAnyToken(q.ts, "manage", "lead", "oversee", "supervise", "run", "employ") {
			f = x.currentJobs(r.now) // "how many people does she manage": those she manages now
		}
		if x.teamSize(o, f, asksCompanySize(q)) {
			return true
		}
		if len(q.techs) == 0 && !asksCompanySize(q) {
			// "how big was the team" of the entries just discussed, or at
			// the employer named, when no sentence gives a number: say so
			// rather than guess a topic.
			fo := f
			if len(q.ents) == 0 {
				fo = r.focus()
			}
			if len(fo) > 0 {
				o.in = iUnknown
				o.say("The profile doesn't say how big %s team was%s.", x.whose(), atEntries(fo))
				for _, it := range fo {
					o.citeItem(it)
				}
				o.focusOn(fo...) // "how many people did he manage there" asks on
				return true
			}
		}
	}
	return false
}

// atEntries is " at Pied Piper" or " at Pied Piper or in Miss Direction"
// for the entries a reply was about.
func atEntries(its []*item) string {
	var parts []string
	for _, it := range its {
		if it.title == "" {
			continue
		}
		if it.sec == secWork || it.sec == secVolunteer {
			parts = append(parts, "at "+it.title)
		} else {
			parts = append(parts, "in "+it.title)
		}
	}
	if len(parts) == 0 || len(parts) > 3 {
		return ""
	}
	return " " + listOr(parts)
}

// namesByKey reports whether ts hold a distinctive word of e's name.
func namesByKey(e *item, ts []string) bool {
	for _, k := range e.keys {
		if slices.Contains(ts, k) {
			return true
		}
	}
	return false
}

// namedWhole reports whether the question names a work entry's employer
// in full: "the hotel" matching only a word of "Hotel Valley Vista" is the
// kind of place, and the job in focus is asked about.
func (r *resolver) namedWhole() bool {
	for _, e := range r.q.ents {
		if e.sec == secWork && e.norm != "" && strings.Contains(r.q.joined, " "+e.norm+" ") {
			return true
		}
	}
	return false
}

// softSkillPhrases ask about working with people.
var softSkillPhrases = newPhraseSet(" soft skills ", " people skills ", " interpersonal ", " communication skills ",
	" leadership skills ", " communicator ", " good with people ", " people person ")

// workingLife answers questions about how she works: soft skills,
// promotions, style, hours, remote work, portfolio, cities, relocation and
// work abroad.
func (r *resolver) workingLife() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) > 0 && len(q.techs) == 0 && !q.hasWin && onlyIn(q.ents, secWork) && oneEmployer(q.ents) &&
		hasAnyToken(q.ts, "promoted", "promotion", "promotions") {
		// "did she get promoted at InPost": the roles there, or that the
		// profile lists one, not the job described again
		x.promotions(o, q.ents, true, at(q.ts, 0) == "when")
		x.promotionCount(o, q, q.ents[0].title)
		return true
	}
	if len(q.ents) == 0 && len(q.techs) == 0 && q.kind == nil && !q.hasWin && q.lang == "" {
		switch {
		case q.hasAnyOf(softSkillPhrases):
			x.softSkills(o)
			return true
		case hasAnyToken(q.ts, "promoted", "promotion", "promotions", "promote") || q.has(" up ") &&
			(q.has(" move up ") || q.has(" moved up ") || q.has(" work @p way up ")):
			o.stateRead = true
			x.promotions(o, x.stateFocus(r.st), hasAnyToken(q.ts, "there", "then"), at(q.ts, 0) == "when" || q.has(" what year "))
			if !hasAnyToken(q.ts, "there", "then") {
				x.promotionCount(o, q, "")
			}
			return true
		case asksStyle(q):
			x.leadershipStyle(o)
			return true
		case asksHours(q) && len(x.work) > 0 && (q.person || q.anaph):
			o.in = iCurrent
			var there *item
			if hasAnyToken(q.ts, "there", "that", "it") {
				if f := r.focus(); len(f) == 1 && f[0].sec == secWork {
					there = f[0]
				}
			}
			// "has she ever worked part time": every job, not only the current ones
			ever := hasAnyToken(q.ts, "ever", "before", "previously") || at(q.ts, 0) == "has" && hasAnyToken(q.ts, "worked", "had", "held", "been")
			x.workHours(o, there, ever, r.now)
			return true
		case hasAnyToken(q.ts, "remote", "remotely", "wfh") || q.has(" from home "):
			if f := r.focus(); hasAnyToken(q.ts, "there", "that", "it", "then") && len(f) == 1 && f[0].sec == secWork {
				x.jobRemote(o, f[0]) // "was that a remote job": the job just discussed
				return true
			}
			x.remote(o, hasAnyToken(q.ts, "open", "willing", "want", "wants", "prefer", "prefers", "consider", "interested", "happy", "looking"))
			return true
		case hasAnyToken(q.ts, "portfolio") && q.scores[iContact] < 4 && !portfolioOfWork(q.ts):
			// a portfolio is a site and the work on it
			o.in = iContact
			x.contact(o)
			x.listSection(o, secProjects, nil, r.now)
			o.in = iContact
			return true
		case q.has(" which cities ") || q.has(" what cities ") ||
			q.has(" which locations ") || q.has(" what locations ") ||
			q.has(" where all ") || asksRegions(q):
			x.workCities(o)
			return true
		case hasAnyToken(q.ts, "relocate", "relocation", "relocating", "relocated") || asksMoveTo(q):
			if q.inPlace && !q.place.outside && len(q.ents) == 0 && x.placeKnown(q.place) {
				x.workThere(o, q.place) // "would he relocate to Berlin": his home, or jobs he held there, too
				return true
			}
			x.relocation(o)
			return true
		case hasAnyToken(q.ts, "abroad", "overseas", "internationally") || q.has(" other countries ") ||
			q.has(" different countries ") || q.has(" international experience ") ||
			q.has(" which countries ") || q.has(" what countries "):
			x.abroad(o, q.scores[iVolunteer] > 0)
			return true
		}
	}
	return false
}

// industry answers which industries she worked in.
func (r *resolver) industry() bool {
	x, o, q := r.x, r.o, r.q
	studies := q.scores[iEducation] > 0 && !worksIn(q.ts)
	named := industryNamedBesidesEmployers(q, industriesNamed(q.ts, studies), studies)
	if len(q.techs) > 0 || q.kind != nil || q.hasWin || q.lang != "" || q.inPlace {
		return false
	}
	if len(named) == 1 && onlyIndustryNamed(q, named[0]) && asksLength(q.ts) && x.industryTenure(o, q.ts, named[0], r.now) {
		return true // "how many years in healthcare"
	}
	if asksIndustry(q, named) && (len(q.ents) == 0 || len(named) > 0) {
		x.industryAnswer(o, q, named)
		return true
	}
	return false
}

// place answers a question about a place.
func (r *resolver) place() bool {
	x, o, q := r.x, r.o, r.q
	if q.inPlace && len(q.ents) == 0 && len(q.techs) == 0 && q.kind == nil && !q.hasWin && q.lang == "" &&
		(r.top == iWork || r.top == iCurrent || r.top == iLocation || r.top == iEducation || r.top == iSummary || r.topScore == 0) {
		if at(q.ts, 0) == "how" && at(q.ts, 1) == "long" && x.timeInPlace(o, q.place, r.now) {
			return true
		}
		if x.didThereByVerb(o, q) {
			return true
		}
		x.placeAnswer(o, q, q.place)
		return true
	}
	return false
}

// timeInPlace answers "how long was he in Vietnam": the time in the jobs
// the profile places there, overlaps counted once.
func (x *Index) timeInPlace(o *out, p place, now time.Time) bool {
	var jobs []*item
	for _, it := range x.sorted(secWork) {
		if it.dated && it.loc != "" && inPlace(it, p) {
			jobs = append(jobs, it)
		}
	}
	display := p.name
	if p.city && p.country != "" && countryName(p.country) != "" {
		display = capital(p.name) // as placeAnswer says it
	}
	return x.tenureOfJobs(o, jobs, "worked in "+display, now)
}

// currentTenure answers how long she has been in her current job.
func (r *resolver) currentTenure() bool {
	x, o, q := r.x, r.o, r.q
	if r.mod == iDuration && r.top == iCurrent && q.scores[iTotalExp] == 0 && !q.anaph {
		// "how long has she been at her current company": of two jobs
		// held now, the one that is not part-time
		var pick *item
		for _, it := range x.sorted(secWork) {
			if !it.current(r.now) {
				continue
			}
			if pick == nil {
				pick = it
			}
			if !x.partTimeJob(it) {
				pick = it
				break
			}
		}
		if pick != nil {
			o.in = iDuration
			x.duration(o, pick, r.now)
			return true
		}
	}
	return false
}

// currentJobs are the work entries held at now, most recent first.
func (x *Index) currentJobs(now time.Time) []*item {
	var out []*item
	for _, it := range x.sorted(secWork) {
		if it.current(now) {
			out = append(out, it)
		}
	}
	return out
}

// plainDoVerbs ask what she did at all, which the place answer gives.
var plainDoVerbs = setOf("do work study live go stay teach serve")

// didThereByVerb answers "what did he negotiate in Vietnam": the sentences
// of the jobs placed there that use the verb ("Negotiated the UK–Vietnam
// climate partnership"); false when none does.
func (x *Index) didThereByVerb(o *out, q *query) bool {
	if at(q.ts, 0) != "what" || at(q.ts, 1) != "did" || at(q.ts, 2) != "@p" {
		return false
	}
	v := at(q.ts, 3)
	if len(v) < 4 || plainDoVerbs[v] || !isAlphaWord(v) {
		return false
	}
	sv := stem(v)
	var sns []*snippet
	for _, it := range x.sorted(secWork) {
		if it.loc == "" || !inPlace(it, q.place) {
			continue
		}
		for i := range x.snippets {
			sn := &x.snippets[i]
			if sn.cite.Section != secWork || sn.cite.Index != it.idx {
				continue
			}
			for _, t := range sn.toks {
				if strings.HasPrefix(t, sv) {
					sns = append(sns, sn)
					break
				}
			}
		}
	}
	if !x.quoteSentences(o, "In "+q.place.name+", the profile says:", sns) {
		return false
	}
	o.in = iHighlights
	return true
}

// asksRegions reports "which states does he work in", "what territories
// does she cover": the places of the jobs, by a word for a region.
func asksRegions(q *query) bool {
	if at(q.ts, 0) != "which" && at(q.ts, 0) != "what" {
		return false
	}
	switch at(q.ts, 1) {
	case "states", "regions", "territories", "territory", "provinces", "counties", "markets", "areas":
		return hasAnyToken(q.ts, "work", "works", "worked", "working", "cover", "covers", "covered", "covering", "sell", "sells", "sold", "serve", "serves", "served", "manage", "manages", "managed", "run", "runs")
	}
	return false
}

// whatItDoes quotes the summary of the job in focus, which says what the
// business does.
func (x *Index) whatItDoes(o *out) {
	if o.sec != secWork || len(o.focus) != 1 || o.focus[0] >= len(x.r.Work) {
		return
	}
	if sum := strings.TrimSpace(x.r.Work[o.focus[0]].Summary); sum != "" {
		o.say("The profile describes it: “%s”.", strings.TrimRight(sum, "."))
	}
}
