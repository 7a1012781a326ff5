package converse

// Faith or politics asked in a word or two ("politics?", "her political
// views?", "religious?", "voting?") is the same guess at a belief the long
// forms are ("what religion is she", "is he a republican"): declined with
// the religion-or-politics reply, not the generic off-topic one or "I'm not
// sure what you mean". A profile that uses the word itself ("politics?" of
// a reporter covering politics) is asked about its work, unless a view is
// asked ("political views?"), which has no field.

// beliefTopicWords name a faith or a politics as a topic.
var beliefTopicWords = setOf(`religion religions religious religiousness faith faiths politics political politically belief beliefs vote votes voting`)

// beliefViewWords name the view itself, never a field of work.
var beliefViewWords = setOf(`view views leaning leanings affiliation affiliations opinion opinions stance beliefs persuasion`)

// beliefAloneFillers may stand around the topic word: "and her politics?",
// "what are his political views?". "Is she religious" is left to the
// personal matters, whose plain "doesn't mention her religion" it gets.
var beliefAloneFillers = setOf(`@p what whats are any`)

// asksBeliefAlone reports faith or politics asked with nothing else of the
// profile: the topic word, maybe a view word, the person and fillers.
func (x *Index) asksBeliefAlone(q *query) bool {
	if len(q.ts) > 6 || len(q.ents) > 0 {
		return false
	}
	topic, view := "", false
	for _, t := range q.ts {
		switch {
		case beliefTopicWords[t] && topic == "":
			topic = t
		case beliefViewWords[t]:
			view = true
		case bareTopicFillers[t] || beliefAloneFillers[t]:
		default:
			return false
		}
	}
	return topic != "" && (view || !x.words[stem(topic)])
}
