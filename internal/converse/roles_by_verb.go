package converse

// "Who does he advise", "which companies does she consult for": the verb
// of a role's title (Advisor, Consultant, Mentor) asks for the roles so
// titled, before any sentence that merely uses the verb.

// verbClients are the nouns of "which companies does he advise".
var verbClients = setOf(`companies company startups startup firms firm clients client organisations organizations businesses brands teams founders nonprofits charities`)

// notRoleVerbs are verbs whose agent noun is a title ("Worker", "Manager",
// "Reporter") but whose question is not about that title: "who does she
// work for", "who did he report to", "who does she manage".
var notRoleVerbs = setOf(`work works worked working report reports reported manage manages managed lead leads led run runs ran play plays played sign signs signed sell sells sold own owns owned do does did have has had be is was`)

// rolesByVerb lists the jobs and volunteer roles whose title is the agent
// noun of the question's verb: "advise" for "Advisor", "consult" for
// "Consultant", "mentor" for "Mentor"; current ones are named as such by
// their spans. It reports whether any matched.
func (x *Index) rolesByVerb(o *out, q *query) bool {
	ts := q.ts
	i := 0
	switch at(ts, 0) {
	case "who", "whom":
		i = 1
	case "which", "what":
		if !verbClients[at(ts, 1)] {
			return false
		}
		i = 2
	default:
		return false
	}
	switch at(ts, i) {
	case "does", "did", "do", "has", "have":
	default:
		return false
	}
	v := at(ts, i+2)
	if at(ts, i+1) != "@p" || len(v) < 4 || notRoleVerbs[v] {
		return false
	}
	st := stem(v)
	var hits []*item
	word := ""
	for _, sec := range []string{secWork, secVolunteer} {
		for _, it := range x.bySec[sec] { // newest first
			for _, k := range it.roleKeys {
				if !it.brk && (k == st || k == st+"or" || k == st+"ant") {
					hits = append(hits, it)
					if word == "" {
						word = titleWord(it.role, k)
					}
					break
				}
			}
		}
	}
	if len(hits) == 0 {
		return false
	}
	parts := make([]string, len(hits))
	for n, it := range hits {
		parts[n] = it.roleAt() + it.span()
		o.citeItem(it)
	}
	o.in = iWork
	o.say("%s roles with “%s” in the title: %s.", capital(x.whose()), word, list(parts))
	o.focusOn(hits...)
	return true
}

// rolesByVerb answers "who does he advise" from the roles' titles.
func (r *resolver) rolesByVerb() bool {
	q := r.q
	return !q.hasWin && len(q.ents) == 0 && len(q.techs) == 0 && r.x.rolesByVerb(r.o, q)
}

// titleWord is the word of a title whose stem is k, lower-cased
// ("advisor" of "Senior Advisor"), or k itself.
func titleWord(title, k string) string {
	for _, t := range tokens(title) {
		if stem(t) == k {
			return t
		}
	}
	return k
}
