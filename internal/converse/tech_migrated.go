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
	for _, c := range uses {
		if c.Section != secWork || c.Index >= len(x.work) {
			return false
		}
		ev := x.work[c.Index].evidence[low]
		if !strings.Contains(ev, "from ") && !strings.Contains(ev, "off ") || !afterFromOrOff(ev, tech) || !movesAway(ev) {
			return false
		}
	}
	return len(uses) > 0
}

// afterFromOrOff reports whether s names tech right after "from " or
// "off ", case folded, without allocating.
func afterFromOrOff(s, tech string) bool {
	for i := 4; i+len(tech) <= len(s); i++ {
		if !strings.EqualFold(s[i:i+len(tech)], tech) || i+len(tech) < len(s) && isWordByte(s[i+len(tech)]) {
			continue
		}
		if i >= 5 && strings.EqualFold(s[i-5:i], "from ") || strings.EqualFold(s[i-4:i], "off ") {
			return true
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// movesAway reports a sentence that says something was moved, migrated,
// ported, rewritten or replaced.
func movesAway(s string) bool {
	for _, t := range tokens(s) {
		for _, m := range migrationStems {
			if strings.HasPrefix(t, m) {
				return true
			}
		}
	}
	return false
}
