package converse

import "strings"

// A visitor asks for an award of a kind at an event: "did he win an
// Olympic medal". Matched word by word, the Olympic results (no medal)
// and the medals (not Olympic) are listed together, which reads as yes.
// When the profile's awards use the noun, but none of those named by the
// qualifier does, the answer is no, with what the qualifier does name.

// awardKinds are kinds of award a qualifier narrows ("Olympic medal",
// "Nobel prize").
var awardKinds = setOf(`medal medals prize prizes trophy trophies`)

// awardOfKind answers a yes/no question naming "<qualifier> <award noun>"
// when awards hold each word but none holds both.
func (r *resolver) awardOfKind() bool {
	x, o, q := r.x, r.o, r.q
	if len(x.awards) < 2 || !yesNoQuestion(q.ts) {
		return false
	}
	for i := 1; i < len(q.ts); i++ {
		noun, qual := q.ts[i], q.ts[i-1]
		if !awardKinds[noun] || len(qual) < 4 || !isAlphaWord(qual) || commonWords[qual] || searchStop[qual] {
			continue
		}
		var named, kind []*item
		for _, it := range x.sorted(secAwards) {
			st := stemsOf(tokens(it.title))
			hasQual, hasNoun := containsString(st, stem(qual)), containsString(st, stem(noun))
			if hasQual && hasNoun {
				return false // one award is both: the entry steps find it
			}
			if hasQual {
				named = append(named, it)
			}
			if hasNoun {
				kind = append(kind, it)
			}
		}
		if len(named) == 0 || len(kind) == 0 {
			return false
		}
		o.in = iAwards
		var parts []string
		for _, it := range named {
			parts = append(parts, it.label()+it.span())
			o.citeItem(it)
		}
		o.say("No: none of %s awards is %s. The %s ones are %s.", x.whose(), article(capital(qual)+" "+singular(noun)), capital(qual), list(parts))
		parts = parts[:0]
		for _, it := range kind {
			parts = append(parts, it.label()+it.span())
			o.citeItem(it)
		}
		o.say("%s %s: %s.", capital(x.whose()), pluralOf(noun), list(parts))
		o.focusOn(named...)
		return true
	}
	return false
}

// pluralOf gives an award noun's plural: "medals", "trophies".
func pluralOf(n string) string {
	switch {
	case strings.HasSuffix(n, "s"):
		return n
	case strings.HasSuffix(n, "y"):
		return n[:len(n)-1] + "ies"
	}
	return n + "s"
}
