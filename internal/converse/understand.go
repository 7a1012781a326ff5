package converse

import (
	"slices"
	"strings"
	"time"
)

// techMode narrows a technology question to one kind of fact.
type techMode uint8

const (
	modeAny techMode = iota
	modeJobs
	modeProjects
	modePlaces // "where has she used it": jobs and projects, or that none says
)

// query is one question, understood: its words, the votes for each intent
// and what it names (entities, technologies, a time window, a language).
type query struct {
	raw     string
	ts      []string // tokens, person references replaced by "@p"
	joined  string   // ts as " a b c " for phrase tests
	person  bool     // refers to the person (pronoun, name, "you")
	third   bool     // refers to the person in the third person or by name (not "you")
	scores  [numIntents]int
	off     int // off-topic votes
	inject  bool
	win     Window
	hasWin  bool
	techs   []string // technologies named (canonical)
	techCue bool     // words like "know", "use", "experience with"
	unknown string   // a thing asked about that matches nothing ("Haskell")
	ents    []*item  // profile entries named
	byName  bool     // ents were named by name, not only by place
	lang    string   // a spoken language named
	lang2   string   // another spoken language named before it: "is her French better than her German"
	mode    techMode
	anaph   bool // "that", "there", "it", "then": refers to the previous turn
	math    bool
	role    []string  // "is she a teacher": the role asked about
	kind    *techKind // "which databases": a family of technologies
	place   place     // "did he work in Japan": the place asked about
	inPlace bool      // place is set

	// techTail is techs[0] as asked and the word after it, when that word
	// names a narrower product the profile never mentions ("sap ariba"),
	// or nil
	techTail []string

	jp joinedPairs // the pairs of joined (wordPairs)
}

// honorifics are titles a visitor puts before the person's name.
var honorifics = setOf(`dr doctor mr mrs ms miss mx prof professor sir dame`)

