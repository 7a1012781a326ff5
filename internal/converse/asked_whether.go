package converse

import "strings"

// A polite wrapper puts the question proper in a clause after "whether" or
// "if": "I'd love to know whether he has managed people", "could you tell
// me if she speaks German", "I was wondering whether Ana has a degree".
// Read as it stands, the wrapper's verb ("know") asks about a technology
// named "whether". askedWhether returns the clause as a question ("has he
// managed people"); a clause with no auxiliary ("she speaks German") is
// returned as it is, which the engine reads as a statement check.

// askedWhether returns q with its wrapper dropped, or q.
func (x *Index) askedWhether(q string) string {
	if !strings.Contains(q, "whether") && !strings.Contains(q, " if ") {
		return q
	}
	fs := strings.Fields(q)
	for i := 1; i+2 < len(fs) && i <= 8; i++ {
		w := strings.ToLower(fs[i])
		if w != "whether" && w != "if" {
			continue
		}
		if !wrapperBefore(fs[:i]) {
			return q
		}
		subj, aux := strings.ToLower(strings.Trim(fs[i+1], ",")), strings.ToLower(fs[i+2])
		if !personWords[subj] && !x.nameToks[subj] {
			return q
		}
		if askAux[aux] && i+3 < len(fs) {
			// "whether he has managed people" -> "has he managed people"
			return strings.Join(append([]string{fs[i+2], fs[i+1]}, fs[i+3:]...), " ")
		}
		return strings.Join(fs[i+1:], " ")
	}
	return q
}

// wrapperBefore reports words that ask to be told something, so that the
// "whether" or "if" after them opens the question proper: "know", "tell
// me", "wonder", "curious", "ask", "check", "find out", "confirm".
func wrapperBefore(ws []string) bool {
	for _, w := range ws {
		switch strings.ToLower(strings.Trim(w, ",")) {
		case "know", "tell", "wonder", "wondering", "wondered", "curious", "ask", "asking", "check", "find", "confirm", "clarify", "sure", "see", "understand":
			return true
		}
	}
	return false
}
