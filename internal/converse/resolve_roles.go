package converse

import (
	"strings"
	"time"
)

// rolesByWord answers a question about roles of a kind (boards, committees)
// with the roles themselves.
func (r *resolver) rolesByWord() bool {
	x, o, q := r.x, r.o, r.q
	// "what boards has he served on": the roles, not a sentence naming boards
	return !q.hasWin && !q.anaph && len(q.techs) == 0 && (r.topScore <= 1 || r.top == iWork && r.topScore <= 6) && x.rolesByWord(o, q, r.now)
}

// certsByWord answers "what endorsements does he have" from the
// certificates' names.
func (r *resolver) certsByWord() bool {
	return !r.q.hasWin && !r.q.anaph && len(r.q.techs) == 0 && r.x.certsByWord(r.o, r.q)
}

// tenureIn answers how long she worked in roles of a kind.
func (r *resolver) tenureIn() bool {
	x, o, q := r.x, r.o, r.q
	if at(q.ts, 0) == "how" && (q.scores[iDuration] > 0 || q.scores[iTotalExp] > 0) && len(q.techs) == 0 && !q.hasWin && !q.inPlace {
		// "how many years in sales": the jobs with that word in the title
		if f := wordAfterIn(q.ts); f != "" && x.tenureOf(o, []string{f}, "has worked in "+f+" roles", r.now) {
			return true
		}
		// "how long was he on the national team": a part of one job's
		// title ("Sprinter, National Team") names that job.
		if len(q.ents) == 0 {
			if it, part := x.titlePartIn(q.joined); it != nil && !x.titleInOthers(it, part) {
				o.in = iDuration
				x.duration(o, it, r.now)
				return true
			}
		}
	}
	return false
}

// titlePartIn returns the one job whose title has a part of two words or
// more ("National Team" of "Sprinter, National Team") that joined holds,
// and that part's words; nil when none or several do.
func (x *Index) titlePartIn(joined string) (*item, []string) {
	var found *item
	var words []string
	for i := range x.work {
		it := &x.work[i]
		for _, part := range strings.FieldsFunc(it.role, func(r rune) bool { return r == ',' || r == ';' || r == '(' || r == ')' || r == '/' }) {
			ts := tokens(part)
			if len(ts) < 2 || !strings.Contains(joined, joinTokens(ts)) {
				continue
			}
			if found != nil && found != it {
				return nil, nil
			}
			found, words = it, ts
		}
	}
	return found, words
}

// titleInOthers reports whether another dated job's title carries the
// part too: "been a data engineer" asks of the Data Engineer and the
// Senior Data Engineer, not of the one job titled exactly so.
func (x *Index) titleInOthers(it *item, part []string) bool {
	m := newRoleMatcher(part)
	for _, o := range x.sorted(secWork) {
		if o != it && o.dated && o.role != "" && !o.brk && m.matchesToks(o.roleTokens()) {
			return true
		}
	}
	return false
}

// managedAt answers whether he managed people at a named employer.
func (r *resolver) managedAt() bool {
	x, o, q := r.x, r.o, r.q
	// "did she manage people at Deloitte": what that employer's entries say of it
	if len(q.role) > 0 && q.role[0] == "manager" && len(q.techs) == 0 && !q.hasWin && anyInSection(q.ents, secWork) && impliedRole(q.joined) != nil && len(atNamedEmployer(x, q)) > 0 {
		jobs := atNamedEmployer(x, q)
		var sns []*snippet
		for _, it := range jobs {
			sns = append(sns, x.peopleSentencesOf(it, leadStems)...)
		}
		o.in = iHighlights
		o.focusOn(jobs...)
		if !x.quoteSentences(o, "At "+jobs[0].label()+", the profile says:", sns) {
			o.say("The profile doesn't say whether %s led or managed people at %s.", x.who(), jobs[0].label())
			for _, it := range jobs {
				o.citeItem(it)
			}
		}
		return true
	}
	return false
}

