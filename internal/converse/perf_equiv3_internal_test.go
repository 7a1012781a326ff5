package converse

import (
	"slices"
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

// TestIndustryLeadsKeepNames: industriesNamed passing over words whose
// first four bytes start no key names what industriesNamedRef (without
// that test) does, on the public set's questions (both settings of
// studies) and on every key with endings added.
func TestIndustryLeadsKeepNames(t *testing.T) {
	qs := publicQuestionTokens(t)
	for k := range industryPrefixes {
		qs = append(qs, []string{k}, []string{"in", k + "ing"}, []string{k + "s", "work"})
	}
	for _, q := range qs {
		for _, studies := range []bool{false, true} {
			got, want := industriesNamed(q, studies), industriesNamedRef(q, studies)
			if !slices.EqualFunc(got, want, func(a, b industry) bool { return a.name == b.name }) {
				t.Fatalf("industriesNamed(%q, %v) = %v, want %v", q, studies, got, want)
			}
		}
	}
	for k := range decadeWords {
		if !strings.HasSuffix(k, "s") {
			t.Fatalf("decade word %q does not end in s: decadeTok tests the ending first", k)
		}
	}
}

// industriesNamedRef is industriesNamed before industryLead (h-engperf3).
func industriesNamedRef(ts []string, studies bool) []industry {
	var out []industry
	seen := 0
	for i, t := range ts {
		if t == "webshop" || (t == "store" || t == "shop" || t == "stores" || t == "shops") && (at(ts, i-1) == "online" || at(ts, i-1) == "web") {
			ts = append([]string{"ecommerce"}, ts...) // "an online store"
			break
		}
	}
	for _, t := range ts {
		if len(t) == 3 {
			if isShortIndustryWord(t) {
				for _, i := range industryPrefixes[t].of {
					if seen&(1<<i) == 0 {
						seen |= 1 << i
						out = append(out, industries[i])
					}
				}
			}
			continue
		}
		for l := 4; l <= len(t); l++ {
			ids, ok := industryPrefixes[t[:l]]
			if !ok || l < len(t) && !ids.prefix {
				continue
			}
			for _, i := range ids.of {
				if seen&(1<<i) == 0 && !(studies && industries[i].name == "education") {
					seen |= 1 << i
					out = append(out, industries[i])
				}
			}
		}
	}
	return out
}
