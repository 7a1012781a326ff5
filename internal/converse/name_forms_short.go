package converse

import (
	"strings"
	"unicode"
)

// Short forms of names: credential acronyms, names written in capitals,
// numbers with a unit of size.

// certAcronym reports a short word that a certificate's name writes in
// capitals ("cfa" of "CFA Level II", "pmp" of "PMP"): a credential asked
// by its initials.
func (x *Index) certAcronym(w string) bool {
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	up := strings.ToUpper(w)
	for _, c := range x.r.Certificates {
		for _, f := range strings.FieldsFunc(c.Name, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if f == up {
				return true
			}
		}
	}
	return false
}

// certAcronymsUp writes in capitals the words of asked that are a
// certificate's acronym: "a CFA charterholder", not "a cfa charterholder".
func (x *Index) certAcronymsUp(asked string, noun []string) string {
	for _, w := range noun {
		if x.certAcronym(w) {
			asked = strings.Replace(asked, " "+w, " "+strings.ToUpper(w), 1)
		}
	}
	return asked
}

// capsWord reports a name whose first word is written in capitals, two
// letters or more: "ROS" of "ROS 2".
func capsWord(kw string) bool {
	f, _, _ := strings.Cut(strings.TrimSpace(kw), " ")
	if len(f) < 2 {
		return false
	}
	for _, r := range f {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// magnitude reports a number with a unit letter of size: "1.2b" of
// "$1.2B division", "40m", "5bn": a sum or a scale, never a headcount.
func magnitude(t string) bool {
	n := len(t)
	if n < 2 || t[0] < '0' || t[0] > '9' {
		return false
	}
	for _, suf := range []string{"k", "m", "b", "bn", "mn", "mm"} {
		if strings.HasSuffix(t, suf) && t[n-len(suf)-1] >= '0' && t[n-len(suf)-1] <= '9' {
			return true
		}
	}
	return false
}

// editionWords end a product's name without being the product: "Pro",
// "Suite", "Desktop".
var editionWords = setOf(`pro suite desktop premium professional enterprise online`)
