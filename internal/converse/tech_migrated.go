package converse

import "strings"

// A job that migrated a system from one technology to another names both,
// but only the second is one the person built with: "migrating a service
// from Java to Rust" is no evidence of Java work, and a visitor asking
// about Java deserves to hear that rather than a yes.

// migrationStems mark a sentence about moving off a technology.
var migrationStems = []string{"migrat", "move", "moving", "port", "rewr", "replac", "switch", "transition", "sunset", "retir", "decommission"}

// migratedFromOnly reports whether every mention of tech is a job's
// sentence that moves something away from it ("from Java to Rust",
// "off Java"): no skill, project or other use names it.
func (x *Index) migratedFromOnly(tech string, uses []Citation) bool {
	low := strings.ToLower(tech)
	phrase := joinTokens(tokens(tech))
	for _, c := range uses {
		if c.Section != secWork || c.Index >= len(x.work) {
			return false
		}
		ev := x.work[c.Index].evidence[low]
		if !strings.Contains(ev, "from ") && !strings.Contains(ev, "off ") {
			return false // most sentences: no tokenizing
		}
		j := joinTokens(tokens(ev))
		if !strings.Contains(j, " from"+phrase) && !strings.Contains(j, " off"+phrase) && !strings.Contains(j, " away from"+phrase) {
			return false
		}
		moved := false
		for _, t := range tokens(ev) {
			for _, m := range migrationStems {
				if strings.HasPrefix(t, m) {
					moved = true
				}
			}
		}
		if !moved {
			return false
		}
	}
	return len(uses) > 0
}
