package converse

// originQuestion answers "where did she grow up", "where was he born" with
// no place named (answerPlace takes "did she grow up in Dublin"): never the
// place of the entry just discussed.
func (r *resolver) originQuestion() bool {
	q := r.q
	if len(q.ents) > 0 || q.inPlace || q.hasWin || !q.third || at(q.ts, 0) != "where" ||
		!hasAnyToken(q.ts, "grow", "grew", "raised", "born", "hometown", "originally") && !asksFrom(q.ts) {
		return false
	}
	r.x.origin(r.o)
	return true
}

// asksFrom reports "where is she from", "where does he come from": where
// the person comes from, which where she is based does not say.
func asksFrom(ts []string) bool {
	if len(ts) < 3 || ts[len(ts)-1] != "from" {
		return false
	}
	switch ts[1] {
	case "is", "was", "does", "did", "'s", "s":
		return true
	}
	return false
}

// origin answers where she grew up or comes from: the summary's words if it
// has them, else that the profile doesn't say; then where she is based.
func (x *Index) origin(o *out) {
	o.in = iLocation
	o.origin = true
	if !x.summarySays(o, "hails from", "grew up", "born in", "native of", "raised in", "originally from", "comes from", "moved from") {
		o.say("The profile doesn't say where %s grew up or comes from.", x.who())
	}
	if home := x.basedIn(); home != "" {
		o.say("%s is based in %s.", x.Who(), home)
		o.cite(secBasics, 0, "location")
	}
}
