package converse

import (
	"strings"
	"time"
)

// topic answers a subject intent.
func (x *Index) topic(o *out, in intent, q *query, w *Window, now time.Time) {
	o.in = in
	more := q.scores[iMore] > 0
	switch in {
	case iSummary:
		x.summary(o, more, now)
		if asksCareerPath(q) {
			x.pastRoles(o, now)
		}
	case iCurrent:
		x.currentRole(o, now)
		if at(q.ts, 0) == "where" {
			x.currentPlaces(o, now) // "where does she practice": the town, not only the employer
		}
		if strings.Contains(q.joined, " working on ") {
			x.ongoingProjects(o, now)
		}
	case iWork:
		if q.hasWin && q.win.Current {
			o.in = iCurrent
			x.currentRole(o, now)
			return
		}
		for _, t := range q.ts {
			switch t {
			case "join", "joined", "start", "started", "begin", "began", "hired", "joining", "starting":
				o.starts = true
			case "do", "doing", "up":
				o.doing = w != nil && !hasAnyToken(q.ts, "work", "worked", "working", "job", "jobs", "employed", "employer", "company", "role", "position", "title")
			}
		}
		if o.doing && len(q.ents) == 0 && len(q.techs) == 0 && x.datedSentences(o, q, *w, now) {
			return // "what did she do in the floods in 2024"
		}
		x.workHistory(o, w, now)
	case iProjects, iEducation, iVolunteer, iCerts, iAwards, iPubs:
		// "when will she finish", not "did he finish high school"
		finish := hasAnyToken(q.ts, "finish", "finishes") && at(q.ts, 0) != "did"
		if in == iEducation && (q.hasWin && q.win.Current || finish || hasAnyToken(q.ts, "will", "expected", "expect", "still")) {
			if x.currentStudy(o, now) || len(q.ents) == 0 && x.certsUnderWay(o) {
				return
			}
			if len(q.ents) == 0 && len(x.sorted(secEducation)) > 0 {
				// "is he studying anything at the moment": no, and what he did study
				o.say("The profile doesn't list any current studies for %s.", x.Who())
				x.listSection(o, secEducation, nil, now)
				return
			}
		}
		if in == iEducation && w == nil && len(q.ents) == 0 && (x.graduationDate(o, q, now) || x.schoolLevel(o, q)) {
			return // "when do they graduate", "what about high school": the one fact
		}
		if in == iEducation && w == nil && len(q.ents) == 0 && hasAnyToken(q.ts, "undergrad", "undergraduate") && x.undergraduate(o) {
			return // "what did she study in undergrad": the one first degree
		}
		if in == iEducation && w == nil && len(q.ents) == 0 && studyingNowAsked(q.joined) && x.currentStudy(o, now) {
			return // "what is she studying": what she studies now, not her school years too
		}
		if in == iEducation && w == nil && len(q.ents) == 0 && hasAnyToken(q.ts, "highest", "top") && x.highestDegree(o, now) {
			return // "what's her highest degree"
		}
		if in == iEducation && w == nil && len(q.ents) == 0 && yesNoQuestion(q.ts) && x.anyDegree(o, q.ts, now) {
			return // "does he have a degree": the degrees, then the bootcamp
		}
		if in == iEducation && w == nil && len(q.ents) == 0 && yesNoQuestion(q.ts) && x.missingDegree(o, q.ts, now, false) {
			return // "does she have a PhD": no, and what she does have
		}
		if in == iEducation && w == nil && len(q.ents) == 0 && hasAnyToken(q.ts, "study", "studied", "studying", "major", "majored", "degree", "learn", "learned", "learnt", "take", "took") &&
			x.studySubject(o, q) {
			return
		}
		if in == iEducation && w == nil && hasAnyToken(q.ts, "take", "took", "courses", "classes", "modules", "subjects", "coursework") && x.courses(o, q) {
			return // "what did he take in grad school"
		}
		if in == iCerts && w == nil && q.inPlace && yesNoQuestion(q.ts) && x.certsInPlace(o, q.place) {
			return // "is she admitted in new york": the licence for that place
		}
		if in == iCerts && w == nil && o.b.Len() == 0 && len(q.ents) == 0 && yesNoQuestion(q.ts) && x.diplomateYes(o, q.ts) {
			return // "is she board certified": her diplomate status, though no name says "board"
		}
		if w == nil && (in == iAwards || in == iCerts || in == iPubs || in == iProjects && len(q.ents) == 0 && yesNoQuestion(q.ts)) {
			x.unlisted(o, q, topicSection(in)) // "has she launched a smartwatch"
		}
		if in == iAwards && w == nil && o.b.Len() == 0 && x.awardsOfKind(o, q, now) {
			return // "has she won any teaching awards"
		}
		if in == iCerts && w == nil && o.b.Len() == 0 && len(q.ents) == 0 && yesNoQuestion(q.ts) && x.clippedCertYes(o, q.ts) {
			return // "is he hazmat certified": the one certificate the clipped word names
		}
		if in == iCerts && w == nil && o.b.Len() == 0 && len(q.ents) == 0 && yesNoQuestion(q.ts) && x.certByWordStart(o, q.ts) {
			return // "does he have a pilot licence": the "Pilotage Licence"
		}
		if in == iCerts && w == nil && o.b.Len() == 0 && len(q.ents) == 0 && x.certsHeldNow(o, q.ts, now) {
			return // "which certificates are still valid": not the surrendered licence
		}
		if in == iCerts && w == nil && o.b.Len() == 0 && len(q.ents) == 0 && len(q.techs) == 0 && !q.inPlace && !q.anaph && !hasAnyToken(tokens(q.raw), "them", "those", "these", "it", "that") && yesNoQuestion(q.ts) {
			x.certifiedYes(o) // "is she certified"
		}
		if w == nil && strings.Contains(q.joined, " how many ") {
			x.countSection(o, topicSection(in))
		}
		if in == iVolunteer && w == nil && len(x.volunteer) == 0 && x.unpaidJobs(o) {
			return // "does he volunteer": a job titled "Volunteer Search Pilot"
		}
		x.listSection(o, topicSection(in), w, now)
		if in == iEducation && w == nil && len(x.certificates) > 0 && hasAnyToken(q.ts, "qualification", "qualifications", "qualified", "credentials") {
			x.listSection(o, secCertificates, nil, now) // "any qualifications": certificates and licences too
			o.in = iEducation
		}
		if in == iAwards && w == nil {
			x.awardMentions(o, q, nil, false)
		}
		if len(x.sorted(topicSection(in))) == 0 && w == nil && o.in != iSearch {
			// "has Kai illustrated books": no publications section, but a
			// job may say it.
			sub := &out{x: x}
			if x.search(sub, q) {
				in := o.in
				o.adopt(sub)
				o.in = in
			}
		}
	case iSkills:
		if q.unknown != "" && !x.mentionsWords(q.unknown) {
			o.say("The profile doesn't mention %s.", q.unknown)
		}
		if at(q.ts, 0) == "how" && at(q.ts, 1) == "many" {
			x.skillCount(o) // "how many skills does she list": the number first
		}
		x.skills(o)
	case iTech:
		if q.unknown != "" {
			x.unknownTech(o, q.unknown)
			return
		}
		o.in = iSkills
		x.skills(o)
	case iLangs:
		x.spoken(o, q.lang, q)
	case iInterests:
		if x.interestCheck(o, q) {
			return
		}
		x.interests(o)
	case iContact:
		if asksHandle(q) && !namesNetwork(q) && x.handles(o) {
			return
		}
		if x.contactChannel(o, q) {
			return
		}
		x.missingNetwork(o, q)
		x.contact(o)
	case iLocation:
		if asksTimeZone(q) {
			x.timeZone(o)
			return
		}
		o.origin = hasAnyToken(q.ts, "originally", "hometown", "born", "grew", "raised", "native") ||
			strings.Contains(q.joined, " from ") && !hasAnyToken(q.ts, "work", "works", "working")
		x.location(o)
	case iReferences:
		x.references(o)
	case iTotalExp:
		x.totalExperience(o, now)
		if hasAnyToken(q.ts, "senior", "seniority", "level") {
			// "how senior is he": the title says as much as the years
			if l := strings.TrimSpace(x.r.Basics.Label); l != "" {
				o.say("The profile's headline: %s.", l)
				o.cite(secBasics, 0, "label")
			} else if jobs := x.sorted(secWork); len(jobs) > 0 {
				o.say("%s title: %s.", capital(x.whose())+" most recent", jobs[0].roleAt()+jobs[0].span())
				o.citeItem(jobs[0])
			}
		}
	case iAvailability:
		x.availability(o, q, now)
	case iGaps:
		x.gaps(o, now)
	case iHighlights:
		x.highlights(o, hasAnyToken(q.ts, "hire", "hiring", "stand", "apart", "fit", "convince", "sell", "selling", "special", "good", "great", "qualified", "candidate", "right"), now)
	default:
		o.in = iHelp
		x.help(o)
	}
}

