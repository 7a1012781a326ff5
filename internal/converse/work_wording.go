package converse

import (
	"strings"
	"unicode"
)

// How exported entries word what the engine then says around them:
// a title that repeats the employer ("Full Stack Developer - SlashDB" at
// SlashDB, as LinkedIn exports write it), a location that is no place
// ("Remote"). An employer that is no employer ("Freelance") is
// onOwnAccount's (work_hours.go).

// roleWithoutEmployer drops a trailing " - Employer" (or " at", " @",
// " | ", ", ") from a title when it names the entry's own employer, so a
// reply does not say "Developer - SlashDB at SlashDB".
func roleWithoutEmployer(role, employer string) string {
	role, employer = strings.TrimSpace(role), strings.TrimSpace(employer)
	if employer == "" || len(role) <= len(employer) {
		return role
	}
	head, tail := role[:len(role)-len(employer)], role[len(role)-len(employer):]
	if !strings.EqualFold(tail, employer) {
		return role
	}
	for _, sep := range []string{" - ", " – ", " — ", " at ", " @ ", " | ", ", "} {
		if h, ok := strings.CutSuffix(head, sep); ok && strings.TrimSpace(h) != "" {
			return strings.TrimSpace(h)
		}
	}
	return role
}

// inLocation says where a job was: "in Leeds", but "remotely" for
// "Remote" and "remotely (India)" for "Remote (India)".
func inLocation(loc string) string {
	if len(loc) >= len("remote") && strings.EqualFold(loc[:len("remote")], "remote") {
		rest := strings.TrimLeft(loc[len("remote"):], " ,-–")
		if rest == "" {
			return "remotely"
		}
		if strings.HasPrefix(rest, "(") {
			return "remotely " + rest
		}
		return "remotely, " + rest
	}
	return "in " + loc
}

// nameAsWritten is the name to call the person by: a name written all in
// capitals ("ADAM MOON", as some templates want it shown) in the case a
// sentence uses.
func nameAsWritten(name string) string {
	name = strings.TrimSpace(name)
	if strings.ToUpper(name) != name || strings.ToLower(name) == name || len(strings.Fields(name)) < 2 {
		return name
	}
	words := strings.Fields(name)
	for i, w := range words {
		r := []rune(strings.ToLower(w))
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
