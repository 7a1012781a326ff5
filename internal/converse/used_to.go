package converse

// "Did she use to be a teacher", "he used to work at Ubisoft?": the habitual
// past asks what the simple past asks, and is read as it ("was she a
// teacher", "he worked at Ubisoft"). "Is she used to remote teams" (used to
// a thing) is left alone: only "be" and "work" follow the rewrite.

// usedTo rewrites ts in place and returns it.
func usedTo(ts []string) []string {
	for i := 0; i+2 < len(ts); i++ {
		if ts[i] != "used" && ts[i] != "use" || ts[i+1] != "to" {
			continue
		}
		var verb string
		switch ts[i+2] {
		case "be":
			verb = "was"
		case "work":
			verb = "worked"
		default:
			continue
		}
		if i >= 2 && ts[i-2] == "did" { // "did he used to" too
			// "did she use to be a teacher" -> "was she a teacher";
			// "did she use to work at X" -> "did she work at X"
			if verb == "was" {
				ts[i-2] = "was"
				return append(ts[:i], ts[i+3:]...)
			}
			ts[i] = "work"
			return append(ts[:i+1], ts[i+3:]...)
		}
		ts[i] = verb // "she used to be a teacher" -> "she was a teacher"
		return append(ts[:i+1], ts[i+3:]...)
	}
	return ts
}
