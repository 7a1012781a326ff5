package converse

import (
	"slices"
	"strings"
	"time"
)

// "What boards has he served on", "which committees did she chair": a
// plural noun that is a word of the positions held (Board Member, Board
// Treasurer) asks for those roles, work and volunteering alike, before any
// sentence that merely mentions the word.

// rolesByWord lists the jobs and volunteer roles whose position has a word
// the question names in the plural; it reports whether one matched.
func (x *Index) rolesByWord(o *out, q *query, now time.Time) bool {
	if w := at(q.ts, 0); w != "what" && w != "which" || len(q.ts) < 3 {
		return false
	}
	// the noun right after the question word, then a verb: "what boards
	// has", "which committees did"
	for _, t := range q.ts[1:2] {
		switch at(q.ts, 2) {
		case "has", "have", "did", "does", "is", "was", "were", "are":
		default:
			return false
		}
		if len(t) < 5 || t[len(t)-1] != 's' || t[len(t)-2] == 's' || cueTable[t] != nil {
			continue
		}
		st := stem(t)
		var hits []*item
		for _, sec := range []string{secWork, secVolunteer} {
			for _, it := range x.bySec[sec] { // newest first
				for _, k := range it.roleKeys {
					if (k == st || roleFamilies[st][k]) && !it.brk { // "postdocs": Postdoctoral Scholar
						hits = append(hits, it)
						break
					}
				}
			}
		}
		if len(hits) == 0 {
			continue
		}
		parts := make([]string, len(hits))
		for i, it := range hits {
			parts[i] = it.roleAt() + it.span()
			o.citeItem(it)
		}
		o.in = iWork
		o.say("%s roles with “%s” in the title: %s.", capital(x.whose()), t[:len(t)-1], list(parts))
		o.focusOn(hits...)
		return true
	}
	return false
}

// compoundIn reports whether the last word of noun, a compound the name
// may write in two words ("fundraiser" for "Fund Raising Executive",
// "bookkeeper" for "Book Keeping"), is in name once spaces are dropped.
func compoundIn(name string, noun []string) bool {
	if len(noun) == 0 {
		return false
	}
	st := stem(noun[len(noun)-1])
	if len(st) < 7 {
		return false // short stems match inside too many names
	}
	return strings.Contains(compactLetters(name), st)
}

// heldTitleWord reads "did she ever have a staff job" as "was she ever a
// staff ...": the one word before "job", "role" or "position" closing a
// question about having one, when it is a word of a job title held
// ("Staff Photographer"). Other words ("a management role") stay
// unread: no title saying them is no sign she never had one.
func (x *Index) heldTitleWord(ts []string) []string {
	n := len(ts)
	if n < 4 {
		return nil
	}
	switch ts[n-1] {
	case "job", "role", "position", "post":
	default:
		return nil
	}
	if a := ts[n-3]; a != "a" && a != "an" {
		return nil
	}
	switch ts[n-4] {
	case "have", "had", "hold", "held":
	default:
		return nil
	}
	w := ts[n-2]
	if roleStop[w] || judgement[w] || len(w) < 3 {
		return nil
	}
	st := stem(w)
	for _, it := range x.bySec[secWork] {
		if slices.Contains(it.roleKeys, st) {
			return []string{w}
		}
	}
	return nil
}

// certsByWord lists the certificates whose name has a word the question
// names in the plural ("what endorsements does he have": the Hazardous
// Materials and Tank Vehicle endorsements), before any section that word
// cues elsewhere (endorsements as references). It reports whether one
// matched.
func (x *Index) certsByWord(o *out, q *query) bool {
	switch at(q.ts, 0) {
	case "what", "which", "any":
	default:
		return false
	}
	t := at(q.ts, 1)
	if len(t) < 5 || t[len(t)-1] != 's' || t[len(t)-2] == 's' || len(x.bySec[secCertificates]) == 0 {
		return false
	}
	switch q.ts[len(q.ts)-1] {
	case t, "have", "has", "hold", "holds", "held", "got", "earned", "carry", "carries":
		// "which endorsements does he hold", "any endorsements": held,
		// unlike "which airlines has he worked for"
	default:
		return false
	}
	sing := t[:len(t)-1]
	if sectionCertWords[sing] {
		// "what certificates does she have" asks for the whole section,
		// even when only some names carry the word ("Google Data
		// Analytics Professional Certificate" beside "dbt Fundamentals")
		return false
	}
	var hits []*item
	for _, it := range x.bySec[secCertificates] { // newest first
		if hasAnyToken(tokens(it.title), sing) {
			hits = append(hits, it)
		}
	}
	if len(hits) == 0 || len(hits) == len(x.bySec[secCertificates]) && certWords[sing] {
		return false // "what certificates": the section, said elsewhere
	}
	parts := make([]string, len(hits))
	for i, it := range hits {
		parts[i] = it.label() + it.span()
		o.citeItem(it)
	}
	o.in = iCerts
	o.say("%s %s: %s.", capital(x.whose()), t, list(parts))
	o.focusOn(hits...)
	return true
}

// certWords name the certificates section itself.
var certWords = setOf(`certificate certification license licence credential`)

// sectionCertWords are the certWords that name the whole section, not a
// kind of certificate a visitor may ask for apart (a licence).
var sectionCertWords = setOf(`certificate certification credential`)
