package converse

// Sections and the entries in focus: which section an intent lists, and
// the entries the previous turn was about.

import "slices"

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
