package converse

import "strings"

// The dates and the place of entries in focus: the answers to "when was
// that?" and "where?" as follow-ups.

// when gives the dates of the entries in focus.
func (x *Index) when(o *out, items []*item) {
	for i, it := range items {
		if i == 4 {
			break
		}
		o.citeItem(it)
		w := it.when()
		if w == "" {
			if !x.undatedBecauseOutOfOrder(o, it) {
				o.say("The profile doesn't give dates for %s.", it.describe())
			}
			continue
		}
		o.say("%s: %s.", capital(it.describe()), w)
		if len(items) == 1 {
			if s := x.expectedEnd(it); s != "" { // "when will she finish": an unfinished degree
				o.say("The summary says: “%s”.", s)
				o.cite(secBasics, 0, "summary")
			}
		}
	}
	o.focusOn(items...)
}

// where gives the place of one entry.
func (x *Index) where(o *out, it *item) {
	o.citeItem(it)
	o.focusOn(it)
	switch it.sec {
	case secWork:
		if l := x.r.Work[it.idx].Location; l != "" {
			verb := "was"
			if it.current(x.compiled) {
				verb = "is"
			}
			o.say("The role at %s %s based in %s.", it.label(), verb, l)
			return
		}
		if x.whereFromText(o, it) {
			return
		}
		if it.title != "" {
			o.say("That was at %s; the profile doesn't give its location.", it.title)
			return
		}
	case secEducation, secVolunteer:
		if it.sec == secVolunteer && x.whereFromText(o, it) {
			return
		}
		if it.title != "" && it.sec == secEducation && it.role != "" {
			// "where did she get her masters": the school, and which degree
			// it was, since the question may not have named it exactly
			if sp := strings.Trim(it.span(), " ()"); sp != "" {
				o.say("That was at %s: %s, %s.", it.title, it.role, sp)
			} else {
				o.say("That was at %s: %s.", it.title, it.role)
			}
			return
		}
		if it.title != "" {
			o.say("That was at %s.", it.title)
			return
		}
	case secAwards:
		if x.whereFromText(o, it) {
			return
		}
		if home, byDate := x.awardHome(it, x.compiled); len(home) > 0 {
			x.awardAt(o, it, home, byDate)
			return
		}
	case secPublications:
		// "where was it published": the journal, publisher or event
		if p := x.r.Publications[it.idx]; strings.TrimSpace(p.Publisher) != "" {
			if w := it.when(); w != "" {
				o.say("“%s” was published by %s, %s.", it.label(), strings.TrimSpace(p.Publisher), w)
			} else {
				o.say("“%s” was published by %s.", it.label(), strings.TrimSpace(p.Publisher))
			}
			return
		}
	case secProjects:
		quoted := x.projectPlaces(o, it)
		if p := x.r.Projects[it.idx]; p.Entity != "" {
			o.say("That project was done with %s.", p.Entity)
			return
		}
		if quoted {
			return
		}
	}
	o.say("The profile doesn't say where %s took place.", it.label())
}
