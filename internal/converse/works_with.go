package converse

import "strings"

// worksWith answers "does she work with horses", "does he treat cats":
// whether the profile's own sentences name what is asked about (quoted),
// or a plain "the profile doesn't mention horses". The verb alone would
// otherwise read as "what does she do now".
func (r *resolver) worksWith() bool {
	x, o, q := r.x, r.o, r.q
	ts := q.ts
	if len(ts) < 4 || ts[0] != "does" && ts[0] != "do" && ts[0] != "did" || ts[1] != "@p" || len(q.techs) > 0 || len(q.ents) > 0 || q.hasWin {
		return false
	}
	var obj []string
	switch ts[2] {
	case "work", "worked":
		if ts[3] != "with" {
			return false
		}
		obj = ts[4:]
	case "treat", "treated":
		obj = ts[3:]
	default:
		return false
	}
	if len(obj) == 0 || len(obj) > 2 {
		return false
	}
	for _, w := range obj {
		if commonWords[w] || worksWithGeneric[w] || !isAlphaWord(w) {
			return false // "work with a team", "work with others": how she works, not what
		}
	}
	want := make([]string, len(obj))
	for i, w := range obj {
		want[i] = stem(singular(w))
	}
	var picked []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		all := true
		for _, w := range want {
			found := false
			for _, t := range sn.toks {
				if stem(singular(t)) == w {
					found = true
					break
				}
			}
			all = all && found
		}
		if all {
			picked = append(picked, sn)
		}
	}
	o.in = iSearch
	if len(picked) == 0 {
		o.say("The profile doesn't mention %s.", strings.Join(obj, " "))
		return true
	}
	for i, sn := range picked {
		if i == 2 {
			break
		}
		o.mentions(sn)
	}
	if it := x.snippetItem(picked[0]); it != nil {
		o.focusOn(it)
	}
	return true
}

// worksWithGeneric are objects of "work with" that ask how she works.
var worksWithGeneric = setOf(`team teams others people colleagues clients customers partners stakeholders remote remotely us me you them him her`)
