package converse

import "strings"

// titleHolder answers "who is the cto" of a profile whose own title spells
// the abbreviation out ("Co-founder and Chief Technology Officer"): the
// person, in that role. A title nobody in the work entries holds is left
// to the search, which finds a named person in the summary ("co-founded
// it with Arjun Mehta, who is CEO").
func (r *resolver) titleHolder() bool {
	x, o, q := r.x, r.o, r.q
	ts := q.ts
	if len(ts) < 2 || len(ts) > 5 || ts[0] != "who" || q.hasWin {
		return false
	}
	abbr := ts[len(ts)-1]
	if titleAbbrevs[abbr] == "" {
		return false
	}
	for _, t := range ts[1 : len(ts)-1] {
		if !titleHolderFillers[t] {
			return false // "who reports to the cto" asks another thing
		}
	}
	m := newRoleMatcher([]string{abbr})
	var held, now []*item
	for _, it := range x.sorted(secWork) {
		if it.role == "" || !m.matchesToks(it.roleTokens()) {
			continue
		}
		held = append(held, it)
		if it.current(r.now) {
			now = append(now, it)
		}
	}
	if len(held) == 0 {
		return false
	}
	o.in = iRoleCheck
	verb, jobs := "is", now
	if len(now) == 0 {
		verb, jobs = "was", held[:1] // the latest
	}
	for _, it := range jobs {
		o.citeItem(it)
	}
	o.focusOn(jobs...)
	o.say("%s %s the %s: %s.", x.Who(), verb, strings.ToUpper(abbr), rolesList(jobs))
	return true
}

// titleHolderFillers may stand between "who" and the abbreviation.
var titleHolderFillers = setOf(`is s was the their your current`)
