package converse

import (
	"strings"
	"time"
)

// What the person does now, said beside a role check that guessed wrong or
// found the role only in the past.

// nowInstead adds what the person does now, when a question guessed wrong.
func (x *Index) nowInstead(o *out, now time.Time) {
	var cur []*item
	for _, it := range x.sorted(secWork) {
		if it.current(now) {
			cur = append(cur, it)
		}
	}
	if len(cur) > 0 {
		o.say("Today %s works as %s.", x.who(), rolesList(cur))
		for _, it := range cur {
			o.citeItem(it)
		}
		return
	}
	if l := strings.TrimSpace(x.r.Basics.Label); l != "" {
		o.say("%s profile headline is “%s”.", capital(x.whose()), l)
		o.cite(secBasics, 0, "label")
	}
}

// leadNouns are the titles a current job may hold in its sentences rather
// than its title.
var leadNouns = setOf(`manager managers lead leader leads head supervisor`)

// leadsTeamNow reports whether a current job's sentence says she leads
// people and names a team or counts them: "leading a small team of 2
// buyer's agents", not "Led the migration to Next.js".
func (x *Index) leadsTeamNow(now time.Time) bool {
	for _, sn := range x.peopleSentences(len(x.snippets), leadStems) {
		if sn.cite.Section != secWork || sn.cite.Index >= len(x.work) || !x.work[sn.cite.Index].current(now) {
			continue
		}
		for j, t := range sn.toks {
			if t == "team" || t == "teams" || isCount(t) && (teamNouns[at(sn.toks, j+1)] || teamNouns[at(sn.toks, j+2)]) {
				return true
			}
		}
	}
	return false
}
