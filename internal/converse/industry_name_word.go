package converse

import "strings"

// industryNamedBesidesEmployers is industriesNamed over the question's
// tokens less the words of the employers it names, when such a word only
// starts like a sector's stem: "where did she work before Ledgerly" names
// an employer, not "ledger" and so finance. A word that is a stem or a
// stem's inflection ("Harbor Bank": "did she work at a bank", "Lantern
// Fox Games": "how long in games") or an everyday word still names its
// sector.
func industryNamedBesidesEmployers(q *query, named []industry, studies bool) []industry {
	if len(named) == 0 || len(q.ents) == 0 || !q.byName {
		return named
	}
	var ts []string
	dropped := false
	for _, t := range q.ts {
		if len(t) > 4 && !commonWords[t] && !isIndustryWordForm(t) && namesEmployerWord(q.ents, t) {
			dropped = true
			continue
		}
		ts = append(ts, t)
	}
	if !dropped {
		return named
	}
	return industriesNamed(ts, studies)
}

// namesEmployerWord reports whether t is a word of the name of one of the
// work entries in ents.
func namesEmployerWord(ents []*item, t string) bool {
	for _, it := range ents {
		if it.sec != secWork {
			continue
		}
		for _, w := range it.titleTokens() {
			if w == t {
				return true
			}
		}
	}
	return false
}

// stemEndings are the endings that keep a sector's stem an English word:
// "games", "banking", "insurance", "medical".
var stemEndings = setOf(`s es e ed er ers ing ings ial ials al als ance ances ation ations ic ics ical ist ists y ies`)

// isIndustryWordForm reports whether t is a sector's stem as it is or
// with an ending that keeps it an everyday word.
func isIndustryWordForm(t string) bool {
	for _, ind := range industries {
		for _, st := range ind.stems {
			if rest, ok := strings.CutPrefix(t, st); ok && (rest == "" || stemEndings[rest]) {
				return true
			}
		}
	}
	return false
}
