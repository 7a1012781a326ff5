package converse

import (
	"strings"
	"time"
)

// coauthors answers "who did she write them with", "who are her
// co-authors": the publication sentences that name who wrote with her, of
// the publications in focus when the question follows them.
func (r *resolver) coauthors() bool {
	x, o, q := r.x, r.o, r.q
	if len(x.r.Publications) == 0 || len(q.techs) > 0 || q.hasWin {
		return false
	}
	if x.papersWith(o, q, r.now) {
		return true
	}
	if !asksCoauthors(q, r) || namesOnlyOtherEntries(q.ents) {
		return false // "who did she write the disability module with": a project's partner, which its own entry says
	}
	var focus []*item
	if f := r.focus(); len(f) > 0 && f[0].sec == secPublications {
		focus = f
	}
	for _, e := range q.ents {
		if e.sec == secPublications {
			focus = append(focus[:0:0], e) // "who wrote TabFormer with her"
			break
		}
	}
	var picked []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section != secPublications || len(focus) > 0 && !citesItem(sn.cite, focus) {
			continue
		}
		if namesCoauthor(sn.toks) {
			picked = append(picked, sn)
		}
	}
	o.in = iPubs
	if !x.quoteSentences(o, "On co-authors, the profile says:", picked) {
		o.in = iUnknown
		o.say("The profile doesn't name co-authors of %s publications.", x.whose())
	}
	return true
}

// asksCoauthors reports "co-authors", "collaborators", or "who ... with"
// about writing or right after publications.
func asksCoauthors(q *query, r *resolver) bool {
	for i, t := range q.ts {
		switch t {
		case "coauthor", "coauthors", "coauthored", "collaborators", "collaborator":
			return true
		case "co":
			if strings.HasPrefix(at(q.ts, i+1), "author") {
				return true
			}
		}
	}
	if at(q.ts, 0) != "who" || q.ts[len(q.ts)-1] != "with" {
		return false
	}
	if hasAnyToken(q.ts, "write", "wrote", "written", "publish", "published", "author", "authored") {
		return true
	}
	return r.intentWas(iPubs) // "who was that with" after her papers
}

// namesCoauthor reports a sentence that says whom a publication was written
// with: "With Pierre Lemaire", "co-authored with", "joint work with".
func namesCoauthor(toks []string) bool {
	for i, t := range toks {
		switch t {
		case "with", "coauthor", "coauthors", "coauthored", "jointly", "joint":
			return true
		case "co":
			if strings.HasPrefix(at(toks, i+1), "author") {
				return true
			}
		}
	}
	return false
}

// publishedAt answers "has she published at ICML" when the venue is nowhere
// in the profile: no, then her publications.
func (r *resolver) publishedAt() bool {
	x, o, q := r.x, r.o, r.q
	if q.scores[iPubs] == 0 || len(q.ents) > 0 || len(q.techs) > 0 || q.hasWin || q.lang != "" || len(x.r.Publications) == 0 {
		return false
	}
	raw := strings.Fields(q.raw)
	for i := 0; i+1 < len(raw); i++ {
		p := strings.ToLower(raw[i])
		if p != "at" && p != "in" {
			continue
		}
		venue := strings.Trim(raw[i+1], "?!.,;:\"'")
		if strings.EqualFold(venue, "the") && i+2 < len(raw) {
			venue = strings.Trim(raw[i+2], "?!.,;:\"'")
		}
		lv := strings.ToLower(venue)
		if len(venue) < 2 || !isAlphaWord(lv) || commonWords[lv] || venueKinds[lv] || x.mentionsWords(venue) {
			continue
		}
		o.in = iPubs
		o.say("The profile doesn't list a publication %s %s.", p, venue)
		x.listSection(o, secPublications, nil, r.now)
		return true
	}
	return false
}

// venueKinds name kinds of venue, not one: "published in journals".
var venueKinds = setOf(`journal journals conference conferences venue venues print magazine magazines
newspaper newspapers book books total all english`)

