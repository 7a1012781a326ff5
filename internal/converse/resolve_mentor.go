package converse

import "strings"

// mentorNamed answers "who was her phd advisor", "who supervised him":
// résumés name a doctoral advisor or a mentor inside sentences ("I
// trained with Prof. X") or in a reference that says so, not in a field;
// those sentences are quoted. A school or job named in the question
// ("her phd") would otherwise answer with the entry and no person.
func (r *resolver) mentorNamed() bool {
	x, o, q := r.x, r.o, r.q
	if at(q.ts, 0) != "who" || !hasAnyToken(q.ts, "advisor", "adviser", "supervisor", "mentor", "pi") &&
		!(hasAnyToken(q.ts, "supervised", "advised", "mentored") && hasAnyToken(q.ts, "her", "him", "them", "by", "it", "phd", "thesis", "dissertation", "doctorate")) {
		return false // "who has she supervised" asks the other way
	}
	var sns []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		low := sn.low
		stems := mentoredStems
		if sn.cite.Section == secReferences {
			stems = mentorRefStems
		}
		for _, st := range stems {
			if strings.Contains(low, st) {
				sns = append(sns, sn)
				break
			}
		}
	}
	sns = append(sns, x.mentorReferences(sns)...)
	if len(sns) == 0 {
		return false
	}
	o.in = iEducation
	return x.quoteSentences(o, "On who trained "+x.who()+", the profile says:", sns)
}

// mentoredStems mark a sentence naming who trained the person; a
// reference's sentence says it the other way round ("the most independent
// doctoral student I have supervised").
var (
	mentoredStems = []string{"trained with ", "trained under ", "studied under ", "studied with prof", "worked under ",
		"supervised by ", "advised by ", "mentored by ", " my advisor", " my adviser", " my supervisor", " my mentor", " my phd advisor", " my doctoral advisor"}
	mentorRefStems = []string{" supervised", " advised", " mentored", " my student", " doctoral student", " phd student"}
)
