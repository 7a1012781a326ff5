package converse

// makerVerbs ask who made the assistant: "who built you".
var makerVerbs = setOf(`made make built build created create wrote write programmed program designed design trained train developed develop coded`)

// selfNouns ask what the assistant is: "are you a bot". ("Are you a
// person" is not among them: a visitor may be speaking to the person.)
var selfNouns = setOf(`bot robot ai chatbot human real machine llm gpt chatgpt`)

// assistantAsked reports a question to the assistant about itself ("you"
// is read as the person, "@p", like "she"): "who made you", "are you a
// bot". "Who made her" is about the person (third).
func assistantAsked(q *query) bool {
	ts := q.ts[greetingLead(q.ts):] // "hey, are you a bot"
	if q.third {
		return false
	}
	switch {
	case len(ts) >= 3 && ts[0] == "who" && makerVerbs[ts[1]] && ts[2] == "@p",
		len(ts) >= 4 && ts[0] == "who" && (ts[1] == "did" || ts[1] == "has") && makerVerbs[ts[2]] && ts[3] == "@p":
		return true
	case len(ts) >= 3 && ts[0] == "are" && ts[1] == "@p":
		i := 2
		if (ts[i] == "a" || ts[i] == "an") && len(ts) >= 4 {
			i++
		}
		// the noun ends the question or an either-or ("are you a bot or a
		// human"): "are you an AI engineer" asks the person's job
		return selfNouns[ts[i]] && (i == len(ts)-1 || ts[i+1] == "or")
	}
	return false
}

// aboutAssistant answers a question about the assistant itself, plainly:
// what it is and what it answers from.
func (r *resolver) aboutAssistant() bool {
	x, o, q := r.x, r.o, r.q
	if identityAsked(q) {
		o.in = iHelp
		o.say("I'm an automated assistant, not %s: I answer questions about %s profile from what it says, and cite where it says it.", x.who(), x.whose())
		return true
	}
	if !assistantAsked(q) {
		return false
	}
	o.in = iHelp
	o.say("I'm an automated assistant: I answer questions about %s profile from what it says, and cite where it says it.", x.whose())
	return true
}
