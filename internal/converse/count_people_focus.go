package converse

// "How many people?", "how many kids go": a bare count of people after a
// reply about a job or a camp asks how many that entry has. The question
// names no entry and may use its own word for them ("kids" of "60
// athletes aged 12 to 17"), so it would read as one about the world and
// be refused; the entry in focus answers it when a sentence of its own
// gives a number of people.

// peopleNouns are the people a count may ask or a sentence may count.
var peopleNouns = setOf(`people persons kids children students pupils staff employees athletes players members volunteers workers associates attendees participants customers patients clients learners trainees campers visitors fans crew engineers nurses`)

// countPeopleInFocus answers a bare count of people from the entries in
// focus.
func (r *resolver) countPeopleInFocus() bool {
	q := r.q
	if at(q.ts, 0) != "how" || at(q.ts, 1) != "many" || !peopleNouns[at(q.ts, 2)] || len(q.ts) > 5 || len(q.ents) > 0 || q.person {
		return false
	}
	focus := r.focus()
	if len(focus) == 0 {
		return false
	}
	x := r.x
	var sns []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if !citesItem(sn.cite, focus) {
			continue
		}
		last := -10
		for j, t := range sn.toks {
			if isCount(t) {
				last = j
			} else if peopleNouns[t] && j-last <= 3 {
				sns = append(sns, sn)
				break
			}
		}
	}
	if len(sns) == 0 {
		return false
	}
	r.o.in = iSearch
	for i, sn := range sns {
		if i == 2 {
			break
		}
		r.o.mentions(sn)
	}
	return true
}
