package converse

import (
	"strings"
	"testing"
)

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

// TestSmallSetsMatchMaps: isNameTok and isNetwork answer as the maps they
// mirror, for every profile of the eval sets, on every word of the public
// set's questions and each map's own keys.
func TestSmallSetsMatchMaps(t *testing.T) {
	qs := publicQuestionTokens(t)
	for name, x := range compiledSetProfiles(t) {
		var words []string
		for w := range x.nameToks {
			words = append(words, w, w+"s", w[:len(w)-1])
		}
		for w := range x.networks {
			words = append(words, w, w+"s")
		}
		for _, q := range qs {
			words = append(words, q...)
		}
		for _, w := range words {
			if x.isNameTok(w) != x.nameToks[w] {
				t.Fatalf("%s: isNameTok(%q) = %v, nameToks has %v", name, w, x.isNameTok(w), x.nameToks[w])
			}
			if x.isNetwork(w) != x.networks[w] {
				t.Fatalf("%s: isNetwork(%q) = %v, networks has %v", name, w, x.isNetwork(w), x.networks[w])
			}
		}
	}
}
