package converse

import "strings"

// Social turns: greetings, thanks, goodbyes, and personal matters a résumé
// leaves out.

// social answers greetings, thanks and questions the profile can't answer.
func (x *Index) social(o *out, q *query) {
	s := &q.scores
	switch {
	case insultOnly(q):
		o.in, o.refused = iOffTopic, true
		o.say("I'm sorry this hasn't helped. I can only answer questions about %s profile — work, projects, skills, education and the like.", x.whose())
	case s[iBye] > 0: // "thanks, bye": a visitor who says bye is leaving; no "anything else?"
		o.in = iBye
		o.say("Goodbye, and thanks for your interest in %s.", x.who())
	case s[iThanks] > 0:
		o.in = iThanks
		o.say("You're welcome! Anything else you'd like to know about %s?", x.who())
	case ackOnly(q.ts): // "ok cool": nothing asked, nothing to be sorry for
		o.in = iThanks
		o.say("Sure. Anything else you'd like to know about %s?", x.who())
	case s[iGreeting] > 0:
		o.in = iGreeting
		o.say("Hello! I can answer questions about %s — work, projects, skills, education and more.", x.who())
	case (q.person || q.anaph) && x.foreignThenSearch(o, q): // "did he ever command a tanker": not mentioned, then what he did command
	case (q.person || q.anaph) && x.searchLast(o, q): // "was there downtime?" after a migration
	case q.person || q.anaph:
		o.in = iUnknown
		if topic := x.personalTopic(q.ts); topic != "" {
			o.say("The profile doesn't mention %s %s.", x.whose(), topic)
		} else if w := x.willingObject(q); w != "" && o.b.Len() == 0 {
			o.say("The profile doesn't mention %s.", w) // "would she be comfortable with on-call": on-call, not "comfortable"
		} else if w := x.onlyForeignWord(q); w != "" && o.b.Len() == 0 {
			o.say("The profile doesn't mention %s.", w) // "does he fly boeings": the one thing asked that it never names
		} else if o.b.Len() == 0 { // after "The profile doesn't say why." it would say it twice
			o.say("The profile doesn't say anything about that.")
		}
	default:
		o.in = iUnknown
		o.say("I'm not sure what you mean.")
		x.help(o)
	}
}

// foreignFunctionWords are frequent question and function words of other
// languages visitors write in (Spanish, French, German, Portuguese,
// Italian, Dutch, Polish) that are no English words (nor names or
// pastimes: "er", "hat", "chi" of tai chi, "dove", "elle" are left out).
var foreignFunctionWords = setOf(`dónde donde qué que cuál cual cuáles cuales cuántos cuantos cuántas quién quien trabaja trabajó trabajo estudió estudio tiene sabe habla
où quel quelle quels qui travaille il est-ce a-t-il a-t-elle étudié parle sait
wo was wie welche welcher wer arbeitet ist sie spricht studiert kann
onde qual quais quem trabalha estudou fala você ela ele
quale quali lavora lavorato studiato parla lei lui
waar wat welke wie werkt heeft spreekt zij hij
gdzie jaki jaka jakie kto pracuje pracowała studiowała mówi zna ona`)

// englishFunctionWords are words an English question almost always has.
var englishFunctionWords = setOf(`the a an is are was were does do did has have what where when who which how she he they her his him
them you your in at of to for with and or`)

// otherLanguage reports a question written in another language than
// English: a word of foreignFunctionWords and no English function word
// (nor a pronoun, which understand has made "@p"), or an inverted
// question mark.
func otherLanguage(q *query) bool {
	foreign := false
	for _, t := range q.ts {
		if englishFunctionWords[t] || t == "@p" {
			return false
		}
		foreign = foreign || foreignFunctionWords[t]
	}
	return foreign || strings.ContainsAny(q.raw, "¿¡")
}

// foreignQuestion answers a question in another language: the engine
// reads English only, and saying so beats a guess from a word that looks
// like a technology ("onde" is no Node.js) or "I'm not sure what you mean".
func (r *resolver) foreignQuestion() bool {
	if !otherLanguage(r.q) {
		return false
	}
	r.o.in = iUnknown
	r.o.say("I can only answer questions in English for now. Please ask again in English, for example: where does %s work?", r.x.who())
	return true
}

