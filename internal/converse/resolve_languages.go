package converse

import "strings"

// Follow-ups about the spoken languages just listed: "which is her
// weakest?", "how good is the last one?".

// languageRank answers which language is strongest or weakest.
func (r *resolver) languageRank() bool {
	x, o, q := r.x, r.o, r.q
	// "which is her weakest?" after her languages
	if len(q.ents) == 0 && len(q.techs) == 0 && hasAnyToken(q.ts, "weakest", "worst", "strongest", "best") &&
		(q.scores[iLangs] > 0 || r.intentWas(iLangs)) && x.languageRank(o, hasAnyToken(q.ts, "weakest", "worst")) {
		return true
	}
	// "how good is the last one?" after her languages: a position in the
	// list just given, which may be only some of the profile's
	// (the state last: reading it makes the reply unfit for the answer cache)
	if len(q.ents) == 0 && len(q.techs) == 0 && q.lang == "" {
		i, ok := x.languageAt(q.ts, nil)
		if ok && r.intentWas(iLangs) && r.st.ListSection == secLanguages {
			// the languages the visitor just saw, when only some
			o.stateRead = true
			i, ok = x.languageAt(q.ts, r.st.List)
		}
		if ok && r.intentWas(iLangs) {
			l := x.r.Languages[i]
			o.in = iLangs
			if strings.TrimSpace(l.Fluency) == "" {
				o.say("%s speaks %s, but the profile doesn't say how well.", x.Who(), spokenName(l.Language))
			} else {
				o.say("%s speaks %s at a level the profile gives as %s.", x.Who(), spokenName(l.Language), fluency(l.Fluency))
			}
			o.cite(secLanguages, i, "")
			o.tech = normName(l.Language) // "how well?" next asks about it
			return true
		}
	}
	return false
}

// languageAt reads "the last one", "the second one", "the first" as a
// position in the list of spoken languages the visitor just saw: shown
// (indices into the profile's list) when a reply gave only some ("her
// native languages"), else the profile's whole list.
func (x *Index) languageAt(ts []string, shown []int) (int, bool) {
	pos, ok := 0, false
	for i, t := range ts {
		p, isOrd := ordinalWords[t]
		if isOrd && (at(ts, i+1) == "one" || at(ts, i-1) == "the" && i == len(ts)-1) {
			pos, ok = p, true
			break
		}
	}
	if !ok {
		return 0, false
	}
	var named []int
	for _, i := range shown {
		if i >= 0 && i < len(x.r.Languages) {
			named = append(named, i)
		}
	}
	if len(named) < 2 {
		named = named[:0]
		for i, l := range x.r.Languages {
			if strings.TrimSpace(l.Language) != "" {
				named = append(named, i)
			}
		}
	}
	if pos < 0 {
		pos += len(named)
	}
	if len(named) < 2 || pos < 0 || pos >= len(named) {
		return 0, false
	}
	return named[pos], true
}