// understand reads a question against the profile.
func (x *Index) understand(question string, now time.Time) *query {
	q := &query{raw: question}
	if strings.IndexByte(question, '&') >= 0 {
		// "M&A" and "R&D" lose their "&" to the tokenizer
		question = ampersandTerms.Replace(question)
	}
	raw := x.fixCueTypos(x.splitGlued(expandSlang(tokens(question))))
	neverAsEver(raw)
	raw = thatJobAsThere(sinceAlone(x.statementAsked(question, x.askedPositive(usedTo(raw)))))
	x.gigsAsJobs(raw)
	q.ts = make([]string, 0, len(raw))
	for i, t := range raw {
		if personWords[t] || x.isNameTok(t) || x.shortFirstName(raw, i) || x.possessiveName(t) {
			q.person = true
			if !strings.HasPrefix(t, "you") {
				q.third = true
			}
			if n := len(q.ts); n > 0 && q.ts[n-1] == "@p" {
				continue
			}
			if n := len(q.ts); n > 0 && x.isNameTok(t) && honorifics[q.ts[n-1]] {
				// "who is dr okafor" is "who is okafor": the title is no word of the question
				q.ts = q.ts[:n-1]
			}
			theyAgree(q.ts, t) // "what do they do" as "what does she do"
			t = "@p"
		}
		q.ts = append(q.ts, t)
	}
	q.joined = joinTokens(q.ts)
	whatAboutPerson(q)
	if q.third { // "are you a bot" is about the assistant
		if asksICOrManager(q.joined) {
			q.role = []string{"manager"} // "is he an IC or a manager": not the role "ic"
		} else {
			q.role = roleNoun(q.ts)
		}
		if q.role == nil {
			q.role = impliedRole(q.joined)
		}
		if q.role == nil {
			q.role = x.heldTitleWord(q.ts)
		}
	}
	var off, inj [numIntents]int
	scoreQuestionCues(q.ts, &q.scores, &off, &inj)
	kindWords := x.scoreProjectKinds(q)
	q.off, q.inject = off[iOffTopic], inj[iInjection] > 0 || encodedText(q.raw, q.ts)
	if inj[iInjection] == 1 && (personActsAs(q.joined) || workWordOnly(q)) {
		q.inject = false // "would he act as an expert witness": a post of his, not a new role for the assistant
	}
	if q.off > 0 && q.third {
		q.off -= x.ownedOffTopic(q.ts)
	}
	q.math = looksLikeMath(question)
	q.win, q.hasWin = parseWindow(raw, now)
	q.techCue = q.scores[iTech] > 0 || q.scores[iSkills] > 0
	x.adjustScores(q)
	if offerAsked(q.ts) {
		q.scores[iAvailability] += 6 // "could he advise my startup": whether he takes that on
	}
	x.findTechs(q, raw)
	if q.scores[iLangs] > 0 && programmingLanguageAsked(q) {
		q.scores[iLangs] = 0 // "is Swift his main language": not a spoken one
	}
	var kindPhrase string
	if len(q.techs) == 0 && (q.third || !q.person) { // "are you an AI" is about the assistant
		if q.kind, kindPhrase = findKind(q); q.kind != nil {
			q.unknown = ""
			if kindPhrase == "llm" && x.degreeLetters("llm") {
				q.kind = nil // "where did she do her LLM": the law degree she holds
			} else if strings.Contains(kindPhrase, "languages") || q.kind.noun == "programming languages" {
				q.scores[iLangs] = 0 // "which languages did he use", "what language does she code in": not spoken ones
			}
			if strings.Contains(q.joined, " how long ") || strings.Contains(q.joined, " how many years ") || strings.Contains(q.joined, " since when ") {
				q.kind = nil // "how long has she been coding": her experience
				q.scores[iTotalExp] += 5
			}
		}
	}
	q.ents, q.byName = x.findEntities(raw)
	if len(q.ents) > 0 {
		q.ents = x.dropOtherNamesOfKind(q.ents, raw, q.raw)
		q.ents = x.ownPlaceForNoun(q, now)
	}
	if len(q.ents) == 0 && len(q.techs) == 0 {
		if it := x.degreeByLevel(q.ts); it != nil {
			q.ents = []*item{it}
		} else if it := x.studyByField(q.ts); it != nil {
			q.ents = []*item{it}
		}
	}
	x.entitiesByKind(q, kindWords)
	x.preferDescribedKind(q) // "her mobile app": the project described as one
	if q.kind != nil && len(q.ents) == 1 && x.describedAs(q.ents[0], kindPhrase) {
		q.kind = nil // "her library": the project described as one, not libraries among her skills
	}
	for i, t := range raw {
		if x.isNetwork(t) && (at(raw, i-1) == "on" || namesAccount(raw, i)) {
			q.ents, q.byName = nil, false // "is she on Kaggle": the account, not the Kaggle award
			break
		}
	}
	if len(q.ents) > 0 {
		dropFinancingNamed(q)
		discountNameCues(q)
		if q.scores[iEducation] <= 3 && onlyIn(q.ents, secCertificates) && hasAnyToken(q.ts, "training", "course") {
			// "has he done HEAT training": the certificate named, not his schooling
			q.scores[iEducation] = 0
			q.scores[iCerts] += 3
		}
		if q.scores[iCurrent] <= 3 && onlyIn(q.ents, secVolunteer) && hasAnyToken(q.ts, "still") {
			// "is she still at Literacy Works": "still" asks whether that
			// volunteer post goes on, not about her current job
			q.scores[iCurrent] = 0
			q.scores[iVolunteer] += 3
		}
	}
	if len(q.techs) > 0 && len(q.ents) > 0 {
		q.ents = dropNamedBy(q.ents, q.techs, q.joined, true)
		q.techs = dropEmployerNames(q.techs, q.ents, q.joined)
	}
	if q.off >= 3 && len(q.ents) > 0 {
		// "what's the capital of Japan" is not about the charity Code for Japan
		if pts := placeTokens(raw); len(pts) > 0 {
			// Schools too: "the capital of Chile" is not Universidad de Chile.
			q.ents = dropNamedBy(q.ents, pts, q.joined, false)
			q.byName = q.byName && len(q.ents) > 0
		}
	}
	if q.kind != nil && placeNamedByKind(q.ents, kindPhrase, q.joined) {
		q.kind = nil // "her team at the library": the employer, not software libraries
	}
	if q.kind != nil && len(q.ents) > 0 { // "video formats" is not the paper "Video compression"
		q.ents = dropNamedBy(q.ents, []string{kindPhrase}, q.joined, false)
	}
	if q.place, q.inPlace = x.findPlace(raw); q.inPlace && len(q.ents) > 0 {
		// "worked in Japan" names the place, not the charity Code for Japan
		// nor the jobs that were there (the place answer lists those).
		q.ents = dropNamedBy(q.ents, []string{strings.Join(tokens(q.place.name), " ")}, q.joined, false)
	}
	for _, t := range raw {
		if spokenLanguages[t] {
			if q.lang != "" && q.lang != t {
				q.lang2 = q.lang
			}
			q.lang = t
		}
	}
	if q.lang != "" && q.scores[iLangs] == 0 && namedByEntry(q.ents, q.lang) {
		q.lang = "" // "how long was she at swedish": Swedish Medical Center, not the language
	}
	if q.lang != "" && languageNameAsked(q.ts, q.lang) {
		q.lang = "" // "what's her chinese name": her name as written in that script
		q.scores[iSummary] += 6
	}
	if q.lang != "" && hasAnyTokenIn(q.ts, certNouns) {
		q.lang = "" // "does she have a german certificate": a certificate, not how she speaks it
	}
	if q.lang != "" {
		q.scores[iLangs] += 5
	}
	for i, t := range q.ts {
		switch t {
		case "that", "there", "it", "this", "those", "these":
			q.anaph = true
		case "them":
			// "what did she do for them": the employer just named
			q.anaph = q.anaph || i > 0 && (q.ts[i-1] == "for" || q.ts[i-1] == "with")
		case "then":
			// "what has he built then?": a last "then" after a verb means
			// "in that case", not "at that time"
			q.anaph = q.anaph || i < len(q.ts)-1 || !thenAsSo[at(q.ts, i-1)]
		}
	}
	if q.hasAnyOf(jobsModePhrases) {
		q.mode = modeJobs
	}
	if q.hasAnyOf(projectsModePhrases) {
		q.mode = modeProjects
	}
	return q
}

