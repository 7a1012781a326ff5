package converse

// keywordFollowUp answers "and the 200?" right after a skill group was
// listed ("100 m: 10.12 s, 200 m: 20.61 s"): the one keyword of the
// profile's skills that begins with the word asked. False unless exactly
// one keyword does.
func (r *resolver) keywordFollowUp() bool {
	x, o, q := r.x, r.o, r.q
	if r.named || q.hasWin || len(q.techs) > 0 || len(q.ts) > 4 {
		return false
	}
	word := ""
	for _, t := range q.ts {
		switch t {
		case "and", "the", "what", "about", "how", "@p", "his", "her", "their":
			continue
		}
		if word != "" {
			return false
		}
		word = t
	}
	if word == "" || !r.intentWas(iSkills) {
		return false
	}
	found, group, idx := "", "", -1
	for i, sk := range x.r.Skills {
		for _, k := range sk.Keywords {
			if ts := tokens(k); len(ts) > 0 && ts[0] == word {
				if found != "" {
					return false
				}
				found, group, idx = k, sk.Name, i
			}
		}
	}
	if found == "" {
		return false
	}
	o.in = iSkills
	o.say("Under %s, the profile lists “%s”.", group, found)
	o.cite(secSkills, idx, "")
	return true
}
