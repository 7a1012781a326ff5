package converse

import (
	"slices"
	"strings"
)

// Résumés list what happened, not why, and "why did he leave?" is answered
// that the profile doesn't say. But a profile sometimes does say, in one
// sentence holding the very verb asked and a word of cause ("Retired in
// 2019 after a second cruciate ligament injury"): then that sentence is
// the answer, and "doesn't say why" would be wrong.

// causeWords mark a sentence that gives a reason.
var causeWords = []string{"because", "after", "due", "following", "owing", "reason", "reasons"}

// careerMoveVerbs say one changed careers in other words: "why did she
// switch careers" is answered by "I moved into real estate because ...".
var careerMoveVerbs = setOf(`switch switched change changed move moved transition transitioned pivot pivoted`)

// leavingVerbs say one left a job in other words: "why did he stop working
// as a paramedic" is answered by "Left the road after a back injury".
var leavingVerbs = setOf(`leave leaves left leaving quit quits quitting stop stops stopped stopping`)

// whyAux are the words between "why" and the verb asked.
var whyAux = map[string]bool{"did": true, "does": true, "do": true, "is": true, "was": true, "has": true, "had": true,
	"would": true, "will": true, "are": true, "were": true, "@p": true, "he": true, "she": true, "they": true, "you": true,
	"his": true, "her": true, "their": true, "ever": true, "finally": true}

// statedReason quotes the profile's sentence that gives the reason asked
// by "why did he VERB", and reports whether it found one.
func (x *Index) statedReason(o *out, ts []string) bool {
	if hasAnyToken(ts, "gap", "gaps", "break") {
		// "why is there a gap in her cv": the summary's sentence of the
		// break ("I took a career break in 2015 to raise our children")
		for _, s := range splitSentences(x.r.Basics.Summary) {
			if namesBreak(s) {
				o.say("The profile says: “%s”.", strings.TrimRight(s, "."))
				o.cite(secBasics, 0, "summary")
				return true
			}
		}
	}
	verb, vi := "", 0
	for i, t := range ts[1:] {
		if !whyAux[t] && !x.nameToks[t] {
			verb, vi = t, i+1
			break
		}
	}
	if len(verb) < 4 {
		return false
	}
	vs := stem(verb)
	// "why did he move to canada": the summary's own sentence of that
	// move ("In 2013 I moved to Canada to become a harbour pilot") tells
	// why in a purpose, with no word of cause
	var objs []string
	for _, t := range ts[vi+1:] {
		if len(t) >= 4 && !searchStop[t] && !whyAux[t] {
			objs = append(objs, stem(t))
		}
	}
	own := false // the text tried is the summary
	try := func(text string) string {
		for _, s := range splitSentences(text) {
			st := tokens(s)
			if !hasAnyToken(st, causeWords...) && !(own && len(objs) > 0 && hasStemOrKinIn(st, objs)) {
				continue
			}
			for _, t := range st {
				if stem(t) == vs || careerMoveVerbs[verb] && careerMoveVerbs[t] || leavingVerbs[verb] && leavingVerbs[t] || pastForms[verb] != "" && pastForms[verb] == t {
					return s
				}
			}
		}
		return ""
	}
	own = true
	s := try(x.r.Basics.Summary)
	own = false
	if s != "" {
		o.say("The profile says: “%s”.", strings.TrimRight(s, "."))
		o.cite(secBasics, 0, "summary")
		return true
	}
	for _, it := range x.sorted(secWork) {
		w := x.r.Work[it.idx]
		for _, text := range append([]string{w.Summary}, w.Highlights...) {
			if s := try(text); s != "" {
				o.say("The profile says, of %s: “%s”.", it.roleAt(), strings.TrimRight(s, "."))
				o.citeItem(it)
				o.focusOn(it)
				return true
			}
		}
	}
	return false
}

// leftReason quotes, for "why did he leave there", the sentence that says
// how a job asked about ended: the summary's naming its employer ("I was
// laid off with a third of Kestrel Cloud"), else the job's own ("until
// the company's layoffs"). It reports whether it found one.
func (x *Index) leftReason(o *out, ts []string, jobs []*item) bool {
	if !hasAnyToken(ts, "leave", "left", "leaving", "quit", "stop", "stopped", "end", "ended") {
		return false
	}
	for _, it := range jobs {
		if it.sec != secWork || it.idx >= len(x.r.Work) {
			continue
		}
		var name []string
		for _, t := range tokens(it.label()) {
			if len(t) >= 4 && !commonWords[t] {
				name = append(name, t)
			}
		}
		for _, s := range splitSentences(x.r.Basics.Summary) {
			// "After Tilewright I took two years off to care for my father":
			// a break the summary starts at that employer is why it ended
			if st := tokens(s); (departs(st) || namesBreak(s)) && hasAnyToken(st, name...) {
				o.say("The profile says: “%s”.", strings.TrimRight(s, "."))
				o.cite(secBasics, 0, "summary")
				o.focusOn(it)
				return true
			}
		}
		w := x.r.Work[it.idx]
		for _, text := range append([]string{w.Summary}, w.Highlights...) {
			for _, s := range splitSentences(text) {
				if departs(tokens(s)) {
					o.say("The profile says, of %s: “%s”.", it.roleAt(), strings.TrimRight(s, "."))
					o.citeItem(it)
					o.focusOn(it)
					return true
				}
			}
		}
	}
	return false
}

// departs reports a sentence that says how a job ended. An event the job
// went on through ("during the 2020 closures", "through the closure and
// reopening") or one that did not happen ("without layoffs", "avoided
// redundancies") ended nothing.
func departs(st []string) bool {
	for i, t := range st {
		if t == "laid" && at(st, i+1) == "off" || hasPrefixAny(t, departureStems) && !livedThrough(st, i) {
			return true
		}
	}
	return false
}

// livedThrough reports a word of st[i]'s phrase that puts it inside the
// time of the job ("during", "through", "amid", "despite") or denies it
// ("without", "no", "avoided"), up to four words before it.
func livedThrough(st []string, i int) bool {
	for j := max(i-4, 0); j < i; j++ {
		switch st[j] {
		case "during", "through", "throughout", "amid", "amidst", "despite", "without", "no", "avoid", "avoided", "avoiding", "prevented":
			return true
		}
	}
	return false
}

// departureStems begin the words with which a résumé says a job ended.
var departureStems = []string{"layoff", "redundan", "resign", "bankrupt", "downsiz", "restructur", "closure", "insolven", "retire"}

// hasStemIn reports whether any of ts has one of the stems.
// pastForms are the irregular pasts of the verbs a why-question asks
// ("why did she leave academia" of "who left academic research").
var pastForms = map[string]string{"leave": "left", "go": "went", "take": "took", "choose": "chose", "begin": "began", "give": "gave"}

// hasStemOrKinIn is hasStemIn that also takes a word sharing the first six
// letters of a long stem: "academia" and "academic", "economy" and
// "economics" name one thing in a sentence that already has the verb.
func hasStemOrKinIn(ts, stems []string) bool {
	if hasStemIn(ts, stems) {
		return true
	}
	for _, t := range ts {
		for _, s := range stems {
			if len(s) >= 7 && len(t) >= 7 && t[:6] == s[:6] {
				return true
			}
		}
	}
	return false
}

func hasStemIn(ts, stems []string) bool {
	for _, t := range ts {
		if slices.Contains(stems, stem(t)) {
			return true
		}
	}
	return false
}
