package converse

// "What truck was it?", "why did he sell it?" after a reply about one job:
// "it" is a thing that job's own sentences name ("Ran my own 2014 Peterbilt
// 579 ...", "Sold the truck in early 2021 when my daughter was born"), and
// those sentences answer, not another entry that shares the word (a truck
// driving course).

// itWords are the words of such a question that carry no content.
var itWords = setOf(`what which why how was is were did does do @p it its kind type sort make model exactly`)

// itSentence answers a what/which/why question about "it" with the
// sentences of the one entry in focus that hold every content word asked.
func (r *resolver) itSentence() bool {
	x, o, q := r.x, r.o, r.q
	first := at(q.ts, 0)
	// "what did he build" right after one job: what that job built
	didVerb := len(q.ts) == 4 && first == "what" && q.ts[1] == "did" && q.ts[2] == "@p"
	if first != "what" && first != "which" && first != "why" || !didVerb && !hasAnyToken(q.ts, "it") || q.hasWin || len(q.techs) > 0 {
		return false
	}
	switch q.ts[len(q.ts)-1] {
	case "with", "in", "for", "on", "by", "from", "to", "about", "at":
		return false // "what was it built with": its technologies, and the like
	}
	var words []string
	for _, t := range q.ts {
		if !itWords[t] && !searchStop[t] {
			if len(t) < 3 {
				return false
			}
			words = append(words, t)
		}
	}
	if len(words) == 0 || len(words) > 2 {
		return false
	}
	f := r.focus()
	if len(f) != 1 || f[0].sec != secWork && f[0].sec != secVolunteer && f[0].sec != secProjects {
		return false
	}
	var sns []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section != f[0].sec || sn.cite.Index != f[0].idx {
			continue
		}
		if !holdsEvery(sn.toks, words) {
			continue
		}
		if first != "why" {
			// "what truck was it": the thing is named around the word
			// ("Ran my own 2014 Peterbilt 579 ... Sold the truck")
			sns = append(sns, sn)
			continue
		}
		// "why did he sell it": the one sentence that says so
		for _, s := range splitSentences(sn.text) {
			if holdsEvery(tokens(s), words) {
				one := newSnippet(sn.cite, sn.where, s)
				sns = append(sns, &one)
			}
		}
	}
	if len(sns) == 0 || !x.quoteSentences(o, "The profile says:", sns) {
		return false
	}
	o.in = iMore
	o.focusOn(f[0])
	return true
}

// holdsEvery reports whether ts holds a form of every word of words.
func holdsEvery(ts, words []string) bool {
	for _, w := range words {
		if !holdsWord(ts, w) {
			return false
		}
	}
	return true
}

// holdsWord reports a form of w in ts: the word, its stem ("truck",
// "trucks"), or a form of it as a verb ("sell": "sold").
func holdsWord(ts []string, w string) bool {
	sw := stem(w)
	for _, t := range ts {
		if t == w || stem(t) == sw {
			return true
		}
	}
	return hasAnyToken(ts, verbForms(w)...)
}
