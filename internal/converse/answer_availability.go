// Availability and career gaps: what a profile says of the time after and
// between jobs.

package converse

import (
	"sort"
	"strings"
	"time"
)

// englishAvailabilityMarkers are phrases with which a summary says the
// person is looking for work.
var englishAvailabilityMarkers = []string{"looking for", "open to", "seeking", "available for", "available to",
	"interested in new", "for hire", "actively", "job search", "next role", "next opportunity", "new opportunities", "new role",
	// a freelancer's way of saying it: "I take on contract work for startups"
	// ("taking on" alone would read "I love taking on hard problems" as a job search)
	"take on freelance", "take on contract", "take on new", "taking on new", "taking on freelance", "taking on contract",
	"contract work", "freelance work", "accepting new", "new clients", "for new projects",
	// "Looking to move into an onshore role": a move she wants, said with
	// "to" ("looking to hire" would be her employer's search, not hers)
	"looking to move", "looking to join", "looking to step", "looking to transition", "looking to return",
	// "I am not currently seeing clients": a clinician's answer, yes or no
	"seeing clients", "seeing patients", "seeing new",
	// "Not interested in e-commerce roles": the work she would not take
	// answers "would she take an e-commerce job" as well as a search does
	"not interested in", "not looking",
	// "I am available from September 2025": when she could start
	"available from", "available immediately", "available now", "notice period", "can start"}

// availabilityMarkers are those, in English and the other languages, and
// "" last for takesWork.
var availabilityMarkers = append(append(englishAvailabilityMarkers, foreignAvailabilityMarkers...), "")

// startTopics are words with which a profile would say when the person
// could start.
var startTopics = setOf(`notice immediately immediate`)

// startPhrases say it in the label or summary: "available from September".
var startPhrases = []string{"available from", "available in", "available now", "available after", "can start", "could start",
	"start date", "start in", "start from", "starting in", "starting from", "free from", "from next"}

// saysStart reports whether the label or summary says when the person
// could start.
func (x *Index) saysStart() bool {
	low := strings.ToLower(x.r.Basics.Label + " \n " + x.r.Basics.Summary)
	for _, p := range startPhrases {
		if strings.Contains(low, p) {
			return true
		}
	}
	// "roles starting summer 2026", "beginning January": a word of
	// starting right before a time
	ts := tokens(low)
	for i, t := range ts {
		if startVerbs[t] && (startTimeWords[at(ts, i+1)] || len(at(ts, i+1)) == 4 && isDigits(at(ts, i+1))) {
			return true
		}
	}
	return false
}

var (
	startVerbs     = setOf(`start starting begin beginning available`)
	startTimeWords = setOf(`spring summer autumn fall winter early mid late next january february march april may june july august september october november december`)
)

// startAsked reports a question about when the person could start: "what's
// her notice period", "when could he start", "how soon can she join".
func startAsked(ts []string) bool {
	if hasAnyToken(ts, "notice") {
		return true
	}
	return hasAnyToken(ts, "start", "begin", "join") && (hasAnyToken(ts, "when", "earliest") || at(ts, 0) == "how" && at(ts, 1) == "soon")
}

// takesWork reports "and take short consulting contracts": a verb of taking
// with paid work after it, some words apart, as a freelancer says it.
func takesWork(low string) bool {
	i := -1
	for _, v := range []string{" take ", " takes ", " taking "} {
		if j := strings.Index(" "+low, v); j >= 0 && (i < 0 || j < i) {
			i = j
		}
	}
	if i < 0 {
		return false
	}
	rest := (" " + low)[i:]
	for _, w := range []string{" contracts", " consulting", " freelance", " clients", " commissions"} {
		if strings.Contains(rest, w) {
			return true
		}
	}
	return false
}

