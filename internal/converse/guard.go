package converse

import "strings"

// Guardrails: questions Parley declines (off topic, arithmetic) and private
// fields it withholds.

// fixPrivate drops the private vote of "e-mail address" and "web address".
func (x *Index) fixPrivate(q *query) {
	if q.scores[iPrivate] == 0 {
		return
	}
	if q.has(" in house ") { // "is she in-house or at a firm"
		q.scores[iPrivate] = 0
		q.scores[iCurrent] += 4
		return
	}
	if q.has(" phones ") && !hasAnyToken(q.ts, "number", "numbers", "call", "reach", "contact", "text") {
		q.scores[iPrivate] = 0 // "did she work on phones": products, not her number
		return
	}
	if q.has(" my house ") || q.has(" our house ") || q.has(" my apartment ") || q.has(" our apartment ") {
		q.scores[iPrivate] = 0 // "write a listing for my house": the visitor's home, not hers
		return
	}
	if q.has(" houses ") || q.has(" apartments ") {
		q.scores[iPrivate] = 0 // "how many houses has he sold": his trade, not his home
		return
	}
	if q.has(" house ") {
		for _, t := range q.techs {
			if strings.Contains(strings.ToLower(t), "house") { // "passive house training": a skill, not her home
				q.scores[iPrivate] = 0
				return
			}
		}
	}
	for _, p := range []string{" email address", " mail address", " web address", " website address", " ip address", " url address"} {
		if q.has(p) {
			q.scores[iPrivate] = 0
			q.scores[iContact] += 4
			return
		}
	}
}

// offTopic decides whether q is not about the person at all.
func (x *Index) offTopic(q *query, topScore, modScore int, named bool) bool {
	if q.scores[iContact] >= 8 {
		return false // "what's the best way to reach her": "best way to" is no how-to here
	}
	if visitorAdvice(q) {
		return true // "how do I become a dispatcher": the visitor's own plans, not the person's
	}
	switch {
	case q.math && !q.person:
		return true
	case at(q.ts, 0) == "who" && at(q.ts, 1) == "will" && !q.person && !q.anaph:
		return true // "who will win the 100 m in 2028": a forecast about others, whatever words the profile shares
	case q.off >= 8 && !q.person && !q.anaph:
		// "who won the 100m at the last olympics", "whats the weather like in
		// san antonio today": two cues of another subject outweigh a name the
		// profile shares with it
		return true
	case q.off >= 4 && !q.byName && !(q.third && q.techCue && at(q.ts, 0) != "how" && at(q.ts, 0) != "what") && !(q.third && topScore >= 4):
		return true // but "does Kenji know how to cook" and "has she written any essays" are about the person
	case q.off >= 3 && !q.third && !q.byName && topScore < 4:
		return true
	case q.off >= 2 && !q.person && !named && topScore < 3 && modScore < 3:
		return true
	}
	// "how do proteins fold", "why is the sky blue": general knowledge, even
	// when a word of it also appears in the profile.
	if !q.person && !q.anaph && !q.hasWin && topScore < 4 && len(q.techs) == 0 && !namesPlaceOrWork(q.ents) &&
		(at(q.ts, 0) == "how" || at(q.ts, 0) == "why") {
		switch at(q.ts, 1) {
		case "do", "does", "is", "are", "can", "did", "would", "should", "come":
			return true
		}
	}
	if topScore > 0 || modScore > 0 || named || q.hasWin || q.person || q.inPlace || q.anaph && q.off == 0 || q.off == 0 && asksCompanySize(q) {
		// "how many employees": of the company just discussed
		// "how much does a meal cost there": about the entry just named
		return false // "how about the UK?" after a question about places
	}
	if q.off == 0 && at(q.ts, 1) == "about" && (at(q.ts, 0) == "what" || at(q.ts, 0) == "how") {
		return false // "what about teaching?": the conversation goes on, on another part of the profile
	}
	// Nothing of the profile in it: a question about something else.
	switch at(q.ts, 0) {
	case "what", "which":
		// "what subjects?" after an answer about her teaching: a plural
		// noun alone, with no cue of another subject, asks for a list from
		// the conversation, not about something else.
		return len(q.ts) > 2 || len(q.ts) == 2 && (q.off > 0 || !pluralFragment(q.ts[1]))
	case "who", "whom", "whose", "when", "where", "why", "how", "is", "are", "can", "could",
		"will", "would", "should", "do", "does", "did", "tell", "explain", "give", "write", "define", "calculate":
		return len(q.ts) > 1
	}
	return false
}

