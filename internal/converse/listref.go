package converse

import (
	"strings"
	"time"
)

// ordinalWords give a position in the list just answered.
var ordinalWords = map[string]int{"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1, "latter": -1, "former": 0}

// listRef resolves "the first one", "the second one", "the google one" and
// "which one was the longest" against the entries the previous reply
// listed. It returns nil when the question is not such a reference.
func (x *Index) listRef(q *query, now time.Time, focus, current func() []*item) (*item, bool) {
	ts := q.ts
	oneAt := -1
	for i, t := range ts {
		if t == "one" || t == "ones" {
			oneAt = i
			break
		}
	}
	if oneAt < 0 && len(ts) == 3 && ts[0] == "which" && byOrder(ts) != 0 {
		// "which was first?", "which came last?": "which one"
		oneAt = 1
		ts = append([]string{"which", "one"}, ts[1:]...)
	}
	if oneAt < 0 && len(ts) >= 2 && ordinalAfterThe(ts) {
		oneAt = len(ts) // "which year for the first?": the ordinal closes the question
		ts = append(ts[:len(ts):len(ts)], "one")
	}
	if oneAt < 0 {
		return nil, false
	}
	f := focus()
	if len(f) < 2 {
		return nil, false
	}
	if oneAt > 0 {
		prev := ts[oneAt-1]
		if pos, ok := ordinalWords[prev]; ok {
			if pos < 0 {
				pos = len(f) + pos
			}
			if pos < len(f) {
				return f[pos], false
			}
			return nil, false
		}
		if prev == "other" && len(f) == 2 {
			// "and the other one?" after one of a pair was discussed
			if c := current(); len(c) == 1 {
				switch c[0] {
				case f[0]:
					return f[1], false
				case f[1]:
					return f[0], false
				}
			}
		}
		for _, it := range f { // "the google one"
			if len(prev) >= 3 && !searchStop[prev] && strings.Contains(" "+strings.Join(tokens(it.title+" "+it.role), " ")+" ", " "+prev+" ") {
				return it, false
			}
		}
	}
	if at(ts, oneAt-1) == "which" || at(ts, oneAt-1) == "what" {
		longest := hasAnyToken(ts, "longest", "longer", "most")
		shortest := hasAnyToken(ts, "shortest", "shorter", "briefest", "least")
		if !longest && !shortest {
			// "which one was first?": in time, not in the reply's order
			// (lists are given most recent first)
			if ord := byOrder(ts[oneAt:]); ord != 0 {
				return startedAt(f, ord > 0), false
			}
			return nil, false
		}
		var best *item
		var bestLen time.Duration
		for _, it := range f {
			if !it.dated {
				continue
			}
			d := it.per.Until(now).Sub(it.per.From())
			if best == nil || longest && d > bestLen || shortest && d < bestLen {
				best, bestLen = it, d
			}
		}
		return best, best != nil
	}
	return nil, false
}

// entryBeforeOne reports whether ts says "the X one" with X a word of
// its title ("the AWS one").
func entryBeforeOne(ts []string, it *item) bool {
	for i, t := range ts {
		if t == "one" && i > 0 && len(ts[i-1]) >= 2 && !searchStop[ts[i-1]] {
			return strings.Contains(" "+strings.Join(tokens(it.title), " ")+" ", " "+ts[i-1]+" ")
		}
	}
	return false
}

// ordinalAfterThe reports a question ending in "the first", "the second",
// "the last": an entry of the list just given.
func ordinalAfterThe(ts []string) bool {
	_, ok := ordinalWords[ts[len(ts)-1]]
	return ok && ts[len(ts)-2] == "the"
}

// orderedPick is the one of several entries a word shares that the
// question picks by order: "her last contract" the one started latest,
// "his first internship" the earliest. Nil when the question says no
// order, or the entries are of different sections or undated.
func orderedPick(q *query) *item {
	if len(q.ents) < 2 {
		return nil
	}
	latest := hasAnyToken(q.ts, "last", "latest", "newest") || strings.Contains(q.joined, " most recent ")
	if !latest && !hasAnyToken(q.ts, "first", "earliest", "oldest") {
		return nil
	}
	pick := q.ents[0]
	for _, it := range q.ents {
		if it.sec != pick.sec || !it.dated {
			return nil
		}
		if latest && it.per.From().After(pick.per.From()) || !latest && it.per.From().Before(pick.per.From()) {
			pick = it
		}
	}
	return pick
}

// byOrder reads "first", "earliest" (-1) or "last", "latest", "most
// recent" (+1) in ts; 0 when it says neither.
func byOrder(ts []string) int {
	switch {
	case hasAnyToken(ts, "first", "earliest", "oldest"):
		return -1
	case hasAnyToken(ts, "last", "latest", "newest", "recent"):
		return 1
	}
	return 0
}

// startedAt is the dated entry of f started latest (or earliest); nil
// when none is dated.
func startedAt(f []*item, latest bool) *item {
	var pick *item
	for _, it := range f {
		if !it.dated {
			continue
		}
		if pick == nil || latest && it.per.From().After(pick.per.From()) || !latest && it.per.From().Before(pick.per.From()) {
			pick = it
		}
	}
	return pick
}
