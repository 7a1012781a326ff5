package converse

import (
	"strconv"
	"strings"
)

// "Which exhibition had the most visitors", "which app has the most
// downloads": résumés give such figures in sentences ("268,000
// visitors"), so the answer is the entry whose sentence puts the largest
// number before the noun asked, not a list of every entry.

// mostCounted answers with the sentence that gives the largest number of
// the noun after "most"; it reports whether two or more sentences gave
// one (with one, there is nothing to compare and other steps answer).
func (x *Index) mostCounted(o *out, q *query) bool {
	noun := ""
	for i, t := range q.ts {
		if t == "most" || t == "highest" && at(q.ts, i+1) == "number" && at(q.ts, i+2) == "of" {
			noun = at(q.ts, i+1)
			if t == "highest" {
				noun = at(q.ts, i+3)
			}
			break
		}
	}
	if len(noun) < 4 || countedNouns[noun] || cueTable[noun] != nil {
		return false
	}
	st := stem(noun)
	var best *snippet
	bestN, found := -1.0, 0
	for i := range x.snippets {
		sn := &x.snippets[i]
		if v, ok := countBefore(sn.text, st); ok {
			found++
			if v > bestN {
				best, bestN = sn, v
			}
		}
	}
	if found < 2 {
		return false
	}
	o.in = iSearch
	o.say("By the figures the profile gives, the most %s: %s, “%s”.", noun, strings.TrimPrefix(strings.TrimPrefix(best.where, "in the project "), "at "), strings.TrimRight(best.text, "."))
	o.cite(best.cite.Section, best.cite.Index, best.cite.Field)
	for _, it := range x.sorted(best.cite.Section) {
		if it.idx == best.cite.Index {
			o.focusOn(it)
			break
		}
	}
	return true
}

// countBefore finds a word starting with st in text and returns the
// number written just before it ("268,000 visitors", "1.2 million
// downloads").
func countBefore(text, st string) (float64, bool) {
	low := strings.ToLower(text)
	for from := 0; from < len(low); {
		j := strings.Index(low[from:], st)
		if j < 0 {
			return 0, false
		}
		j += from
		from = j + len(st)
		if j > 0 && isWordByte(low[j-1]) {
			continue // inside another word
		}
		head := strings.TrimRight(low[:j], " ")
		mult := 1.0
		for _, m := range []struct {
			w string
			f float64
		}{{"million", 1e6}, {"thousand", 1e3}, {"billion", 1e9}} {
			if strings.HasSuffix(head, m.w) {
				head, mult = strings.TrimRight(strings.TrimSuffix(head, m.w), " "), m.f
				break
			}
		}
		k := len(head)
		for k > 0 && (head[k-1] >= '0' && head[k-1] <= '9' || head[k-1] == ',' || head[k-1] == '.') {
			k--
		}
		num := strings.ReplaceAll(strings.Trim(head[k:], ",."), ",", "")
		if num == "" {
			continue
		}
		if v, err := strconv.ParseFloat(num, 64); err == nil {
			return v * mult, true
		}
	}
	return 0, false
}