// visitorAdvice reports a question about what the visitor should do
// ("how do I become a 911 dispatcher", "what life insurance should I
// buy"): advice for the asker, whatever of the profile's words it shares.
// With the person in it ("should I hire her", "how do I contact him") it is
// about the person.
func visitorAdvice(q *query) bool {
	if q.person || q.anaph {
		return false
	}
	if at(q.ts, 0) == "should" || at(q.ts, 0) == "shall" {
		return shouldIAdvice(q.ts) // "should I learn python": the visitor's plans
	}
	if at(q.ts, 0) != "how" && at(q.ts, 0) != "what" && at(q.ts, 0) != "which" {
		return false
	}
	if at(q.ts, 0) == "how" {
		if at(q.ts, 2) != "i" {
			return false
		}
		switch at(q.ts, 1) {
		case "do", "can", "should", "could":
		default:
			return false
		}
		return adviceVerbs[at(q.ts, 3)]
	}
	return strings.Contains(q.joined, " should i ")
}

// adviceVerbs follow "how do I" in a question about the visitor's own
// plans: "how do I become", "how can I get a job"; "how do I contact" is
// not one.
var adviceVerbs = map[string]bool{
	"become": true, "get": true, "learn": true, "start": true, "prepare": true, "pass": true, "study": true,
	"find": true, "apply": true, "choose": true, "pick": true, "buy": true, "invest": true, "improve": true,
	"switch": true, "break": true, "train": true, "qualify": true,
}

// pluralFragment reports whether w, the second of two words, is a plural
// noun ("subjects", "tools"), not a singular ("time") or "is" or "was".
func pluralFragment(w string) bool {
	return len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && w[len(w)-2] != 'u'
}

// creativeRequest reports whether q asks the assistant to write something
// ("write me a poem about Kubernetes", "can you draft a cover letter for
// her"): a task, not a question the profile answers, even when it names
// something of the profile. "Has she written any essays?" is a question.
func creativeRequest(q *query) bool {
	// One pass over the words, a switch each: this runs for every question.
	var book, bookable, verb bool
	for _, t := range q.ts {
		switch t {
		case "book", "reserve", "booking", "reservation", "buy", "order":
			book = true
		case "room", "rooms", "table", "flight", "night", "nights", "ticket", "tickets", "stay", "food":
			bookable = true
		case "translate", "rewrite", "paraphrase", "write", "compose", "generate", "draft", "create", "make", "invent", "sing", "rap",
			"train", "build", "design", "code", "plan", "solve":
			verb = true
		}
	}
	if book && bookable {
		return true // "can I book a room through her": a service, not a question
	}
	if book && visitorWants(q.joined) {
		return true // "can i order a cake for saturday": an order, whatever the thing
	}
	if q.has(" send") || q.has(" upload ") { // one look before the phrases
		for _, p := range sendPhrases {
			if q.has(p) {
				return true // "is this painting real? i can send a photo": the visitor's thing to judge, not a question about her
			}
		}
	}
	if q.has(" my ") && hasAnyToken(q.ts, "genuine", "authentic", "fake", "forgery", "forged", "counterfeit") {
		return true // "is my painting genuine": an appraisal
	}
	if q.has(" @p get me ") || q.has(" @p find me ") {
		return true // "can he get me a visa": a favour, not a question about him
	}
	if q.has(" my ") || q.has(" our ") {
		for _, p := range servicePhrases {
			if q.has(p) {
				return true // "can he fix my car": a service, not a question about him
			}
		}
		if serviceOnTheVisitors(q.joined) {
			return true // "can he check the drawings for my house extension"
		}
	}
	if !verb {
		return false
	}
	// The raw words: "can you write" is a request, "can she write" a question.
	ts := tokens(q.raw)
	i := 0
	for i < len(ts) && (ts[i] == "please" || ts[i] == "can" || ts[i] == "could" || ts[i] == "would" || ts[i] == "will" || ts[i] == "you" || ts[i] == "pls") {
		i++
	}
	if at(ts, i+1) == "me" && !q.third {
		// "train me a model", "build me a dashboard": a task for the
		// assistant, whatever it is about ("tell me", "show me" are no verbs here).
		switch at(ts, i) {
		case "write", "compose", "generate", "draft", "create", "make", "train", "build", "design", "code", "plan", "solve":
			return true
		}
	}
	switch at(ts, i) {
	case "translate", "rewrite", "paraphrase":
		return true // "translate his summary into French"
	case "write", "compose", "generate", "draft", "create", "make", "invent", "sing", "rap":
	default:
		return false
	}
	for _, t := range ts[i+1:] {
		switch t {
		case "poem", "poems", "poetry", "song", "songs", "lyrics", "story", "stories", "essay", "haiku", "limerick", "joke",
			"jokes", "rap", "sonnet", "letter", "email", "tweet", "post", "script", "code", "program", "function", "novel", "speech", "riddle",
			"quiz", "quizzes", "worksheet", "worksheets", "lesson", "lessons", "slides", "presentation", "spreadsheet", "logo", "website", "recipe":
			return true
		}
	}
	return false
}

