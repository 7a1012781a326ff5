package converse

// Clubs and associations: "what clubs is she in", "is he a member of any
// associations". A membership is said in the summary, a volunteering post
// at a club or society, an award or an interest; an employer is no club.

// clubNouns ask for memberships; memberWords mark a sentence that says one.
var (
	clubNouns   = setOf(`club clubs association associations society societies memberships membership guild guilds bodies`)
	clubPlurals = setOf(`clubs associations societies memberships guilds bodies organisations organizations`)
	memberWords = setOf(`member members membership memberships toastmasters ieee acm`)
	clubWords   = setOf(`club association society institute institution guild league chapter toastmasters federation`)
	// sportsVerbs: "which clubs has he played for" asks a footballer's
	// employers.
	sportsVerbs = setOf(`play played plays playing signed sign coach coached coaching managed manage transfer transferred loan loaned joined`)
)

// membershipAsked reports a question for her clubs or associations in
// general ("what clubs is she in", "is he a member of any associations"),
// not one named ("is she a member of the AVMA") nor a sports club's.
func membershipAsked(ts []string) bool {
	asked, general := false, false
	for i, t := range ts {
		switch {
		case clubNouns[t], (t == "member" || t == "members") && at(ts, i+1) == "of":
			asked = true
		case t == "any" || t == "list":
			general = true
		case t == "what" || t == "which":
			// "what clubs", "which professional bodies"; "which club does
			// she orienteer with" asks about one the profile names
			general = general || clubPlurals[at(ts, i+1)] || clubPlurals[at(ts, i+2)]
		case sportsVerbs[t] || t == "union" || t == "unions":
			return false
		}
	}
	return asked && general
}

// memberships is the resolver's step.
func (r *resolver) memberships() bool {
	x, o, q := r.x, r.o, r.q
	if q.hasWin || len(q.techs) > 0 || !q.person || !membershipAsked(q.ts) {
		return false
	}
	for _, e := range q.ents {
		if q.byName && e.sec != secVolunteer && e.sec != secAwards {
			return false
		}
	}
	var posts []string
	for _, it := range x.sorted(secVolunteer) {
		if hasAnyTokenIn(tokens(it.title), clubWords) || hasAnyTokenIn(tokens(it.role), memberWords) {
			posts = append(posts, it.roleAt()+it.span())
			o.citeItem(it)
		}
	}
	var sns []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		switch sn.cite.Section {
		case secBasics, secVolunteer, secAwards:
			if hasAnyTokenIn(sn.toks, memberWords) {
				sns = append(sns, sn)
			}
		}
	}
	o.in = iSearch
	if len(posts) == 0 && len(sns) == 0 {
		o.in = iUnknown
		o.say("The profile doesn't mention any clubs or associations %s belongs to.", x.who())
		return true
	}
	if yesNoQuestion(q.ts) {
		o.say("Yes.")
	}
	if len(posts) > 0 {
		o.say("Among %s volunteering: %s.", x.whose(), list(posts))
	}
	x.quoteSentences(o, "Memberships in the profile:", firstSnippets(sns, 3))
	return true
}
