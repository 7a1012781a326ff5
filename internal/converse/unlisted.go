package converse

import "strings"

// What a visitor names that a section doesn't hold ("any Nobel prizes"),
// and the words that name none: the person's trade, clipped title words,
// asking verbs.

// mentionsWords reports whether every distinctive word of phrase appears
// somewhere in the profile's text (compared as stems).
func (x *Index) mentionsWords(phrase string) bool {
	for _, t := range tokens(phrase) {
		if len(t) < 3 || commonWords[t] {
			continue
		}
		if !x.words[stem(t)] {
			return false
		}
	}
	return true
}

// askVerbs are the verbs and adjectives of questions about awards and
// papers; they never name one.
var askVerbs = setOf(`given give gave gives receive received receives get got gotten earn earned earns hold holds
held attend attended present presented written wrote write author authored coauthored co-authored notable
important major biggest famous prestigious international national academic scientific peer reviewed
selected recent recently main key top significant relevant official professional technical`)

// clippedTitle reports whether t is the clipped compound visitors make of
// two words in a row of an entry's title: "hazmat" for "Hazardous
// Materials Technician", "sysadmin" for "System Administrator".
func (x *Index) clippedTitle(sec, t string) bool {
	if len(t) < 6 {
		return false
	}
	for _, it := range x.bySec[sec] {
		if titleClips(it.titleTokens(), t) {
			return true
		}
	}
	return false
}

// titleClips reports whether t clips two words in a row of ws, a title's
// tokens (an entry keeps them: titleTokens).
func titleClips(ws []string, t string) bool {
	for k := 0; k+1 < len(ws); k++ {
		if clippedPair(t, ws[k], ws[k+1]) {
			return true
		}
	}
	return false
}

// clippedPair reports whether t is a start of a (three letters or more)
// followed by a start of b (three letters or more).
func clippedPair(t, a, b string) bool {
	for n := 3; n <= len(a) && n+3 <= len(t); n++ {
		if t[:n] != a[:n] {
			return false
		}
		if rest := t[n:]; len(rest) <= len(b) && b[:len(rest)] == rest {
			return true
		}
	}
	return false
}

// unlisted says so when a question about awards, certificates or
// publications names one the section doesn't hold ("a Nobel prize"). Only
// distinctive words count: not cue words, names or everyday English.
func (x *Index) unlisted(o *out, q *query, sec string) {
	have := x.secWords[sec]
	if have == nil {
		return
	}
	ts := q.ts
	for i, t := range ts {
		if len(t) < 3 || commonWords[t] || personWords[t] || x.nameToks[t] || cueTable[t] != nil || cueTable[singular(t)] != nil ||
			offTopicTable[t] != nil && !q.third || !isAlphaWord(t) || have[stem(t)] || slang[t] != nil || askVerbs[t] ||
			sec == secProjects && x.words[stem(t)] || x.titleWord(t) || x.clippedTitle(sec, t) || x.joinsTwoWords(t) || // "has she launched a speaker": a project's description says so
			spokenLanguages[t] { // "a German certificate": its language, which a name in German ("Goethe-Zertifikat") need not say
			continue // "what coaching badges does he have": his trade (Head Coach), not a badge's name
		}
		// Only a thing the visitor names: after an article or before a
		// section word ("a Nobel prize", "AWS certified").
		prev, next := at(ts, i-1), at(ts, i+1)
		if (prev == "which" || prev == "what") && singular(t) != t {
			continue // "which states is he licensed in" asks for an attribute of the list, names no entry
		}
		topic := sec == secPublications && (prev == "about" || prev == "on" || prev == "regarding")
		class := at(ts, i-2) == "class" && len(prev) == 1 // "a class b cdl": the licence class stands for the article
		if prev != "a" && prev != "an" && prev != "the" && prev != "any" && !class && cueTable[next] == nil && cueTable[singular(next)] == nil && !topic {
			continue
		}
		// Quote the visitor's own spelling, from t on, up to three words.
		orig := tokenize(q.raw, false)
		for j, w := range orig {
			if strings.ToLower(w) != t {
				continue
			}
			phrase := []string{w}
			for _, n := range orig[j+1:] {
				if commonWords[strings.ToLower(n)] || len(phrase) == 3 {
					break
				}
				phrase = append(phrase, n)
			}
			if topic { // "papers about databases"
				o.say("None of %s publications and talks is about %s.", x.whose(), strings.Join(phrase, " "))
				return
			}
			if prev == "any" && singular(t) != t {
				// "has she won any trials": "any trials", not "a Trials"
				o.say("The profile doesn't list any %s among %s %s.", strings.Join(phrase, " "), x.whose(), pluralNoun(sectionNoun(sec)))
				return
			}
			o.say("The profile doesn't list %s among %s %s.", article(capital(strings.Join(phrase, " "))), x.whose(), pluralNoun(sectionNoun(sec)))
			return
		}
		return
	}
}

// titleWord reports whether t, as a stem, is a word of a job title: the
// person's trade, which qualifies a section word rather than naming an entry.
func (x *Index) titleWord(t string) bool {
	st := stem(t)
	for _, it := range x.jobs {
		for _, w := range tokens(it.role) {
			if stem(w) == st {
				return true
			}
		}
	}
	return false
}

// joinsTwoWords reports whether t is two words in a row of an entry's
// name or a project's entity written as one ("defcon" for "DEF CON 31"):
// the visitor names something the profile holds, spelt another way.
func (x *Index) joinsTwoWords(t string) bool {
	pair := func(text string) bool {
		ws := tokens(text)
		for k := 0; k+1 < len(ws); k++ {
			if len(ws[k])+len(ws[k+1]) == len(t) && strings.HasPrefix(t, ws[k]) && strings.HasSuffix(t, ws[k+1]) {
				return true
			}
		}
		return false
	}
	for _, p := range x.r.Projects {
		if pair(p.Entity) || pair(p.Name) {
			return true
		}
	}
	for _, sec := range []string{secAwards, secCertificates, secPublications} {
		for _, it := range x.bySec[sec] {
			if pair(it.title) {
				return true
			}
		}
	}
	return false
}
