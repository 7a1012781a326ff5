package converse

// Union membership: "is he union", "is she in a union". Résumés of the
// trades name the local ("IBEW Local 292") rather than say "union".

// unionMember answers a question about union membership from the
// sentences that name a union or a union local; none: the profile doesn't
// mention one.
func (r *resolver) unionMember() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.ents) > 0 || q.inPlace || !q.person || !asksUnion(q.ts) {
		return false
	}
	// Sentences that say he is a member come first: "Member of IBEW Local
	// 292 since 2007" answers before the apprenticeship the union ran.
	var members, others []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if !namesUnion(sn.toks) {
			continue
		}
		if hasAnyToken(sn.toks, "member", "membership", "card-carrying", "joined") {
			members = append(members, sn)
		} else {
			others = append(others, sn)
		}
	}
	member := len(members) > 0
	sns := firstSnippets(append(members, others...), 3)
	o.in = iSearch
	if len(sns) == 0 {
		o.in = iUnknown
		o.say("The profile doesn't mention a union.")
		return true
	}
	if member && yesNoQuestion(q.ts) {
		o.say("Yes.")
	}
	x.quoteSentences(o, "Union membership in the profile:", sns)
	// "where was that": the job whose sentence named the union.
	for _, sn := range sns {
		if sec := sn.cite.Section; sec == secWork || sec == secVolunteer {
			if items := x.section(sec); sn.cite.Index < len(items) {
				o.focusOn(&items[sn.cite.Index])
			}
			break
		}
	}
	return true
}

// asksUnion reports "union", "unions" or "unionised" as a labour union:
// not the European or Soviet Union, a credit union or a student union.
func asksUnion(ts []string) bool {
	for i, t := range ts {
		switch t {
		case "union", "unions", "unionized", "unionised":
			switch at(ts, i-1) {
			case "european", "soviet", "credit", "student", "students", "civil", "customs", "african":
				return false
			}
			return true
		}
	}
	return false
}

// namesUnion reports a sentence naming a labour union: the word, a union
// local ("Local 292"), or the acronym of a large union.
func namesUnion(ts []string) bool {
	for i, t := range ts {
		switch t {
		case "union", "unions", "teamsters", "ibew", "uaw", "seiu", "afscme", "ufcw", "usw", "afl-cio", "ua", "iuoe", "liuna", "smart",
			"unite", "unison", "gmb", "ver.di", "ig", "cupe", "unifor",
			"aftra", "iatse", "agma", "agva", "bectu", "wga":
			if t == "union" && (at(ts, i-1) == "european" || at(ts, i-1) == "credit" || at(ts, i-1) == "student" || at(ts, i-1) == "soviet") {
				continue
			}
			if t == "smart" || t == "ig" || t == "ua" || t == "unite" {
				continue // everyday words unless with "local": below
			}
			return true
		case "equity":
			switch at(ts, i-1) {
			case "actors", "actors'", "british":
				return true // the performers' union, not private equity
			}
		case "local":
			if isDigits(at(ts, i+1)) {
				return true // "IBEW Local 292", "UA Local 400"
			}
		}
	}
	return false
}

func firstSnippets(sns []*snippet, n int) []*snippet {
	if len(sns) > n {
		return sns[:n]
	}
	return sns
}