// inSection returns the items of sec, in order.
func inSection(items []*item, sec string) []*item {
	var out []*item
	for _, it := range items {
		if it.sec == sec {
			out = append(out, it)
		}
	}
	return out
}

// aboutEntity answers a question that names a profile entry.
func (x *Index) aboutEntity(o *out, q *query, mod intent, now time.Time) {
	e := q.ents[0]
	o.in = sectionIntent(e.sec)
	if len(q.ents) > 1 && (q.scores[o.in] > 0 || e.sec == secEducation && hasAnyToken(q.ts, "go", "went", "gone")) {
		// "did she go to ut austin": the schools its words ask about, not
		// an award from the Austin Business Journal
		q.ents = inSection(q.ents, e.sec)
	}
	j := q.joined
	switch {
	case (q.has(" before ") && !strings.HasSuffix(j, " before ") && !inFrontOf(q.ts)) || q.has(" prior to "):
		mod = iPrev // "before Google"; "were they freelance before?" asks about the freelance work itself
	case q.has(" after ") && !q.hasWin:
		mod = iNext
	}
	if q.scores[iMore] > 0 && mod != iPrev && mod != iNext {
		mod = iMore
	}
	switch mod {
	case iDuration:
		o.in = iDuration
		x.duration(o, e, now)
	case iWhen:
		o.in = iWhen
		x.whenAsked(o, q.ents, q.ts)
	case iWhere:
		o.in = iWhere
		var same []*item // "where did she study law": every school it names
		for _, it := range q.ents {
			if it.sec == secEducation && e.sec == secEducation {
				same = append(same, it)
			}
		}
		if len(same) > 1 {
			parts := make([]string, len(same))
			for i, it := range same {
				parts[i] = x.educationEntry(it)
				o.citeItem(it)
			}
			o.say("The profile lists %s.", list(parts))
			o.focusOn(same...)
			return
		}
		x.where(o, e)
	case iPrev, iNext:
		o.in = mod
		// "before Brightwave" when two roles there match: before the
		// earliest of them; "after" it: after the latest.
		for _, it := range q.ents[1:] {
			if it.sec != e.sec || !it.dated || !e.dated || !strings.EqualFold(it.title, e.title) {
				continue
			}
			if mod == iPrev && it.per.From().Before(e.per.From()) || mod == iNext && e.per.From().Before(it.per.From()) {
				e = it
			}
		}
		x.ordinal(o, mod, e.sec, e, now)
		x.placeOfPick(o, q, e)
	case iMore:
		x.entryDetail(o, e, true, now)
	default:
		if (len(q.ents) > 1 || !x.entrySaysVerb(e, q)) && x.tradeKind(o, q) {
			return // "what kind of law does she practice": not the entries that share "law"
		}
		if it := orderedPick(q); it != nil {
			x.entryDetail(o, it, false, now)
			return
		}
		if onlyIn(q.ents, secEducation) && yesNoQuestion(q.ts) && x.missingDegree(o, q.ts, now, true) {
			return // "does she have a masters" finds her master's: yes, and which
		}
		if len(q.ents) > 1 || x.nameHoldsOneWord(e, q) {
			// "what is middle-out compression": several entries share a
			// word; a sentence holding more of the question says more.
			sub := &out{x: x}
			if x.searchCover(sub, q) >= 2 {
				o.adopt(sub)
				return
			}
		}
		if len(q.ents) > 1 && x.quoteAmongEntries(o, q) {
			return
		}
		if name := x.absentName(q); name != "" {
			o.say("The profile doesn't mention %s.", name)
			return
		}
		if x.employerRoles(o, q, now) {
			return // "what did she do at KPMG": three roles there, in order
		}
		if len(q.ents) > 1 && len(q.ents) <= 4 {
			for _, it := range q.ents {
				o.citeItem(it)
			}
			parts := make([]string, len(q.ents))
			for i, it := range q.ents {
				parts[i] = it.describe() + it.span()
			}
			if x.namesAnswerYes(q, now) {
				o.say("Yes.")
			}
			o.say("The profile has %d entries that match: %s.", len(q.ents), list(parts))
			o.focusOn(q.ents...)
			return
		}
		o.yes = x.holdsAsked(q, e, now)
		if e.sec == secCertificates && o.yes {
			if g := gradeUnheld(q.ts, e); g != "" {
				o.yes = false
				o.say("No: the profile doesn't list %s.", article(g))
			}
		}
		o.asked = x.askedWords(q)
		x.entryDetail(o, e, false, now)
		if e.sec == secAwards {
			x.awardMentions(o, q, nil, true) // "what did he win at TechCrunch": the award and the win
		}
	}
}

