package converse

// "Is she board certified?" — "in what?": the certificates just named are
// what the short follow-up asks about; their names say what they are in.
// Alone, "in what" has no topic word and fell to "not sure".

// inWhatWords are the nouns "in which area" may carry.
var inWhatWords = setOf(`area areas field fields specialty specialties speciality specialities subject subjects discipline disciplines`)

// asksInWhat reports "in what?", "in which area?", "what in?".
func asksInWhat(ts []string) bool {
	switch {
	case len(ts) == 2 && ts[0] == "what" && ts[1] == "in":
		return true
	case len(ts) < 2 || len(ts) > 3 || ts[0] != "in" || ts[1] != "what" && ts[1] != "which":
		return false
	}
	return len(ts) == 2 || inWhatWords[ts[2]]
}

// inWhatOfCerts answers "in what?" after a reply about certificates.
func (r *resolver) inWhatOfCerts() bool {
	o, q := r.o, r.q
	if !asksInWhat(q.ts) { // "area" may name an entry ("Rural Area Services"), but not here
		return false
	}
	f := r.focus()
	if len(f) == 0 || !onlyIn(f, secCertificates) {
		return false
	}
	parts := make([]string, len(f))
	for i, it := range f {
		parts[i] = it.listEntry() + it.span()
		o.citeItem(it)
	}
	o.in = iCerts
	o.say("%s: %s.", plural(len(f), "The certificate", "The certificates"), list(parts))
	o.focusOn(f...)
	return true
}
