package converse

import "strings"

// keepFocused narrows sentences to those of the entries in focus, when
// any is: "how much have they raised" after a company was discussed. The
// sentences are returned whole when none is of the focus.
func keepFocused(sns []*snippet, focus []*item) []*snippet {
	var kept []*snippet
	for _, sn := range sns {
		if citesItem(sn.cite, focus) {
			kept = append(kept, sn)
		}
	}
	if len(kept) == 0 {
		return sns
	}
	return kept
}

// refersBack reports a question that points at what was just discussed:
// "it", "there", "that", and "they", which the tokens read as the person
// but which after a company is that company ("how much have they
// raised").
func refersBack(q *query) bool {
	if hasAnyToken(q.ts, "it", "its", "there", "that") {
		return true
	}
	return hasAnyToken(tokens(q.raw), "they", "their", "them")
}

// snippetItem is the entry a sentence is from, nil for the summary and
// other sentences of no entry.
func (x *Index) snippetItem(sn *snippet) *item {
	if sectionNoun(sn.cite.Section) == "" {
		return nil
	}
	if items := x.section(sn.cite.Section); sn.cite.Index < len(items) {
		return &items[sn.cite.Index]
	}
	return nil
}

// citesOnlyNamesake is citesOnly that also takes entries listing the same
// thing under another section: the project "tidepool" and the job
// "tidepool project" that pays for it. A sentence of either is about "it".
func (x *Index) citesOnlyNamesake(cs []Citation, it *item) bool {
	if citesOnly(cs, it) {
		return true
	}
	name := strings.ToLower(strings.TrimSpace(it.title))
	if len(name) < 4 || len(cs) == 0 {
		return false
	}
	for _, c := range cs {
		if c.Section == it.sec && c.Index == it.idx {
			continue
		}
		if sectionNoun(c.Section) == "" {
			return false
		}
		items := x.section(c.Section)
		if c.Index >= len(items) {
			return false
		}
		other := strings.ToLower(items[c.Index].title)
		if !strings.Contains(" "+other+" ", " "+name+" ") && !strings.Contains(" "+name+" ", " "+other+" ") || len(other) < 4 {
			return false
		}
	}
	return true
}
