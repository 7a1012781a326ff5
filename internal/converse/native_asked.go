package converse

import "strings"

// asksNative reports a question after the language someone grew up with:
// "native", "mother tongue", and "first language" / "first tongue" said
// for the same thing ("whats her first language", "first language?").
func asksNative(q *query) bool {
	if q == nil {
		return false
	}
	if hasAnyToken(q.ts, "native", "mother") {
		return true
	}
	for _, p := range [...]string{" first language ", " first languages ", " first tongue ", " home language "} {
		if strings.Contains(q.joined, p) {
			return true
		}
	}
	return false
}