func sectionIntent(sec string) intent {
	switch sec {
	case secWork:
		return iEmployer
	case secEducation:
		return iEducation
	case secProjects:
		return iProjects
	case secVolunteer:
		return iVolunteer
	case secCertificates:
		return iCerts
	case secAwards:
		return iAwards
	case secPublications:
		return iPubs
	}
	return iUnknown
}

// modifier answers a follow-up that names no subject: "when was that?",
// "and before that?", "tell me more", "where?".
func (x *Index) modifier(o *out, mod intent, q *query, st State, focus []*item, w *Window, now time.Time) {
	o.in = mod
	sec := st.Section
	if sectionNoun(sec) == "" || mentionsJob(q.ts) {
		sec = secWork
	}
	if named := namedSection(q.ts); named != "" && (mod == iFirst || mod == iLatest) && !mentionsJob(q.ts) {
		sec = named // "his most recent project" after a question about a job
	}
	switch mod {
	case iFirst, iLatest:
		if mod == iFirst && x.startAtEmployer(o, q, focus) {
			return
		}
		x.ordinal(o, mod, sec, nil, now)
	case iPrev, iNext:
		var ref *item
		if len(focus) > 0 {
			ref = focus[0]
			if mod == iPrev && len(focus) > 1 {
				ref = oldestOf(focus)
			}
			if mod == iNext && len(focus) > 1 && oneEmployer(focus) {
				// "what came after that?" after three roles at one firm:
				// after the last of them, not after the first
				ref = newestOf(focus)
			}
		}
		x.ordinal(o, mod, sec, ref, now)
	case iDuration:
		// "how many years in total?" is her career, and so is "how long has
		// he been a diplomat" after a reply about his OBE: a role named and
		// no "it" or "that" is no question about the entry in focus; nor is
		// "how many years experience does he have".
		// Nor is "how long has she been practicing" after a reply about her
		// board certificate: a certificate, award or paper lasts no time.
		pointInTime := len(focus) == 1 && (focus[0].sec == secCertificates || focus[0].sec == secAwards || focus[0].sec == secPublications)
		if len(focus) == 1 && (q.anaph || !pointInTime && !hasAnyToken(q.ts, "total", "overall", "altogether", "combined", "experience") && len(q.role) == 0) {
			// "for how long?" after "was she ever an audit manager" is that role, and so is
			// "how long did she do that" (the verb do, not "did"): "there" is the employer
			inRole := q.anaph && hasAnyToken(q.ts, "role", "position", "title", "do", "doing") || st.Intent == iRoleCheck.String()
			x.durationOf(o, focus[0], inRole, now)
			return
		}
		if it := x.onlyFullJob(focus); it != nil && q.anaph {
			x.duration(o, it, now) // "how long has she been doing that" after a main job and a part-time one
			return
		}
		// "for how long?" after "was he an air traffic controller" named
		// the jobs with that title: the time in them, not his career
		if st.Intent == iRoleCheck.String() && len(focus) > 1 && allWork(focus) && len(q.role) == 0 &&
			!hasAnyToken(q.ts, "total", "overall", "altogether", "combined", "experience") &&
			x.tenureOfJobs(o, focus, "held these roles", now) {
			return
		}
		o.in = iTotalExp
		x.totalExperience(o, now)
	case iWhen:
		if len(focus) == 0 {
			x.topic(o, iWork, q, w, now)
			return
		}
		x.whenAsked(o, focus, q.ts)
	case iWhere:
		if len(focus) == 1 {
			x.where(o, focus[0])
			return
		}
		o.in = iLocation
		x.location(o)
	case iMore:
		switch {
		case st.Intent == iSummary.String():
			o.in = iSummary
			x.summary(o, true, now)
		case st.Intent == iInterests.String() && len(focus) == 0:
			// "anything else?" after one hobby: the others, not who she is
			o.in = iInterests
			x.interests(o)
		case len(focus) > 1 && len(focus) <= 3 && oneEmployer(focus):
			// "what did she do there" after two roles at one employer: both
			for _, f := range focus {
				x.entryDetail(o, f, true, now)
			}
			o.focusOn(focus...)
		case len(focus) > 0:
			x.entryDetail(o, focus[0], true, now)
		case st.Tech != "":
			o.in = iTech
			x.techAnswer(o, st.Tech, placesAsked(q.ts), nil, now)
		default:
			o.in = iSummary
			x.summary(o, true, now)
		}
	}
}

