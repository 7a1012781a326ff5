package converse

import "time"

// "What did she do in the floods in 2024": the year is a window, but the
// question also names what happened in it, and a sentence of the profile
// that both dates itself in the window and holds that word answers it
// better than the jobs of the year.

// datedSentences quotes the sentences naming a year in w and a word of q
// that is neither a cue nor an everyday word; it reports whether any did.
func (x *Index) datedSentences(o *out, q *query, w Window, now time.Time) bool {
	var stems []string
	for _, t := range q.ts {
		if len(t) >= 4 && isAlphaWord(t) && !commonWords[t] && !searchStop[t] && cueTable[t] == nil && cueTable[singular(t)] == nil &&
			!spokenNumbers[t] && x.words[stem(t)] {
			stems = append(stems, stem(t))
		}
	}
	if len(stems) == 0 {
		return false
	}
	from, to := w.Bounds(now)
	var picked []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		dated, holds := false, false
		for _, t := range sn.toks {
			if y, ok := atoi(t); ok && len(t) == 4 && spanIn(y, y, from, to) {
				dated = true
			}
			for _, s := range stems {
				holds = holds || stem(t) == s
			}
		}
		if dated && holds {
			picked = append(picked, sn)
		}
	}
	if len(picked) == 0 || len(picked) > 2 {
		return false
	}
	if !x.quoteSentences(o, "The profile says:", picked) {
		return false
	}
	o.in, o.win = iSearch, &w
	if it := x.snippetItem(picked[0]); it != nil && len(picked) == 1 {
		o.focusOn(it)
	}
	return true
}
