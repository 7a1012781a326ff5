package converse

import "strings"

// "What was his first company", "her first startup": of a founder, the
// first company founded, which a list of jobs dated from an earlier
// employment does not give; the earliest job is said beside it.

// companyNouns are what a founder's "first company" calls a venture.
var companyNouns = setOf(`company companies startup startups business businesses venture ventures`)

// founderRole reports a title of someone who founded or owns the
// employer: "Co-founder & CEO", "Founder", "Owner".
func founderRole(role string) bool {
	for _, t := range tokens(role) {
		switch t {
		case "founder", "cofounder", "co-founder", "owner", "co-owner", "founding":
			return true
		}
	}
	return false
}

// firstFounded answers "what was his first company" with the earliest
// founder's role, and the earliest job when that came before it. False
// unless the question asks for a first company and a role is a founder's.
func (x *Index) firstFounded(o *out, q *query) bool {
	if !hasAnyToken(q.ts, "first", "earliest") || !hasAnyTokenIn(q.ts, companyNouns) || hasAnyToken(q.ts, "job", "jobs", "employer", "role", "work", "worked") {
		return false
	}
	jobs := x.sorted(secWork) // newest first
	var first *item
	for _, it := range jobs {
		if it.dated && !it.brk && founderRole(it.role) {
			first = it
		}
	}
	if first == nil {
		return false
	}
	o.in = iFirst
	if sp := strings.Trim(first.span(), " ()"); sp != "" {
		o.say("The first company %s founded, as the profile lists it, is %s (%s, %s).", x.who(), first.title, first.role, sp)
	} else {
		o.say("The first company %s founded, as the profile lists it, is %s (%s).", x.who(), first.title, first.role)
	}
	o.citeItem(first)
	o.focusOn(first)
	var earliest *item
	for _, it := range jobs {
		if it.dated && !it.brk {
			earliest = it
		}
	}
	if earliest != nil && earliest != first {
		o.say("%s earliest job was %s%s.", capital(x.whose()), earliest.roleAt(), earliest.span())
		o.citeItem(earliest)
	}
	return true
}

// firstFounded answers "what was his first company" of a founder.
func (r *resolver) firstFounded() bool {
	q := r.q
	return !q.hasWin && len(q.ents) == 0 && len(q.techs) == 0 && r.x.firstFounded(r.o, q)
}

// investsIn answers "does he invest in consumer apps", "what does she
// invest in" from the sentences about investing, before a word of the
// question ("apps") reads as a kind of project.
func (r *resolver) investsIn() bool {
	x, o, q := r.x, r.o, r.q
	if q.hasWin || len(q.ents) > 0 || !hasAnyToken(q.ts, "invest", "invests", "invested", "investing") {
		return false
	}
	stems := []string{"invest"}
	for _, t := range q.ts {
		if len(t) >= 4 && !searchStop[t] && t != "@p" && !strings.HasPrefix(t, "invest") {
			stems = append(stems, stem(t))
		}
	}
	sub := &out{x: x}
	if x.searchStems(sub, stems) == 0 {
		return false
	}
	o.adopt(sub)
	return true
}
