package converse

import "strings"

// "Is she a good programmer": a judgement the profile cannot make. The
// answer says so and gives the evidence: the programming languages it
// mentions, the time in programming jobs, and what those jobs say.

// goodWords rate; codingRoles are the roles of programming.
var (
	goodWords   = setOf(`good great strong skilled talented competent decent solid excellent capable bad weak`)
	codingRoles = setOf(`programmer programmers coder coders developer developers dev engineer hacker`)
)

// goodCoderAsked reads "is @p a good programmer", "would @p be a strong
// developer", "is @p a skilled software engineer".
func goodCoderAsked(ts []string) bool {
	if len(ts) < 4 || len(ts) > 7 || ts[1] != "@p" {
		return false
	}
	switch ts[0] {
	case "is", "was", "would":
	default:
		return false
	}
	i := 2
	for i < len(ts) && (ts[i] == "a" || ts[i] == "an" || ts[i] == "be" || ts[i] == "really" || ts[i] == "very") {
		i++
	}
	if i >= len(ts) || !goodWords[ts[i]] {
		return false
	}
	i++
	if at(ts, i) == "software" || at(ts, i) == "computer" {
		i++
	}
	return i == len(ts)-1 && codingRoles[ts[i]]
}

// goodCoder is the resolver's step.
func (r *resolver) goodCoder() bool {
	x, o, q := r.x, r.o, r.q
	if q.hasWin || len(q.ents) > 0 && q.byName || !goodCoderAsked(q.ts) {
		return false
	}
	o.in = iRoleCheck
	o.say("The profile doesn't rate how good a programmer %s is; here is what it shows.", x.who())
	said := false
	if langs := x.programmingLanguages(); len(langs) > 0 {
		o.say("Programming languages it mentions: %s.", list(langs))
		for _, t := range langs {
			for _, c := range x.techUse[strings.ToLower(t)] {
				o.cite(c.Section, c.Index, c.Field)
			}
		}
		said = true
	}
	m := newRoleMatcher([]string{"programmer"})
	var jobs []*item
	for _, it := range x.sorted(secWork) {
		if it.dated && it.role != "" && m.matchesToks(it.roleTokens()) {
			jobs = append(jobs, it)
		}
	}
	if len(jobs) > 0 {
		x.tenureOfJobs(o, jobs, "worked in programming roles", r.now)
		o.in = iRoleCheck
		x.quoteSentences(o, "What those jobs say:", x.focusSentences(o, 3))
		return true
	}
	if !said {
		o.say("It doesn't describe %s as a programmer.", x.who())
	}
	x.nowInstead(o, r.now)
	return true
}

// programmingLanguages are the profile's technologies that are programming
// languages, in the profile's order.
func (x *Index) programmingLanguages() []string {
	var out []string
	for _, t := range x.techOrder {
		if techCategory()[strings.ToLower(t)] == "language" {
			out = append(out, t)
		}
	}
	return out
}