// roleBeforeAfter answers which job came before or after a role.
func (r *resolver) roleBeforeAfter() bool {
	x, o, q := r.x, r.o, r.q
	if (len(q.ents) == 0 || onlyIn(q.ents, secAwards, secPublications, secCertificates)) && !q.hasWin && len(x.work) > 1 {
		// "what was her role before CFO", "what did he do after he became a manager"
		for i, t := range q.ts {
			if t != "before" && t != "after" {
				continue
			}
			noun := q.role
			owned := len(noun) == 0 && startsOwnBusiness(q.ts[i+1:])
			j := i + 1
			for j < len(q.ts) && becameFiller[q.ts[j]] {
				j++
			}
			if _, ok := titleAbbrevs[at(q.ts, j)]; ok {
				noun = []string{at(q.ts, j)}
			} else if j > i+1 && len(noun) == 0 && !owned {
				for _, w := range q.ts[j:] { // "before she became a data scientist"
					if roleStop[w] || len(noun) == 3 {
						break
					}
					noun = append(noun, w)
				}
			}
			if len(noun) == 0 && !owned {
				break
			}
			match := func(role string) bool { return ownerTitle(role) }
			if !owned {
				match = newRoleMatcher(noun).matches
			}
			return x.jobBeforeAfter(o, t == "before", match, r.now)
		}
	}
	return false
}

// jobBeforeAfter answers with the job before the earliest job whose title
// match accepts, or after the latest. False when no title does.
func (x *Index) jobBeforeAfter(o *out, before bool, match func(string) bool, now time.Time) bool {
	var hit *item
	for _, it := range x.sorted(secWork) { // most recent first: "before" the earliest such job
		if it.role != "" && match(it.role) {
			if before || hit == nil {
				hit = it
			}
		}
	}
	if hit == nil {
		return false
	}
	if before && x.heldBefore(o, hit, match, now) {
		return true
	}
	in := iPrev
	if !before {
		in = iNext
	}
	o.in = in
	x.ordinal(o, in, secWork, hit, now)
	return true
}

// roleCheck answers whether she was in a role, or for how long.
func (r *resolver) roleCheck() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.role) > 0 && len(q.techs) == 0 && q.lang == "" && r.top != iAvailability && r.top != iGaps {
		if at(q.ts, 0) != "how" {
			if hasAnyToken(q.ts, "always") && len(x.sorted(secWork)) > 1 { // "was she always a PM": the whole path
				m, all := newRoleMatcher(q.role), true
				for _, it := range x.sorted(secWork) {
					all = all && m.matchesToks(it.roleTokens())
				}
				o.in = iRoleCheck
				if all {
					o.say("Yes: every job the profile lists has that title.")
				} else {
					o.say("Not always.")
				}
				x.workHistory(o, nil, r.now)
				return true
			}
			x.roleCheck(o, q.role, at(q.ts, 0) != "when", r.now)
			if strings.Contains(o.b.String(), "doesn't describe") {
				x.certsOfOrg(o, q.ts) // "a fellow of the Society of Actuaries": what she holds from it
			}
			x.seniorityNote(o, q.role)
			if hasAnyToken(q.ts, "good", "great", "successful", "effective", "strong") {
				// "was he a good teacher": what the entries say of it
				x.quoteSentences(o, "What the profile says of it:", x.focusSentences(o, 3))
			}
			if q.role[0] == "manager" && impliedRole(q.joined) != nil {
				x.quoteSentences(o, "Leading people in the profile:", x.peopleSentences(3, leadStems))
			}
			if r := impliedRole(q.joined); q.role[0] == "teacher" && len(r) > 0 && r[0] == "teacher" {
				// "has she taught": a course she teaches beside another
				// job is teaching too, with no title to say so
				x.quoteSentences(o, "Teaching in the profile:", x.peopleSentences(3, teachStems))
			}
			return true
		}
		if x.roleDuration(o, q.role, r.now) {
			return true
		}
		if q.role[0] == "manager" && impliedRole(q.joined) != nil {
			// "how many years of leadership experience" with no title of
			// managing: no years to add up, so not her total experience
			// either, but whether and where she leads people
			x.roleCheck(o, q.role, true, r.now)
			x.quoteSentences(o, "Leading people in the profile:", x.peopleSentences(3, leadStems))
			x.leadingSince(o, r.now)
			return true
		}
	}
	return false
}

// startsOwnBusiness reports words after "before" or "after" that speak of
// setting up one's own business: "before starting his own company",
// "after she founded the studio", "before going self-employed".
func startsOwnBusiness(ts []string) bool {
	if len(ts) == 0 {
		return false
	}
	switch ts[0] {
	case "starting", "started", "start", "founding", "founded", "found", "launching", "launched", "opening", "opened",
		"setting", "set", "going", "went", "becoming", "became", "@p":
	default:
		return false
	}
	for _, t := range ts[1:min(len(ts), 5)] {
		switch t {
		case "own", "founded", "founding", "started", "starting", "opened", "opening", "self", "self-employed", "independent":
			return true
		}
	}
	switch ts[0] {
	case "founding", "founded", "found": // "before founding Acme"
		return true
	}
	return false
}

