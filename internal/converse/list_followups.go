package converse

import (
	"strings"
)

// Follow-ups that ask which of the entries just listed had some property
// the entries keep in another section or inside their titles.

// taughtCourseWords ask for the courses a teaching post covered.
var taughtCourseWords = wordSetOf(`course courses class classes module modules subject subjects`)

// teachingRoleWords mark a post of teaching.
var teachingRoleWords = setOf(`teaching instructor lecturer tutor ta`)

// coursesTaught answers "for which courses?" after teaching posts whose
// titles name the course after a comma ("Teaching Assistant, 16-385
// Computer Vision"): the courses, not the person's own degrees, which
// "courses" alone would list.
func (r *resolver) coursesTaught() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) > 0 || q.hasWin || len(q.ts) > 8 || !taughtCourseWords.anyIn(q.ts) {
		return false
	}
	f := r.focus()
	if len(f) == 0 {
		return false
	}
	var parts []string
	kind := ""
	for _, it := range f {
		if it.sec != secWork || !hasAnyTokenIn(tokens(it.role), teachingRoleWords) {
			return false
		}
		head, course, ok := strings.Cut(it.role, ", ")
		if !ok || strings.TrimSpace(course) == "" {
			return false
		}
		if kind == "" {
			kind = head
		}
		parts = append(parts, strings.TrimSpace(course)+it.span())
	}
	for _, it := range f {
		o.citeItem(it)
	}
	o.in = iMore
	o.say("%s was %s for %s.", x.Who(), article(kind), list(parts))
	o.focusOn(f...)
	return true
}

// awardedPaper answers "which one won best paper?" after a list of
// publications, or "which paper won an award": the publication an award
// names in its title or summary. False when no award names one.
func (r *resolver) awardedPaper() bool {
	x, o, q := r.x, r.o, r.q
	if len(x.r.Awards) == 0 || len(x.r.Publications) == 0 || !hasAnyToken(q.ts, "won", "win", "awarded", "got", "received") ||
		!hasAnyToken(q.ts, "which", "what") {
		return false
	}
	f := r.focus()
	if !hasAnyToken(q.ts, "paper", "papers", "publication", "article") && !(len(f) > 0 && onlyIn(f, secPublications)) {
		return false
	}
	said := false
	for _, a := range x.sorted(secAwards) {
		aw := x.r.Awards[a.idx]
		text := strings.ToLower(aw.Title + " " + aw.Summary)
		for _, p := range x.sorted(secPublications) {
			name := strings.ToLower(strings.TrimSpace(x.r.Publications[p.idx].Name))
			if len(name) < 8 || !strings.Contains(text, name) {
				continue
			}
			by := ""
			if aw.Awarder != "" {
				by = " from " + aw.Awarder
			}
			o.say("“%s”%s won the %s%s%s.", x.r.Publications[p.idx].Name, p.span(), aw.Title, by, a.span())
			o.citeItem(p)
			o.citeItem(a)
			o.focusOn(p)
			said = true
		}
	}
	if said {
		o.in = iAwards
	}
	return said
}
