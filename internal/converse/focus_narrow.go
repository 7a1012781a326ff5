package converse

import (
	"slices"
	"strings"
)

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

// namesakes are the entries of other sections that list the same thing
// as it under a name holding its name, or held by it: the job "tidepool
// project" that pays for the project "tidepool". A sentence of either is
// about "it".
func (x *Index) namesakes(it *item) []*item {
	name := strings.ToLower(strings.TrimSpace(it.title))
	if len(name) < 4 {
		return nil
	}
	var out []*item
	for _, sec := range []string{secWork, secProjects, secVolunteer} {
		if sec == it.sec {
			continue
		}
		for _, other := range x.bySec[sec] {
			o := strings.ToLower(strings.TrimSpace(other.title))
			if len(o) >= 4 && (strings.Contains(" "+o+" ", " "+name+" ") || strings.Contains(" "+name+" ", " "+o+" ")) {
				out = append(out, other)
			}
		}
	}
	return out
}

// citesOnlyNamesake is citesOnly that also takes it's namesakes.
func citesOnlyNamesake(cs []Citation, it *item, same []*item) bool {
	if citesOnly(cs, it) {
		return true
	}
	for _, c := range cs {
		if (c.Section != it.sec || c.Index != it.idx) && !citesItem(c, same) {
			return false
		}
	}
	return len(cs) > 0
}

// twoWordsOfName reports two adjacent words of the question, one of them
// a key of e, standing together in e's name: "ohio state" in "The Ohio
// State University", where "state" alone is too common to be a key.
func twoWordsOfName(e *item, raw []string) bool {
	if e.norm == "" {
		return false
	}
	name := " " + strings.TrimSpace(e.norm) + " "
	for i := 0; i+1 < len(raw); i++ {
		a, b := raw[i], raw[i+1]
		if a == "" || b == "" || !slices.Contains(e.keys, a) && !slices.Contains(e.keys, b) {
			continue
		}
		if strings.Contains(name, " "+a+" "+b+" ") {
			return true
		}
	}
	return false
}

// wordOfNamed reports whether t is a word of the name of an entry the
// question names: "state" of "does she teach at ohio state" is part of
// The Ohio State University, no word of its own to search for.
func wordOfNamed(ents []*item, t string) bool {
	for _, e := range ents {
		if e.norm != "" && strings.Contains(" "+strings.TrimSpace(e.norm)+" ", " "+t+" ") {
			return true
		}
	}
	return false
}

// narrowThere keeps, of the entries a question's words matched, the one
// just discussed when it says "there": "which turbines did he work on
// there" after Highland Wind Services is about that job, not every job
// with "Turbine" in its title. A name the visitor gives still wins.
func (r *resolver) narrowThere() {
	q := r.q
	if len(q.ents) < 2 || q.byName || !hasAnyToken(q.ts, "there") {
		return
	}
	f := r.focus()
	if len(f) != 1 {
		return
	}
	for _, it := range q.ents {
		if it.sec == f[0].sec && it.idx == f[0].idx {
			q.ents = []*item{it}
			return
		}
	}
}

// narrowThat takes "that programme" to the one entry just discussed when
// its own words hold the noun ("Community maternal-health programme in
// four counties"), over another entry whose title shares the word ("Mentor,
// young midwives programme").
func (r *resolver) narrowThat() {
	q := r.q
	if len(q.ents) == 0 || len(q.techs) > 0 {
		return
	}
	noun := ""
	for i, t := range q.ts {
		if (t == "that" || t == "this") && len(at(q.ts, i+1)) >= 4 && !searchStop[at(q.ts, i+1)] {
			noun = at(q.ts, i+1)
			break
		}
	}
	if noun == "" {
		return
	}
	f := r.focus()
	if len(f) != 1 || slices.Contains(q.ents, f[0]) {
		return
	}
	st := stem(noun)
	for i := range r.x.snippets {
		sn := &r.x.snippets[i]
		if sn.cite.Section == f[0].sec && sn.cite.Index == f[0].idx && hasStemPrefix(sn.toks, st) {
			q.ents, q.byName = []*item{f[0]}, false
			return
		}
	}
}
