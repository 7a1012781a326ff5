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
