package converse

import "strings"

// certsOfKind answers "what coaching certifications does he have": every
// certificate whose name or issuer holds the word, when two or more do.
// Word matching for entries keeps the one certificate that shares the most
// words with the question, which drops the others of the kind asked.
func (r *resolver) certsOfKind() bool {
	x, o, q := r.x, r.o, r.q
	if len(x.certificates) < 2 || q.hasWin || len(q.techs) > 0 || !certPlurals.anyIn(q.ts) {
		return false
	}
	var stems, words []string
	trade := 0
	for _, t := range q.ts {
		if len(t) >= 4 && isAlphaWord(t) && !searchStop[t] && !commonWords[t] && !expiryOrSection[t] && !credentialWords[t] && !strings.HasPrefix(t, "certif") {
			stems, words = append(stems, stem(t)), append(words, t)
		} else if len(t) >= 4 && commonWords[t] && x.titleWord(t) {
			trade++
		}
	}
	if len(stems) == 0 && trade == 1 && !yesNoQuestion(q.ts) {
		// "what sales certifications does she have" of a sales director:
		// her trade qualifies every certificate she holds, not the one
		// whose name happens to say "Sales"
		o.in = iCerts
		x.listSection(o, secCertificates, nil, r.now)
		return true
	}
	if len(stems) != 1 {
		return false
	}
	var found []*item
	var parts []string
	for _, it := range x.sorted(secCertificates) {
		c := x.r.Certificates[it.idx]
		if !hasStemPrefix(tokens(c.Name+" "+c.Issuer), stems[0]) {
			continue
		}
		found = append(found, it)
		parts = append(parts, "“"+it.title+"”"+it.span())
	}
	if len(found) < 2 {
		return false
	}
	for _, it := range found {
		o.citeItem(it)
	}
	o.in = iCerts
	o.say("%s holds %d certificates whose name or issuer says “%s”: %s.", x.Who(), len(found), words[0], list(parts))
	o.focusOn(found...)
	return true
}

// hasStemPrefix reports a token of ts that begins with st.
func hasStemPrefix(ts []string, st string) bool {
	for _, t := range ts {
		if strings.HasPrefix(t, st) {
			return true
		}
	}
	return false
}
