package converse

// Sections and the entries in focus: which section an intent lists, and
// the entries the previous turn was about.

import (
	"slices"
	"strings"
)

// topicSection is the profile section an intent lists.
func topicSection(in intent) string {
	switch in {
	case iWork, iCurrent:
		return secWork
	case iEducation:
		return secEducation
	case iProjects:
		return secProjects
	case iVolunteer:
		return secVolunteer
	case iCerts:
		return secCertificates
	case iAwards:
		return secAwards
	case iPubs:
		return secPublications
	}
	return ""
}

// stateFocus returns the entries the previous turn was about.
func (x *Index) stateFocus(st State) []*item {
	items := x.section(st.Section)
	if st.Section == "" || (st.Section != secWork && sectionNoun(st.Section) == "") {
		return nil
	}
	var out []*item
	for _, i := range st.Focus {
		if i >= 0 && i < len(items) {
			out = append(out, &items[i])
		}
	}
	return out
}

func anyInSection(items []*item, sec string) bool {
	for _, it := range items {
		if it.sec == sec {
			return true
		}
	}
	return false
}

func citesAny(cs []Citation, secs ...string) bool {
	for _, c := range cs {
		for _, s := range secs {
			if c.Section == s {
				return true
			}
		}
	}
	return false
}

// onlyIn reports whether every item is in one of secs.
func onlyIn(items []*item, secs ...string) bool {
	for _, it := range items {
		if !slices.Contains(secs, it.sec) {
			return false
		}
	}
	return true
}

// asksElse reports "what else?", "anything else?", "any others?".
func asksElse(joined string) bool {
	for _, p := range []string{" what else ", " anything else ", " any others ", " others ", " any more ", " anything more ", " what other ones "} {
		if strings.Contains(joined, p) {
			return true
		}
	}
	return false
}

// restOfList names the entries of the last list that the previous turn,
// about one of them, left out. It reports whether there were any.
func (x *Index) restOfList(o *out, st State) bool {
	if st.ListSection == "" || len(st.List) < 2 || len(st.Focus) != 1 || st.Section != st.ListSection {
		return false
	}
	all := x.stateFocus(State{Section: st.ListSection, Focus: st.List})
	var rest []*item
	var parts []string
	for _, it := range all {
		if it.idx != st.Focus[0] {
			rest = append(rest, it)
			parts = append(parts, it.listEntry()+it.span())
			o.citeItem(it)
		}
	}
	if len(rest) == 0 {
		return false
	}
	o.in = sectionIntent(st.ListSection)
	o.say("Also in %s %s: %s.", x.whose(), pluralNoun(sectionNoun(st.ListSection)), list(parts))
	o.focusOn(rest...)
	return true
}

// allIn reports whether every item is of section sec.
func allIn(items []*item, sec string) bool {
	for _, it := range items {
		if it.sec != sec {
			return false
		}
	}
	return true
}