var (
	jobsModePhrases = newPhraseSet(" which jobs ", " what jobs ", " which companies ", " what companies ", " which employers ",
		" which roles ", " which positions ", " at which ", " which job ", " what roles ")
	projectsModePhrases = newPhraseSet(" which projects ", " what projects ", " which project ", " in projects ", " any projects ")
)

// discountNameCues takes back the cue scores of words that the question
// uses inside an entry's name of two words or more: "civic" in "what about
// Civic Forms" names the employer, not civic volunteering. A name made only
// of cue words ("Pro Bono Award", "Career break") is also a phrase that
// asks, and a cue for the entry's own section ("University" of an
// education entry) still points the right way; both keep their scores.
func discountNameCues(q *query) {
	var take [numIntents]int
	for _, e := range q.ents {
		nt := strings.Fields(e.norm)
		if len(nt) < 2 {
			continue
		}
		for i := 0; i+1 < len(q.ts); i++ {
			if q.ts[i] != nt[0] || q.ts[i+1] != nt[1] {
				continue
			}
			masked, n := slices.Clone(q.ts), 0
			for ; n < len(nt) && i+n < len(q.ts) && q.ts[i+n] == nt[n]; n++ {
				masked[i+n] = ""
			}
			if allCueWords(nt[:n]) {
				continue
			}
			var all, rest [numIntents]int
			scoreCues(cueTable, q.ts, &all)
			scoreCues(cueTable, masked, &rest)
			for in := range all {
				if d := all[in] - rest[in]; d > take[in] && topicSection(intent(in)) != e.sec && !(e.sec == secWork && intent(in) == iEmployer) {
					take[in] = d
				}
			}
		}
	}
	for in, d := range take {
		q.scores[in] = max(0, q.scores[in]-d)
	}
}

