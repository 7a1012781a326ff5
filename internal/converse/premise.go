package converse

import (
	"slices"
	"strings"
)

// False premises: a question that takes for granted what the profile does
// not say ("why did she leave Google" of someone who never worked there,
// "what did she do at Quillmark in 2020" of someone who joined in 2023,
// "when did he get his PhD" of someone with none). Answering the rest of
// the question would confirm the premise; the reply says first that the
// profile doesn't, then what it does say.

// outsideTenure answers a named employer asked about in a time window
// none of its jobs overlaps: when the person joined or left it, then what
// the profile lists for the window.
func (r *resolver) outsideTenure() bool {
	x, o, q := r.x, r.o, r.q
	if !q.hasWin || q.win.Current || len(q.ents) == 0 || !q.byName || len(q.techs) > 0 {
		return false
	}
	title := ""
	for _, e := range q.ents {
		if e.sec != secWork || !e.dated || e.title == "" || title != "" && e.title != title {
			return false // several employers, or undated: nothing to set the window against
		}
		title = e.title
	}
	var first, last *item
	for i := range x.work {
		it := &x.work[i]
		if it.title != title {
			continue
		}
		if !it.dated || it.inWindow(q.win, r.now) {
			return false
		}
		if first == nil || it.per.From().Before(first.per.From()) {
			first = it
		}
		if last == nil || !it.per.End.End().Before(last.per.End.End()) {
			last = it
		}
	}
	from, _ := q.win.Bounds(r.now)
	phrase := q.win.Phrase()
	o.in = iEmployer
	if !from.IsZero() && from.Before(first.per.From()) {
		o.say("The profile doesn't place %s at %s %s: %s joined %s in %s.", x.who(), title, phrase, x.who(), title, fmtDate(first.per.Start))
		o.citeItem(first)
	} else {
		o.say("The profile doesn't place %s at %s %s: %s left %s in %s.", x.who(), title, phrase, x.who(), title, fmtDate(last.per.End))
		o.citeItem(last)
	}
	var then []string
	var cited []*item
	for _, sec := range []string{secWork, secEducation} {
		for _, it := range x.sorted(sec) {
			if it.title != title && it.inWindow(q.win, r.now) {
				then = append(then, it.roleAt()+it.span())
				cited = append(cited, it)
				o.citeItem(it)
			}
		}
	}
	if len(then) > 0 {
		o.say("%s, the profile lists: %s.", capital(phrase), list(then))
		o.focusOn(cited...)
	} else {
		o.focusOn(first)
	}
	return true
}

// leaveVerbs take an employer as their object: "why did she leave X",
// "when did he join X".
var leaveVerbs = setOf(`leave left leaving quit quitting join joined joining resign resigned`)

// absentEmployer answers "why did she leave Google", "when did he join
// Delta" when no entry of the profile has a word of the name asked about:
// the profile doesn't mention it, and the jobs it does list.
func (r *resolver) absentEmployer() bool {
	x, o, q := r.x, r.o, r.q
	if !q.person || len(q.techs) > 0 || q.inPlace || len(x.work) == 0 {
		return false
	}
	name, foreign := "", false
	for i, t := range q.ts {
		if !leaveVerbs[t] {
			continue
		}
		j := i + 1
		if at(q.ts, j) == "the" {
			j++
		}
		n, f := x.unknownName(q.ts[j:])
		if len(n) == 0 {
			// "leave jenner & block for kirkland": past the employer left, the one joined
			for k := j; k < len(q.ts); k++ {
				if q.ts[k] == "for" || q.ts[k] == "to" {
					n, f = x.unknownName(q.ts[k+1:])
					break
				}
			}
		}
		if len(n) > 0 && (f || !x.inSentences(n)) {
			// "why did he quit the IBEW" of a member: a word of the profile's
			// sentences is no absent employer
			name, foreign = x.visitorSpelling(q.raw, n), f || len(n) > 1 // a phrase in no sentence is not mentioned
		}
		break
	}
	if name == "" {
		return false
	}
	o.in = iWork
	if foreign {
		o.say("The profile doesn't mention %s.", name)
	} else {
		o.say("The profile doesn't list a job at %s.", name) // "Google" of a Google Scholar link
	}
	x.workHistory(o, nil, r.now)
	o.in = iWork
	return true
}

