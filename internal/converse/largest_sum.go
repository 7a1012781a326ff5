package converse

import (
	"strconv"
	"strings"
)

// "What's the biggest job he has run", "his largest project": résumés of
// contractors, builders and dealmakers size their work by its sum
// ("$14.2M electrical contract"), so the biggest is the entry with the
// largest sum, not the longest or the latest.

// largestWork answers with the project (else the job sentence) that gives
// the largest sum; it reports whether any sentence gave one.
func (r *resolver) largestWork() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) > 0 || q.hasWin {
		return false
	}
	if len(q.ents) == 0 && asksLargestWork(q.ts) {
		return x.largestSnippet(o, x.largestOfWork())
	}
	// "the biggest verdict she has won", "his largest round": the sentence
	// with the largest sum among those that name the thing asked
	if noun := largestNoun(q.ts); noun != "" && len(q.ents) == 0 {
		return x.largestSnippet(o, x.largestNaming(noun))
	}
	return false
}

// largestOfWork is the snippet of a project (else a job) with the largest
// sum, -1 when none gives one.
func (x *Index) largestOfWork() int {
	best, bestSum := -1, 0.0
	for _, secs := range [][]string{{secProjects}, {secWork}} {
		for i := range x.snippets {
			sn := &x.snippets[i]
			if sn.cite.Section != secs[0] {
				continue
			}
			if secs[0] == secWork && !hasAnyToken(sn.toks, "contract", "contracts", "project", "projects", "job", "jobs", "deal", "deals", "build") {
				continue // "Revenue of $1.9M" sizes the firm, not a job
			}
			if v := largestSum(sn.text); v > bestSum {
				best, bestSum = i, v
			}
		}
		if best >= 0 {
			break
		}
	}
	return best
}

// largestNaming is the snippet with the largest sum among those holding
// noun (or its singular), -1 when none gives one.
func (x *Index) largestNaming(noun string) int {
	best, bestSum := -1, 0.0
	for i := range x.snippets {
		sn := &x.snippets[i]
		if !hasAnyToken(sn.toks, noun) && !hasAnyToken(sn.toks, singular(noun)) {
			continue
		}
		if v := largestSum(sn.text); v > bestSum {
			best, bestSum = i, v
		}
	}
	return best
}

// largestNoun is the noun after "biggest" or "largest" ("the biggest
// verdict"), "" when there is none.
func largestNoun(ts []string) string {
	for i, t := range ts {
		if t != "biggest" && t != "largest" {
			continue
		}
		n := at(ts, i+1)
		if n == "ever" || n == "single" {
			n = at(ts, i+2)
		}
		if len(n) < 4 || n == "@p" || searchStop[n] || !isAlphaWord(n) {
			return ""
		}
		return n
	}
	return ""
}

// largestSnippet answers with snippet best, when there is one.
func (x *Index) largestSnippet(o *out, best int) bool {
	if best < 0 {
		return false
	}
	sn := &x.snippets[best]
	o.in = iHighlights
	o.say("By the sums it gives, the largest is %s: “%s”.", strings.TrimPrefix(strings.TrimPrefix(sn.where, "in "), "at "), strings.TrimRight(sn.text, "."))
	o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
	for _, it := range x.sorted(sn.cite.Section) {
		if it.idx == sn.cite.Index {
			o.focusOn(it) // "how long did it take" is about that one
			break
		}
	}
	return true
}

// asksLargestWork reports "biggest"/"largest" with a noun of work done:
// "the biggest job he has run", "largest contract", "biggest projects".
func asksLargestWork(ts []string) bool {
	if !hasAnyToken(ts, "biggest", "largest") {
		return false
	}
	return hasAnyToken(ts, "job", "jobs", "project", "projects", "contract", "contracts", "deal", "deals", "build", "builds", "install", "installation")
}

// largestSum is the largest sum of money written in text with a currency
// sign and an optional k/M/bn or "million"/"billion" ("$14.2M",
// "$310,000", "€2 million"), 0 when none.
func largestSum(text string) float64 {
	best := 0.0
	for i := 0; i < len(text); i++ {
		sign := 0
		for _, c := range []string{"$", "€", "£"} {
			if strings.HasPrefix(text[i:], c) {
				sign = len(c)
			}
		}
		if sign == 0 {
			continue
		}
		start := i + sign
		j := start
		for j < len(text) && (text[j] >= '0' && text[j] <= '9' || text[j] == '.' || text[j] == ',') {
			j++
		}
		v, err := strconv.ParseFloat(strings.TrimRight(strings.ReplaceAll(text[start:j], ",", ""), "."), 64)
		if err != nil {
			continue
		}
		rest := strings.ToLower(text[j:])
		switch {
		case strings.HasPrefix(rest, "bn"), strings.HasPrefix(rest, "b "), strings.HasPrefix(rest, " billion"):
			v *= 1e9
		case strings.HasPrefix(rest, "m"), strings.HasPrefix(rest, " million"):
			v *= 1e6
		case strings.HasPrefix(rest, "k"):
			v *= 1e3
		}
		if v > best {
			best = v
		}
	}
	return best
}
