package converse

import "strings"

// Other people the profile names: a reference ("who is Linda Sorensen"),
// a co-author or a supervisor in a sentence ("where does Karim Haddad
// work"). The profile is about its owner: what it says of them is quoted,
// and nothing more is made up.

// otherPerson answers a question naming someone else the profile names.
func (r *resolver) otherPerson() bool {
	x, o, q := r.x, r.o, r.q
	if q.person || len(q.techs) > 0 || len(q.ts) < 3 {
		return false
	}
	for i := 0; i+1 < len(q.ts); i++ {
		a, b := q.ts[i], q.ts[i+1]
		// cheap tests first: this runs for most questions, and a name the
		// profile writes is two of its words in a row
		if !nameLike(a) || !nameLike(b) || x.nameToks[a] {
			continue
		}
		if len(x.r.References) > 0 && x.referenceNamed(o, a, b) {
			return true
		}
		if !x.words[stem(a)] || !x.words[stem(b)] || x.anyTitleWord(a) || x.anyTitleWord(b) {
			continue
		}
		var sns []*snippet
		for k := range x.snippets {
			if hasRun(x.snippets[k].toks, a, b) && capitalisedRun(x.snippets[k].text, a, b) {
				sns = append(sns, &x.snippets[k])
			}
		}
		if len(sns) == 0 {
			continue
		}
		name := x.visitorSpelling(q.raw, q.ts[i:i+2])
		o.in = iSearch
		return x.quoteSentences(o, "The profile doesn't say more about "+name+" than this:", sns)
	}
	return false
}

// referenceNamed answers with the reference whose giver's first and last
// names are a and b.
func (x *Index) referenceNamed(o *out, a, b string) bool {
	for i, ref := range x.r.References {
		run := personName(ref.Name)
		if len(run) < 2 || run[0] != a || run[len(run)-1] != b {
			continue
		}
		o.in = iReferences
		if text := strings.TrimSpace(ref.Reference); text != "" {
			o.say("%s gave %s a reference: “%s”", strings.TrimSpace(ref.Name), x.who(), text)
		} else {
			o.say("The profile names %s as a reference.", strings.TrimSpace(ref.Name))
		}
		o.cite(secReferences, i, "")
		return true
	}
	return false
}

// personName returns the tokens of a reference's name before its title
// ("Dr. Rachel Feldman, Director, ..." -> rachel feldman).
func personName(name string) []string {
	head, _, _ := strings.Cut(name, ",")
	var out []string
	for _, t := range tokens(head) {
		if !honorifics[strings.TrimSuffix(t, ".")] {
			out = append(out, t)
		}
	}
	return out
}

// hasRun reports whether a is followed by b in ts.
func hasRun(ts []string, a, b string) bool {
	for i := 0; i+1 < len(ts); i++ {
		if ts[i] == a && ts[i+1] == b {
			return true
		}
	}
	return false
}

// nameLike reports a word that may be part of a person's name: no
// everyday, cue or question word.
func nameLike(t string) bool {
	return len(t) >= 3 && isAlphaWord(t) && !commonWords[t] && !searchStop[t] && cueTable[t] == nil && !askVerbs[t] && offTopicTable[t] == nil
}

// anyTitleWord reports whether t is a word of the name of any entry, an
// award's or a paper's too: "the michelin star" is no person.
func (x *Index) anyTitleWord(t string) bool {
	for _, list := range [][]item{x.work, x.education, x.volunteer, x.projects, x.awards, x.certificates, x.publications} {
		for i := range list {
			for _, k := range list[i].keys {
				if k == t {
					return true
				}
			}
		}
	}
	return false
}

// capitalisedRun reports whether text writes the words a b in a row with
// capitals, as a name: "With Karim Haddad and ...".
func capitalisedRun(text, a, b string) bool {
	f := strings.Fields(text)
	for i := 0; i+1 < len(f); i++ {
		if strings.EqualFold(strings.Trim(f[i], ".,;:()"), a) && strings.EqualFold(strings.Trim(f[i+1], ".,;:()"), b) {
			return isUpper(f[i][0]) && isUpper(f[i+1][0])
		}
	}
	return false
}
