package converse

import "strings"

// multiName returns the words after "worked at" as a company's name of two
// to four words ("Foster + Partners", "Boston Consulting Group") when they
// run to the end of the question, or to "before" or "ever", and start with
// a word that can lead a name; otherwise "".
func multiName(ts []string) string {
	var name []string
	for _, t := range ts {
		if t == "before" || t == "ever" {
			break
		}
		if t == "+" || t == "&" {
			continue // "foster + partners" (asWritten restores the sign)
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
		name[i] = capital(t)
	}
	return strings.Join(name, " ")
}

// asWritten returns a name the engine rebuilt from the question's words
// ("Kirkland Ellis") as the visitor wrote it ("Kirkland & Ellis",
// "Foster + Partners"): the stretch of the question from the name's first
// word to its last, keeping the signs between the rebuilt name's words. The name unchanged when the question doesn't
// hold that stretch.
func asWritten(raw, name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return name
	}
	low := strings.ToLower(raw)
	if len(low) != len(raw) {
		return name // lower-casing changed the length (invalid UTF-8, "İ"): indexes would not line up
	}
	first, last := strings.ToLower(words[0]), strings.ToLower(words[len(words)-1])
	i := strings.Index(low, first)
	if i < 0 {
		return name
	}
	j := strings.Index(low[i+len(first):], last)
	if j < 0 {
		return name
	}
	span := raw[i : i+len(first)+j+len(last)]
	var spanWords []string
	for _, t := range tokens(span) {
		if t != "+" && t != "&" {
			spanWords = append(spanWords, t)
		}
	}
	if strings.Join(spanWords, " ") != strings.ToLower(strings.Join(words, " ")) {
		return name // the stretch holds other words: keep the rebuilt name
	}
	shown := strings.Fields(span)
	k := 0
	for i, w := range shown {
		if w == "+" || w == "&" {
			continue
		}
		if k == len(words) {
			return name
		}
		shown[i] = words[k] // the rebuilt word keeps its capitals ("BBC")
		k++
	}
	if k != len(words) {
		return name
	}
	return strings.Join(shown, " ")
}

// dropEmployerNames removes technologies that are the name of an employer
// the question places the person at: "how long was he at Salesforce" and
// "where was the Salesforce job" ask about the job, not the CRM.
func dropEmployerNames(techs []string, ents []*item, joined string) []string {
	out := techs[:0:0]
	for _, t := range techs {
		name := joinTokens(tokens(t))
		employer := false
		for _, e := range ents {
			// norm and name are " a b " forms, spaces around
			if e.sec == secWork && e.norm != "" && strings.Contains(e.norm, name) &&
				(strings.Contains(joined, " at"+e.norm) || strings.Contains(joined, " for"+e.norm) || jobNounAfter(joined, e.norm)) {
				employer = true
				break
			}
		}
		if !employer && !spelledInName(name, ents, joined) && !awardNamedWith(name, ents, joined) {
			out = append(out, t)
		}
	}
	return out
}

// spelledInName reports a technology found only through a word of an
// entry's name typed whole, its own name not typed: "kube" of the project
// kube-sentinel is no question about Kubernetes. name and the entries'
// norms are " a b " forms.
func spelledInName(name string, ents []*item, joined string) bool {
	if strings.Contains(joined, name) {
		return false
	}
	tech := strings.TrimSpace(name)
	for _, e := range ents {
		if e.norm == "" || !strings.Contains(joined, e.norm) || strings.Count(e.norm, " ") < 3 {
			continue // a name of two words or more, typed whole
		}
		for _, w := range strings.Fields(e.norm) {
			if len(w) >= 3 && w != tech && strings.HasPrefix(tech, w) {
				return true
			}
		}
	}
	return false
}
