package converse

import "strings"

// Turns of a conversation that are about the conversation rather than the
// profile: a greeting before the question, "is this really Ada?", "ok
// cool", "back to her education — what did she study?".

// greetWords open a message as a greeting: "hello, who are you?" asks who
// the assistant is.
var greetWords = setOf(`hi hello hey hiya howdy yo`)

// greetingLead counts the greeting words opening ts ("hey there"): the
// question is what follows them.
func greetingLead(ts []string) int {
	i := 0
	for i < len(ts) && greetWords[ts[i]] {
		i++
	}
	if i > 0 && i < len(ts) && ts[i] == "there" {
		i++
	}
	return i
}

// identityAsked reports a visitor asking whom they are talking to: "who am
// I talking to", "is this really Ada?", "am I speaking with Ada", "are you
// Ada". The person's name (or "you") reads as "@p".
func identityAsked(q *query) bool {
	ts := q.ts[greetingLead(q.ts):]
	talk := func(i int) bool {
		return i+1 < len(ts) && (ts[i] == "talking" || ts[i] == "speaking" || ts[i] == "chatting") &&
			(ts[i+1] == "to" || ts[i+1] == "with")
	}
	switch {
	case len(ts) == 5 && ts[0] == "who" && ts[1] == "am" && ts[2] == "i" && talk(3):
		return true
	case len(ts) == 5 && ts[0] == "am" && ts[1] == "i" && talk(2) && ts[4] == "@p":
		return true
	case len(ts) == 2 && ts[0] == "are" && ts[1] == "@p" && q.third:
		// "are you Ada": "you" and the name read as one "@p"
		return len(tokenize(q.raw, true)) >= 3
	case len(ts) == 3 && ts[0] == "is" && (ts[1] == "this" || ts[1] == "that" || ts[1] == "it") && ts[2] == "@p":
		return true
	}
	return false
}

// ackWords make up a visitor's acknowledgement: "ok cool", "got it",
// "nice".
var ackWords = setOf(`ok okay k cool great nice awesome perfect alright right got it sure fine good interesting gotcha neat sounds i see understood wow`)

// ackOnly reports a message of acknowledgement words only (the tokenizer
// has already dropped "ok"): it asks nothing.
func ackOnly(ts []string) bool {
	if len(ts) == 0 || len(ts) > 4 {
		return false
	}
	for _, t := range ts {
		if !ackWords[t] {
			return false
		}
	}
	return true
}

// leadStarts open a clause that only switches the topic back before the
// question: "back to his education — what did he study?".
var leadStarts = []string{"back to ", "going back to ", "getting back to ", "coming back to ", "returning to ", "switching to ", "moving on to "}

// dropTopicLead returns the question after a leading topic-switch clause
// ending in a dash, colon, semicolon or comma, when what follows reads as
// a question of its own; otherwise q. The clause names the topic the
// question asks about anyway, and read with it the clause's words become
// the thing asked ("doesn't list back among her studies").
func dropTopicLead(q string) string {
	s := strings.TrimLeft(q, " \t\n")
	for _, p := range []string{"ok ", "ok, ", "okay, ", "so ", "so, ", "and ", "now ", "now, "} {
		if rest, ok := cutWords(s, p); ok {
			s = rest
			break
		}
	}
	lead := false
	for _, p := range leadStarts {
		if _, ok := cutWords(s, p); ok {
			lead = true
			break
		}
	}
	if !lead {
		return q
	}
	for _, sep := range []string{"—", "–", "-", ":", ";", ","} {
		i := strings.Index(s, sep)
		if sep == "-" {
			i = strings.Index(s, " -") + 1 // a dash, not "follow-up"
		}
		if i > 0 {
			rest := strings.TrimSpace(s[i+len(sep):])
			if opensQuestion(rest, false) && !leansBack(rest) {
				return rest
			}
		}
	}
	return q
}

// leansBack reports a question pointing back at what the clause before it
// named ("back to Acme, where was it?"): the clause is then its subject.
func leansBack(s string) bool {
	for _, w := range strings.Fields(s) {
		switch strings.ToLower(strings.Trim(w, "?!.,;:")) {
		case "it", "its", "there", "that", "then", "this", "those", "these":
			return true
		}
	}
	return false
}

// jobNounsAfterName follow an employer's name to make it the job there: "the
// Salesforce job", "his Acme years".
var jobNounsAfterName = []string{"job ", "jobs ", "role ", "roles ", "position ", "stint ", "days ", "years ", "time ", "gig ", "post "}

// jobNounAfter reports whether norm (a " name " form) is followed in
// joined by a noun of a job.
func jobNounAfter(joined, norm string) bool {
	i := strings.Index(joined, norm)
	if i < 0 {
		return false
	}
	rest := joined[i+len(norm):]
	for _, n := range jobNounsAfterName {
		if strings.HasPrefix(rest, n) {
			return true
		}
	}
	return false
}

// correctionLeads open a visitor's correction of what the last question
// was about: "no, I meant her first job".
var correctionLeads = []string{"no, i meant ", "no i meant ", "no, i mean ", "no i mean ", "i meant ", "sorry, i meant ",
	"sorry i meant ", "actually i meant ", "actually, i meant ", "no, not that one, ", "not that one, "}

// correctionAsks are the questions a correction asks again of what it
// names, by the intent of the reply it corrects.
var correctionAsks = map[string]string{"where": "where was ", "location": "where was ", "when": "when was "}

// correctedAsk returns the last question asked again of what a correction
// names ("where was that?", then "no, I meant the Salesforce job": where
// was the Salesforce job), or q when q is no correction of such a
// question. A correction that asks a question of its own is left as it is.
func (x *Index) correctedAsk(st State, q string) string {
	ask, ok := correctionAsks[st.Intent]
	if !ok {
		return q
	}
	if rest, ok := correctionRest(q); ok {
		return ask + rest + "?"
	}
	return q
}

// correctionRest returns what a correction names ("the Salesforce job" of
// "no, I meant the Salesforce job"), when q is one and asks no question
// of its own.
func correctionRest(q string) (string, bool) {
	s := strings.TrimSpace(q)
	for _, p := range correctionLeads {
		if rest, ok := cutWords(s, p); ok {
			rest = strings.TrimRight(rest, "?!. ")
			return rest, rest != "" && !opensQuestion(rest, false)
		}
	}
	return "", false
}

// cutWords returns s after its opening p, compared case-insensitively with
// any run of blanks in s matching one space of p.
func cutWords(s, p string) (string, bool) {
	i := 0
	for j := 0; j < len(p); j++ {
		if p[j] == ' ' {
			if i >= len(s) || !isBlank(s[i]) {
				return "", false
			}
			for i < len(s) && isBlank(s[i]) {
				i++
			}
			continue
		}
		if i >= len(s) || s[i]|0x20 != p[j]|0x20 {
			return "", false
		}
		i++
	}
	return s[i:], i < len(s)
}

// whatAboutPerson reads "what about teaching?" as about the person, as
// the conversation goes on: the person's teaching, not teaching in
// general. A thing named ("what about Aetna?") is left to the steps that
// know things.
func whatAboutPerson(q *query) {
	if !q.person && len(q.ts) == 3 && q.ts[1] == "about" && (q.ts[0] == "what" || q.ts[0] == "how") &&
		len(q.ts[2]) > 5 && strings.HasSuffix(q.ts[2], "ing") { // an activity, not a thing named
		q.person, q.third = true, true
	}
}

func isBlank(b byte) bool { return b == ' ' || b == '\t' || b == '\n' }
