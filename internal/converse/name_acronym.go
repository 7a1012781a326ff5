package converse

import "strings"

// An organisation often writes its acronym at the end of its name
// ("National Health Service (NHS)", "Innovation, Science and Economic
// Development Canada (ISED)") or closes it with a legal form ("Bayerische
// Motoren Werke GmbH"): a visitor says "the NHS" or "BMW", and that names
// the employer outright, above a project that merely has the word.

// legalForms close a company's name and are no part of its initials.
var legalForms = setOf(`gmbh ag sa sas sarl bv nv inc llc llp lp ltd plc pty co corp corporation kg oy ab as aps spa srl`)

// orgAcronym is the acronym a visitor uses for an organisation's name:
// the capitals closing it, else the initials of the words before any
// legal form (see acronymOf); "" when there is none.
func orgAcronym(name string) string {
	fields := strings.Fields(name)
	if len(fields) >= 3 {
		last := strings.Trim(fields[len(fields)-1], "()[],.;:")
		a := strings.ToLower(last)
		if len(last) >= 3 && len(last) <= 6 && allCapitals(last) && !legalForms[a] && plainAcronym(a) {
			return a
		}
	}
	ts := tokens(name)
	n := len(ts)
	for n > 0 && legalForms[ts[n-1]] {
		n--
	}
	if n == len(ts) {
		return acronymOf(name)
	}
	return acronymOf(strings.Join(ts[:n], " "))
}

// allCapitals reports a word of capital letters only ("NHS", not "Ltd").
func allCapitals(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return w != ""
}

// plainAcronym reports an acronym no visitor says for anything else: not a
// place ("Tanaka Media USA" is not asked of as "the USA"), nor a word of
// chat or a cue.
func plainAcronym(a string) bool {
	if _, ok := places().byPhrase[a]; ok {
		return false
	}
	_, chat := slang[a]
	return !chat && !commonWords[a] && cueTable[a] == nil && offTopicTable[a] == nil
}
