package converse

// "What did his chief pilot say about him?", "what does his manager at
// Chebucto think of him?", "did anyone from Nordhavn vouch for him?": a
// referee named by title, role or organisation, as reference lines give
// them ("Capt. Linda MacIsaac, Chief Pilot, Chebucto Pilotage Services").
// With a single reference too, the question is about that quote, not about
// the award or the job that share its words. referencesBy (refs_by.go)
// handles several references asked by kind later in the chain; this step
// comes early so the words the referee's line shares with other entries
// don't win.

// refereeSayWords ask what someone says of the person.
var refereeSayWords = setOf(`say says said think thinks thought vouch vouched recommend recommends recommended write wrote written`)

// referenceNouns ask for a reference by its own name: "is there a
// reference from his chief pilot".
var referenceNouns = wordSetOf(`reference references referee referees testimonial testimonials recommendation recommendations`)

// refereeByKind answers with the references whose giver's line the
// question describes, when the question asks what someone else said.
func (r *resolver) refereeByKind() bool {
	x, o, q := r.x, r.o, r.q
	if len(x.r.References) == 0 || len(q.techs) > 0 || q.hasWin || !othersSay(q.ts) && !referenceNouns.anyIn(q.ts) {
		return false
	}
	idx := x.refsNamed(q.ts)
	if len(idx) == 0 {
		return false
	}
	o.in = iReferences
	for _, i := range idx {
		x.reference(o, i)
	}
	return true
}

// othersSay reports a question about what someone other than the person
// says: a say-word whose speaker is not the person ("what did he say
// about safety" is his own word) and whose object is ("about him", "of
// her", "for him", or a question ending on the verb).
func othersSay(ts []string) bool {
	for i, t := range ts {
		if !refereeSayWords[t] {
			continue
		}
		if at(ts, i-1) == "@p" || i == 0 {
			return false // "what did he say", "says who"
		}
		next := at(ts, i+1)
		if next == "" || (next == "about" || next == "of" || next == "for") && at(ts, i+2) == "@p" {
			return true
		}
		return false
	}
	return false
}
