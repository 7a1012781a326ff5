package converse

import "strings"

// A reference asked by one of its giver's names: "what did erlich say",
// "who is bachman", "and tom?". The name is no word the engine knows, so
// without this it reads as a question about someone else entirely and is
// refused. One name answers only when it is a single reference's and not
// the owner's: "what did rui say" of a profile owned by a Rui is his.

// refereeAskWords make a question one about a person: without one of
// them, a referee's name among other words ("has she been to jordan")
// may be a place or a thing, and is left to the other answers.
var refereeAskWords = setOf(`who whom whose say says said think thinks thought write wrote writes written reference referee recommend recommended recommendation vouch vouched about feel feels opinion`)

// refereeByName answers with the one reference one of whose giver's
// names the question holds.
func (r *resolver) refereeByName() bool {
	x, q := r.x, r.q
	if len(x.r.References) == 0 || q.person || len(q.ts) > 8 || len(q.ts) > 3 && !hasAnyTokenIn(q.ts, refereeAskWords) {
		return false
	}
	found := -1
	for _, t := range q.ts {
		if !nameLike(t) || x.nameToks[t] || x.anyTitleWord(t) {
			continue
		}
		i := x.refereeNamed(t)
		switch {
		case i < 0:
			continue
		case found >= 0 && found != i:
			return false // two referees named: which is meant is unclear
		}
		found = i
	}
	if found < 0 {
		return false
	}
	r.o.in = iReferences
	x.reference(r.o, found)
	return true
}

// refereeNamed returns the one reference whose giver is called t, first
// name or last ("Adaeze and Tom Okafor" for tom), or -1 when none or
// several are.
func (x *Index) refereeNamed(t string) int {
	found := -1
	for i, ref := range x.r.References {
		for _, n := range personName(ref.Name) {
			if n != t {
				continue
			}
			if found >= 0 && found != i {
				return -1
			}
			found = i
		}
	}
	if found >= 0 && strings.TrimSpace(x.r.References[found].Name) == "" {
		return -1
	}
	return found
}
