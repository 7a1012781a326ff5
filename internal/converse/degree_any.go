package converse

import "time"

// anyDegree answers "does he have a degree" (no level named) with a yes
// and the degrees, then what else the education lists (a bootcamp, a
// diploma), instead of the education section as if every entry were one.
// It reports whether it answered: an entry whose type can't be read as a
// degree or not leaves the answer to the usual list.
func (x *Index) anyDegree(o *out, ts []string, now time.Time) bool {
	if !hasAnyToken(ts, "degree", "degrees") || len(x.education) == 0 {
		return false
	}
	for i, t := range ts {
		if _, ok := askedDegrees[t]; ok || fieldDegrees[t] || degreeLevelWords[t] > 0 {
			return false // "a masters degree", "a science degree": missingDegree's
		}
		if (t == "degree" || t == "degrees") && i > 0 && !plainDegreeWords[ts[i-1]] {
			return false // "a CS degree", "a nursing degree": a degree in a field
		}
	}
	var degrees, studying, others []string
	for _, it := range x.sorted(secEducation) {
		e := x.r.Education[it.idx]
		r := degreeRankOf(e.StudyType)
		switch {
		case r >= 2 && it.current(now):
			studying = append(studying, x.educationEntry(it))
		case r >= 2:
			degrees = append(degrees, x.educationEntry(it))
		case r == 1 || nonDegreeEntry(e.StudyType):
			others = append(others, x.educationEntry(it))
		default:
			return false
		}
		o.citeItem(it)
	}
	o.in = iEducation
	none := len(degrees) == 0 && len(studying) == 0
	switch {
	case len(degrees) > 0:
		o.say("Yes: %s.", list(degrees))
	case len(studying) > 0:
		o.say("Not yet: %s is studying for %s.", x.who(), list(studying))
		studying = nil
	default:
		o.say("The profile doesn't list a degree for %s.", x.who())
	}
	if len(studying) > 0 {
		o.say("%s is also studying for %s.", x.Who(), list(studying))
	}
	switch {
	case len(others) > 0 && none:
		o.say("It lists %s.", list(others))
	case len(others) > 0:
		o.say("The profile also lists %s.", list(others))
	}
	return true
}

// plainDegreeWords may stand before "degree" without naming a field.
var plainDegreeWords = setOf(`a an any @p university college academic formal proper real actual four year 4 have has had hold holds got get earn earned completed finished`)
