package converse

import "strings"

// "Does she have a M.Sc.?", "an MSc", "his B.A.": a degree asked by its
// abbreviation, dotted or not, after an article or a possessive. Alone
// ("MA", "BA", "MS") the letters name states, titles and illnesses, so the
// article is what makes them a degree.

// abbrevDegrees are the abbreviations asked, by the level they stand at.
var abbrevDegrees = func() map[string]int {
	m := map[string]int{}
	for lvl, as := range map[int]string{5: `MSc MS MA MEng MPhil MRes MTech MCS MFA MPA MPP MPH LLM`,
		3: `BSc BS BA BEng BBA BFA LLB`, 6: `DPhil DSc`} {
		for _, a := range strings.Fields(as) {
			m[strings.ToLower(a)] = lvl
			abbrevSpelt[strings.ToLower(a)] = a
		}
	}
	return m
}()

// abbrevSpelt writes an abbreviation as résumés do ("MSc", "LLM").
var abbrevSpelt = map[string]string{}

// levelNames are the degrees of a level, as a reply names one missing.
var levelNames = map[int]string{3: "a bachelor's degree", 5: "a master's degree", 6: "a doctorate"}

// askedDegreeAt returns the degree ts[i] asks for: a word of askedDegrees,
// or an abbreviation after "a", "an" or the person ("@p"), whose letters
// the degree held must carry.
func askedDegreeAt(ts []string, i int) (askedDegree, bool) {
	if d, ok := askedDegrees[ts[i]]; ok {
		return d, true
	}
	a := strings.ReplaceAll(ts[i], ".", "")
	lvl, ok := abbrevDegrees[a]
	if !ok {
		return askedDegree{}, false
	}
	switch at(ts, i-1) {
	case "a", "an", "@p":
		return askedDegree{levelNames[lvl], lvl, a}, true
	}
	return askedDegree{}, false
}

// sameDegreeKind reports whether a study type is the abbreviation's kind
// of degree, written short ("M.Sc.", "MSc (Hons)") or out: each letter
// group the start of a word in turn, joining words aside ("Master of
// Science" an "MS" or an "MSc", "Master of Engineering" an "MEng").
func sameDegreeKind(studyType, abbr string) bool {
	ts := tokens(studyType)
	if len(ts) == 0 {
		return false
	}
	if short := strings.ReplaceAll(ts[0], ".", ""); len(short) <= 5 && strings.HasPrefix(short, abbr) {
		return true // written short: its first word is the abbreviation
	}
	var words []string
	for _, w := range tokens(strings.ReplaceAll(studyType, "-", " ")) {
		if !acronymJoiners[w] {
			words = append(words, w)
		}
	}
	return len(words) > 1 && spellsOut(abbr, words, 0)
}

// spellsOut reports whether abbr is made of a start of each of words,
// in turn from the first, over at least two of them.
func spellsOut(abbr string, words []string, used int) bool {
	if abbr == "" {
		return used >= 2
	}
	if len(words) == 0 {
		return false
	}
	w := words[0]
	for n := 1; n <= len(abbr) && n <= len(w); n++ {
		if abbr[:n] != w[:n] {
			break
		}
		if spellsOut(abbr[n:], words[1:], used+1) {
			return true
		}
	}
	return false
}

// otherOfLevel says the profile lists no degree of the kind asked ("an
// MSc"), naming those of the same level it does list ("an MFA in Acting").
func (x *Index) otherOfLevel(o *out, d askedDegree, other []*item) {
	parts := make([]string, len(other))
	for i, it := range other {
		parts[i] = article(it.describe()) + it.span()
		o.citeItem(it)
	}
	o.say("The profile doesn't list %s for %s; at that level it lists %s.", article(abbrevSpelt[d.word]), x.who(), list(parts))
	o.focusOn(other...)
}
