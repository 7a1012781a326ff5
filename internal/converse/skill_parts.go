package converse

import "strings"

// A skill group named for several things at once ("Microcontrollers &
// Debugging", "RTOS & Embedded Linux", "Cloud and DevOps") is asked for
// by one of them: "what microcontrollers has he used", "which rtos has he
// used" want that group, not every skill.

// skillPartsOf returns the parts of a group's name joined by "&", "and",
// "/" or commas, as tokens; nil for a name of one part.
func skillPartsOf(name string) [][]string {
	f := func(r rune) bool { return r == '&' || r == '/' || r == ',' || r == '+' }
	var parts [][]string
	for _, p := range strings.FieldsFunc(strings.ReplaceAll(name, " and ", " & "), f) {
		if ts := tokens(p); len(ts) > 0 {
			parts = append(parts, ts)
		}
	}
	if len(parts) < 2 {
		return nil
	}
	return parts
}

// compileSkillParts records each skill group's parts (skillPartsOf).
func (x *Index) compileSkillParts() {
	for i, sk := range x.r.Skills {
		if ps := skillPartsOf(sk.Name); ps != nil {
			if x.skillParts == nil {
				x.skillParts = make([][][]string, len(x.r.Skills))
			}
			x.skillParts[i] = ps
		}
	}
}

// asksGroupPart reports "what microcontrollers ..." of the group
// "Microcontrollers & Debugging": a part of its name asked as a group
// head is (asksGroupHead).
func (x *Index) asksGroupPart(ts []string, i int) bool {
	if i >= len(x.skillParts) {
		return false
	}
	for _, p := range x.skillParts[i] {
		if asksGroupHead(ts, p) {
			return true
		}
	}
	return false
}
