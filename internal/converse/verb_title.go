package converse

import (
	"slices"
	"strings"
)

// "Did she stack shelves", "did he drive trucks", "has she trained
// staff": a verb and its object say a title the other way round, noun
// then agent noun ("Night Shelf Stacker", "Truck Driver", "Driver
// Trainer"). The verb is no name to look up, and its object no employer.

// verbObject reads "did @p V N..." (also "has", "have", with "ever" or
// "also" after the person): the verb's stem and the object's
// words, or "" when ts is not so shaped.
func verbObject(ts []string, asked *string) (verb string, obj []string) {
	switch at(ts, 0) {
	case "did", "has", "have":
		// in the past: "does he still drive trucks" asks whether he does
		// now, which the role check and the jobs' dates answer
	default:
		return "", nil
	}
	if at(ts, 1) != "@p" {
		return "", nil
	}
	i := 2
	for verbAdverbs[at(ts, i)] {
		i++
	}
	v := at(ts, i)
	if !verbTitleCues[v] && asked != nil {
		*asked = ""
	} else if asked != nil {
		*asked = v
	}
	// a cue word may be the verb ("stack"): a title saying it is proof
	// enough that it is one here
	if len(v) < 4 || notRoleVerbs[v] || auxSet[v] {
		return "", nil
	}
	if s, ok := irregular[v]; ok {
		v = s
	}
	for _, t := range ts[i+1:] {
		switch t {
		case "a", "an", "the", "any", "some", "@p", "for", "at", "in", "on", "before", "there", "then":
			continue
		}
		obj = append(obj, t)
	}
	return stem(v), obj
}

// verbAdverbs may stand between the person and the verb.
var verbAdverbs = setOf(`ever also really still actually once previously formerly personally`)

// verbTitleCues are verbs that are nouns or cue words elsewhere ("train"
// cues education, names a project about trains) yet, said of the person,
// ask what she did: the sentences saying so answer when no title does.
var verbTitleCues = setOf(`train trained`)

// whomWords are objects that name people in general: "did she train
// staff" is answered by a title with the agent noun alone ("First Aid
// Trainer").
var whomWords = setOf(`staff people others employees hires new juniors colleagues students apprentices trainees teams team`)

// agentStem is the verb stem of an agent noun of a title ("stack" of
// "stacker", "driv" of "driver", "instruct" of "instructor"), or "".
func agentStem(w string) string {
	for _, suf := range []string{"er", "or"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return stem(w[:len(w)-len(suf)])
		}
	}
	return ""
}

// nounStems are the stems a plural object may have in a title: "shelf"
// and "shelv" of "shelves".
func nounStems(n string) []string {
	out := []string{stem(singular(n))}
	if strings.HasSuffix(n, "ves") && len(n) > 4 {
		out = append(out, n[:len(n)-3]+"f")
	}
	return out
}

// rolesOfVerb returns the jobs and volunteer roles whose title has the
// agent noun of verb, narrowed to those that also name the object when
// any does; with an object that is neither in a title nor people in
// general ("did he drive a bus" of a Truck Driver), none.
func (x *Index) rolesOfVerb(verb string, obj []string) []*item {
	var agents, both []*item
	for _, sec := range []string{secWork, secVolunteer} {
		for _, it := range x.bySec[sec] {
			if it.brk {
				continue
			}
			rt := tokens(it.role)
			agent := false
			for j, w := range rt {
				// "Driver Trainer" trains drivers: an agent noun before
				// another is that one's object
				if j+1 < len(rt) && agentStem(rt[j+1]) != "" && !genericTitleWords[rt[j+1]] {
					continue
				}
				if a := agentStem(w); a != "" && (a == verb || a+"e" == verb || stem(a+"e") == verb) {
					agent = true
				}
			}
			if !agent {
				continue
			}
			agents = append(agents, it)
			for _, n := range obj {
				for _, ns := range nounStems(n) {
					for _, w := range rt {
						if stem(w) == ns || stem(singular(w)) == ns {
							both = append(both, it)
							goto next
						}
					}
				}
			}
		next:
		}
	}
	if len(both) > 0 {
		return both
	}
	if len(obj) == 0 || whomWords[obj[0]] {
		return agents
	}
	return x.agentsSaying(agents, obj)
}

// agentsSaying narrows the roles titled by the verb ("Linehaul Driver")
// to those whose own entry, or the summary, names the object by its
// family ("trucking", "46-truck" for "did he drive trucks"): the object
// is then what the job worked with, though the title leaves it out. An
// object the profile never names ("did he drive a bus") finds none.
func (x *Index) agentsSaying(agents []*item, obj []string) []*item {
	var stems []string
	for _, n := range obj {
		stems = append(stems, nounStems(n)...)
	}
	names := func(sec string, idx int, any bool) bool {
		for i := range x.snippets {
			sn := &x.snippets[i]
			if sn.cite.Section != sec || !any && sn.cite.Index != idx {
				continue
			}
			for _, t := range sn.toks {
				if slices.Contains(stems, stem(t)) || slices.Contains(stems, stem(singular(t))) {
					return true
				}
			}
		}
		return false
	}
	var own []*item
	for _, it := range agents {
		if names(it.sec, it.idx, false) || strings.Contains(" "+strings.Join(tokens(it.title), " ")+" ", " "+stems[0]) {
			own = append(own, it)
		}
	}
	if len(own) > 0 {
		return own
	}
	if names(secBasics, 0, true) {
		return agents
	}
	return nil
}