// unknownName returns the leading words of ts that make a name no entry
// of the profile carries ("delta", "state department", "el bulli") and
// whether one of them is foreign to the profile (so the name is too); nil when a word is
// the person, a word of an entry's name or place, or when none reads as a
// name ("teaching", "there", "her job").
func (x *Index) unknownName(ts []string) ([]string, bool) {
	n := 0
	for n < len(ts) && n < 4 {
		t := ts[n]
		if t == "@p" || !isAlphaWord(t) || searchStop[t] && !nameArticles[t] || askVerbs[t] || nameStops[t] {
			break
		}
		n++
	}
	if n == 0 || nameArticles[ts[n-1]] || sectorWords[ts[n-1]] {
		return nil, false // "leave the software industry": a field, not an employer
	}
	foreign := false
	for _, t := range ts[:n] {
		if x.nameToks[t] || x.entryNameWord(t) || n > 1 && commonWords[t] && !nameArticles[t] {
			return nil, false
		}
		foreign = foreign || foreignNameWord(x, t)
	}
	// one word must read as a name ("delta", not "teaching"); several
	// ("state department") are one when no entry has them
	if n == 1 && !foreign && nameWord(ts[0]) == "" {
		return nil, false
	}
	return ts[:n], foreign
}

// nameStops end a name after a verb of leaving: "leave X for Y", "join X in 2019".
var nameStops = setOf(`for to in on at after before and or because so when since`)

// nameArticles begin names in other languages: "El Bulli", "La Mar".
var nameArticles = setOf(`el la le los las les il`)

// foreignNameWord reports a word nowhere in the profile, which names
// something the profile lacks whatever else the word means.
func foreignNameWord(x *Index, t string) bool {
	return len(t) >= 3 && !x.words[stem(t)]
}

// entryNameWord reports whether t is a distinctive word of the name of a
// job, studies, volunteering or project: the places one leaves or joins.
func (x *Index) entryNameWord(t string) bool {
	for _, list := range [][]item{x.work, x.education, x.volunteer, x.projects} {
		for i := range list {
			for _, k := range list[i].keys {
				if fuzzyEq(t, k) { // "quilmark" is Quillmark misspelt
					return true
				}
			}
		}
	}
	return false
}

// inSentences reports whether the words ts, in a row, are in a sentence
// of the profile.
func (x *Index) inSentences(ts []string) bool {
	for i := range x.snippets {
		toks := x.snippets[i].toks
		for j := range toks {
			if j+len(ts) <= len(toks) && slices.Equal(toks[j:j+len(ts)], ts) {
				return true
			}
		}
	}
	return false
}

// degreeAsked reports a degree taken for granted: "her MBA", "his PhD in
// education", "when did he get his engineering degree".
func degreeAsked(ts []string) bool {
	for i := 1; i < len(ts); i++ {
		p, t := ts[i-1], ts[i]
		if p != "@p" && !(p == "an" && t == "md") && (p != "a" && p != "an" || abbrevDegrees[strings.ReplaceAll(t, ".", "")] == 0) {
			continue // the person's own degree: "her MBA"; tested first, it is cheap
		}
		if _, ok := askedDegreeAt(ts, i); ok || t == "md" || fieldDegrees[t] && at(ts, i+1) == "degree" {
			return true
		}
	}
	return false
}

// degreeUnheld answers a degree taken for granted that no entry is: the
// profile doesn't list it, and the highest degree it does.
func (r *resolver) degreeUnheld() bool {
	q := r.q
	if len(q.ents) > 0 || len(q.techs) > 0 || !degreeAsked(q.ts) {
		return false
	}
	return r.x.missingDegree(r.o, q.ts, r.now, false)
}

// licenceElsewhere answers "is she licensed in New York" of someone whose
// licences name other places: the certificate the word "licensed" finds
// is no yes. The licences for the place asked, else that none is listed
// and the ones there are.
func (r *resolver) licenceElsewhere() bool {
	x, o, q := r.x, r.o, r.q
	if !q.inPlace || q.place.outside || q.hasWin || len(x.certificates) == 0 || !onlyIn(q.ents, secCertificates) || !yesNoQuestion(q.ts) && !claimAsked(q.ts) ||
		!licenceWords.anyIn(q.ts) && !hasAnyToken(q.ts, "admitted", "certified", "accredited") {
		return false
	}
	o.in = iCerts
	if x.certsInPlace(o, q.place) {
		return true
	}
	var parts []string
	var held []*item
	for _, it := range x.sorted(secCertificates) {
		low := strings.ToLower(it.title)
		if slices.Contains(q.ents, it) || strings.Contains(low, "licen") || strings.Contains(low, "registered") || titleAsked(low, q.ts) {
			parts = append(parts, it.listEntry()+it.span())
			held = append(held, it)
			o.citeItem(it)
		}
	}
	if len(parts) > 0 {
		o.say("The ones it lists: %s.", list(parts))
		o.focusOn(held...)
	}
	return true
}