// availability answers "is she open to work": only what the profile's own
// words say, never a guess.
func (x *Index) availability(o *out, q *query, now time.Time) {
	o.in = iAvailability
	b := x.r.Basics
	if hasAnyTokenIn(q.ts, payWords) && !x.mentionsAny(payTopics) {
		// "what salary is she after": the pay, which the profile leaves
		// out, before what she is looking for
		o.say("The profile doesn't mention %s salary expectations.", x.whose())
	}
	if startAsked(q.ts) && !x.mentionsAny(startTopics) && !x.saysStart() {
		// "what's her notice period": that it is not given comes first,
		// then what the profile does say of her search
		o.say("The profile doesn't give a notice period or a date %s could start.", x.who())
	}
	// Every sentence that says it: "I am not seeing clients. Looking to
	// join a health team." answers "is she looking" with both.
	var said []string
	for _, f := range []struct{ field, text string }{{"label", b.Label}, {"summary", b.Summary}} {
		for _, s := range splitSentences(f.text) {
			low := strings.ToLower(s)
			for _, mk := range availabilityMarkers {
				if mk != "" && strings.Contains(low, mk) || mk == "" && takesWork(low) {
					said = append(said, "“"+sentence(s)+"”")
					o.cite(secBasics, 0, f.field)
					break
				}
			}
		}
	}
	if len(said) > 0 {
		o.say("%s profile says: %s", capital(x.whose()), strings.Join(said, " "))
		x.hireHowContact(o, q.ts)
		return
	}
	if x.unsaidOffer(o, q) {
		return
	}
	o.say("The profile doesn't say whether %s is looking for a new role.", x.who())
	x.nowInstead(o, now)
	if c := x.r.Basics.Email; c != "" {
		o.say("You could ask at %s.", c)
		o.cite(secBasics, 0, "email")
	}
}

// gaps answers "was there a gap in her career": stretches of six months or
// more between the dated jobs (overlaps merged), and since the last job
// when none is current.
func (x *Index) gaps(o *out, now time.Time) {
	o.in = iGaps
	x.listedBreaks(o)
	type span struct {
		from, to time.Time
		first    *item // the job that opens the stretch
		last     *item // the job that ends last in it
	}
	var spans []span
	for _, it := range x.sorted(secWork) {
		if it.dated && !x.sideTitle(it) {
			spans = append(spans, span{it.per.From(), it.per.Until(now), it, it})
		}
	}
	if len(spans) == 0 { // only side posts: they are the work history
		for _, it := range x.sorted(secWork) {
			if it.dated {
				spans = append(spans, span{it.per.From(), it.per.Until(now), it, it})
			}
		}
	}
	if len(spans) == 0 {
		if len(x.work) == 0 {
			x.noJobsListed(o)
		} else {
			o.say("The profile gives no dates for %s jobs, so it doesn't show gaps.", x.whose())
		}
		return
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from.Before(spans[j].from) })
	var found []string
	var holes [][2]time.Time // each gap's bounds, to look for what filled it
	cur := spans[0]
	for _, s := range spans[1:] {
		if monthsBetween(cur.to, s.from) >= 6 {
			holes = append(holes, [2]time.Time{cur.to, s.from})
			// how long each gap lasted: "how long was the gap"
			found = append(found, "from "+fmtDate(cur.last.per.End)+" (after "+cur.last.label()+") to "+fmtDate(s.first.per.Start)+" (when "+x.who()+" joined "+s.first.label()+"), "+roughly(monthsBetween(cur.to, s.from)))
			o.citeItem(cur.last)
			o.citeItem(s.first)
			cur = s
			continue
		}
		if s.to.After(cur.to) {
			cur.to, cur.last = s.to, s.first
		}
	}
	open := false
	for _, it := range x.sorted(secWork) {
		open = open || it.current(now)
	}
	if !open && monthsBetween(cur.to, now) >= 6 {
		found = append(found, "since "+fmtDate(cur.last.per.End)+", when "+x.whose()+" most recent job listed ("+cur.last.label()+") ended")
		holes = append(holes, [2]time.Time{cur.to, now})
		o.citeItem(cur.last)
	}
	if len(found) == 0 {
		o.say("The dated work history shows no gap of six months or more, from %d to %s.", spans[0].from.Year(), map[bool]string{true: "today", false: fmtDate(cur.last.per.End)}[open])
		return
	}
	o.say("The work history has %s: %s.", plural(len(found), "one gap of six months or more", "gaps of six months or more"), strings.Join(found, "; "))
	if !x.gapFillers(o, holes, now) {
		o.say("The profile doesn't say why.")
	}
}

// sideTitle reports a job whose title says it is part-time ("Co-maintainer
// (open source, part-time)"): held beside the main work, it fills no gap
// between main jobs. A job whose summary says it went part-time later
// (from 2020, while studying) is still a main job.
func (x *Index) sideTitle(it *item) bool {
	return it.sec == secWork && it.idx < len(x.r.Work) && containsAny(" "+strings.ToLower(x.r.Work[it.idx].Position), partTimeMarks)
}
