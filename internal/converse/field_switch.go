package converse

import "strings"

// "When did he switch from graphic design to UX" asks for the moment of a
// change between fields, which no entry's dates name: résumés tell it in
// a sentence ("I moved from graphic design to UX in 2016").

// switchVerbs say a change of field or trade.
var switchVerbs = wordSetOf(`switch switched change changed move moved transition transitioned pivot pivoted shift shifted go went`)

// switchWhen answers "when did she switch from X to Y" with the sentences
// that name a word of X and a word of Y and give a year. False when the
// question is not of that shape or no sentence says it.
func (r *resolver) switchWhen() bool {
	x, o, q := r.x, r.o, r.q
	if at(q.ts, 0) != "when" || !switchVerbs.anyIn(q.ts) {
		return false
	}
	from, to := -1, -1
	for i, t := range q.ts {
		if t == "from" && from < 0 {
			from = i
		} else if t == "to" && from >= 0 && to < 0 {
			to = i
		}
	}
	if from < 0 || to < from+2 || to == len(q.ts)-1 {
		return false
	}
	was, now := switchFieldWords(q.ts[from+1:to]), switchFieldWords(q.ts[to+1:])
	if len(was) == 0 || len(now) == 0 {
		return false
	}
	var sns []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if hasAnyToken(sn.toks, was...) && hasAnyToken(sn.toks, now...) && hasYear(sn.toks) {
			sns = append(sns, sn)
		}
	}
	if len(sns) == 0 {
		return false
	}
	o.in = iWhen
	return x.quoteSentences(o, "The profile says:", sns)
}

// switchFieldWords are a field's words worth finding: not "a", "the" or the
// person.
func switchFieldWords(ts []string) []string {
	var out []string
	for _, t := range ts {
		if t != "@p" && !personWords[t] && (len(t) >= 2 && !strings.Contains(" a an the in of and my his her their being ", " "+t+" ")) {
			out = append(out, t)
		}
	}
	return out
}

// hasYear reports a token that reads as a year (1900-2099).
func hasYear(ts []string) bool {
	for _, t := range ts {
		if len(t) == 4 && (strings.HasPrefix(t, "19") || strings.HasPrefix(t, "20")) && allDigits(t) {
			return true
		}
	}
	return false
}

func allDigits(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}