// personalTopic names what a personal question is about, for a plain
// "the profile doesn't mention her salary". A field of life the profile
// itself names ("does he cover politics" of a political reporter, "did
// she study politics" beside Political Science) is its work, not a
// personal matter, unless an opinion is asked ("his political views").
func (x *Index) personalTopic(ts []string) string {
	for i, t := range ts {
		if v, ok := personalTopics[t]; ok {
			if gapWord(at(ts, i+1)) || notCareerGap[at(ts, i+1)] && gapWord(at(ts, i+2)) {
				continue // "the gender pay gap she closed": a figure of her work, not her pay
			}
			if fieldOfLife[t] && x.words[stem(t)] && !hasAnyTokenIn(ts, opinionWords) {
				continue
			}
			if t == "partner" && x.words[stem(t)] && !hasAnyToken(ts, "have", "has", "had", "her", "his", "their", "life", "romantic", "married", "dating") {
				continue // "is she a partner" of a lawyer whose title says Partner: her job
			}
			if v == "weight" && hasAnyToken(ts, "save", "saved", "saving", "cut", "reduce", "reduced", "shave", "shaved", "lighter", "take", "took") {
				continue // "how much weight did he save": a product's weight
			}
			if (t == "kids" || t == "children") && x.ownFamilySaid() {
				continue // "does she have kids" of "to raise our two children": what the profile says is searched
			}
			if v == "family status" && servesPeople(ts, t) {
				continue // "does she see kids": whom she works with, not her family
			}
			return v
		}
	}
	return ""
}

var personalTopics = map[string]string{"salary": "salary expectations", "pay": "salary expectations", "rate": "rates",
	"compensation": "salary expectations", "age": "age", "old": "age", "born": "date of birth", "birthday": "date of birth",
	"married": "family status", "single": "relationship status", "dating": "relationship status",
	"girlfriend": "relationship status", "boyfriend": "relationship status", "partner": "relationship status",
	"relationship": "relationship status", "ethnicity": "ethnicity", "race": "ethnicity", "sexuality": "sexuality",
	"disability": "health", "religious": "religion", "politics": "political views", "political": "political views", "vote": "political views", "votes": "political views", "voted": "political views", "voting": "political views", "wife": "family status", "husband": "family status", "kids": "family status",
	"children": "family status", "family": "family status", "visa": "visa or citizenship status",
	"citizenship": "visa or citizenship status", "nationality": "nationality", "available": "availability",
	"availability": "availability", "remote": "work-location preferences", "relocation": "work-location preferences",
	"religion": "religion", "gender": "gender", "pronouns": "pronouns", "height": "height", "tall": "height", "weight": "weight",
	"health": "health", "pregnant": "health", "pregnancy": "health", "medication": "health", "medications": "health", "alcoholic": "health",
	"gay": "sexuality", "lesbian": "sexuality", "bisexual": "sexuality", "sexual": "sexuality", "transgender": "gender", "notice": "notice period", "car": "car", "pets": "pets", "favorite": "favourites",
	"favourite": "favourites", "personality": "personality", "weaknesses": "weaknesses", "weakness": "weaknesses",
	"embarrassing": "embarrassing moments", "secret": "secrets", "secrets": "secrets", "gossip": "gossip",
	"flaws": "flaws", "scandal": "scandals", "scandals": "scandals", "failures": "failures", "mistakes": "mistakes"}

// fieldOfLife are the personal-topic words that also name a field of work
// or study.
var fieldOfLife = setOf(`politics political religion religious health family kids children pets nationality citizenship`)

// opinionWords ask for a view or a private choice, never the work.
var opinionWords = setOf(`view views opinion opinions stance believe believes belief beliefs think thinks feel feels vote votes voted voting party support supports`)

// gossipTopics are asked of a person with words ("tell me about her") that
// would otherwise read as a summary request.
var gossipTopics = wordSetOf(`embarrassing secret secrets gossip flaws scandal scandals weakness weaknesses`)

// foreignThenSearch answers a yes/no question whose one distinctive word,
// its last and after "a", "an" or "any", is nowhere in the profile ("did he ever command a tanker"): the
// sentences sharing its other words are no yes, so that the thing asked is
// not mentioned comes first, then those sentences. False, having said
// nothing, when there is no such word or no sentence.
func (x *Index) foreignThenSearch(o *out, q *query) bool {
	n := len(q.ts)
	switch at(q.ts, n-2) {
	case "a", "an", "any":
	default:
		// "did he sail on cruise ships": a verb of its own; "anything in
		// europe", "venture money": a place or a word of what is there
		return false
	}
	w := x.onlyForeignWord(q)
	if w == "" || !strings.EqualFold(w, at(q.ts, n-1)) {
		return false
	}
	sub := &out{x: x, near: o.near}
	if !x.searchLast(sub, q) {
		return false
	}
	o.in = iUnknown
	o.say("The profile doesn't mention %s.", w)
	o.adopt(sub)
	return true
}