// verbTitle answers "did she stack shelves" with the roles so titled; it
// reports whether any was.
func (x *Index) verbTitle(o *out, verb string, obj []string) bool {
	hits := x.rolesOfVerb(verb, obj)
	if len(hits) == 0 {
		return false
	}
	parts := make([]string, len(hits))
	for i, it := range hits {
		parts[i] = article(it.roleAt()) + it.span()
		o.citeItem(it)
	}
	o.in = iWork
	o.say("Yes: the profile lists %s.", list(parts))
	if len(obj) > 0 && !whomWords[obj[0]] && !titlesName(hits, obj) {
		// no title names the object: the sentences that do say the rest
		var stems []string
		for _, n := range obj {
			stems = append(stems, nounStems(n)...)
		}
		x.searchStems(o, stems)
		o.in = iWork
	}
	o.focusOn(hits...)
	return true
}

// titlesName reports whether a title of hits names a word of obj.
func titlesName(hits []*item, obj []string) bool {
	for _, it := range hits {
		for _, w := range tokens(it.role) {
			for _, n := range obj {
				if slices.Contains(nounStems(n), stem(w)) {
					return true
				}
			}
		}
	}
	return false
}

// verbTitle is the resolver's step: the roles titled by the verb; else,
// when the verb itself was taken for a name ("train" the project, "the
// profile doesn't mention train"), the sentences using the verb and its
// object.
func (r *resolver) verbTitle() bool {
	q := r.q
	if q.hasWin || len(q.techs) > 0 || q.anaph {
		return false
	}
	var asked string
	verb, obj := verbObject(q.ts, &asked)
	if verb != "" && len(obj) == 0 && len(q.ts) == 3 && q.ts[0] == "did" && tradeVerbs[q.ts[2]] && len(q.role) == 0 && len(q.ents) == 0 && r.verbUnsaid(q.ts[2], verb) {
		return true
	}
	if verb == "" || len(obj) == 0 { // "has she taught" alone is left to the role check
		return false
	}
	stems := []string{verb}
	for _, n := range obj {
		stems = append(stems, nounStems(n)...)
	}
	if len(q.ents) > 0 && q.byName && !r.x.entsByWords(namedEnts(q.ents, q.ts), stems) {
		return false // "did she train staff at Acme": that employer's
	}
	if r.x.verbTitle(r.o, verb, obj) {
		return true
	}
	if asked == "" {
		return false
	}
	if r.x.searchStems(r.o, stems) > 0 {
		return true
	}
	r.o.in = iUnknown
	r.o.say("The profile doesn't say whether %s %s %s.", r.x.who(), pastOf(asked), strings.Join(obj, " "))
	return true
}

// namedEnts are the entries of ents whose key words the question says:
// "did he drive trucks" does not name the college whose course is "Truck
// Driving".
func namedEnts(ents []*item, ts []string) []*item {
	var out []*item
	for _, e := range ents {
		for _, t := range ts {
			if slices.Contains(e.keyStems, stem(t)) || slices.Contains(e.keyStems, stem(singular(t))) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// verbUnsaid answers "did he cook" of a profile where no title is the
// verb's agent and no sentence uses the verb: plainly not said, not a
// question off the topic of the profile.
func (r *resolver) verbUnsaid(raw, verb string) bool {
	x := r.x
	if len(x.rolesOfVerb(verb, nil)) > 0 || x.searchStems(&out{x: x}, []string{verb}) > 0 {
		return false
	}
	for _, sec := range []string{secWork, secVolunteer} {
		for _, it := range x.bySec[sec] {
			if slices.Contains(it.roleKeys, verb) {
				return false // "Cook" titles the job: the role check's
			}
		}
	}
	r.o.in = iUnknown
	r.o.say("The profile doesn't say that %s ever did any %s: no job or role in it is titled so, and no entry says so.", x.who(), gerund(raw))
	return true
}

// tradeVerbs name a trade by what its worker does ("did he cook"): asked
// alone, the answer is the jobs so titled or that none is.
var tradeVerbs = setOf(`cook bake drive nurse teach tutor coach weld farm fish sew clean paint plumb sail fly`)

// gerund is the -ing form of a verb as asked: "cooking", "driving".
func gerund(v string) string {
	if strings.HasSuffix(v, "e") && !strings.HasSuffix(v, "ee") && len(v) > 3 {
		return v[:len(v)-1] + "ing"
	}
	return v + "ing"
}

// entsByWords reports whether every entry in ents is named only by the
// verb or its object ("Recurrent training e-learning rebuild" by "train",
// "Commercial Driver's License" by "drivers").
func (x *Index) entsByWords(ents []*item, stems []string) bool {
	for _, e := range ents {
		found := false
		for _, k := range e.keyStems {
			if slices.Contains(stems, k) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// pastOf says a verb in the past for a reply: "trained", "taught".
func pastOf(v string) string {
	switch {
	case v == "teach":
		return "taught"
	case strings.HasSuffix(v, "ed"), v == "taught":
		return v
	case strings.HasSuffix(v, "e"):
		return v + "d"
	}
	return v + "ed"
}