// papersWith answers "which papers did she write with Pierre Lemaire": the
// publications whose sentences name everyone after "with".
func (x *Index) papersWith(o *out, q *query, now time.Time) bool {
	if q.scores[iPubs] == 0 {
		return false
	}
	var names []string
	for i, t := range q.ts {
		if t == "with" {
			for _, n := range q.ts[i+1:] {
				if len(n) >= 3 && !commonWords[n] && !searchStop[n] && cueTable[n] == nil && n != "@p" {
					names = append(names, n)
				}
			}
			break
		}
	}
	if len(names) == 0 {
		return false
	}
	var picked []*item
	var parts []string
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section != secPublications || !namesCoauthor(sn.toks) {
			continue
		}
		all := true
		for _, n := range names {
			if !containsString(sn.toks, n) {
				all = false
				break
			}
		}
		if !all || sn.cite.Index >= len(x.publications) {
			continue
		}
		it := &x.publications[sn.cite.Index]
		if !containsItem(picked, it) {
			picked = append(picked, it)
			parts = append(parts, it.describe()+it.span())
			o.citeItem(it)
		}
	}
	o.in = iPubs
	if len(picked) == 0 {
		if x.mentionsWords(strings.Join(names, " ")) {
			return false
		}
		// "has she published with yann lecun": nobody the profile names.
		o.say("The profile doesn't list a publication with %s.", strings.Join(names, " "))
		x.listSection(o, secPublications, nil, now)
		return true
	}
	who := strings.Join(names, " ")
	if sn := x.snippetOf(picked[0]); sn != nil {
		who = wordsAsWritten(sn.text, names)
	}
	o.say("With %s, the profile lists %s.", who, list(parts))
	o.focusOn(picked...)
	return true
}

// snippetOf returns the first sentence of entry it.
func (x *Index) snippetOf(it *item) *snippet {
	for i := range x.snippets {
		if sn := &x.snippets[i]; sn.cite.Section == it.sec && sn.cite.Index == it.idx {
			return sn
		}
	}
	return nil
}

// wordsAsWritten returns the words as text writes them ("Pierre Lemaire" for
// "pierre lemaire"), or as given when text has them otherwise.
func wordsAsWritten(text string, words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w
		for _, f := range strings.Fields(text) {
			if f = strings.Trim(f, ".,;:()"); strings.EqualFold(f, w) {
				out[i] = f
				break
			}
		}
	}
	return strings.Join(out, " ")
}

// paperByInitials answers "where was the tavr paper published" when the
// visitor shortens a publication's title to the initials of a run of its
// words ("transcatheter aortic valve replacement"): the publication, whose
// detail names the venue. A technology of the same name would answer
// otherwise, with the skill.
func (r *resolver) paperByInitials() bool {
	x, o, q := r.x, r.o, r.q
	if q.scores[iPubs] == 0 || len(x.r.Publications) == 0 || q.hasWin {
		return false
	}
	for _, t := range q.ts {
		if len(t) < 3 || len(t) > 6 || !isAlphaWord(t) || commonWords[t] {
			continue
		}
		for _, it := range x.sorted(secPublications) {
			if initialsRun(tokens(it.title), t) {
				o.in = iPubs
				x.entryDetail(o, it, false, r.now)
				return true
			}
		}
	}
	return r.paperByVenueInitials()
}

// initialsRun reports whether acr is the initials of consecutive words of
// ts, each of three letters or more, and not itself one of ts.
func initialsRun(ts []string, acr string) bool {
	for _, t := range ts {
		if t == acr {
			return false
		}
	}
	for i := 0; i+len(acr) <= len(ts); i++ {
		ok := true
		for k := 0; k < len(acr) && ok; k++ {
			w := ts[i+k]
			ok = len(w) >= 3 && w[0] == acr[k]
		}
		if ok {
			return true
		}
	}
	return false
}

// namesOnlyOtherEntries reports a question naming entries of which none is
// a publication.
func namesOnlyOtherEntries(ents []*item) bool {
	for _, e := range ents {
		if e.sec == secPublications {
			return false
		}
	}
	return len(ents) > 0
}
