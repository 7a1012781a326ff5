package converse

import (
	"slices"
	"strings"
)

// A visitor's follow-up is often two words that name no subject: "how
// many?", "how much?", "why?", "by whom?", "for whom?", "with whom?". They
// ask about what was just said, so they are never off-topic: the answer is
// the sentence of the entries in focus that gives a number, a reason or a
// party, else a plain "the profile doesn't say", else (nothing in focus) a
// request to say more.

type fragKind uint8

const (
	fragNone fragKind = iota
	fragCount
	fragMuch
	fragOften
	fragWhy
	fragBy
	fragFor
	fragWith
	fragKindOf // "what kind?": more of what was just said
	fragWhich  // "in which aircraft?": the thing named in the entries just given
)

// fragmentTails may end a bare follow-up: "how many in all", "why is that".
var fragmentTails = [][]string{nil, {"then"}, {"is", "that"}, {"was", "that"}, {"exactly"}, {"so"}, {"again"}, {"mostly"}, {"usually"}, {"mainly"}}

// partyNouns are what "for which N" asks after a list: an organisation.
var partyNouns = setOf(`organisation organisations organization organizations company companies client clients firm firms
employer employers charity charities group groups team teams`)

// sortNouns ask for the kind of what was just said.
var sortNouns = setOf(`kind kinds sort sorts type types`)

// fragmentOf reports which bare follow-up ts is, or fragNone.
func fragmentOf(ts []string) fragKind {
	if len(ts) == 0 || len(ts) > 4 {
		return fragNone
	}
	tail := func(n int) bool {
		for _, t := range fragmentTails {
			if slices.Equal(ts[n:], t) {
				return true
			}
		}
		return false
	}
	first, second := ts[0], at(ts, 1)
	switch {
	case first == "why" && tail(1), first == "how" && second == "come" && tail(2):
		return fragWhy
	case first == "how" && second == "many" && tail(2):
		return fragCount
	case first == "how" && second == "much" && tail(2):
		return fragMuch
	case first == "how" && second == "often" && tail(2):
		return fragOften
	}
	if (first == "what" || first == "which") && sortNouns[second] && (tail(2) || len(ts) == 3 && ts[2] == "of") {
		return fragKindOf
	}
	if (first == "in" || first == "on" || first == "with" || first == "at") && (second == "which" || second == "what") && len(ts) == 3 && !partyNouns[ts[2]] {
		return fragWhich
	}
	var prep string
	switch {
	case (second == "whom" || second == "who") && (first == "by" || first == "for" || first == "with") && tail(2):
		prep = first
	case first == "who" && (second == "by" || second == "for" || second == "with") && tail(2):
		prep = second
	case first == "for" && (second == "which" || second == "what") && partyNouns[at(ts, 2)] && tail(3):
		prep = "for"
	}
	switch prep {
	case "by":
		return fragBy
	case "for":
		return fragFor
	case "with":
		return fragWith
	}
	return fragNone
}

// bareFragment answers a bare follow-up (fragmentOf) from the entries in
// focus.
func (r *resolver) bareFragment() bool {
	x, o, q := r.x, r.o, r.q
	kind := fragmentOf(q.ts)
	if kind == fragNone || len(q.ents) > 0 || len(q.techs) > 0 {
		return false
	}
	f := r.searchTies(r.focus())
	if len(f) == 0 && kind == fragKindOf && r.st.Intent != "" {
		x.respond(o, x.understand("tell me more", r.now), r.st, r.now)
		return true
	}
	if len(f) == 0 {
		o.in = iUnknown
		o.say("Could you say a little more? I'm not sure what that refers to.")
		x.help(o)
		return true
	}
	if kind == fragKindOf {
		// "what kind?" after her hobbies or a job: the details of what
		// was just said, as "tell me more" gives them
		x.respond(o, x.understand("tell me more", r.now), r.st, r.now)
		return true
	}
	var sns []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if citesItem(sn.cite, f) && (kind == fragWhich && x.namesThing(sn.toks, q.ts[2]) || kind != fragWhich && kind.answeredBy(sn)) {
			sns = append(sns, sn)
		}
	}
	if kind == fragWhich {
		if len(sns) == 0 {
			return false
		}
		o.in = iMore
		o.focusOn(f...)
		return x.quoteSentences(o, "The profile says:", sns)
	}
	o.in = iMore
	o.focusOn(f...)
	if x.quoteSentences(o, "The profile says:", sns) {
		return true
	}
	if kind == fragBy || kind == fragFor {
		if x.partiesOf(o, f, kind) {
			return true
		}
	}
	o.in = iUnknown
	switch kind {
	case fragCount, fragMuch:
		o.say("The profile doesn't give a number for that.")
	case fragOften:
		o.say("The profile doesn't say how often.")
	case fragWhy:
		o.say("The profile doesn't say why.")
	default:
		o.say("The profile doesn't say who with.")
	}
	return true
}

// answeredBy reports whether sn answers the bare follow-up k.
func (k fragKind) answeredBy(sn *snippet) bool {
	switch k {
	case fragCount:
		for _, t := range sn.toks {
			if isCount(t) && !yearLike(t) {
				return true
			}
		}
		return false
	case fragMuch:
		return sn.sum
	case fragOften:
		return statesFrequency(sn.toks)
	case fragWhy:
		return hasAnyToken(sn.toks, causeWords...) || strings.Contains(sn.low, " so that ") || strings.Contains(sn.low, " in order to ")
	case fragBy:
		return strings.Contains(sn.low, " by ") && hasCapitalAfter(sn.text, " by ") // "acquired by Ocado", not "used by 120 stores"
	case fragFor:
		return strings.Contains(sn.low, " for ") && hasCapitalAfter(sn.text, " for ")
	case fragWith:
		return strings.Contains(sn.low, " with ") && hasCapitalAfter(sn.text, " with ")
	}
	return false
}

