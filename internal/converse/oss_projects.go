package converse

import (
	"slices"
	"strings"
)

// openSourceProjects adds, to an answer on open source, the projects the
// profile does not call open source that still are by their link or her
// role: one linked to a public code repository (GitHub, GitLab …), or one
// she is Maintainer, Core contributor or Committer of. uses are the
// entries already said to mention it, and keep the focus ("how many stars
// does it have" is about the one the profile calls open source).
func (x *Index) openSourceProjects(o *out, tech string, uses []Citation) {
	if !strings.EqualFold(tech, "open source") {
		return
	}
	var parts []string
	for i := range x.projects {
		it := &x.projects[i]
		if slices.ContainsFunc(uses, func(c Citation) bool { return c.Section == secProjects && c.Index == it.idx }) {
			continue
		}
		if !codeHost(x.entryURL(it)) && !openSourceRole(it.role) {
			continue
		}
		p := it.title
		if it.role != "" {
			p += " (" + it.role + ")"
		}
		parts = append(parts, p)
		o.citeItem(it)
	}
	if len(parts) == 0 {
		return
	}
	o.say("Projects linked to a public code repository or with an open-source role: %s.", list(parts))
}

// openSourceRole reports project roles that only open source has:
// "Maintainer", "Core contributor", "Committer".
func openSourceRole(role string) bool {
	for _, t := range tokens(role) {
		switch t {
		case "maintainer", "comaintainer", "contributor", "committer":
			return true
		}
	}
	return false
}
