package converse

// sinceAlone reads "since?" typed alone as a follow-up ("and since?", "ok
// since?") as "since when?": the start of what the previous turn was
// about, as "since when" already is. It returns ts, or a new "since when"
// question.
func sinceAlone(ts []string) []string {
	switch len(ts) {
	case 1:
		if ts[0] == "since" {
			return []string{"since", "when"}
		}
	case 2:
		if ts[1] == "since" && (ts[0] == "and" || ts[0] == "ok" || ts[0] == "so") {
			return []string{ts[0], "since", "when"}
		}
	}
	return ts
}
