package converse

// "What management roles has she had", "which leadership positions did he
// hold": the jobs whose title is one of managing or leading (manager,
// lead, head, director, chief), with their dates, not the summary's
// sentences nor every job.

// manageWords ask for managing or leading; roleListNouns for the titles.
var (
	manageWords   = setOf(`management managerial manager managers managing leadership leader leading lead supervisory`)
	roleListNouns = setOf(`role roles position positions job jobs title titles post posts`)
)

// manageRolesAsked reports a question for the titles of managing: a word
// of managing beside a word for titles, and not how long or when.
func manageRolesAsked(ts []string) bool {
	if at(ts, 0) == "how" && at(ts, 1) != "many" || at(ts, 0) == "when" || at(ts, 0) == "why" {
		return false
	}
	for i, t := range ts {
		if manageWords[t] && roleListNouns[at(ts, i+1)] {
			return true
		}
	}
	return false
}

// manageRoles is the resolver's step; no entry named, no window.
func (r *resolver) manageRoles() bool {
	x, o, q := r.x, r.o, r.q
	if q.hasWin || q.anaph || len(q.ents) > 0 && q.byName || len(q.techs) > 0 || !manageRolesAsked(q.ts) || len(x.bySec[secWork]) == 0 {
		return false
	}
	x.manageRolesAnswer(o)
	return true
}

// manageRolesAnswer lists the jobs titled for managing or leading, most
// recent first; with none it says so and quotes what the entries say of
// leading people.
func (x *Index) manageRolesAnswer(o *out) {
	m := newRoleMatcher([]string{"manager"})
	var jobs []*item
	for _, it := range x.sorted(secWork) {
		if !it.brk && it.role != "" && m.matchesToks(it.roleTokens()) {
			jobs = append(jobs, it)
		}
	}
	o.in = iRoleCheck
	if len(jobs) == 0 {
		o.say("None of %s job titles is one of managing or leading people.", x.whose())
		x.quoteSentences(o, "Leading people in the profile:", x.peopleSentences(3, leadStems))
		return
	}
	parts := make([]string, len(jobs))
	for i, it := range jobs {
		parts[i] = it.roleAt() + it.span()
		o.citeItem(it)
	}
	o.focusOn(jobs...)
	if len(jobs) == 1 {
		o.say("%s has one management or leadership title: %s.", x.Who(), parts[0])
	} else {
		o.say("%s management and leadership titles: %s.", capital(x.whose()), list(parts))
	}
}
