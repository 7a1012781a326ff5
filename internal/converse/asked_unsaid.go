package converse

import (
	"slices"
	"strings"
)

// Questions whose subject the profile names only in one place, or not at
// all, though another word of them points elsewhere: a thesis kept among
// a degree's courses, a visa asked with a place, a clearance asked with a
// word of a certificate's name.

// thesisAsked answers "what was her thesis on" from the courses line that
// names the thesis or dissertation (either word): "thesis" is a cue of
// studies, which would list the degrees instead.
func (r *resolver) thesisAsked() bool {
	x, o, q := r.x, r.o, r.q
	if !hasAnyToken(q.ts, "thesis", "dissertation", "theses", "dissertations") {
		return false
	}
	found := x.thesisSnippets(func(sec string) bool { return sec == secEducation })
	if len(found) == 0 {
		// a candidate's thesis told only in the summary or a research
		// job ("My thesis, ..., is about robots that fold cloth"): that
		// sentence, not the list of degrees
		// ("supervised four master's theses" is someone else's)
		found = x.thesisSnippets(func(sec string) bool { return sec != secEducation })
		found = slices.DeleteFunc(found, func(sn *snippet) bool {
			return slices.Contains(sn.toks, "theses") || slices.Contains(sn.toks, "dissertations")
		})
		if len(found) == 0 {
			return false
		}
		o.in = iEducation
		for _, sn := range found {
			o.mentions(sn)
		}
		return true
	}
	o.in = iEducation
	for _, sn := range found {
		o.mentions(sn)
	}
	if items := x.section(secEducation); found[0].cite.Index < len(items) {
		o.focusOn(&items[found[0].cite.Index])
	}
	return true
}

// thesisSnippets returns up to three sentences of the sections keep
// accepts that name a thesis or dissertation.
func (x *Index) thesisSnippets(keep func(sec string) bool) []*snippet {
	var found []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if !keep(sn.cite.Section) || len(found) == 3 {
			continue
		}
		for _, t := range sn.toks {
			if strings.HasPrefix(t, "thes") || strings.HasPrefix(t, "dissertation") {
				found = append(found, sn)
				break
			}
		}
	}
	return found
}

// statusUnsaid answers "does she need a visa to work in the UK": a legal
// status résumés leave out, whatever place or job the question also
// names, unless the profile itself speaks of it.
func (r *resolver) statusUnsaid() bool {
	x, o, q := r.x, r.o, r.q
	if !q.person {
		return false
	}
	for _, t := range q.ts {
		if statusWords[t] && !x.words[stem(t)] {
			o.in = iUnknown
			o.say("The profile doesn't mention %s visa or citizenship status.", x.whose())
			return true
		}
	}
	// "can he work in the US": a right to work there (or a wish to), which
	// a search for the country's name would answer with any sentence
	// holding "us". A city ("could she work in London") is left to the
	// location steps.
	if q.inPlace && !q.place.city && !q.place.outside && workThereAsked(q.ts) {
		o.in = iUnknown
		o.say("The profile doesn't mention %s visa or work-authorisation status, or whether %s would work in %s.", x.whose(), x.who(), q.place.name)
		if home := x.basedIn(); home != "" {
			o.say("%s is based in %s.", x.Who(), home)
			o.cite(secBasics, 0, "location")
		}
		return true
	}
	return false
}

// statusWords ask about a right to live or work in a country.
var statusWords = setOf(`visa visas citizenship citizen sponsorship sponsor authorised authorized authorisation authorization
eligible eligibility entitled permitted`)

// workThereAsked: "can he work in …", "could she legally work in …",
// "can they live and work in …" (the place itself is checked by the caller).
func workThereAsked(ts []string) bool {
	if len(ts) < 4 || ts[0] != "can" && ts[0] != "could" || ts[1] != "@p" {
		return false
	}
	i := 2
	if ts[i] == "legally" {
		i++
	}
	return ts[i] == "work" || ts[i] == "live"
}

// headUnsaid answers "does he have a security clearance" when the profile
// never uses the last word, the thing asked: the word before it
// ("security") names a certificate ("Certified Kubernetes Security
// Specialist"), which is no clearance.
func (r *resolver) headUnsaid() bool {
	x, o, q := r.x, r.o, r.q
	n := len(q.ts)
	if n < 4 || !yesNoQuestion(q.ts) || !q.person || len(q.ents) == 0 || len(q.techs) > 0 || q.lang != "" || q.hasWin {
		return false
	}
	last, prev := q.ts[n-1], q.ts[n-2]
	if !hasAnyToken(q.ts, "have", "has", "hold", "holds", "held", "got") && !strings.HasSuffix(last, "ed") {
		return false // "was he in the air force", "is she a member of X": a job or a membership, answered later
	}
	if len(last) < 5 || !isAlphaWord(last) || commonWords[last] || searchStop[last] || cueTable[last] != nil || cueTable[singular(last)] != nil ||
		x.words[stem(last)] || x.nameToks[last] || !wordOfNamed(q.ents, prev) || cueTable[prev] != nil {
		return false
	}
	// the visitor's own spelling of the two words
	orig := tokenize(q.raw, false)
	if len(orig) < 2 {
		return false
	}
	o.in = iUnknown
	phrase := strings.Join(orig[len(orig)-2:], " ")
	if strings.HasSuffix(last, "ed") { // "is he security cleared"
		o.say("The profile doesn't say %s is %s.", x.who(), phrase)
		return true
	}
	if strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && !strings.HasSuffix(last, "us") && !strings.HasSuffix(last, "is") {
		o.say("The profile doesn't mention any %s.", phrase) // "any video codecs", not "a video codecs"
		return true
	}
	o.say("The profile doesn't mention %s.", article(phrase))
	return true
}
