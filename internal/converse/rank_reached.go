package converse

import "strings"

// "What rank did he reach", "how high did she rise", "highest position she
// held": where a career climbed to. A uniform's rank in the titles
// (Lieutenant, then Captain) answers "rank" by the ladder of ranks, not by
// office words (a union's Vice-President is no higher rank than a fire
// captain). A sentence telling a promotion ("Promoted to Sergeant (E-5)")
// is quoted: first when the titles carry no rank or level at all, or the
// question names the job; after the most senior title otherwise. "Reach"
// here is no request for contact details.

// uniformRanks rank the titles of the forces and uniformed services.
var uniformRanks = map[string]int{
	"private": 1, "airman": 1, "seaman": 1, "constable": 1, "cadet": 1,
	"corporal": 2, "specialist": 2, "petty": 2,
	"sergeant": 3, "sgt": 3,
	"warrant": 4, "ensign": 4,
	"lieutenant": 5, "lt": 5,
	"captain": 6, "capt": 6,
	"major":   7,
	"colonel": 8, "col": 8, "superintendent": 8,
	"brigadier": 9, "commodore": 9, "chief": 9,
	"general": 10, "admiral": 10,
}

// mateRanks rank a ship's (or an aircraft's) officers below its Master or
// Captain, as whole parts of a title.
var mateRanks = map[string]int{" third officer ": 4, " second officer ": 4, " third mate ": 4, " second mate ": 4,
	" first officer ": 5, " chief officer ": 5, " chief mate ": 5, " first mate ": 5}

// rankNouns and rankVerbs make "what rank did he reach", "which position
// did she rise to".
var (
	rankNouns = setOf(`rank ranks position title`)
	rankVerbs = setOf(`reach reached rise rose risen attain attained achieve achieved climb climbed make made`)
)

// asksRankReached reports a question after where a career climbed to.
func asksRankReached(ts []string) bool {
	if asksMostSenior(ts) {
		return true
	}
	switch at(ts, 0) {
	case "what", "which", "whats":
		return hasAnyTokenIn(ts[1:min(3, len(ts))], rankNouns) && hasAnyTokenIn(ts, rankVerbs)
	case "how":
		return (at(ts, 1) == "high" || at(ts, 1) == "far") && hasAnyToken(ts, "rise", "rose", "risen", "climb", "climbed", "get", "got", "go", "went", "make", "made")
	}
	return false
}

// uniformRank is the highest uniform rank a title holds, 0 for none. A
// rank word counts closing a part of the title ("Company Commander,
// Captain", "Staff Sergeant", "Sergeant (E-5)"), not opening an office
// ("General Manager", "Chief Officer", "Major Accounts").
func uniformRank(title string) int {
	best := 0
	for _, part := range strings.FieldsFunc(title, func(r rune) bool { return strings.ContainsRune(",()–|/;", r) }) {
		ts := tokens(part)
		if len(ts) == 0 {
			continue
		}
		best = max(best, uniformRanks[ts[len(ts)-1]], mateRanks[joinTokens(ts)])
		if n := len(ts); ts[n-1] == "master" && shipMasterAt(ts, n-1) {
			best = max(best, uniformRanks["captain"]) // a ship's Master is its captain
		}
	}
	return best
}

// saysRank reports a sentence naming a uniform rank: "Promoted to Sergeant".
func saysRank(sns []*snippet) bool {
	for _, sn := range sns {
		for _, t := range sn.toks {
			if uniformRanks[t] > 0 {
				return true
			}
		}
	}
	return false
}

// rankReached answers asksRankReached from the jobs asked (or all jobs).
func (r *resolver) rankReached() bool {
	x, o, q := r.x, r.o, r.q
	if !q.person && len(q.ents) == 0 || len(q.techs) > 0 || q.hasWin || !asksRankReached(q.ts) {
		return false
	}
	jobs := x.sorted(secWork)
	if len(q.ents) > 0 {
		jobs = nil
		for _, e := range q.ents {
			if e.sec == secWork {
				jobs = append(jobs, e)
			}
		}
		if len(jobs) == 0 {
			return false
		}
	}
	promos := x.promotedSentences(jobs, len(q.ents) == 0)
	var top *item // the highest uniform rank, the most recent of equals
	for _, it := range jobs {
		if u := uniformRank(it.role); u > 0 && (top == nil || u > uniformRank(top.role)) {
			top = it
		}
	}
	ranked := false // some title carries a level (Senior, Director...)
	for _, it := range jobs {
		ranked = ranked || it.role != "" && titleRank(it.role) != 3
	}
	if top != nil && uniformRank(top.role) < uniformRanks["sergeant"] && len(jobs) > 1 {
		top = nil // a cadet or a private is where a career began, no rank it reached
	}
	switch {
	case top != nil:
		o.in = iWork
		o.say("The highest rank in %s profile is %s%s.", x.whose(), top.roleAt(), top.span())
		o.citeItem(top)
		o.focusOn(top)
	case len(promos) > 0 && (len(q.ents) > 0 || !ranked || hasAnyToken(q.ts, "rank", "ranks") && saysRank(promos)):
		o.in = iWork
		return x.quoteSentences(o, "The profile says:", promos)
	case len(q.ents) == 0 && x.mostSenior(o):
	default:
		return false
	}
	if len(promos) > 0 {
		x.quoteSentences(o, "The profile also says:", promos)
	}
	return true
}

// promotedSentences are the sentences of the jobs (and of the summary,
// with basics) telling a promotion of the person: "Promoted to Sergeant
// (E-5)", "Promoted from SDR after nine months"; not a team's "Promotion
// to La Liga".
func (x *Index) promotedSentences(jobs []*item, basics bool) []*snippet {
	var sns []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		switch {
		case sn.cite.Section == secBasics && basics:
		case sn.cite.Section == secWork && jobIndexIn(jobs, sn.cite.Index):
		default:
			continue
		}
		if hasAnyToken(sn.toks, "promoted") && !strings.Contains(" "+joinTokens(sn.toks)+" ", " promoted times ") {
			sns = append(sns, sn)
		}
	}
	return firstSnippets(sns, 3)
}

// jobIndexIn reports a work entry of index i among jobs.
func jobIndexIn(jobs []*item, i int) bool {
	for _, it := range jobs {
		if it.sec == secWork && it.idx == i {
			return true
		}
	}
	return false
}
