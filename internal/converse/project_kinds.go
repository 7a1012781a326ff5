package converse

import (
	"strings"

	"github.com/parleyhq/parley/internal/profile"
)

// Projects say what kind of thing they are ("type": "product", "building",
// "game", "application"): a visitor asks "what buildings has he designed"
// or "which products did she launch" in those words, so the plural of a
// project's kind asks for the projects.

// indexProjectKinds records each project's kind, by its last word in the
// singular; kinds that are already cues of another section ("talk",
// "course") are left to that section.
func (x *Index) indexProjectKinds(projects []profile.Project) {
	for _, p := range projects {
		ts := tokens(p.Type)
		if len(ts) == 0 {
			continue
		}
		k := singular(ts[len(ts)-1])
		if len(k) < 3 || cueTable[k] != nil || cueTable[k+"s"] != nil || k == "project" {
			continue
		}
		if x.projectKinds == nil {
			x.projectKinds = map[string]bool{}
		}
		x.projectKinds[k] = true
	}
}

// scoreProjectKinds votes for the projects when q names their kind in the
// plural: "what buildings", "his games".
func (x *Index) scoreProjectKinds(q *query) {
	if x.projectKinds == nil {
		return
	}
	for _, t := range q.ts {
		if s := singular(t); s != t && x.projectKinds[s] {
			q.scores[iProjects] += 3
			return
		}
	}
}

// projectPlaces quotes the lines of a project that name a place ("Available
// in the US, UK and Germany"): asked "where is it sold", they answer where
// a product went, which its entity does not. False when none does.
func (x *Index) projectPlaces(o *out, it *item) bool {
	p := x.r.Projects[it.idx]
	var lines []string
	for _, s := range append([]string{p.Description}, p.Highlights...) {
		if s = strings.TrimSpace(s); s != "" && len(placesIn(s)) > 0 {
			lines = append(lines, "“"+strings.TrimRight(s, ".")+"”")
		}
	}
	if len(lines) == 0 {
		return false
	}
	o.say("On where, the profile says of %s: %s.", it.label(), strings.Join(lines, "; "))
	return true
}

// talkProjects lists the projects that are talks ("type": "talk", or a
// name such as "Keynote: ..."), for "what talks has she given" when no
// publication is one: JSON Resume has no section for talks, so résumés
// put them among projects. False when none is.
func (x *Index) talkProjects(o *out) bool {
	var talks []*item
	for _, it := range x.sorted(secProjects) {
		p := x.r.Projects[it.idx]
		ts := tokens(p.Type)
		if nt := tokens(p.Name); len(nt) > 0 {
			ts = append(ts, nt[0])
			if len(nt) > 1 && nt[0] == "invited" {
				ts = append(ts, nt[1])
			}
		}
		for _, t := range ts {
			if talkKinds[t] {
				talks = append(talks, it)
				break
			}
		}
	}
	if len(talks) == 0 {
		return false
	}
	parts := make([]string, len(talks))
	for i, it := range talks {
		parts[i] = it.listEntry() + it.span()
		if it.dated && it.per.Start == it.per.End && it.per.Start.Month != 0 {
			parts[i] = it.listEntry() + " (" + it.when() + ")" // a talk's month, not only its year
		}
		o.citeItem(it)
	}
	o.say("%s talks (listed among projects): %s.", capital(x.whose()), list(parts))
	o.focusOn(talks...)
	return true
}

var talkKinds = setOf(`talk talks keynote keynotes presentation seminar lecture webinar panel tedx`)

// oneOffKinds are projects that happen once, on a day: a talk, and what is
// published like a paper. With only a start date they are dated, not open.
var oneOffKinds = setOf(`talk talks keynote keynotes presentation seminar lecture webinar panel tedx paper poster article publication`)

// oneOffProject reports a project whose type, or its name's first word
// ("Keynote: ...", "Invited talk: ..."), says it is a one-off event.
func oneOffProject(p profile.Project) bool {
	ts := tokens(p.Type)
	if nt := tokens(p.Name); len(nt) > 0 {
		ts = append(ts, nt[0])
		if len(nt) > 1 && nt[0] == "invited" {
			ts = append(ts, nt[1])
		}
	}
	return hasAnyTokenIn(ts, oneOffKinds)
}
