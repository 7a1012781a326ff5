package converse

import "strings"

// groupOfToolWord answers "what software does he use for dispatch" when
// no skill keyword holds the word but a skill group's name does ("Dispatch
// and fleet": McLeod LoadMaster, Samsara ELD): the group is the tools of
// that work. The word is matched by stem ("dispatching" names Dispatch).
// False when no group's name, or more than one, holds a word.
func (x *Index) groupOfToolWord(o *out, words []string) bool {
	found := -1
	for i, nt := range x.skillNames {
		if len(x.r.Skills[i].Keywords) == 0 {
			continue
		}
		for _, w := range words {
			sw := stem(w)
			if len(sw) < 4 {
				continue
			}
			for _, n := range nt {
				if stem(n) == sw || strings.HasPrefix(n, sw) && len(n)-len(sw) <= 3 {
					if found >= 0 && found != i {
						return false // two groups: the question does not say which
					}
					found = i
				}
			}
		}
	}
	if found < 0 {
		return false
	}
	sk := x.r.Skills[found]
	o.in = iSkills
	o.say("%s lists %s as a skill: %s.", x.Who(), sk.Name, list(sk.Keywords))
	o.cite(secSkills, found, "")
	return true
}

// skillsOfWord answers "what are his dispatch skills" with the skill group
// the other word names (groupOfToolWord).
func (x *Index) skillsOfWord(o *out, q *query) bool {
	if !hasAnyToken(q.ts, "skills", "skill", "skillset") || anyNamedWhole(q.ents, q.joined) {
		return false
	}
	var words []string
	for _, t := range q.ts {
		if len(t) >= 4 && !searchStop[t] && !commonWords[t] && t != "skills" && t != "skill" && t != "skillset" && cueTable[t] == nil && isAlphaWord(t) {
			words = append(words, t)
		}
	}
	return len(words) == 1 && x.groupOfToolWord(o, words)
}

// libraryNouns ask for the members of a technology's kind: "what ML
// frameworks", "which machine learning libraries".
var libraryNouns = setOf(`frameworks framework libraries library tools packages platforms stack`)

// techGroup answers "what ML frameworks does she use" when the technology
// named is also the name of a skill group: the group's keywords, not a
// "Yes, Machine learning appears" to a "what".
func (r *resolver) techGroup() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) != 1 || q.hasWin || at(q.ts, 0) != "what" && at(q.ts, 0) != "which" || !hasAnyTokenIn(q.ts, libraryNouns) {
		return false
	}
	for i, sk := range x.r.Skills {
		if len(sk.Keywords) > 0 && strings.EqualFold(strings.TrimSpace(sk.Name), q.techs[0]) {
			o.in = iSkills
			o.say("%s lists %s as a skill: %s.", x.Who(), sk.Name, list(sk.Keywords))
			o.cite(secSkills, i, "")
			return true
		}
	}
	return false
}