// titleAsked reports whether a certificate's title (lower case) has the
// verb the question asks with: "admitted" of "Admitted to the Illinois Bar".
func titleAsked(low string, ts []string) bool {
	for _, w := range [...]string{"admitted", "certified", "accredited"} {
		if hasAnyToken(ts, w) && strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// claimAsked reports a statement put for confirmation: "she's licensed in
// Iowa, right?", "confirm he has a PhD".
func claimAsked(ts []string) bool {
	if at(ts, 0) == "confirm" {
		return true
	}
	if at(ts, 0) != "@p" {
		return false
	}
	switch ts[len(ts)-1] {
	case "right", "correct", "yeah", "yes", "true", "no", "innit":
		return true
	case "it", "@p", "they":
		// "her restaurant is vegan, isn't it?", "she takes medicaid, doesn't she?"
		switch at(ts, len(ts)-2) {
		case "isn", "doesn", "didn", "wasn", "aren", "hasn", "weren", "haven":
			return true
		}
	}
	return false
}

// schoolAskWords ask about studies or training at a place.
var schoolAskWords = setOf(`study studied studying graduate graduated graduating degree phd doctorate masters master bachelors mba residency fellowship attend attended school major majored train trained training`)

// absentSchool answers "what did he study at Harvard Law", "when did she
// graduate from Le Cordon Bleu" when no entry's name has the words of the
// place asked: the profile doesn't list it, and the studies it does.
func (r *resolver) absentSchool() bool {
	x, o, q := r.x, r.o, r.q
	if !q.person || len(q.techs) > 0 || len(x.education) == 0 || !hasAnyToken(q.ts, "at", "from") || !hasAnyTokenIn(q.ts, schoolAskWords) {
		return false
	}
	for i, t := range q.ts {
		if t != "at" && t != "from" {
			continue
		}
		j := i + 1
		switch at(q.ts, j) {
		case "the":
			j++
		case "a", "an", "any":
			return false // "at a medical school": a kind of place, not a name
		}
		if timeAfterAt[at(q.ts, j)] {
			continue // "studying anything at the moment": a time, not a school
		}
		k := j
		for k < len(q.ts) && k < j+5 && (isAlphaWord(q.ts[k]) && !nameStops[q.ts[k]] && q.ts[k] != "about" && q.ts[k] != "@p" || q.ts[k] == "of" && k > j) {
			k++
		}
		name := q.ts[j:k]
		if len(name) == 0 || !x.placeAbsent(name) {
			return false
		}
		spelled := nameCase(x.visitorSpelling(q.raw, name))
		o.in = iEducation
		if x.anyForeign(name) {
			o.say("The profile doesn't mention %s.", spelled)
		} else {
			o.say("The profile doesn't list %s among %s studies.", spelled, x.whose())
		}
		x.listSection(o, secEducation, nil, r.now)
		o.in = iEducation
		return true
	}
	return false
}

// placeAbsent reports whether no job, study or volunteering has the
// distinctive words of name (misspelt or not), nor its initials: "harvard
// law" of a Michigan law school, not "michigan law".
func (x *Index) placeAbsent(name []string) bool {
	var words []string
	distinct := false
	for _, t := range name {
		if t == "of" || t == "the" || nameArticles[t] {
			continue
		}
		if x.nameToks[t] || x.acros[t] || personWords[t] {
			return false
		}
		words = append(words, t)
		distinct = distinct || !commonWords[t] && cueTable[t] == nil && !genericNameWords[t] && len(t) >= 3
	}
	if !distinct {
		return false // "at university", "at the school": no name
	}
	for _, list := range [][]item{x.work, x.education, x.volunteer} {
		for i := range list {
			toks := tokens(list[i].title)
			all := true
			for _, w := range words {
				found := false
				for _, t := range toks {
					if fuzzyEq(w, t) {
						found = true
						break
					}
				}
				if !found {
					all = false
					break
				}
			}
			if all {
				return false
			}
		}
	}
	return true
}

// anyForeign reports whether a word of ts is nowhere in the profile.
func (x *Index) anyForeign(ts []string) bool {
	for _, t := range ts {
		if !nameArticles[t] && t != "of" && foreignNameWord(x, t) {
			return true
		}
	}
	return false
}

// nameCase writes a name's short words as names do: "University of
// Minnesota", "UC Davis".
func nameCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		switch l := strings.ToLower(w); {
		case i > 0 && (l == "of" || l == "the" || l == "and" || l == "de" || l == "du"):
			f[i] = l
		case len(w) <= 3 && !strings.ContainsAny(l, "aeiou"), len(w) == 2:
			f[i] = strings.ToUpper(w)
		}
	}
	return strings.Join(f, " ")
}

// awardsThereAre follows "no awards in 2019" with the few awards there
// are, so that "which award did he win in 2019" leaves no premise standing.
func awardsThereAre(o *out, all []*item) {
	if len(all) == 0 || len(all) > 6 {
		return
	}
	parts := make([]string, len(all))
	for i, it := range all {
		parts[i] = it.listEntry() + it.span()
		o.citeItem(it)
	}
	o.say("The ones it lists: %s.", list(parts))
}
