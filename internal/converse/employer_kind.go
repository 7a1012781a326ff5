package converse

import "strings"

// employersOfKind answers "which airlines has he flown for": a plural noun
// after "which" or "what" that an employer's own name holds is a kind of
// employer, so the answer is the employers of that kind, not every entry
// that shares the word (the "Airline Transport Pilot" certificate, an award
// from the airline). It reports whether it answered.
func (x *Index) employersOfKind(o *out, q *query) bool {
	if w := at(q.ts, 0); w != "which" && w != "what" {
		return false
	}
	kind := at(q.ts, 1)
	if !pluralFragment(kind) {
		return false
	}
	one := strings.TrimSuffix(kind, "s")
	if strings.HasSuffix(kind, "ies") {
		one = kind[:len(kind)-3] + "y" // "ferries": "Hardanger Ferry Co"
	}
	// The names that hold the noun itself, then those that only start
	// it, when the job there is of the same kind: "Horizon Air", where he
	// was a First Officer as at Alaska Airlines, not "Civil Air Patrol",
	// where he flew search sorties.
	var picked, partly []*item
	roleWords := map[string]bool{}
	for _, it := range x.sorted(secWork) {
		switch namesKind(it.title, kind, one) {
		case 2:
			picked = append(picked, it)
			for _, w := range tokens(it.role) {
				if len(w) >= 4 && !commonWords[w] {
					roleWords[stem(w)] = true
				}
			}
		case 1:
			partly = append(partly, it)
		}
	}
	if len(picked) == 0 {
		return false
	}
	for _, it := range partly {
		for _, w := range tokens(it.role) {
			if roleWords[stem(w)] {
				picked = append(picked, it)
				break
			}
		}
	}
	if len(picked) < 2 {
		return false
	}
	o.in = iEmployer
	var names []string
	roles := map[string][]string{}
	for _, it := range picked {
		o.citeItem(it)
		if roles[it.title] == nil {
			names = append(names, it.title)
		}
		r := it.role
		if sp := strings.TrimSuffix(strings.TrimPrefix(it.span(), " ("), ")"); sp != "" && r != "" {
			r += ", " + sp
		} else if r == "" {
			r = sp
		}
		roles[it.title] = append(roles[it.title], r)
	}
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = n
		if rs := strings.Join(roles[n], "; "); rs != "" {
			parts[i] += " (" + rs + ")"
		}
	}
	o.say("The %s among %s employers, by their names: %s.", kind, x.whose(), list(parts))
	o.focusOn(picked...)
	return true
}

// namesKind reports 2 when an employer's name holds the noun kind (or its
// singular one) as a word, 1 when a word of three letters or more that
// kind starts with ("air" of "airlines"), 0 otherwise.
func namesKind(name, kind, one string) int {
	best := 0
	for _, w := range tokens(name) {
		switch {
		case w == kind || w == one:
			return 2
		case len(w) >= 3 && strings.HasPrefix(kind, w) && !commonWords[w]:
			best = 1
		}
	}
	return best
}

// employersOfKind answers "which airlines has he flown for" before the
// entries that share the word are read as the ones asked about.
func (r *resolver) employersOfKind() bool {
	return len(r.q.ents) > 1 && !r.q.hasWin && r.x.employersOfKind(r.o, r.q)
}
