package converse

// philosophyAsked answers "what's his coaching philosophy", "what is her
// approach to teaching", "what are his values": the profile's own sentences
// of belief and method, or a plain "the profile doesn't state it". A list
// of the entries that share a word ("coaching") is no answer to it.
// Leadership and management style are leadershipStyle's.
func (r *resolver) philosophyAsked() bool {
	x, o, q := r.x, r.o, r.q
	if !(q.person || q.anaph) || len(q.techs) > 0 || asksStyle(q) {
		return false
	}
	asked := hasAnyToken(q.ts, "philosophy", "philosophies", "principles", "beliefs", "values") ||
		hasAnyToken(q.ts, "approach") && hasAnyToken(q.ts, "to", "his", "her", "their", "@p")
	if !asked || hasAnyToken(q.ts, "company", "companies", "firm", "employer", "team's") {
		return false
	}
	o.in = iHighlights
	if !x.quoteSentences(o, "In the profile's words:", x.peopleSentences(3, philosophyStems)) {
		o.say("The profile doesn't state %s philosophy or approach; it lists what %s did, not why.", x.whose(), x.who())
	}
	return true
}

// philosophyStems mark sentences of belief and method. Unlike styleStems
// they leave out "champion" ("Canadian 100 m champion") and "prefer".
var philosophyStems = []string{"believ", "philosoph", "approach", "principle", "values "}
