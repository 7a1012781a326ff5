package converse

import "strings"

// "What was her first real estate job", "her first job in real estate":
// the first job whose title holds the field, not the first job of all nor
// the summary's sentences that share the field's words.

// firstInField answers the earliest job whose title holds the words between
// "first" and "job" ("first real estate job") or after "first job in". It
// stays silent when no title, or every title, holds them.
func (r *resolver) firstInField() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) > 0 || q.hasWin || len(x.work) < 2 {
		return false
	}
	var noun []string
	for i, t := range q.ts {
		if t != "first" && t != "earliest" {
			continue
		}
		j := i + 1
		for j < len(q.ts) && !fieldJobNouns[q.ts[j]] {
			j++
		}
		if j == len(q.ts) {
			return false
		}
		noun = q.ts[i+1 : j]
		if len(noun) == 0 && at(q.ts, j+1) == "in" {
			noun = q.ts[j+2:] // "her first job in real estate"
		}
		break
	}
	if len(noun) == 0 || len(noun) > 3 {
		return false
	}
	m := newRoleMatcher(noun)
	var first *item
	n := 0
	for _, it := range x.sorted(secWork) {
		if !it.dated || !m.matchesToks(it.roleTokens()) {
			continue
		}
		n++
		if first == nil || it.per.Start.Start().Before(first.per.Start.Start()) {
			first = it
		}
	}
	if first == nil || n == len(x.work) {
		return false
	}
	o.in = iFirst
	o.say("The earliest job in the profile with “%s” in its title is %s%s.", strings.Join(noun, " "), first.roleAt(), first.span())
	o.citeItem(first)
	o.focusOn(first)
	return true
}

// fieldJobNouns end the field asked in "first X job".
var fieldJobNouns = setOf(`job jobs role position gig post`)
