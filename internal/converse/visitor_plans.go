package converse

// shouldIAdvice reports "should I learn python", "should we switch to
// Go", "shall I study law": the visitor asks what to do, with one of the
// verbs of the visitor's own plans, and no person in it. Whether the
// profile names the thing is no answer to that ("Yes, Python appears in
// her profile" reads as advice), so it is declined as "how do I become a
// dispatcher" is.
func shouldIAdvice(ts []string) bool {
	switch at(ts, 1) {
	case "i", "we":
	default:
		return false
	}
	v := at(ts, 2)
	if v == "really" || v == "even" || v == "also" || v == "first" {
		v = at(ts, 3)
	}
	return adviceVerbs[v] || planVerbs[v]
}

// planVerbs are verbs of a visitor's own plans beyond adviceVerbs: "should
// I use React", "should I move to Berlin".
var planVerbs = map[string]bool{
	"use": true, "move": true, "take": true, "go": true, "do": true, "try": true, "major": true, "pursue": true,
	"focus": true, "quit": true, "leave": true, "join": true, "accept": true,
}

// hireHowContact adds the e-mail address to what the profile says of the
// person's search when the visitor asks how to hire or engage them ("how
// can I hire her", "how do we book him"): the way to reach them is the
// answer's other half.
func (x *Index) hireHowContact(o *out, ts []string) {
	c := x.r.Basics.Email
	if c == "" || at(ts, 0) != "how" || !hasAnyToken(ts, "hire", "book", "engage", "commission", "recruit") {
		return
	}
	o.say("You could ask at %s.", c)
	o.cite(secBasics, 0, "email")
}