// namesPlaceOrWork reports whether ents include an employer, project,
// school or organisation; words shared with a paper's title do not make a
// general question personal.
func namesPlaceOrWork(ents []*item) bool {
	for _, e := range ents {
		switch e.sec {
		case secWork, secProjects, secEducation, secVolunteer:
			return true
		}
	}
	return false
}

// sendPhrases offer the assistant something of the visitor's to look at.
var sendPhrases = []string{" i can send ", " can i send ", " i ll send ", " i will send ", " let me send ", " send you a photo", " send you a picture",
	" send you an image", " i can upload ", " can i upload "}

// serviceVerbList are what a visitor asks a professional to do for them.
var serviceVerbList = []string{"fix", "repair", "review", "check", "debug", "build", "design", "write", "do", "edit", "proofread", "look",
	// a professional's service to the visitor: "can you diagnose my chest pain", "will she represent my company"
	"diagnose", "treat", "examine", "prescribe", "translate", "represent", "teach", "tutor", "cut", "paint", "audit",
	// a tradesman's or a coach's: "can he rewire my kitchen", "could she coach my son"
	"rewire", "wire", "install", "renovate", "plumb", "inspect", "coach", "train", "cater", "cook", "clean", "quote",
	// a pharmacist's or an agent's: "can she refill my prescription", "can he sell my house"
	"refill", "fill", "dispense", "sell", "list", "appraise", "value", "insure", "authenticate", "date", "restore",
	// a photographer's or a filmmaker's: "can she photograph my wedding"
	"photograph", "shoot", "film", "cover", "record",
	// a security tester's, or what one is asked for: "can you hack my ex's instagram", "can he pentest our app"
	"hack", "hack into", "break into", "crack", "unlock", "recover", "pentest", "test", "scan", "secure"}

// serviceVerbs is serviceVerbList as a set.
var serviceVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range serviceVerbList {
		m[v] = true
	}
	return m
}()

// servicePhrases ask the person to do something for the visitor.
var servicePhrases = func() []string {
	var out []string
	for _, v := range serviceVerbList {
		// "can he come and rewire my kitchen": the visit is the service too;
		// "our": the visitor's company ("can she audit our books")
		for _, my := range []string{" my ", " our "} {
			out = append(out, " @p "+v+my, " @p "+v+" at"+my, " @p come "+v+my, " @p come and "+v+my, " @p come to "+v+my)
		}
	}
	return out
}()

