package converse

// inFrontOf reports a "before" that means in front of, not earlier than:
// "has she appeared before a jury", "argued before the Supreme Court". An
// entry is named, never "a" one, and one appears, argues or testifies
// before a court or a panel, not before a job.
func inFrontOf(ts []string) bool {
	for i, t := range ts {
		if t != "before" {
			continue
		}
		switch at(ts, i+1) {
		case "a", "an", "any":
			return true
		}
		if i > 0 && frontVerbs[ts[i-1]] {
			return true
		}
	}
	return false
}

var frontVerbs = setOf(`appear appears appeared appearing argue argues argued arguing testify testifies testified testifying plead pleads pleaded pleading present presents presented presenting perform performs performed performing spoke speak speaks speaking`)
