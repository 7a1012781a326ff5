package converse

import "strings"

// "What's her license number", "his CDL number": the number a licence's
// name gives after "No." or "#", or that the profile gives none, naming
// the licence. The certificates list would answer a different question,
// and a visitor reading it cannot tell that the number is missing.

// licenceNameWords mark a certificate that licenses or registers.
var licenceNameWords = []string{"licen", "registration", "registered", "permit"}

// licenceNumber answers a number asked of a licence.
func (r *resolver) licenceNumber() bool {
	x, q := r.x, r.q
	if len(x.certificates) == 0 || !q.has(" number") || hasAnyToken(q.ts, "phone", "telephone", "mobile", "cell") {
		return false
	}
	named := len(q.ents) > 0 && onlyIn(q.ents, secCertificates)
	word := licenceAsked(q.ts)
	if word == "" && !named {
		return false
	}
	if word == "" {
		word = "licence"
	}
	var held []*item
	if named {
		held = q.ents
	} else {
		for _, it := range x.sorted(secCertificates) {
			if containsAny(strings.ToLower(it.title), licenceNameWords) {
				held = append(held, it)
			}
		}
	}
	if len(held) == 0 {
		held = x.sorted(secCertificates)
	}
	x.sayLicenceNumbers(r.o, held, word)
	return true
}

// licenceAsked returns the licence word the visitor used, or "".
func licenceAsked(ts []string) string {
	for _, t := range ts {
		switch t {
		case "license", "licence", "registration", "permit":
			return t
		case "cdl":
			return "licence"
		}
	}
	return ""
}

// sayLicenceNumbers gives the numbers the names of held hold, and names
// the ones that hold none.
func (x *Index) sayLicenceNumbers(o *out, held []*item, word string) {
	var with, without []string
	for _, it := range held {
		o.citeItem(it)
		if n := numberInName(it.title); n != "" {
			with = append(with, n+", in “"+it.title+"”"+it.span())
		} else {
			without = append(without, "“"+it.title+"”"+it.span())
		}
	}
	o.in = iCerts
	switch {
	case len(with) == 0:
		o.say("The profile doesn't give a %s number. It lists %s.", word, list(without))
	case len(without) == 0:
		o.say("The %s number the profile gives: %s.", word, list(with))
	default:
		o.say("The %s number the profile gives: %s. It doesn't give one for %s.", word, list(with), list(without))
	}
	o.focusOn(held...)
}

// numberInName returns the number a certificate's name gives after "No.",
// "No" or "#", or "": "NFPA 1001" names a standard, not a licence.
func numberInName(name string) string {
	low := strings.ToLower(name)
	for _, mark := range []string{"no. ", "no ", "#"} {
		i := strings.Index(low, mark)
		for i >= 0 && i > 0 && isLetterByte(low[i-1]) {
			j := strings.Index(low[i+1:], mark)
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i < 0 {
			continue
		}
		rest := name[i+len(mark):]
		end := strings.IndexAny(rest, " ,;)")
		if end < 0 {
			end = len(rest)
		}
		if n := rest[:end]; strings.ContainsAny(n, "0123456789") {
			return n
		}
	}
	return ""
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
