package converse

import "strings"

// "Does she know WMS", "has he used an EVMS": the closing S of such an
// acronym is "system", and the other letters are the initials of the work
// the system runs, which profiles list as a skill ("Warehouse
// management", "Earned value management"). That skill is the honest
// answer, said as the work, not as a system the profile names.

// systemAcronym answers ac (lower-cased, 3 to 6 letters) from a skill
// whose initials are ac without its closing "s". It reports whether one
// was.
func (x *Index) systemAcronym(o *out, ac string) bool {
	if len(ac) < 3 || ac[len(ac)-1] != 's' {
		return false
	}
	head := ac[:len(ac)-1]
	for _, t := range x.techOrder {
		if initials(t) != head {
			continue
		}
		up := strings.ToUpper(ac)
		o.say("The profile doesn't name a %s, but it lists %s, the work a %s (%s system) runs: %s.", up, t, up, strings.ToLower(t), x.whereUsed(o, x.techUse[strings.ToLower(t)], modeAny))
		return true
	}
	return false
}
