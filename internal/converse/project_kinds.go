package converse

import (
	"slices"
	"strconv"
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
// plural: "what buildings", "his games", also misspelt ("exibitions").
// It returns the words of q that name a kind, singular or plural: those
// words name no other entry ("the exhibition catalogue" is no answer to
// "which exhibition had the most visitors").
func (x *Index) scoreProjectKinds(q *query) []string {
	if x.projectKinds == nil {
		return nil
	}
	var words []string
	scored := false
	for _, t := range q.ts {
		s := singular(t)
		kind := x.projectKinds[s]
		if !kind && s != t && len(s) >= 6 {
			for k := range x.projectKinds {
				if kind = fuzzyEq(s, k) && !realWord(t); kind { // "inhibitions" are no exhibitions
					break
				}
			}
		}
		if !kind {
			continue
		}
		words = append(words, t)
		if s != t && !scored {
			q.scores[iProjects] += 3
			scored = true
		}
	}
	return words
}

// kindCount answers "how many exhibitions has she curated" with the
// projects whose kind is the plural noun asked; it reports whether the
// noun names a kind of her projects.
func (x *Index) kindCount(o *out, noun string) bool {
	k := singular(noun)
	if k == noun || !x.projectKinds[k] {
		return false
	}
	var found []*item
	for _, it := range x.sorted(secProjects) {
		if ts := tokens(x.r.Projects[it.idx].Type); len(ts) > 0 && singular(ts[len(ts)-1]) == k {
			found = append(found, it)
		}
	}
	if len(found) == 0 {
		return false
	}
	names := make([]string, len(found))
	for i, it := range found {
		names[i] = it.title + it.span()
		o.citeItem(it)
	}
	o.in = iProjects
	o.say("The profile lists %s: %s.", plural(len(found), "one "+k, strconv.Itoa(len(found))+" "+noun), list(names))
	o.focusOn(found...)
	return true
}

// entitiesByKind drops the entries q names only by the words of a kind of
// project or by "certifications", and takes "the atlas" for the one
// project of that kind.
func (x *Index) entitiesByKind(q *query, kindWords []string) {
	if len(kindWords) > 0 && len(q.ents) > 0 {
		q.ents = dropKindNamed(q.ents, kindWords, q)
		q.byName = q.byName && len(q.ents) > 0
	}
	if len(q.ents) > 0 && certPlurals.anyIn(q.ts) {
		q.ents = dropSectionNamed(q.ents, q.ts)
		q.byName = q.byName && len(q.ents) > 0
	}
	if len(kindWords) > 0 && len(q.ents) == 0 {
		if it := x.theOneOfKind(q.ts, kindWords); it != nil {
			q.ents = []*item{it} // "what's the atlas": her one project of that kind
		}
	}
}

// theOneOfKind is the project "the atlas" or "that story map" names: the
// kind in the singular after a determiner, when one project alone is of
// that kind. Nil otherwise: the plural, or two of a kind, ask for a list.
func (x *Index) theOneOfKind(ts, kindWords []string) *item {
	if it, ok := x.theOneOfPhraseKind(ts); ok {
		return it
	}
	for i, t := range ts {
		if !slices.Contains(kindWords, t) {
			continue
		}
		switch at(ts, i-1) {
		case "the", "that", "this", "her", "his", "their", "a", "an":
			// "has she made an atlas" as well: the one she made
		default:
			continue
		}
		var found *item
		for _, it := range x.sorted(secProjects) {
			// the kind as written ("atlas" reads as a plural to singular)
			if pt := tokens(x.r.Projects[it.idx].Type); len(pt) > 0 && (pt[len(pt)-1] == t || singular(pt[len(pt)-1]) == t) {
				if found != nil {
					return nil
				}
				found = it
			}
		}
		return found
	}
	return nil
}

// dropKindNamed removes the entries that q names by nothing but the words
// of a project kind: another word of q that is a key of theirs, singular
// or plural ("exhibition catalogues"), keeps them.
func dropKindNamed(ents []*item, kindWords []string, q *query) []*item {
	out := ents[:0:0]
	for _, e := range ents {
		keep := e.norm != "" && strings.Contains(q.joined, e.norm)
		for _, t := range q.ts {
			if keep {
				break
			}
			if slices.Contains(kindWords, t) {
				continue
			}
			s := singular(t)
			for _, k := range e.keys {
				if k == t || k == s || singular(k) == s {
					keep = true
					break
				}
			}
		}
		if keep {
			out = append(out, e)
		}
	}
	return out
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
		name := it.listEntry()
		if e := strings.TrimSpace(x.r.Projects[it.idx].Entity); e != "" {
			name += " at " + e // a talk's entity is where it was given: "has he spoken at conferences"
		}
		parts[i] = name + it.span()
		if it.dated && it.per.Start == it.per.End && it.per.Start.Month != 0 {
			parts[i] = name + " (" + it.when() + ")" // a talk's month, not only its year
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

// kindDeterminers name one project of a kind: "that story map", "has she
// made a story map".
var kindDeterminers = []string{"the", "that", "this", "her", "his", "their", "a", "an"}

// theOneOfPhraseKind is the project a kind of two words or more names
// after a determiner ("a story map", "her tactile map"), whose last word
// alone ("map") is shared by other kinds; ok is false when no such phrase
// is asked, and the item nil when two projects are of that kind.
func (x *Index) theOneOfPhraseKind(ts []string) (*item, bool) {
	joined := " " + strings.Join(ts, " ") + " "
	var found *item
	asked := false
	for _, it := range x.sorted(secProjects) {
		typ := normName(x.r.Projects[it.idx].Type)
		if !strings.Contains(typ, " ") {
			continue
		}
		for _, d := range kindDeterminers {
			if strings.Contains(joined, " "+d+" "+typ+" ") {
				if found != nil && found != it {
					return nil, true
				}
				found, asked = it, true
				break
			}
		}
	}
	return found, asked
}
