package converse

import (
	"strings"
	"time"
)

// "What's her restaurant called", "does she have her own practice": the
// place a person works at or owns, named by what visitors call it.

// orgNouns are what visitors call the place a person works or owns: "her
// restaurant", "his company".
var orgNouns = setOf(`restaurant company business firm shop store studio agency startup practice bakery cafe bar clinic salon brand label employer venue`)

// asksOwnOrg returns the noun of "what's her restaurant called", "the
// name of his company", or "".
func asksOwnOrg(q *query) string {
	for i, t := range q.ts {
		// "does she have her own practice", "does he run his own shop":
		// "own" asks about a business of hers, whatever else the noun names;
		// "before starting his own company" and "when did she open her own
		// clinic" ask about a time, not the business
		if t == "@p" && at(q.ts, i+1) == "own" && orgNouns[at(q.ts, i+2)] && !hasAnyToken(q.ts[:i], ownTimeWords...) {
			return q.ts[i+2]
		}
	}
	if i := runsOrg(q.ts); i > 0 {
		return q.ts[i] // "has he ever run a business"
	}
	if !hasAnyToken(q.ts, "called", "name", "named", "what", "which") {
		return ""
	}
	for i, t := range q.ts {
		if t == "@p" && orgNouns[at(q.ts, i+1)] {
			return q.ts[i+1]
		}
	}
	return ""
}

// ownTimeWords before "her own X" ask when she set it up, or what came
// before or after it.
var ownTimeWords = []string{"before", "after", "since", "until", "when", "long", "while", "start", "started", "starting",
	"open", "opened", "opening", "found", "founded", "founding", "set", "setting", "launch", "launched", "year"}

// asksOwn reports "her own practice": a business she runs, so a current
// job whose title is not an owner's does not answer it.
func asksOwn(q *query) bool {
	if runsOrg(q.ts) > 0 {
		return true
	}
	for i, t := range q.ts {
		if t == "@p" && at(q.ts, i+1) == "own" {
			return true
		}
	}
	return false
}

// ownOrg answers "what's her restaurant called": the current job whose
// words name that kind of place (else the only current job).
func (x *Index) ownOrg(o *out, noun string, own, yesNo bool, now time.Time) bool {
	var cur, named []*item
	st := stem(noun)
	for _, it := range x.sorted(secWork) {
		if !it.current(now) || own && !ownerTitle(it.role) {
			continue
		}
		cur = append(cur, it)
		w := x.r.Work[it.idx]
		for _, t := range tokens(w.Position + " " + w.Summary + " " + w.Name) {
			if stem(t) == st {
				named = append(named, it)
				break
			}
		}
	}
	if len(named) == 0 {
		named = cur
	}
	if len(named) != 1 {
		return false
	}
	it := named[0]
	o.in = iEmployer
	if yesNo {
		o.say("Yes.")
	}
	if it.role != "" {
		o.say("%s %s is %s, where %s works as %s%s.", capital(x.whose()), noun, it.title, x.who(), it.role, it.span())
	} else {
		o.say("%s %s is %s%s.", capital(x.whose()), noun, it.title, it.span())
	}
	o.citeItem(it)
	o.focusOn(it)
	return true
}

// ownedThing answers "did he own his own truck": the one owner's job, at
// any time, whose words name the thing ("Cárdenas Trucking", "sold the
// truck"), with the sentence that does.
func (x *Index) ownedThing(o *out, q *query, now time.Time) bool {
	noun := ""
	for i, t := range q.ts {
		// "did he own his own truck": the noun after the last "his own"
		if t == "@p" && at(q.ts, i+1) == "own" && at(q.ts, i+2) != "@p" && !hasAnyToken(q.ts[:i], ownTimeWords...) {
			noun = at(q.ts, i+2)
			break
		}
	}
	if len(noun) < 3 || orgNouns[noun] || searchStop[noun] || cueTable[noun] != nil {
		// "her own practice": the current business, answered by ownOrg
		return false
	}
	st := stem(noun)
	var found *item
	for _, it := range x.sorted(secWork) {
		if !ownerTitle(it.role) {
			continue
		}
		w := x.r.Work[it.idx]
		for _, t := range tokens(w.Position + " " + w.Summary + " " + w.Name) {
			if stem(t) == st {
				if found != nil {
					return false // two of them: the lists answer it
				}
				found = it
				break
			}
		}
	}
	if found == nil {
		return false
	}
	o.in = iEmployer
	if yesNoQuestion(q.ts) {
		o.say("Yes.")
	}
	o.asked = []string{st}
	x.entryDetail(o, found, false, now)
	return true
}

// ownPlaceForNoun narrows ents to the current job that "her practice",
// "his shop" names when every entry found was found only by that noun in
// a title ("General Practice Resident" of a residency long past): the
// place she works at now, whose own words call it that.
func (x *Index) ownPlaceForNoun(q *query, now time.Time) []*item {
	noun := ""
	for i, t := range q.ts {
		if t == "@p" && orgNouns[at(q.ts, i+1)] {
			noun = q.ts[i+1]
			break
		}
	}
	if noun == "" {
		return q.ents
	}
	pad := " " + noun + " "
	for _, e := range q.ents {
		if !strings.Contains(e.norm, pad) && !strings.Contains(joinTokens(tokens(e.role)), pad) {
			return q.ents // an entry named otherwise ("her practice at Park")
		}
	}
	st := stem(noun)
	var found *item
	for _, it := range x.sorted(secWork) {
		if !it.current(now) {
			continue
		}
		w := x.r.Work[it.idx]
		for _, t := range tokens(w.Position + " " + w.Summary + " " + w.Name) {
			if stem(t) == st {
				if found != nil && found != it {
					return q.ents // two of them: the entries found answer it
				}
				found = it
				break
			}
		}
	}
	if found == nil {
		return q.ents
	}
	return []*item{found}
}

// runsOrg is where the noun of "run a business", "owned a shop" stands in
// ts: running or owning one is having one's own; 0 when ts says neither.
func runsOrg(ts []string) int {
	for i, t := range ts {
		switch t {
		case "run", "ran", "runs", "running", "own", "owned", "owns", "owning":
			if a := at(ts, i+1); (a == "a" || a == "an") && orgNouns[at(ts, i+2)] {
				return i + 2
			}
		}
	}
	return 0
}
