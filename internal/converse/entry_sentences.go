package converse

import "strings"

// quoteAmongEntries answers a question that names several entries by a
// word they share ("her best kaggle rank": three Kaggle awards) with the
// sentence of one of them holding another word of the question ("rank"),
// when one or two sentences do.
func (x *Index) quoteAmongEntries(o *out, q *query) bool {
	var words []string
	shared := false
	for _, t := range q.ts {
		if entryKeyOfAll(q.ents, t) {
			shared = true // "kaggle": the word that named them all
			continue
		}
		if len(t) < 4 || searchStop[t] || commonWords[t] || cueTable[t] != nil || x.nameToks[t] || entryKey(q.ents, t) {
			continue
		}
		words = append(words, stem(t))
	}
	if !shared || len(words) == 0 {
		return false
	}
	var picked []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if !citesItem(sn.cite, q.ents) {
			continue
		}
		for _, t := range sn.toks {
			if containsString(words, stem(t)) {
				picked = append(picked, sn)
				break
			}
		}
	}
	if len(picked) == 0 || len(picked) > 2 {
		return false
	}
	if !x.quoteSentences(o, "The profile says:", picked) {
		return false
	}
	var items []*item
	for _, it := range q.ents {
		for _, sn := range picked {
			if sn.cite.Section == it.sec && sn.cite.Index == it.idx {
				items = append(items, it)
				break
			}
		}
	}
	o.focusOn(items...) // "when was that": the entry quoted
	return true
}

func entryKey(ents []*item, t string) bool {
	for _, e := range ents {
		if containsString(e.keys, t) {
			return true
		}
	}
	return false
}

// entryKeyOfAll reports a word of every entry's name or its role (an
// award's awarder, a paper's publisher).
func entryKeyOfAll(ents []*item, t string) bool {
	for _, e := range ents {
		if !containsString(e.keys, t) && !containsString(tokens(e.role), t) {
			return false
		}
	}
	return true
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// askedWords are the content words of a question about one entry that do
// not name it: "understudy" in "did she understudy at apt". A reply about
// the entry quotes the later sentence of its summary holding one of them,
// since the first sentence alone often says something else.
func (x *Index) askedWords(q *query) []string {
	var words []string
	for _, t := range q.ts {
		if len(t) < 4 || searchStop[t] || commonWords[t] || cueTable[t] != nil || x.nameToks[t] || entryKey(q.ents, t) {
			continue
		}
		words = append(words, stem(t))
	}
	return words
}

// putSummary says the first sentence of an entry's summary and, when the
// question asked about a word only a later sentence holds, that sentence.
func (o *out) putSummary(s string) {
	if lines := bulletedLines(s); len(lines) > 1 {
		// "- Maintained the API\n- Wrote the tests": a list, whose first
		// line alone would pass for all the job was
		o.put(sentence(strings.Join(firstN(lines, 3), "; ")))
		return
	}
	first := firstSentence(s)
	o.put(first)
	if len(o.asked) == 0 || len(first) >= len(strings.TrimSpace(s)) {
		return
	}
	inFirst := tokens(first)
	for _, sn := range splitSentences(s)[1:] {
		for _, t := range tokens(sn) {
			if askedStem(o.asked, t) && !hasAskedToken(o.asked, inFirst) {
				o.put(sentence(sn))
				return
			}
		}
	}
}

func hasAskedToken(asked, toks []string) bool {
	for _, t := range toks {
		if askedStem(asked, t) {
			return true
		}
	}
	return false
}

// askedStem matches a word of a sentence to the question's stems, letting
// a final "y" stand for "i" ("understudy", "understudied").
func askedStem(asked []string, t string) bool {
	s := stem(t)
	for _, a := range asked {
		if a == s || len(a) >= 5 && strings.HasPrefix(s, a[:len(a)-1]) && len(s) <= len(a)+1 {
			return true
		}
	}
	return false
}

// bulletedLines returns the lines of a summary written as a bulleted list
// (every line starting with a list mark), without their marks; nil for
// prose.
func bulletedLines(s string) []string {
	if !strings.Contains(s, "\n") {
		return nil
	}
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if u := unbullet(l); u == l {
			return nil // a line without a mark: prose
		} else if u != "" {
			out = append(out, strings.TrimRight(u, ".;"))
		}
	}
	return out
}
