package converse

import "strings"

// multiName returns the words after "worked at" as a company's name of two
// to four words ("foster partners", "boston consulting group") when they
// run to the end of the question, or to "before" or "ever", and start with
// a word that can lead a name; otherwise "".
func multiName(ts []string) string {
	var name []string
	for _, t := range ts {
		if t == "before" || t == "ever" {
			break
		}
		if t == "+" || t == "&" {
			continue // "foster + partners"
		}
		if !isAlphaWord(t) || personWords[t] || t == "or" || len(name) == 4 ||
			cueTable[t] != nil && !genericNameWords[t] {
			return ""
		}
		name = append(name, t)
	}
	if len(name) < 2 || nameWord(name[0]) == "" || commonWords[name[len(name)-1]] && !genericNameWords[name[len(name)-1]] {
		return ""
	}
	for i, t := range name {
		name[i] = strings.ToUpper(t[:1]) + t[1:]
	}
	return strings.Join(name, " ")
}