// yearLike reports a token that reads as a year ("2019"), not a count.
func yearLike(t string) bool {
	return len(t) == 4 && isDigits(t) && (t[:2] == "19" || t[:2] == "20")
}

// hasCapitalAfter reports a capitalised word right after word in text: "for
// Siemens", not "for data pipelines".
func hasCapitalAfter(text, word string) bool {
	for i := 0; ; {
		j := strings.Index(strings.ToLower(text[i:]), word)
		if j < 0 {
			return false
		}
		k := i + j + len(word)
		if k < len(text) && text[k] >= 'A' && text[k] <= 'Z' {
			return true
		}
		i = k
	}
}

// partiesOf names who gave, published or issued the entries in focus ("by
// whom"), or the organisations of the jobs and volunteering in focus ("for
// whom").
func (x *Index) partiesOf(o *out, f []*item, kind fragKind) bool {
	var parts []string
	for _, it := range f {
		var who string
		switch {
		case kind == fragBy && it.sec == secAwards && it.idx < len(x.r.Awards):
			who = x.r.Awards[it.idx].Awarder
		case kind == fragBy && it.sec == secPublications && it.idx < len(x.r.Publications):
			who = x.r.Publications[it.idx].Publisher
		case kind == fragBy && it.sec == secCertificates && it.idx < len(x.r.Certificates):
			who = x.r.Certificates[it.idx].Issuer
		case kind == fragFor && (it.sec == secWork || it.sec == secVolunteer):
			who = it.title
		}
		if who == "" {
			continue
		}
		if kind == fragBy {
			who = it.label() + ": " + who
		}
		parts = append(parts, who)
		o.citeItem(it)
	}
	if len(parts) == 0 {
		return false
	}
	if kind == fragBy {
		o.say("%s.", strings.Join(parts, "; "))
	} else {
		o.say("%s.", list(parts))
	}
	return true
}

// namesThing reports whether ts names a noun: the word itself, or a
// keyword of the skill group it names ("aircraft": "Cessna 172").
func (x *Index) namesThing(ts []string, noun string) bool {
	if holdsWord(ts, noun) {
		return true
	}
	sn := stem(noun)
	for i, nt := range x.skillNames {
		if len(nt) == 0 || stem(nt[0]) != sn && singular(nt[0]) != singular(noun) {
			continue
		}
		for _, k := range x.r.Skills[i].Keywords {
			if kt := tokens(k); len(kt) > 0 && containsSeq(ts, kt) {
				return true
			}
		}
	}
	return false
}

// containsSeq reports whether ts holds sub as consecutive tokens.
func containsSeq(ts, sub []string) bool {
	for i := 0; i+len(sub) <= len(ts); i++ {
		if slices.Equal(ts[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// entryOrgNouns name the organisation of an entry, asked after a reply about
// entries: "for which club?", "at what company?", "which school?".
var entryOrgNouns = setOf(`organisation organization company firm employer club team school university college hospital
agency institution studio bank charity`)

// orgFragment reports a bare "(for|at|with|in) which|what N" or "which N"
// whose N is an organisation.
func orgFragment(ts []string) bool {
	if len(ts) > 4 || len(ts) < 2 {
		return false
	}
	if ts[0] == "for" || ts[0] == "at" || ts[0] == "with" || ts[0] == "in" {
		ts = ts[1:]
	}
	if len(ts) < 2 || ts[0] != "which" && ts[0] != "what" || !entryOrgNouns[singular(ts[1])] {
		return false
	}
	switch len(ts) {
	case 2:
		return true
	case 3:
		return ts[2] == "then" || ts[2] == "exactly" || ts[2] == "was" || ts[2] == "again"
	}
	return false
}

// orgOfFocus answers a bare "for which club?" after a reply about jobs,
// studies or volunteering: their organisations, not every employer the
// question's noun would list.
func (r *resolver) orgOfFocus() bool {
	o, q := r.o, r.q
	if len(q.ents) > 0 || len(q.techs) > 0 || !orgFragment(q.ts) {
		return false
	}
	f := r.focus()
	var parts []string
	for _, it := range f {
		if it.title == "" || it.sec != secWork && it.sec != secVolunteer && it.sec != secEducation {
			continue
		}
		if !slices.Contains(parts, it.title) {
			parts = append(parts, it.title)
		}
		o.citeItem(it)
	}
	if len(parts) == 0 {
		return false
	}
	o.in = iMore
	o.focusOn(f...)
	o.say("That was %s.", list(parts))
	return true
}

// searchTies is f, the entry a search reply put in focus, with the other
// entries it quoted as equally good answers (its list, the focus first):
// "by whom?" after "were any of them acquired" asks of every acquisition
// quoted.
func (r *resolver) searchTies(f []*item) []*item {
	st := r.st
	if len(f) != 1 || st.Intent != iSearch.String() || len(st.List) < 2 || st.ListSection != f[0].sec || st.List[0] != f[0].idx {
		return f
	}
	items := r.x.section(st.ListSection)
	for _, i := range st.List[1:] {
		if i >= 0 && i < len(items) {
			f = append(f, &items[i])
		}
	}
	return f
}
