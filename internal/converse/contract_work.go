package converse

import "time"

// "Which contracts did he do", "any contract work?", "has she freelanced":
// the roles whose title, employer or description calls them contract or
// freelance work, not every job, and not only those with the word in the
// title.

// contractWords say a role was done on contract or freelance.
var contractWords = setOf(`contract contracts contractor contractors contracted contracting freelance freelancer freelancers freelanced freelancing`)

// contractNotList are words that ask something else of contract work than
// the list of it: when ("before going freelance", "how long freelancing"),
// which one ("her last contract"), whether she would take it now.
var contractNotList = setOf(`before after since until how when why where whom long last first latest recent previous next longest shortest biggest largest best current currently now still available availability open interested would will take takes taking accept consider rate rates charge`)

// contractListNouns may stand beside a contract word in a bare question:
// "contract work?", "any freelance roles".
var contractListNouns = setOf(`any work roles jobs gigs positions engagements`)

// contractAsked reports whether ts asks for her contract or freelance work
// as a list: "which contracts did he do", "what freelance work has she
// done", "has she done any contract work", "contract work?". "Was he a
// contractor" is a yes-or-no about a title, left to the role check.
func contractAsked(ts []string) bool {
	at0, found := -1, false
	for i, t := range ts {
		if contractNotList[t] {
			return false
		}
		if contractWords[t] && !found {
			at0, found = i, true
		}
	}
	if !found {
		return false
	}
	switch ts[0] {
	case "which", "what", "any", "list":
		return true
	case "has", "have", "did":
		// "has she done contract work", not "has she been a contractor"
		return !hasAnyToken(ts[:at0], "a", "an", "been", "be")
	}
	for _, t := range ts {
		if !contractWords[t] && !contractListNouns[t] {
			return false
		}
	}
	return true // "contract work?", "contracts?"
}

// contractRoles returns the jobs described as contract or freelance work,
// newest first.
func (x *Index) contractRoles() []*item {
	var hits []*item
	for _, it := range x.bySec[secWork] {
		if it.brk {
			continue
		}
		w := x.r.Work[it.idx]
		if it.ownAcct || saysSelfEmployed(w.Name) || saysSelfEmployed(w.Position) || hasContractWord(w.Position) || hasContractWord(w.Name) || hasContractWord(w.Description) || hasContractWord(openingSentence(w.Summary)) {
			hits = append(hits, it)
		}
	}
	return hits
}

// openingSentence is the sentence a role's summary opens with, which says
// what the role was ("Six-month contract to ..."); later ones tell of the
// work ("negotiated the vendor contract").
func openingSentence(s string) string {
	if ss := splitSentences(s); len(ss) > 0 {
		return ss[0]
	}
	return s
}

func hasContractWord(s string) bool {
	if s == "" {
		return false
	}
	for _, t := range tokens(s) {
		if contractWords[t] {
			return true
		}
	}
	return false
}

// contractWork answers a question about contract work with those roles; it
// reports whether the profile has any (with none, the question is left to
// the rest, which say what the profile does list).
func (x *Index) contractWork(o *out, now time.Time) bool {
	hits := heldOrder(x.contractRoles(), now)
	if len(hits) == 0 {
		return false
	}
	parts := make([]string, len(hits))
	for i, it := range hits {
		parts[i] = it.roleAt() + it.span()
		o.citeItem(it)
	}
	o.in = iWork
	if len(hits) == 1 {
		o.say("The profile lists one contract or freelance role: %s.", parts[0])
	} else {
		o.say("%s contract and freelance roles: %s.", capital(x.whose()), list(parts))
	}
	o.focusOn(hits...)
	return true
}

// contractWork is the resolver's step: no window, no entry named by name
// (entries found by a word of their title, "Contract Rust Trainer", are
// among the answer).
func (r *resolver) contractWork() bool {
	q := r.q
	if q.hasWin || q.anaph || len(q.ents) > 0 && q.byName || len(q.techs) > 0 || !contractAsked(q.ts) {
		return false
	}
	return r.x.contractWork(r.o, r.now)
}

// saysSelfEmployed reports "self-employed" (or "self employed") in s: an
// employer written as "Self-employed (Fiverr and Upwork)" or "Okafor Data
// (self-employed)".
func saysSelfEmployed(s string) bool {
	ts := tokens(s)
	for i, t := range ts {
		if t == "selfemployed" || t == "self" && at(ts, i+1) == "employed" {
			return true
		}
	}
	return false
}
