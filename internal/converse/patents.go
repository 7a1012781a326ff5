package converse

import "strings"

// "Does she have any patents": a résumé lists a granted patent as an award,
// an application as a publication, and says how many in the summary or a
// highlight; the entry whose title says "Patent" is only part of it.

// patentsAsked answers with every entry that is a patent (in its title or
// its own summary) and the other sentences that speak of patents. It leaves
// the question to the entry steps when only one entry says so and nothing
// else does, and to the search when none does.
func (r *resolver) patentsAsked() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) > 0 || q.hasWin || !(hasAnyToken(q.ts, "patents", "patented") || at(q.ts, len(q.ts)-1) == "patent") {
		return false // "is she a patent lawyer", "patent translation": a field, not her patents
	}
	var hits []*item
	var parts []string
	inHits := map[Citation]bool{}
	for _, sec := range []string{secAwards, secPublications, secProjects, secCertificates} {
		for _, it := range x.sorted(sec) {
			if !strings.Contains(strings.ToLower(it.title+" "+x.entryBlurb(it)), "patent") {
				continue
			}
			hits = append(hits, it)
			inHits[Citation{Section: sec, Index: it.idx}] = true
			parts = append(parts, "“"+it.label()+"”"+patentSource(it))
		}
	}
	if len(hits) == 0 {
		return false
	}
	var also []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if inHits[Citation{Section: sn.cite.Section, Index: sn.cite.Index}] || !strings.Contains(sn.lower(), "patent") {
			continue
		}
		also = append(also, sn)
	}
	if len(hits) == 1 && len(also) == 0 {
		return false
	}
	o.in = iAwards
	for _, it := range hits {
		o.citeItem(it)
	}
	o.say("Patents in %s profile: %s.", x.whose(), list(parts))
	x.quoteSentences(o, "The profile also says:", firstSnippets(also, 3))
	o.focusOn(hits...)
	return true
}

// entryBlurb is the free text an award, publication or project says of
// itself.
func (x *Index) entryBlurb(it *item) string {
	switch it.sec {
	case secAwards:
		return x.r.Awards[it.idx].Summary
	case secPublications:
		return x.r.Publications[it.idx].Summary
	case secProjects:
		return x.r.Projects[it.idx].Description
	}
	return ""
}

// patentSource says where the profile lists a patent, with its year.
func patentSource(it *item) string {
	where := map[string]string{secAwards: "an award", secPublications: "a publication", secProjects: "a project", secCertificates: "a certificate"}[it.sec]
	if s := it.span(); s != "" {
		return " (" + where + ", " + strings.Trim(s, " ()") + ")"
	}
	return " (" + where + ")"
}