// allCueWords reports a phrase whose every word belongs to a cue found in
// it: "pro bono award" ("pro bono", "award"), not "civic forms".
func allCueWords(ts []string) bool {
	covered := make([]bool, len(ts))
	for j, t := range ts {
		cs, ok := cueTable[t]
		if !ok {
			cs = cueTable[singular(t)]
		}
		for _, c := range cs {
			if matchRest(ts[j+1:], c.rest) {
				for k := j; k <= j+len(c.rest) && k < len(ts); k++ {
					covered[k] = true
				}
			}
		}
	}
	return !slices.Contains(covered, false)
}

// monthOrUnit are words a number stays a number before ("4 years").
var monthOrUnit = setOf(`years year months month weeks week days day jobs job roles companies people engineers
times projects papers awards hours decades`)

// findTechs records the technologies a question names. Everyday words that
// are also technologies ("go") count only with a technology cue.
func (x *Index) findTechs(q *query, raw []string) {
	var held []string // everyday-word technologies waiting for a sure one beside them: "Java or Go"
	ask := x.embeddedAsk(raw)
	var asked, heldAsked []string // the technologies of the question after a statement before it
	for i := 0; i < len(raw); {
		if x.isNameTok(raw[i]) || personWords[raw[i]] || networkMeasure(at(raw, i+1)) && (x.isNetwork(raw[i]) || cueNetwork(raw[i])) {
			i++ // "github stars" count a project's fans, not the technology
			continue
		}
		h := x.techs.matchAt(raw, i, true)
		if h.fuzzy && h.size == 1 && x.words[stem(raw[i])] && stem(raw[i]) != stem(strings.ToLower(h.name)) {
			h = techHit{} // a word of the profile's own ("Monzo") is not a misspelt technology ("MongoDB")
		}
		if h.fuzzy && h.size > 1 && x.ownWordMisspelt(raw[i:i+h.size], h.name) {
			h = techHit{}
		}
		if h.size == 0 || h.size == 1 && raw[i] == "excel" && (at(raw, i+1) == "at" || at(raw, i+1) == "in") {
			i++ // "what does she excel at": the verb, not the spreadsheet
			continue
		}
		if h.size == 1 && x.degreeAbbr != nil && x.degreeLetters(compactLetters(raw[i])) {
			i++ // "does she have an LLM" of a lawyer with an LL.M.: her degree, not the models
			continue
		}
		if h.size == 1 && verbTech[raw[i]] && !techKindNouns[at(raw, i+1)] {
			i++ // "can he use an oscilloscope": the verb, not the CAN bus
			continue
		}
		switch {
		case !h.ambiguous || q.techCue || followsAbout(raw, i) || writtenIn(raw, i) || techPerson[at(raw, i+1)] || techUseNoun[at(raw, i+1)] || // "a Go developer", "years of Go experience"
			hasAnyToken(raw, "language", "languages") && techCategory()[strings.ToLower(h.name)] == "language": // "is Rust her main language"
			if len(q.techs) == 0 {
				if w := x.unknownTail(raw, i+h.size); w != "" {
					q.techTail = raw[i : i+h.size+1]
				}
			}
			q.techs = mergeTechs(q.techs, []string{h.name})
			if ask > 0 && i >= ask {
				asked = mergeTechs(asked, []string{h.name})
			}
		case coordination[at(raw, i-1)] || coordination[at(raw, i+1)]:
			held = append(held, h.name)
		case ask > 0 && i >= ask:
			// "... in unreal ... has he shipped anything in unity": an
			// everyday-word technology in the question proper, when the
			// text names a sure one too
			heldAsked = append(heldAsked, h.name)
		}
		i += h.size
	}
	if len(q.techs) > 0 && len(held) > 0 {
		q.techs = mergeTechs(q.techs, held)
	}
	if len(q.techs) > 0 && len(heldAsked) > 0 {
		q.techs = mergeTechs(q.techs, heldAsked)
		asked = mergeTechs(asked, heldAsked)
	}
	if len(asked) > 0 && len(asked) < len(q.techs) {
		// "we're on unreal, but has he shipped anything in unity": the
		// statement sets the scene, the question asks of Unity
		q.techs = asked
	}
	if len(q.techs) == 0 && q.techCue {
		q.unknown = x.askedObject(q.raw)
	}
}

