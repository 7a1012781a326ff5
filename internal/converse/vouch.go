package converse

import "strings"

// The engine reports what a profile says; it does not vouch for anyone.
// "would you recommend her", "can you vouch for him", "recommend me a
// mechanic", "give me a quote about tendai I can use" ask the assistant
// for an opinion of its own and are declined, pointing at the references.
// "who can vouch for him" and "does anyone recommend her" ask what others
// say and stay questions about the references.

// vouchVerbs are the verbs of an endorsement asked of the assistant.
var vouchVerbs = setOf(`recommend vouch endorse`)

// quoteNouns are the things a visitor asks to be given for their own use:
// "give me a quote", "a testimonial", "a blurb".
var quoteNouns = setOf(`quote testimonial endorsement blurb`)

// asksToVouch reports a question asking the assistant itself to recommend,
// vouch for or endorse the person, or to hand over a quote of its own.
func asksToVouch(q *query) bool {
	if !vouchWordIn(q.ts) {
		return false // the common case: nothing to read twice
	}
	raw := tokens(q.raw) // "you" is "@p" in q.ts, like "she"
	for i, t := range raw {
		switch {
		case t == "you" || t == "u":
			// "would you recommend her", "can you vouch for him", "do you
			// personally recommend him"
			for j := i + 1; j < len(raw) && j <= i+2; j++ {
				if vouchVerbs[raw[j]] {
					return true
				}
			}
		case i == 0 && vouchVerbs[t] && at(raw, 1) == "me":
			return true // "recommend me a mechanic in toledo"
		case quoteNouns[t] && i >= 2 && raw[i-1] == "a" && givenMe(raw[:i-1]):
			// "give me a quote about tendai", not "a quote from her references"
			return !hasAnyToken(raw[i+1:], "from", "by", "in", "references", "reference")
		}
	}
	return false
}

// givenMe reports ts ending with a request for the visitor: "give me",
// "can i get", "i need", "write us".
func givenMe(ts []string) bool {
	n := len(ts)
	last, prev := at(ts, n-1), at(ts, n-2)
	switch {
	case (last == "me" || last == "us") && (prev == "give" || prev == "write" || prev == "send" || prev == "provide"):
		return true
	case prev == "i" && (last == "get" || last == "need" || last == "want" || last == "have"):
		return true
	}
	return false
}

// declineVouch says the engine gives no opinion of its own and where the
// profile has other people's.
func (x *Index) declineVouch(o *out) {
	o.in, o.refused = iOffTopic, true
	o.say("I can't vouch for %s or recommend anyone myself: I only report what %s profile says.", x.who(), x.whose())
	if len(x.r.References) > 0 {
		o.say("What others say about %s is in the references — ask me who recommends %s.", x.who(), x.who())
	}
}

// vouchWordIn reports a word of an endorsement or a quote in ts, by
// comparison rather than map look-ups: every question passes here.
func vouchWordIn(ts []string) bool {
	for _, t := range ts {
		switch t {
		case "vouch", "endorse", "quote", "testimonial", "endorsement", "blurb":
			return true
		}
		if strings.HasPrefix(t, "recommend") {
			return true
		}
	}
	return false
}
