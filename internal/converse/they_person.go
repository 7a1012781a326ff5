package converse

// "What do they do", "where have they worked": a visitor who does not
// know the person's pronouns says "they", and the plural verb around it
// must read as the singular one the cues are written with ("what does @p
// do"). Only "they" is mended: "what do you know" asks the assistant
// what it knows, and its cues keep "do". The raw question keeps "they",
// so a follow-up where "they" is the company just named still reads so
// (refersBack).

// singularAux maps a plural auxiliary before "they" to the singular.
var singularAux = map[string]string{"do": "does", "have": "has", "are": "is", "were": "was", "dont": "doesnt", "havent": "hasnt", "arent": "isnt"}

// theyAgree puts into the singular the auxiliary just before "they" in ts,
// the question's tokens so far (the last is the word before "they").
func theyAgree(ts []string, raw string) {
	if raw != "they" || len(ts) == 0 {
		return
	}
	if s, ok := singularAux[ts[len(ts)-1]]; ok {
		ts[len(ts)-1] = s
	}
}

// companyVerbs are what an employer does, asked with "they" right after
// it is discussed: "what do they do", "what do they make".
var companyVerbs = setOf(`do does make makes sell sells build builds offer offers produce produces`)

// theyTheEntry reads "what do they do" after a reply about one job as a
// question about that employer, as "what does it do" is: "they" is the
// company there, not the person.
func (r *resolver) theyTheEntry() bool {
	q := r.q
	n := len(q.ts)
	if n < 4 || q.ts[0] != "what" || q.ts[n-2] != "@p" || !companyVerbs[q.ts[n-1]] || len(q.ents) > 0 || q.hasWin || !hasAnyToken(tokens(q.raw), "they") {
		return false
	}
	f := r.focus()
	if len(f) != 1 || f[0].sec != secWork || f[0].brk || f[0].ownAcct {
		return false
	}
	r.x.modifier(r.o, iMore, q, r.st, f, nil, r.now)
	return true
}
