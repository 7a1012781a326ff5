package converse

import "strings"

// asksHandle reports "what's his handle", "her username there", "screen
// name": the user names of the listed profiles. "how does he handle
// pressure" is a verb, told apart by the word after it and the helper
// verb before the person.
func asksHandle(q *query) bool {
	for i, t := range q.ts {
		switch t {
		case "username", "usernames", "handles":
			return true
		case "user", "screen":
			if at(q.ts, i+1) == "name" || at(q.ts, i+1) == "names" {
				return true
			}
		case "handle":
			if at(q.ts, i-1) != "@p" {
				continue
			}
			switch at(q.ts, i-2) {
			case "does", "do", "did", "can", "could", "will", "would", "should", "to", "might":
				continue
			}
			switch at(q.ts, i+1) {
			case "", "on", "there", "at", "for", "in":
				return true
			}
		}
	}
	return false
}

// handles lists the user name of every listed profile: "what's his
// handle" after no network was named, or a network said the turn before
// ("is he on Mastodon", "his username there"). False when none has one.
func (x *Index) handles(o *out) bool {
	type handle struct{ network, name string }
	var hs []handle
	for _, p := range x.r.Basics.Profiles {
		h := p.Username
		if h == "" {
			h = p.URL
		}
		if h == "" || p.Network == "" {
			continue
		}
		hs = append(hs, handle{p.Network, h})
	}
	switch len(hs) {
	case 0:
		// the other ways to reach the person follow
		o.say("The profile doesn't list a user name or handle for %s.", x.who())
		return false
	case 1:
		o.say("%s is on %s as %s.", x.Who(), hs[0].network, hs[0].name)
	default:
		parts := make([]string, len(hs))
		for i, h := range hs {
			parts[i] = h.network + ": " + h.name
		}
		o.say("%s user names, as the profile lists them: %s.", capital(x.whose()), strings.Join(parts, "; "))
	}
	o.cite(secBasics, 0, "profiles")
	return true
}

// namesNetwork reports a question naming a network ("his Twitter handle"),
// which contactChannel answers on its own.
func namesNetwork(q *query) bool {
	for _, t := range q.ts {
		if _, ok := knownNetworks[t]; ok {
			return true
		}
	}
	return false
}