// visitorWants reports a question that opens with the visitor asking to do
// something ("can i", "i'd like to", "i want to"): with "order" or "book"
// it places an order, which the assistant cannot take.
func visitorWants(joined string) bool {
	for _, p := range []string{" can i ", " could i ", " may i ", " i want to ", " i d like to ", " id like to ", " i would like to ", " i wanna "} {
		if strings.HasPrefix(joined, p) {
			return true
		}
	}
	return false
}

// serviceOnTheVisitors reports a service verb right after the person whose
// object is the visitor's own thing further on: "can he check the
// drawings for my house", "could she review the plans of our office".
func serviceOnTheVisitors(joined string) bool {
	i := strings.Index(joined, " @p ")
	if i < 0 {
		return false
	}
	rest := joined[i+4:]
	v, after, ok := strings.Cut(rest, " ")
	return ok && serviceVerbs[v] && strings.HasPrefix(after, "the ") && (strings.Contains(after, " my ") || strings.Contains(after, " our "))
}

// ranksOthers reports "which airline has the best safety record": a
// ranking of things of one kind, none of them said to be the person's,
// where the kind asked is none of a résumé's entries ("which job had the
// best team" is hers).
func (x *Index) ranksOthers(ts []string, best int) bool {
	if at(ts, 0) != "which" || best < 4 || at(ts, best-1) != "the" {
		return false
	}
	kind := at(ts, 1)
	verb := at(ts, 2)
	return (verb == "has" || verb == "have" || verb == "had") && !entryKinds[singular(kind)] && !x.nameToks[kind]
}

// entryKinds are the nouns for entries of a résumé: "which job had the best
// team" ranks hers.
var entryKinds = setOf(`job role position company employer project school university college degree course
certificate certification team award publication paper book place city country language skill tool client
internship program programme`)

// asksRecommendation reports a visitor asking for a place to go ("whats
// the best bbq in kansas city", "a good restaurant near the goodman") or a
// thing to use ("a good lens for portraits"):
// about the town or the venue, not the person, even though the profile
// names the place.
func (x *Index) asksRecommendation(q *query) bool {
	// "can you recommend a good restaurant in vienna": "you" is the
	// assistant asked for a tip, not the person asked about
	if q.third || q.anaph {
		return false
	}
	for i, t := range q.ts {
		if t != "best" && t != "good" && t != "nice" && t != "cheap" {
			continue
		}
		if x.ranksOthers(q.ts, i) {
			return true
		}
		for j := i + 1; j < len(q.ts) && j <= i+3; j++ {
			w := q.ts[j]
			if w == "in" || w == "near" || w == "around" || w == "for" || w == "of" {
				// "a good lens for portraits": advice on a thing for a use
				return j > i+1
			}
			if cueTable[w] != nil || x.nameToks[w] || searchStop[w] {
				return false // "the best project in 2020", "best way to reach"
			}
		}
	}
	return false
}

// personActsAs reports "would he act as", "she has been acting as": the
// person named or referred to is the one acting, which asks about a post of
// hers, not for the assistant to play a part.
func personActsAs(joined string) bool {
	for _, p := range [...]string{" @p act as ", " @p acts as ", " @p acting as ", " @p been acting as ", " @p acted as "} {
		if strings.Contains(joined, p) {
			return true
		}
	}
	return false
}

// workWordOnly reports a question whose one injection cue is also a word of
// work, asked of the person and not of the assistant: "llm experience?",
// "has she fine-tuned an LLM", "can he simulate battery cooling", "did he
// write work instructions". "Ignore your instructions" and "you are now
// an LLM" address the assistant and stay refused.
func workWordOnly(q *query) bool {
	// "you" may stand for the person in q.ts ("can you code"): read the raw words.
	if hasAnyToken(tokens(q.raw), "you", "your", "yours", "yourself", "assistant", "bot", "ai", "chatbot", "prompt", "system", "previous", "above", "new") {
		return false
	}
	if hasAnyToken(q.ts, "llm", "llms", "simulate", "simulating", "simulates") || strings.Contains(q.joined, " language model") {
		return true // technical words first
	}
	// These are commands as often as nouns: only of the person.
	return q.third && hasAnyToken(q.ts, "instructions", "instruction", "override", "overrides", "bypass", "bypassed")
}