var (
	coordination = setOf(`or and vs versus`)
	techPerson   = setOf(`guy gal person developer developers dev devs engineer programmer coder expert shop`)
	techUseNoun  = setOf(`experience skills expertise knowledge programming code coding background`)
)

// followsAbout reports "what about X" / "how about X" / "and X".
func followsAbout(ts []string, i int) bool {
	p := at(ts, i-1)
	return p == "about" || (p == "and" && i == 1) || i == 0
}

// dropNamedBy removes entries named only by words of names, which the
// question names as something else: "which jobs used Swift" is about
// Swift, not the project swift-perf-kit. keepUnnamed keeps entries found
// by their location or role rather than their name.
func dropNamedBy(ents []*item, names []string, joined string, keepUnnamed bool) []*item {
	techToks := map[string]bool{}
	for _, t := range names {
		for _, w := range tokens(t) {
			techToks[w] = true
		}
	}
	out := ents[:0:0]
	for _, e := range ents {
		if keepUnnamed && e.sec != secWork && e.sec != secProjects && e.sec != secVolunteer {
			out = append(out, e) // "her Scrum certificate" is the certificate
			continue
		}
		if e.norm != "" && strings.Contains(joined, e.norm) {
			out = append(out, e) // the whole name
			continue
		}
		other := false
		for _, k := range e.keys {
			if !techToks[k] && strings.Contains(joined, " "+k+" ") {
				other = true
				break
			}
		}
		if other || keepUnnamed && len(e.keys) == 0 {
			out = append(out, e)
		}
	}
	return out
}

// thenAsSo are words after which a closing "then" means "so" ("what has
// he built then?"); after others it means "at that time" ("where was he
// then?").
var thenAsSo = setOf(`built made created written designed shipped launched know knows studied learned learnt got has have`)

// summaryWords after "tell me about her" still ask for the summary.
var summaryWords = setOf(`background story bio biography summary overview profile name full`)

// namedByEntry reports whether a word of the question is part of the name of
// an entry it names.
func namedByEntry(ents []*item, word string) bool {
	for _, e := range ents {
		if strings.Contains(e.norm, " "+word+" ") {
			return true
		}
	}
	return false
}

// ownWordMisspelt reports whether a word of ts that differs from the
// keyword name is one the profile itself uses: "soil tests" is no typo of
// "Soil testing" when the profile says "tests".
func (x *Index) ownWordMisspelt(ts []string, name string) bool {
	nt := tokens(name)
	for j := 1; j < len(ts) && j < len(nt); j++ {
		if ts[j] != nt[j] && x.words[stem(ts[j])] && stem(ts[j]) != stem(nt[j]) {
			return true
		}
	}
	return false
}

// toolsAsked reports "what does she shoot with", "what gear does he edit
// with": "what", maybe a noun of tools, an auxiliary, the person, a verb,
// and "with" last. Other nouns ("what clients does she work with") ask
// for people.
func toolsAsked(ts []string) bool {
	n := len(ts)
	if n < 5 || ts[0] != "what" || ts[n-1] != "with" {
		return false
	}
	i := 1
	if toolNouns.has(ts[i]) {
		i++
	}
	return auxSet[at(ts, i)] && at(ts, i+1) == "@p" && i+3 == n-1
}

// languageNameAsked reports a question about the person's name in a
// language: "her chinese name", "his name in arabic". The name as the
// profile writes it (with any other script beside it) is the answer, not
// how well the person speaks the language.
func languageNameAsked(ts []string, lang string) bool {
	for i, t := range ts {
		if t != "name" && t != "names" {
			continue
		}
		if at(ts, i-1) == lang && at(ts, i-2) == "@p" || at(ts, i-1) == "@p" && at(ts, i+1) == "in" && at(ts, i+2) == lang {
			return true
		}
	}
	return false
}
