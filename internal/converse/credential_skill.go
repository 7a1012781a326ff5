package converse

import "strings"

// A trade's credential often shares its name with the skill it licenses:
// a trucker lists "Hazmat" as a skill and holds the "Hazardous Materials
// Endorsement"; an actor lists "Stage combat" and holds "Actor Combatant".
// The skill is matched as a technology, so without these steps "is his
// hazmat still good" would answer the skill, which has no expiry, and
// "can she do stage combat" would never mention the certificate.

// credentialWords ask about a credential held rather than a skill used:
// whether it is still valid, when it runs out, whether it is held.
var credentialWords = setOf(`valid validity expire expires expired expiring expiry expiration lapse lapsed lapses renew renewed renewal certified certification licensed endorsement endorsed hold holds`)

// validityWords ask whether a credential still stands, which its expiry
// answers.
var validityWords = wordSetOf(`valid validity expire expires expired expiring expiry expiration lapse lapsed lapses renew renewed renewal`)

// asksCredential reports a credential word, "still good" ("is his hazmat
// still good") or a closing "current" ("is her pals current"): before a
// noun, "current" asks about the job held now.
func asksCredential(ts []string) bool {
	return hasAnyTokenIn(ts, credentialWords) || asksValidity(ts)
}

// asksValidity reports a question whether a credential still stands.
func asksValidity(ts []string) bool {
	return validityWords.anyIn(ts) || hasAnyToken(ts, "good") && hasAnyToken(ts, "still") ||
		len(ts) > 0 && ts[len(ts)-1] == "current"
}

// credentialNouns name a credential without naming which.
var credentialNouns = setOf(`licence license cert certificate certification certified credential still good current`)

// certsTiedTo returns the certificates a skill's name points to though it
// is not written in them: a word of the name clipped from two of the
// title's words ("hazmat": "Hazardous Materials") or the start of one
// ("combat": "Combatant"). Certificates that already name the skill are
// left to the technology answer, which cites them.
func (x *Index) certsTiedTo(tech string) []*item {
	var words []string
	for _, t := range tokens(tech) {
		if len(t) >= 5 && isAlphaWord(t) && !commonWords[t] {
			words = append(words, t)
		}
	}
	if len(words) == 0 {
		return nil
	}
	var tied []*item
	for i := range x.certificates {
		it := &x.certificates[i]
		if containsString(it.techs, tech) {
			continue
		}
		for _, w := range words {
			if !strings.Contains(it.norm, " "+w[:3]) {
				continue // no title word starts as w does: neither test can hold
			}
			if tt := it.titleTokens(); titleClips(tt, w) || hasLongerWord(tt, w) {
				tied = append(tied, it)
				break
			}
		}
	}
	return tied
}

// hasLongerWord reports a token of ts that begins with w and goes on
// ("combatant" for "combat"); the same word is a plain match, found
// elsewhere.
func hasLongerWord(ts []string, w string) bool {
	for _, t := range ts {
		if len(t) > len(w) && strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// credentialOfSkill answers a credential question ("is his hazmat still
// valid", "does he have a hazmat endorsement", "is his paramedic licence
// still current") about a certificate tied to a skill by name or named by
// a word of its title: the certificate, with its expiry when validity is
// asked. A plural ("does he hold the UEFA licences") is a list, answered
// by certsOfKind.
func (r *resolver) credentialOfSkill() bool {
	x, o, q := r.x, r.o, r.q
	if len(x.certificates) == 0 || len(q.techs) > 1 || !asksCredential(q.ts) || certPlurals.anyIn(q.ts) {
		return false
	}
	var tied []*item
	if len(q.techs) == 1 {
		tied = x.certsTiedTo(q.techs[0])
	}
	valid := asksValidity(q.ts)
	if len(tied) == 0 && !hasAnyToken(q.ts, "when") { // "when does it expire" is whenAsked's
		// A certificate named by a word of its own is found by the
		// entry steps; its validity is answered here, and whether it is
		// held when two or more of its words single it out ("board
		// certified in oncology": not the summary's "board-certified").
		named, most := x.certsNamedBy(q.ts)
		if valid || most >= 2 && len(named) == 1 {
			tied = named
		}
	}
	if len(tied) == 0 || len(tied) > 3 {
		return false
	}
	o.in = iCerts
	for _, it := range tied {
		if valid && !it.lapsed && !it.pending() {
			x.expiry(o, it)
		} else {
			yes := yesNoQuestion(q.ts)
			if g := gradeUnheld(q.ts, it); yes && g != "" { // "a black belt" of a Green Belt
				o.say("No: the profile doesn't list %s.", article(g))
				yes = false
			}
			x.holds(o, it, yes)
		}
	}
	o.focusOn(tied...)
	return true
}

// certsNamedBy returns the certificates whose titles hold the most of the
// question's distinctive words ("board certified in oncology": the
// oncology board certificate, not every board certificate).
func (x *Index) certsNamedBy(ts []string) ([]*item, int) {
	var words []string
	for _, t := range ts {
		if len(t) >= 3 && isAlphaWord(t) && !commonWords[t] && !searchStop[t] && !credentialWords[t] && !credentialNouns[t] && t != strings.ToLower(x.first) {
			words = append(words, t)
		}
	}
	var best []*item
	most := 0
	for i := range x.certificates {
		it := &x.certificates[i]
		n := 0
		title := tokens(it.title)
		for _, w := range words {
			if containsString(title, w) {
				n++
			}
		}
		switch {
		case n == 0 || n < most:
		case n > most:
			best, most = []*item{it}, n
		default:
			best = append(best, it)
		}
	}
	return best, most
}

// holds says a certificate is held, or was, when its name says it lapsed,
// or is still to come, when it says it is in progress;
// "Yes" first when yes is asked.
func (x *Index) holds(o *out, it *item, yes bool) {
	from := ""
	if it.role != "" {
		from = " from " + it.role
	}
	if it.pending() {
		o.say("%s is working towards the certificate “%s”%s; the profile does not list it as held yet.", x.Who(), it.title, from)
		o.citeItem(it)
		return
	}
	verb := "holds"
	if it.lapsed {
		verb = "held"
	}
	who := x.Who()
	if yes && !it.lapsed {
		who = "Yes, " + x.who()
	}
	o.say("%s %s the certificate “%s”%s%s.", who, verb, it.title, from, it.span())
	o.citeItem(it)
}

// alsoCertified adds, after a skill's answer, the certificates tied to it
// by name ("can she do stage combat": the skill, and "Actor Combatant").
func (x *Index) alsoCertified(o *out, tech string) {
	for _, it := range x.certsTiedTo(tech) {
		from := ""
		if it.role != "" {
			from = " from " + it.role
		}
		o.say("The profile also lists the certificate “%s”%s%s.", it.title, from, it.span())
		o.citeItem(it)
	}
}
