package converse

import "strings"

// languagesThere answers "what languages did she take calls in there" of
// the one job in focus whose own text names some of her spoken languages
// ("Customer Service Agent (German and English)"): those, not every
// language she speaks. A job that names none is left to the whole list.
func (r *resolver) languagesThere() bool {
	x, o, q := r.x, r.o, r.q
	if q.scores[iLangs] <= 0 || len(x.r.Languages) == 0 || len(q.ents) > 0 || q.lang != "" || !hasAnyToken(q.ts, "there", "then") {
		return false
	}
	f := r.focus()
	if len(f) != 1 || f[0].sec != secWork || f[0].idx >= len(x.r.Work) {
		return false
	}
	w := x.r.Work[f[0].idx]
	said := tokens(w.Position + " " + w.Summary + " " + strings.Join(w.Highlights, " "))
	var named []string
	for i, l := range x.r.Languages {
		name := spokenName(l.Language)
		if name != "" && hasAnyToken(said, strings.ToLower(name)) {
			named = append(named, name)
			o.cite(secLanguages, i, "")
		}
	}
	if len(named) == 0 {
		return false // nothing cited either: o.cite ran only for a name found
	}
	o.in = iLangs
	o.say("As %s, the profile names %s.", f[0].roleAt(), list(named))
	o.citeItem(f[0])
	o.focusOn(f[0])
	return true
}
