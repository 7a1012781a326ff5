package converse

import (
	"regexp"
	"strings"
)

// lengthUnit finds a length in a sentence: "420 m", "2.3 km", "640 m",
// "1,200 ft".
var lengthUnit = regexp.MustCompile(`(?i)\b\d[\d,.]*\s?(?:m|km|ft|mi|miles?|metres?|meters?|kilometres?|kilometers?|feet|yards?)\b`)

// lengthOf answers "how long is the wharf extension": a thing's length,
// not a stay, when the question names a project (not the person) with
// "is" or "was" and the project's own text gives a length.
func (r *resolver) lengthOf() bool {
	x, o, q := r.x, r.o, r.q
	if at(q.ts, 0) != "how" || at(q.ts, 1) != "long" || at(q.ts, 2) != "is" && at(q.ts, 2) != "was" || at(q.ts, 3) == "@p" ||
		len(q.ents) != 1 || q.ents[0].sec != secProjects || q.hasWin || q.person {
		return false
	}
	it := q.ents[0]
	p := x.r.Projects[it.idx]
	var lines []string
	for _, s := range append([]string{p.Description}, p.Highlights...) {
		for _, sn := range splitSentences(s) {
			if lengthUnit.MatchString(sn) {
				lines = append(lines, "“"+strings.TrimRight(strings.TrimSpace(sn), ".")+"”")
			}
		}
	}
	if len(lines) == 0 {
		return false
	}
	o.in = iMore
	o.citeItem(it)
	o.focusOn(it)
	o.say("On its size, the profile says of %s: %s.", it.label(), strings.Join(lines, "; "))
	return true
}
