package converse

import "strings"

// locScoreRef is locScore before it read the pair sets of leads (h-engperf3).
func locScoreRef(e *item, raw, stems, roots []string, l *leads) int {
	matched, distinctive := 0, false
	for _, k := range e.roleKeys {
		if !l.stems.has(k) {
			continue // every test below needs a stem or root that starts as k does
		}
		for i, t := range raw {
			if len(t) >= 3 && stems[i] == k || len(t) >= 6 && t == stems[i] && strings.HasPrefix(k, t) || roots[i] == k { // "postdoc": Postdoctoral Fellow; not "illustrated": Illustrator
				if placedWords[t] {
					continue // "where was he stationed" names no Gas Station Attendant
				}
				matched++
				distinctive = distinctive || !commonWords[t] && !commonWords[k] && !genericVenueWord(e, k)
				break
			}
		}
	}
	if matched > 0 && (distinctive || matched == len(e.roleKeys)) {
		s := 60 * matched
		if matched == len(e.roleKeys) {
			s += 30
		}
		return min(s, 99)
	}
	for _, k := range e.locKeys {
		if !l.words.has(k) {
			continue
		}
		for _, t := range raw {
			if t == k {
				return 30
			}
		}
	}
	return 0
}
