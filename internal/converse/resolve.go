package converse

import (
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

// resolver is one question being answered: what respond's steps share. The
// steps run in a fixed order and the first that reports true has answered;
// false leaves the question to later steps. The few steps that return
// nothing only prepare the question or say a first sentence.
type resolver struct {
	x   *Index
	o   *out
	q   *query
	st  State
	now time.Time

	top, mod           intent // the strongest subject and modifier asked
	topScore, modScore int
	named              bool    // the question names an entry, technology, language or kind
	w                  *Window // the time window asked, unless it is "now"
}

// Conditions on st come last in each test and mark o.stateRead, so that a
// reply which never got that far is known not to depend on it.

// intentWas reports whether the previous reply's intent was in.
func (r *resolver) intentWas(in intent) bool { r.o.stateRead = true; return r.st.Intent == in.String() }

// focus returns the entries the previous reply was about.
func (r *resolver) focus() []*item { r.o.stateRead = true; return r.x.stateFocus(r.st) }

// stTech returns the technology the previous reply was about.
func (r *resolver) stTech() string { r.o.stateRead = true; return r.st.Tech }

// respond decides what q asks, in the context of st, and answers it. The
// order of the steps is the engine's judgement of which reading wins when
// several fit: earlier steps win.
func (x *Index) respond(o *out, q *query, st State, now time.Time) {
	r := resolver{x: x, o: o, q: q, st: st, now: now}
	r.carryYear()
	r.awardThere()
	r.theKindName()
	r.theLetterName()
	r.narrowThere()
	r.narrowThat()
	// Refusals, then groups and counts that no single entry answers.
	if r.thereSaid() || r.regionAsked() || r.titleHolder() || r.titleAsked() || r.elseAfterOverview() || r.goodCoder() || r.gradeAskedUnheld() || r.refereeByName() || r.refereeByKind() || r.refusedUpFront() || r.safetyRecord() || r.budgetAsked() || r.orgOfFocus() || r.figureByNoun() || r.foreignQuestion() || r.aboutAssistant() || r.theyTheEntry() || r.sensitivePersonal() || r.bareTopic() || r.outsideTenure() || r.absentEmployer() || r.stillThere() || r.stillDoing() || r.degreeUnheld() || r.absentSchool() || r.licenceElsewhere() || r.theirPerson() || r.titleNotHeld() || r.otherPerson() || r.eventUnsaid() || r.claimUnsaid() || r.careerSwitch() || r.verbOfRole() || r.ownAccountTenure() || r.noReportsNow() || r.manageRoles() || r.compoundIndustry() || r.fieldTenure() || r.techYears() || r.techSince() || r.fieldBeforeAfter() || r.workedInField() || r.businessUnsaid() || r.payAt() || r.employerCounts() || r.skillGroupOrCount() || r.postsByWord() || r.affiliations() || r.platformsAsked() || r.linkOf() {
		return
	}
	r.weigh()
	if r.besides() {
		return
	}
	r.noteUnnamedOrg()
	if r.salePrice() || r.moneyRaised() {
		return
	}
	r.readCues()
	// Narrow readings, then short follow-ups on the previous reply.
	if r.languagesThere() || r.itSentence() || r.joinedWhen() || r.whichLonger() || r.coursesTaught() || r.awardedPaper() || r.awardsListThere() || r.awardsAtNamed() || r.awardForThing() || r.thesisAsked() || r.referencesBy() || r.projectsFor() || r.headUnsaid() || r.beforeMoveTo() || r.philosophyAsked() || r.worksWith() || r.ownedThing() || r.betweenRoles() || r.kindOf() || r.employersOfKind() || r.builtWith() || r.versionAsked() || r.switchWhen() || r.paperByInitials() || r.rankReached() || r.gotInto() || r.militaryService() || r.presentVerb() || r.promotedWhen() || r.whenVerb() || r.lengthOfRoleNoun() || r.lengthOf() || r.orderedRole() || r.contractWork() || r.verbTitle() || r.rolesByWord() || r.rolesByKindWord() || r.patentsAsked() || r.rolesByVerb() || r.onlyJob() || r.ledActivity() || r.licenceNumber() || r.licensedWhere() || r.credentialOfSkill() || r.awardOfKind() || r.aroundStudy() || r.jobsWhileStudying() || r.firstFounded() || r.investsIn() || r.certCurrency() || r.certsByWord() || r.nearSentence() || r.sentenceOfNamed() || r.howOften() ||
		r.whatAboutTech() || r.whatAboutUnsaid() || r.keywordFollowUp() || r.employerAfterRole() || r.levelOfWider() || r.levelOfFocus() || r.howWell() || r.anotherSkill() {
		return
	}
	r.dropIncidentalEntries()
	if r.languageRank() || r.restOfList() {
		return
	}
	r.preferEntryToTech()
	// Mostly follow-ups on the list or entry just given, with the narrow
	// readings that must win over them; only then is a question off-topic.
	if r.sizeOfProjectUnsaid() || r.usersOfProject() || r.makesMusic() || r.gapLength() || r.jobsNow() || r.duringGap() || r.originQuestion() || r.eachDuration() || r.returnedTo() || r.backToSkill() || r.listReference() || r.longestStay() || r.mostSenior() || r.publisher() || r.coauthors() || r.publishedAt() || r.generalKnowledge() ||
		r.sameTime() || r.scoresAsked() || r.studySubject() || r.graduationOfFocus() || r.scoreOfFocus() || r.entryPlace() || r.ledThere() || r.entryLink() ||
		r.whatFor() || r.inWhatOfCerts() || r.training() || r.ownOrg() || r.whichOne() || r.mentorNamed() || r.unnamedPerson() ||
		r.countUnsaid() || r.itAfterEntry() || r.unlistedEmployer() || r.countOfFocus() || r.bareFragment() || r.offTopic() {
		return
	}
	if r.noteWhy() || r.leftFocus() {
		return
	}
	// Private details, how she works, roles; then small talk, and a weak
	// question is searched for.
	if r.private() || r.founding() || r.stackAtJob() || r.workInPlace() || r.statusUnsaid() || r.schoolUnlisted() || r.degreeInField() || r.unionMember() || r.memberships() || r.mostPopular() || r.largestWork() || r.handsOn() || r.teamSize() || r.workingLife() || r.industry() ||
		r.placeAfterCerts() || r.workplaceWhere() || r.place() || r.personalTopic() || r.tenureIn() || r.managedAt() ||
		r.roleBeforeAfter() || r.firstInField() || r.expertise() || r.credentialedRole() || r.roleCheck() || r.smallTalk() || r.rareWord() || r.freeSearch() {
		return
	}
	if q.hasWin && !q.win.Current {
		r.w = &q.win
	}
	// Technologies, then the entries named or in focus, then the subject.
	if r.yearFigures() || r.kinds() || r.workedOnAsked() || r.certsOfKind() || r.certsForTech() || r.techGroup() || r.techLevel() || r.techs() || r.titleThere() || r.weakSubjectThere() || r.moreThere() ||
		r.recognitionFor() || r.nonEmployer() || r.awardsByWord() || r.namedEntry() || r.workedOn() || r.currentTenure() {
		return
	}
	r.byTopic()
}

// weigh scores the question's subjects and modifiers, and drops entries
// that only share a word with a question about a section.
func (r *resolver) weigh() {
	x, q := r.x, r.q
	x.fixPrivate(q)
	if len(q.ents) == 0 && len(q.techs) == 0 && (q.person || len(q.ts) <= 3 && (q.scores[iWhere] > 0 || q.scores[iLocation] > 0) || kindOfAsked(q.ts)) && (x.namesInterest(q.ts) || activityAsked(q.ts)) {
		// "where does she surf": a hobby, not a place; "what kind of
		// cameras" after her hobbies: the hobby's kind, not who she is
		q.scores[iInterests] += 4
	}
	if len(q.ents) > 0 && len(q.techs) == 0 && x.hobbyVerbAsked(q.ts) {
		// "what music does he collect": the hobby "Record collecting",
		// not the jobs that share "music"
		q.ents, q.byName = nil, false
		q.scores[iInterests] += 4
	}
	if len(q.ents) == 0 && q.scores[iWork] >= 4 && playedFor(q.ts) {
		// "which clubs did he play for": his employers, asked with a
		// sportsman's verb; the sentences that share "play" say less
		q.scores[iWork] += 3
	}
	if writingAsked(q.joined) {
		q.scores[iPubs] += 5
	}
	if asksHandle(q) {
		q.scores[iContact] += 6 // "what's his handle": a user name, not a search
	}
	r.top, r.topScore = best(&q.scores, topical)
	r.mod, r.modScore = best(&q.scores, modifiers)
	if sec := topicSection(r.top); sec != "" && sec != secWork && r.topScore > 0 && (len(q.ents) > 1 && anyInSection(q.ents, sec) || r.topScore >= 3 && len(x.sorted(sec)) > 0) {
		// "where did he study journalism": the degree, not the journalism
		// charity that shares a word of its name (when the question's
		// subject is plain, even if no degree was named)
		kept := q.ents[:0:0]
		for _, e := range q.ents {
			if e.sec == sec || e.norm != "" && strings.Contains(q.joined, e.norm) || sec == secAwards && placedAt(q.ts, e) {
				kept = append(kept, e)
			}
		}
		q.ents = kept
	}
}

// placedAt reports a job, school or volunteering named after "at" or
// "from" ("what did she win at copper state", "any prizes from his time at
// nordwand"): the place asked about, which a part of its name is enough to
// name, not a word an award shares.
func placedAt(ts []string, e *item) bool {
	if e.sec != secWork && e.sec != secEducation && e.sec != secVolunteer || e.norm == "" {
		return false
	}
	for i, t := range ts {
		if (t == "at" || t == "from") && i+1 < len(ts) {
			n := ts[i+1]
			if n == "the" {
				n = at(ts, i+2)
			}
			if len(n) >= 3 && strings.Contains(e.norm, " "+n+" ") {
				return true
			}
		}
	}
	return false
}

// kindOfAsked reports "what kind of N", "what sort of N": a question about
// a thing, which "what kind of" alone (a summary cue) does not name.
func kindOfAsked(ts []string) bool {
	return (at(ts, 0) == "what" || at(ts, 0) == "which") && (at(ts, 1) == "kind" || at(ts, 1) == "kinds" || at(ts, 1) == "sort" || at(ts, 1) == "sorts" || at(ts, 1) == "type" || at(ts, 1) == "types") && at(ts, 2) == "of" && len(ts) > 3
}

// playedFor reports "play for", "signed for" or "what position did he
// play": who employed a player, or as what.
func playedFor(ts []string) bool {
	for i, t := range ts {
		switch t {
		case "play", "played", "plays", "playing", "sign", "signed", "signs":
			if at(ts, i+1) == "for" || at(ts, i-3) == "position" || at(ts, i-3) == "positions" {
				return true
			}
		}
	}
	return false
}

// readCues notes what the question names and which kind of publication it
// means, and takes "it" for the one entry in focus.
func (r *resolver) readCues() {
	o, q := r.o, r.q
	r.named = len(q.ents) > 0 || len(q.techs) > 0 || q.lang != "" || q.kind != nil
	o.papers = hasAnyToken(q.ts, "paper", "papers", "article", "articles") && !hasAnyToken(q.ts, "talk", "talks", "keynote")
	o.talks = !o.papers && q.scores[iPubs] > 0 && hasAnyToken(q.ts, "talk", "talks", "keynote", "keynotes", "spoken", "spoke", "speak", "speaking", "speaker", "conference", "conferences", "presented") &&
		!hasAnyToken(q.ts, "written", "write", "wrote", "published", "publish", "publications", "blog", "books", "book")
	o.books = !o.papers && !o.talks && hasAnyToken(q.ts, "book", "books", "novel", "novels")
	o.newest = (o.books || o.papers || q.scores[iPubs] > 0) && hasAnyToken(q.ts, "last", "latest", "newest", "recent", "lately")
	if !r.named && hasAnyToken(q.ts, "it", "its") {
		if f := r.focus(); len(f) == 1 {
			o.near = f[0]
		}
	} else if !r.named && hasAnyToken(q.ts, "there") {
		if f := r.focus(); len(f) <= 3 {
			o.there = f // "what age group did she work with there": the job or jobs just named
		}
	}
}

// byTopic answers by the question's subject or modifier, else asks the
// previous question again for the time window given.
func (r *resolver) byTopic() {
	x, o, q := r.x, r.o, r.q
	if r.topScore > 0 && (r.modScore == 0 || r.topScore >= r.modScore || r.mod == iMore || r.mod == iWhen || r.mod == iWhere) {
		if r.mod == iFirst || r.mod == iLatest && !(o.newest && o.books) { // "her latest book": the newest of the books, not of all writing
			if sec := topicSection(r.top); sec != "" {
				o.in = r.mod
				x.ordinal(o, r.mod, sec, nil, r.now)
				return
			}
		}
		if r.mod == iDuration && (r.top == iWork || r.top == iCurrent) && q.scores[iTotalExp] == 0 && len(r.focus()) > 0 {
			o.in = iDuration
			x.duration(o, r.focus()[0], r.now)
			return
		}
		x.topic(o, r.top, q, r.w, r.now)
		return
	}
	if r.modScore > 0 {
		x.modifier(o, r.mod, q, r.st, r.focus(), r.w, r.now)
		return
	}
	if q.lang != "" {
		o.in = iLangs
		x.spoken(o, q.lang, q)
		return
	}
	// Only a time window: ask the previous question again for that time.
	o.stateRead = true
	prev := intentNamed(r.st.Intent)
	switch prev {
	case iProjects, iEducation, iVolunteer, iCerts, iAwards, iPubs:
		x.topic(o, prev, q, r.w, r.now)
	default:
		x.topic(o, iWork, q, r.w, r.now)
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

// regionWords name parts of the world, not employers: "what about Europe?"
var regionWords = setOf(`europe asia africa america americas emea apac latam nordics scandinavia balkans benelux dach mena
oceania caribbean abroad overseas remote remotely onsite hybrid`)
