package converse

import "strings"

// titleAsked answers "is she the cto", "was he a ceo": whether a work
// entry's title spells the abbreviation out, now, before, or never, with
// what the person does today when the title is not hers now.
func (r *resolver) titleAsked() bool {
	x, o, q := r.x, r.o, r.q
	abbr, past, ok := askedAbbrevTitle(q.ts)
	if !ok || q.hasWin || len(x.bySec[secWork]) == 0 {
		return false
	}
	for _, e := range q.ents {
		if q.byName && (e.sec == secWork || e.sec == secEducation) {
			return false // "is she the cto at Acme": that employer's answer
		}
	}
	m := newRoleMatcher([]string{abbr})
	var held, cur []*item
	for _, it := range x.sorted(secWork) {
		if it.role != "" && m.matchesToks(it.roleTokens()) {
			held = append(held, it)
			if it.current(r.now) {
				cur = append(cur, it)
			}
		}
	}
	o.in = iRoleCheck
	up := strings.ToUpper(abbr)
	switch {
	case len(cur) > 0:
		o.focusOn(cur...)
		for _, it := range cur {
			o.citeItem(it)
		}
		o.say("Yes: %s is the %s: %s.", x.who(), up, rolesList(cur))
	case len(held) > 0:
		o.focusOn(held...)
		for _, it := range held {
			o.citeItem(it)
		}
		if past {
			o.say("Yes: %s was %s: %s.", x.who(), article(up), rolesList(held))
			return true
		}
		o.say("Not now: %s was %s: %s.", x.who(), article(up), rolesList(held))
		x.nowInstead(o, r.now)
	default:
		o.say("No: the profile doesn't describe %s as %s; no job title is %s (%s).", x.who(), article(up), up, titleAbbrevs[abbr])
		x.nowInstead(o, r.now)
	}
	return true
}

// askedAbbrevTitle reads "is @p the cto", "was @p a ceo", "has @p been
// a cfo", "is @p cto": the abbreviation, whether the past was asked, and
// whether the question has that shape.
func askedAbbrevTitle(ts []string) (abbr string, past, ok bool) {
	if len(ts) < 3 || len(ts) > 6 || at(ts, 1) != "@p" {
		return "", false, false
	}
	switch ts[0] {
	case "is":
	case "was":
		past = true
	case "has":
		if at(ts, 2) != "been" {
			return "", false, false
		}
		past = true
	default:
		return "", false, false
	}
	i := 2
	for i < len(ts) && (ts[i] == "been" || ts[i] == "ever" || ts[i] == "still" || ts[i] == "currently" || ts[i] == "the" || ts[i] == "a" || ts[i] == "an") {
		i++
	}
	if i != len(ts)-1 || titleAbbrevs[ts[i]] == "" || ts[i] == "vp" {
		return "", false, false
	}
	return ts[i], past, true
}
