package converse

// presentlyIn reports a present-tense "is she in Zurich", "is he still in
// Berlin", "are they currently in Japan": a question about where the person
// is now, which the profile's own location answers, not the jobs' places.
func presentlyIn(ts []string) bool {
	if t := at(ts, 0); t != "is" && t != "are" {
		return false
	}
	for i := 2; i < len(ts) && i <= 4; i++ {
		switch ts[i] {
		case "in":
			return true
		case "still", "currently", "now", "living", "located", "based":
			continue
		}
		if i > 2 {
			return false
		}
	}
	return false
}