// ownerTitle reports a job title of the person's own business: Owner,
// Founder, Proprietor.
func ownerTitle(role string) bool {
	for _, t := range tokens(role) {
		switch t {
		case "owner", "founder", "cofounder", "co-founder", "proprietor", "self-employed":
			return true
		}
	}
	return false
}

// heldBefore answers "what did she do before becoming a UX researcher"
// with the job she held when the first such role began: of the jobs not
// of that kind, the one started last before it, though it ran on beside
// the new role (a librarian's branch job while her first UX contract
// began). The job that ended before the new role's own end, which
// "before that" gives, may be years earlier. False when no such job
// exists or first is undated.
func (x *Index) heldBefore(o *out, first *item, match func(string) bool, now time.Time) bool {
	if !first.dated {
		return false
	}
	start := first.per.From()
	var pick *item
	for _, it := range x.jobs {
		if !it.dated || it == first || match(it.role) || !it.per.From().Before(start) {
			continue
		}
		if pick == nil || it.per.From().After(pick.per.From()) {
			pick = it
		}
	}
	if pick == nil {
		return false
	}
	o.in = iPrev
	o.say("Before that, the profile lists %s%s.", pick.describe(), commaWhen(pick))
	if pick.per.Until(now).After(start) {
		o.say("It ran on beside %s%s.", first.roleAt(), first.span())
		o.citeItem(first)
	}
	o.citeItem(pick)
	o.focusOn(pick)
	return true
}

// becameFiller sits between "before" and a role: "before she became a CFO".
var becameFiller = setOf(`@p became become becoming was were got being a an the promoted to made`)

// postsByWord answers where she did a training post (residency,
// fellowship), or how many.
func (r *resolver) postsByWord() bool {
	q := r.q
	// a window ("in 2016") or a technology asks something narrower
	return !q.hasWin && len(q.techs) == 0 && r.x.postsByWord(r.o, q, r.now)
}

// affiliations answers "which hospitals is she affiliated with" with the
// posts she holds now: an affiliation is present tense, and the employers
// whose names merely share "hospital" include ended training posts.
func (r *resolver) affiliations() bool {
	x, o, q := r.x, r.o, r.q
	switch at(q.ts, 0) {
	case "what", "which", "where", "who":
	default:
		return false // "is she affiliated with Stanford" names its own entry
	}
	if q.hasWin || len(q.techs) > 0 || !hasAnyToken(q.ts, "affiliated", "affiliation", "affiliations") || hasAnyToken(q.ts, "was", "were", "did") {
		return false
	}
	for _, it := range x.jobs {
		if it.current(r.now) {
			o.in = iCurrent
			x.currentRole(o, r.now)
			return true
		}
	}
	return false
}

// linkOf answers "whats the link to the volvo one" with the url of the one
// entry named that lists one, not the entry's description.
func (r *resolver) linkOf() bool {
	x, o, q := r.x, r.o, r.q
	if !hasAnyToken(q.ts, "link", "url", "links") || q.hasWin {
		return false
	}
	var hit *item
	url := ""
	for _, it := range q.ents {
		if u := x.urlOf(it); u != "" && it != hit {
			if hit != nil {
				return false // two entries: the description says which is which
			}
			hit, url = it, u
		}
	}
	if hit == nil {
		return false
	}
	o.in = iMore
	o.say("The link for %s: %s.", nonBlank(hit.title, "it"), url)
	o.citeItem(hit)
	o.focusOn(hit)
	return true
}

// urlOf returns the url an entry lists, or "".
func (x *Index) urlOf(it *item) string {
	r := x.r
	switch it.sec {
	case secProjects:
		if it.idx < len(r.Projects) {
			return r.Projects[it.idx].URL
		}
	case secPublications:
		if it.idx < len(r.Publications) {
			return r.Publications[it.idx].URL
		}
	case secWork:
		if it.idx < len(r.Work) {
			return r.Work[it.idx].URL
		}
	case secVolunteer:
		if it.idx < len(r.Volunteer) {
			return r.Volunteer[it.idx].URL
		}
	case secEducation:
		if it.idx < len(r.Education) {
			return r.Education[it.idx].URL
		}
	case secCertificates:
		if it.idx < len(r.Certificates) {
			return r.Certificates[it.idx].URL
		}
	}
	return ""
}
