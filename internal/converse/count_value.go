package converse

import (
	"sort"
	"strconv"
	"strings"
)

// Several sentences may count what "how many miles has he driven" asks:
// a job's "700,000 miles", the summary's "about 1.25 million miles" in
// all. The whole career's is the larger, and a visitor asking how many
// wants it first.

// bigNumberValue is what a number word multiplies by.
var bigNumberValue = map[string]float64{"thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9}

// countNear returns the largest count in the four tokens before toks[j],
// as countSearch finds them: "700 000" (the tokens of "700,000") is
// 700000, "1.25 million" 1250000, "a million" 1000000, "1,200 GitHub
// stars" 1200; 0 when none is written in digits or as a big number.
func countNear(toks []string, j int) float64 {
	best := 0.0
	for k := max(0, j-4); k < j; k++ {
		t := toks[k]
		v := 0.0
		switch {
		case t != "" && t[0] >= '0' && t[0] <= '9':
			f, err := strconv.ParseFloat(strings.TrimRight(t, "+%"), 64)
			if err != nil {
				continue
			}
			if len(t) == 4 && (strings.HasPrefix(t, "19") || strings.HasPrefix(t, "20")) && isDigits(t) {
				continue // a year: "a 2014 apartment fire" counts one
			}
			v = f
			for k+1 < j && len(toks[k+1]) == 3 && isDigits(toks[k+1]) {
				g, _ := strconv.ParseFloat(toks[k+1], 64)
				v, k = v*1000+g, k+1
			}
		case bigNumberValue[t] > 0:
			v = 1
			k-- // the multiplier below is this word
		default:
			continue
		}
		if k+1 < j && bigNumberValue[toks[k+1]] > 0 {
			v, k = v*bigNumberValue[toks[k+1]], k+1
		}
		best = max(best, v)
	}
	return best
}

// sortByCount orders sentences that count the noun whose stem is st: a
// stated total first (countRank), then those of near, the entry "it"
// means, then the larger count.
func sortByCount(picked []*snippet, st string, alts []string, near *item) {
	vals := make(map[*snippet]float64, len(picked))
	for _, sn := range picked {
		for j, t := range sn.toks {
			if strings.HasPrefix(t, st) || hasPrefixAny(t, alts) {
				vals[sn] = max(vals[sn], countNear(sn.toks, j))
			}
		}
	}
	isNear := func(sn *snippet) bool {
		return near != nil && sn.cite.Section == near.sec && sn.cite.Index == near.idx
	}
	sort.SliceStable(picked, func(a, b int) bool {
		ra, rb := countRank(picked[a]), countRank(picked[b])
		if ra != rb {
			return ra < rb
		}
		if na, nb := isNear(picked[a]), isNear(picked[b]); na != nb {
			return na
		}
		return vals[picked[a]] > vals[picked[b]]
	})
}

// namesCounted reports whether an entry's name holds the noun a count
// question asks about (stem st): the question named the noun, not the
// entry.
func namesCounted(it *item, st string) bool {
	for _, t := range tokens(it.title) {
		if strings.HasPrefix(t, st) || len(t) >= 3 && strings.HasPrefix(st, t) && len(st)-len(t) <= 1 {
			return true
		}
	}
	return false
}

// entsNamed returns the entries of ents whose names do not merely hold
// the noun counted (namesCounted).
func entsNamed(ents []*item, st string) []*item {
	var out []*item
	for _, e := range ents {
		if !namesCounted(e, st) {
			out = append(out, e)
		}
	}
	return out
}
