package converse

// A personal matter typed alone as the whole question ("salary?", "age?",
// "married?", "kids?", "visa status?") is asked of the person the visitor is
// reading about, as "what is her salary" is, though it names nobody: it
// gets the same plain "the profile doesn't mention her salary
// expectations", not "I'm not sure what you mean", a search for "age"
// inside "aged 7 to 10", or a technology read from the turn before.

// bareTopicWords are the personal-topic words (personalTopics) a visitor
// types alone. Words that name something else as often ("rate", "remote",
// "available", "notice", "old", "single", "partner", "car") are left to the
// steps that read them; faith and politics are declined as off-topic, as
// the longer questions about them are.
var bareTopicWords = setOf(`salary salaries compensation pay age birthday married marital kids children wife husband
girlfriend boyfriend dating relationship ethnicity race sexuality gender pronouns height weight visa citizenship
nationality pets health pregnant pregnancy disability`)

// bareTopicTails may follow the word: "salary expectations?", "visa status?".
var bareTopicTails = setOf(`expectations expectation range requirements status situation`)

// bareTopicFillers may stand around it: "and age?", "what about kids?", "ok, salary?".
var bareTopicFillers = setOf(`and what about how so ok okay also then um uh hmm the`)

// bareTopicPayQualifiers may stand just before a word of pay: "expected
// salary?", "current ctc?" (India's cost to company, read as salary),
// "desired compensation?"; before any other word they are no personal
// matter ("current role?").
var bareTopicPayQualifiers = setOf(`expected current desired present previous last annual yearly monthly`)

// bareTopicWord returns the personal-topic word that is the whole question,
// or "".
func bareTopicWord(ts []string) string {
	word := ""
	for i, t := range ts {
		switch {
		case bareTopicFillers[t]:
		case bareTopicTails[t] && i > 0 && ts[i-1] == word && word != "":
		case bareTopicPayQualifiers[t] && word == "" && payTopics[at(ts, i+1)]:
		case bareTopicWords[t] && word == "":
			word = t
		default:
			return ""
		}
	}
	return word
}

// bareTopic answers a personal matter asked alone. A field of life the
// profile itself speaks of ("health?" of a health researcher, "kids?" of a
// parent who writes of "our two children") is searched instead.
func (r *resolver) bareTopic() bool {
	x, o, q := r.x, r.o, r.q
	if q.person || len(q.ts) > 4 || len(q.techs) > 0 || len(q.ents) > 0 || q.hasWin {
		return false // a question that names her is personalTopic's
	}
	w := bareTopicWord(q.ts)
	if w == "" {
		return false
	}
	if w == "marital" {
		w = "married"
	}
	topic := x.personalTopic([]string{w})
	if (topic == "" || (w == "kids" || w == "children") && x.ownFamilySaid()) && x.search(o, q) {
		return true
	}
	o.in = iUnknown
	o.say("The profile doesn't mention %s %s.", x.whose(), personalTopics[w])
	return true
}

// familyNouns are the words a profile names its owner's own family with.
var familyNouns = setOf(`children child kids kid son sons daughter daughters wife husband twins`)

// ownFamilySaid reports a sentence of the profile about its owner's own
// family: "to raise our two children", "after my son was born", or in a
// summary written in the third person "her three kids". A word of the
// family after another possessive ("the children she taught") is her work.
func (x *Index) ownFamilySaid() bool {
	for i := range x.snippets {
		s := &x.snippets[i]
		for j, t := range s.toks {
			if !familyNouns[t] {
				continue
			}
			p := at(s.toks, j-1)
			if numberWords[p] > 0 || isDigits(p) {
				p = at(s.toks, j-2) // "our two children"
			}
			if p == "my" || p == "our" || (p == "her" || p == "his" || p == "their") && s.cite.Section == secBasics {
				return true
			}
		}
	}
	return false
}
