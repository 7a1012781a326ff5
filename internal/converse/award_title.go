package converse

import "strings"

// awardAsTitle answers "is she a Google Developer Expert", "is he an AWS
// hero" when no job, headline or credential carries the role but an award
// is named as one: its title, up to a comma, ends with the role's head word
// and has every other word asked ("AWS Container Hero", "Google Developer
// Expert, Cloud"). "Employee of the Year" makes no one an employee, nor
// does "Best Speaker" answer the bare "is she a speaker".
func (x *Index) awardAsTitle(o *out, m roleMatcher, yesNo bool) bool {
	for _, it := range x.sorted(secAwards) {
		name, _, _ := strings.Cut(it.title, ",")
		ts := tokens(name)
		if len(m.mods) == 0 || len(ts) < 2 || !m.head[stem(ts[len(ts)-1])] || !m.matches(name) {
			continue
		}
		by := ""
		if a := x.r.Awards[it.idx]; a.Awarder != "" {
			by = " from " + a.Awarder
		}
		when := ""
		if !it.date.IsZero() {
			when = ", received in " + fmtDate(it.date)
		}
		lists := "The profile lists"
		if yesNo { // not "when did she become a java champion"; "Expert" is the award's word, no level asked
			lists = "Yes: the profile lists"
		}
		o.say("%s the award %s%s%s.", lists, quoteName(it.title, ""), by, when)
		o.citeItem(it)
		o.focusOn(it)
		return true
	}
	return false
}

// awardNamedWith reports a technology asked as part of an award's title
// with another word of that title beside it: "aws hero" and "java champion"
// name the awards “AWS Container Hero” and “Java Champion”, not the
// technology. name, joined and the entries' norms are " a b " forms.
func awardNamedWith(name string, ents []*item, joined string) bool {
	for _, e := range ents {
		if e.sec != secAwards || !strings.Contains(e.norm, name) {
			continue
		}
		for _, k := range e.keys {
			if !strings.Contains(name, " "+k+" ") && !awardNouns[k] && strings.Contains(joined, " "+k+" ") {
				return true
			}
		}
	}
	return false
}