func oldestOf(items []*item) *item {
	o := items[0]
	for _, it := range items[1:] {
		if it.dated && (!o.dated || it.per.From().Before(o.per.From())) {
			o = it
		}
	}
	return o
}

// newestOf returns the item that started or was dated last; the first
// when none is dated.
func newestOf(items []*item) *item {
	n := items[0]
	nt, _ := n.start()
	for _, it := range items[1:] {
		if t, ok := it.start(); ok && t.After(nt) {
			n, nt = it, t
		}
	}
	return n
}

// mentionsJob reports words that put a question in the work section.
func mentionsJob(ts []string) bool {
	for _, t := range ts {
		switch t {
		case "job", "jobs", "role", "roles", "position", "employer", "company", "work", "worked", "career", "gig":
			return true
		}
	}
	return false
}

// namedSection is the list section a question names by its noun
// ("project", "paper", "award"), "" when none.
func namedSection(ts []string) string {
	for _, t := range ts {
		switch singular(t) {
		case "project", "app", "side project", "show":
			return secProjects
		case "paper", "publication", "article", "talk":
			return secPublications
		case "award", "prize":
			return secAwards
		case "certificate", "certification", "cert":
			return secCertificates
		case "degree", "school", "universit", "university", "college", "qualification", "diploma", "study", "studied", "studying":
			return secEducation // "where did she study most recently"
		}
	}
	return ""
}
