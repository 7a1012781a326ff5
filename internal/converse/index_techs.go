package converse

import "strings"

// compileTechs records, for each technology, every fact that mentions it.
func (x *Index) compileTechs() {
	add := func(tech string, c Citation) {
		k := strings.ToLower(tech)
		if _, seen := x.techUse[k]; !seen {
			x.techOrder = append(x.techOrder, tech)
		}
		for _, have := range x.techUse[k] {
			if have == c {
				return
			}
		}
		x.techUse[k] = append(x.techUse[k], c)
	}
	for i, s := range x.r.Skills {
		kws := withParts(s.Keywords)
		if _, known := x.techs.lookup(strings.Join(tokens(s.Name), " ")); known || len(kws) == 0 {
			kws = append([]string{s.Name}, kws...) // "Go" as a skill name; not "Web Development"
		}
		for _, t := range x.techs.canon(kws) {
			add(t, Citation{Section: secSkills, Index: i})
		}
	}
	for _, list := range [][]item{x.work, x.projects, x.education, x.volunteer, x.certificates, x.publications} {
		for _, it := range list {
			for _, t := range it.techs {
				add(t, Citation{Section: it.sec, Index: it.idx})
			}
		}
	}
}

func mergeTechs(a, b []string) []string {
	for _, t := range b {
		dup := false
		for _, h := range a {
			if strings.EqualFold(h, t) {
				dup = true
				break
			}
		}
		if !dup {
			a = append(a, t)
		}
	}
	return a
}
