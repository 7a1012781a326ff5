package converse

import "strings"

// Off-topic cues the profile itself says: "did he play in the Champions
// League" is about a footballer whose highlights name it, and "how tall
// is he" is about the person, not a building.

// ownedOffTopic is the weight of q's off-topic cues that are no sign of
// another subject: a phrase the profile's own sentences hold, a single
// word the profile uses ("does she shoot film" of a photographer whose
// gear says "(film)"), or one asked of the person alone ("how tall is
// she"). Only questions about
// the person get here; "who will win the Champions League" keeps its
// "who will win".
func (x *Index) ownedOffTopic(ts []string) int {
	owned := 0
	for i, t := range ts {
		cs, ok := offTopicTable[t]
		if !ok {
			if s := singular(t); s != t {
				cs, ok = offTopicTable[s] // as scoreCues reads it: "films"
			}
			if !ok {
				continue
			}
		}
		best, bestOwned := 0, false
		for _, c := range cs {
			if !matchRest(ts[i+1:], c.rest) || c.w <= best {
				continue
			}
			best = c.w
			phrase := append([]string{t}, c.rest...)
			bestOwned = x.saysPhrase(phrase) || t == "how" && askedOfPerson(ts, i+len(phrase)) || len(phrase) == 1 && (x.words[stem(t)] || x.ownsKin(singular(t))) || x.ownsKin(strings.Join(phrase, " "))
		}
		if bestOwned {
			owned += best
		}
	}
	return owned
}

// askedOfPerson reports whether the question ends at j with "is she" or
// "was he": "how tall is she" (but "what religion is she" stays a
// personal matter the guard declines).
func askedOfPerson(ts []string, j int) bool {
	switch at(ts, j) {
	case "is", "was", "are", "were":
		return at(ts, j+1) == "@p" && j+2 == len(ts)
	}
	return false
}

// saysPhrase reports whether a sentence of the profile holds the words of
// phrase in a row. Only cues of two words or more count here: a single
// word is read against the profile's whole vocabulary instead.
func (x *Index) saysPhrase(phrase []string) bool {
	if len(phrase) < 2 {
		return false
	}
	for i := range x.snippets {
		toks := x.snippets[i].toks
		for j := 0; j+len(phrase) <= len(toks); j++ {
			if toks[j] == phrase[0] && matchRest(toks[j+1:], phrase[1:]) {
				return true
			}
		}
	}
	return false
}
