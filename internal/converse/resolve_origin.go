package converse

// originQuestion answers "where did she grow up", "where was he born" with
// no place named (answerPlace takes "did she grow up in Dublin"): never the
// place of the entry just discussed.
func (r *resolver) originQuestion() bool {
	q := r.q
	if len(q.ents) > 0 || q.inPlace || q.hasWin || !q.third || at(q.ts, 0) != "where" ||
		!hasAnyToken(q.ts, "grow", "grew", "raised", "born", "hometown", "originally") {
		return false
	}
	r.x.origin(r.o)
	return true
}
