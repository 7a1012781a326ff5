package converse

import (
	"slices"
	"strings"
)

// "What do his clients say about him?", "and his apprentice?": references
// name who each referee is ("Sarah Lindley, former Operations Manager,
// NATS Swanwick"; "Tom Okafor, client"). A question naming one kind of
// referee is answered with theirs alone, not the first two quoted.

// colleagueWords ask for referees from his jobs.
var colleagueWords = setOf(`colleague colleagues coworker coworkers workmates teammates boss bosses manager managers supervisor supervisors employer employers`)

// customerWords ask for referees he worked for.
var customerWords = setOf(`client clients customer customers`)

// refAskWords ask what a referee says; they name no kind of referee.
var refAskWords = setOf(`say says said think thinks thought about former current reference references referee referees recommend recommendation recommendations vouch testimonial testimonials quote quotes people others`)

// referencesBy answers a question about what a kind of referee says.
func (r *resolver) referencesBy() bool {
	x, o, q := r.x, r.o, r.q
	if len(x.r.References) < 2 || !(q.scores[iReferences] > 0 || hasAnyToken(q.ts, "say", "says", "said") || len(q.ts) <= 4 && r.intentWas(iReferences)) {
		return false
	}
	idx := x.refsNamed(q.ts)
	if len(idx) == 0 || len(idx) == len(x.r.References) {
		return false
	}
	o.in = iReferences
	for _, i := range idx {
		x.reference(o, i)
	}
	return true
}

// refsNamed returns the references whose referee the question's words
// describe: a word of the referee's line, a client for "clients", or
// someone from one of his employers for "colleagues".
func (x *Index) refsNamed(ts []string) []int {
	var asked []string
	colleague, customer := false, false
	for _, t := range ts {
		switch {
		case colleagueWords[t]:
			colleague = true
		case customerWords[t]:
			customer = true
		}
		if len(t) >= 4 && !searchStop[t] && !refAskWords[t] && !x.nameToks[t] {
			asked = append(asked, stem(t))
		}
	}
	var out []int
	for i, ref := range x.r.References {
		if strings.TrimSpace(ref.Reference) == "" {
			continue
		}
		nt := tokens(ref.Name)
		switch {
		case hasStemIn(nt, asked),
			customer && hasAnyTokenIn(nt, customerWords),
			colleague && (hasAnyTokenIn(nt, colleagueWords) || x.namesEmployer(nt)):
			out = append(out, i)
		}
	}
	return out
}

// namesEmployer reports whether ts holds a distinctive word of the name of
// an employer in the work history.
func (x *Index) namesEmployer(ts []string) bool {
	for _, w := range x.r.Work {
		for _, t := range tokens(w.Name) {
			if len(t) >= 3 && !commonWords[t] && !x.nameToks[t] && slices.Contains(ts, t) {
				return true
			}
		}
	}
	return false
}

// reference quotes the i-th reference, or says what its entry holds.
func (x *Index) reference(o *out, i int) {
	r := x.r.References[i]
	switch text := strings.TrimSpace(r.Reference); {
	case text != "":
		verb := "says"
		if who, _, _ := strings.Cut(r.Name, ","); strings.Contains(who, " and ") || strings.Contains(who, " & ") {
			verb = "say" // "Adaeze and Tom Okafor, clients"
		}
		o.say("%s %s: “%s”", nonBlank(r.Name, "A reference"), verb, text)
	case hasAnyToken(tokens(r.Name), "request", "requested", "available"):
		// "References available on request": a note in the name
		// field, not a person who said nothing
		o.say("The profile says: “%s”.", strings.TrimRight(strings.TrimSpace(r.Name), "."))
	case strings.TrimSpace(r.Name) != "":
		o.say("The profile names %s as a reference, without a quote.", strings.TrimSpace(r.Name))
	default:
		return
	}
	o.cite(secReferences, i, "")
}
