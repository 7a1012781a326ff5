package converse

import "strings"

// "What did she teach", "what did he sell", "what has she managed": the
// verb names a role by its agent noun (Teacher, Sales,
// Manager), and the answer is what that role's summary and highlights say
// was taught, sold or managed, not a list of the entries the word matches.

// notAgentVerbs are verbs whose agent noun is no role asked about, or
// whose question other readings answer: "what did she study", "what did
// he do", "what did she work on".
var notAgentVerbs = setOf(`do does did doing have has had be is was are were study studied studies work worked works say said think thought like love learn learned learnt use used mean meant make made go went want need get got earn earned win won major majored graduate graduated build built write wrote publish published play played read`)

// agentAux are the auxiliaries of "what did she teach": the past, as a
// role ended; "what does he sell" asks of today's work, which the
// summary and current job answer.
var agentAux = setOf(`did has have`)

// agentVerb reads the verb of "what did she teach" ("" when the question
// is not of that shape). A noun after "what" ("what buildings has he
// designed") asks for entries of that kind, and a word after the verb
// ("what did he haul there") leans on the reply before.
func agentVerb(ts []string) string {
	if at(ts, 0) != "what" || !agentAux[at(ts, 1)] || at(ts, 2) != "@p" || len(ts) != 4 {
		return ""
	}
	if v := ts[3]; len(v) >= 3 && !notAgentVerbs[v] {
		return v
	}
	return ""
}

// verbForm reports a word that is a form of the verb stem st: "taught"
// and "teaches" of teach, "sold" of sell, "managed" of manage; with
// agentNoun, never the agent noun itself ("sellers").
func verbForm(t, st string, agentNoun bool) bool {
	if agentNoun && (strings.HasSuffix(t, "er") || strings.HasSuffix(t, "ers")) {
		return false // "hired five sellers", "used by ward managers": the noun
	}
	return stem(t) == st || irregular[t] == st
}

// rolesOfAgent are the jobs and volunteer roles whose title holds the
// verb's agent noun ("Teacher" for teach); failing that, those of its
// family (a "Tutor", an "Account Executive" for sell).
func (x *Index) rolesOfAgent(v, st string) []*item {
	direct := fieldSet{strong: map[string]bool{st: true}}
	for _, f := range []fieldSet{direct, fieldOf([]string{v})} {
		var out []*item
		for _, sec := range []string{secWork, secVolunteer} {
			for _, it := range x.bySec[sec] { // newest first
				if !it.brk && it.role != "" && f.holds(it.role) {
					out = append(out, it)
				}
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// verbSentences are the sentences of the entry's summary and highlights
// using the verb; all of them when none does and all is set.
func (x *Index) verbSentences(it *item, st string, all bool) []*snippet {
	var hit, any []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section != it.sec || sn.cite.Index != it.idx || sn.cite.Field != "" {
			continue
		}
		for _, s := range splitSentences(sn.text) {
			one := new(snippet)
			*one = newSnippet(sn.cite, sn.where, s)
			any = append(any, one)
			for _, t := range one.toks {
				if verbForm(t, st, !strings.HasSuffix(st, "er")) {
					hit = append(hit, one)
					break
				}
			}
		}
	}
	if len(hit) == 0 && all {
		return any
	}
	return hit
}

// verbOfRole answers "what did she teach" from the role the verb names,
// or, when no title names it, from the sentences using the verb.
func (r *resolver) verbOfRole() bool {
	x, o, q := r.x, r.o, r.q
	v := agentVerb(q.ts)
	if v == "" || len(q.techs) > 0 {
		return false
	}
	st := stem(v)
	if irr, ok := irregular[v]; ok {
		st = irr // "what did he sell" asked in the past: "sold"
	}
	roles := x.rolesOfAgent(v, st)
	var sns []*snippet
	var said []*item
	for _, it := range roles {
		if got := x.verbSentences(it, st, false); len(got) > 0 {
			sns = append(sns, got...)
			said = append(said, it)
		}
	}
	if len(sns) == 0 {
		for _, sec := range []string{secWork, secVolunteer} {
			for _, it := range x.bySec[sec] {
				if got := x.verbSentences(it, st, false); len(got) > 0 {
					sns = append(sns, got...)
					said = append(said, it)
				}
			}
		}
	}
	for _, it := range roles {
		if len(sns) > 0 {
			break
		}
		// a Manager whose entry never says "managed": what the role holds
		sns, said = x.verbSentences(it, st, true), []*item{it}
		sns = sns[:min(len(sns), 3)]
	}
	if len(sns) == 0 {
		return false
	}
	o.in = iWork
	lead := "The profile says:"
	if len(said) == 1 {
		lead = capital(x.whose()) + " role as " + said[0].roleAt() + said[0].span() + " says:"
	}
	if !x.quoteSentences(o, lead, sns) {
		return false
	}
	for _, it := range said {
		o.citeItem(it)
	}
	o.focusOn(said...)
	return true
}
