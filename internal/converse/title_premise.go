package converse

import "strings"

// A title asked of a named employer that none of the person's positions
// there holds: "how long was he a captain at Horizon Air" of a first
// officer. How long he was there is no answer; the title is not in the
// profile, and what he was there is.

// rankWords name a rank or a post, the titles a visitor may wrongly
// assume; an occupation ("nurse", "chef") alone is not one.
var rankWords = setOf(`captain head chief director manager lead principal professor foreman partner president vp ceo cto cfo coo cmo cio
founder cofounder owner supervisor ambassador dean chair chairman chairwoman superintendent commander colonel major sergeant lieutenant
managing executive senior`)

// titleNotHeld answers a title asked at a named employer that no position
// there has: the profile doesn't list it, then the positions held there.
func (r *resolver) titleNotHeld() bool {
	x, o, q := r.x, r.o, r.q
	if !q.third || len(q.ents) == 0 || !q.byName || len(q.techs) > 0 || q.hasWin {
		return false
	}
	title := askedTitleAt(q.ts)
	if len(title) == 0 {
		return false
	}
	name := q.ents[0].title
	var there []*item
	for _, sec := range [...]string{secWork, secEducation} {
		for _, it := range x.sorted(sec) {
			if it.title == name || strings.HasPrefix(it.title, name+" ") {
				there = append(there, it)
			}
		}
	}
	if len(there) == 0 {
		return false
	}
	ship := newRoleMatcher(title) // "captain" of a ship's "Master"
	for _, it := range there {
		if it.sec == secWork && (holdsWords(it.role, title) || ship.shipMaster && ship.matchesToks(it.roleTokens())) {
			return false // the title is there: the usual answer
		}
	}
	var held, studied, ranks []string
	for _, it := range there {
		if it.sec == secEducation {
			studied = append(studied, nonBlank(it.role, "there")+it.span())
		} else {
			held = append(held, nonBlank(it.role, "a role")+it.span())
			// "Head of the Science Department from 2017": a post within the job
			for _, h := range x.r.Work[it.idx].Highlights {
				if hasAnyTokenIn(tokens(h), rankWords) {
					ranks = append(ranks, "“"+h+"”")
				}
			}
		}
		o.citeItem(it)
	}
	var did []string
	if len(held) > 0 {
		did = append(did, "was "+list(held))
	}
	if len(studied) > 0 {
		did = append(did, "studied "+list(studied))
	}
	o.in = iEmployer
	o.say("The profile doesn't list %s as %s at %s. There, %s %s.", x.who(), strings.Join(title, " "), name, x.who(), strings.Join(did, " and "))
	if len(ranks) > 0 {
		o.say("It also says: %s.", list(ranks))
	}
	o.focusOn(there...)
	return true
}

// askedTitleAt returns the title of "was she (a) head chef at ...", "has he
// been (the) foreman at ...": the words between the person and "at", one
// of them a rank; nil for any other shape ("was she working at").
func askedTitleAt(ts []string) []string {
	for i, t := range ts {
		if t != "@p" || i == 0 {
			continue
		}
		switch ts[i-1] {
		case "was", "is", "were", "been":
		default:
			continue
		}
		j := i + 1
		if at(ts, j) == "been" {
			j++
		}
		if a := at(ts, j); a == "a" || a == "an" || a == "the" {
			j++
		}
		var title []string
		rank := false
		for k := j; k < len(ts) && k < j+5; k++ {
			w := ts[k]
			if w == "at" {
				if rank {
					return title
				}
				return nil
			}
			if !isAlphaWord(w) {
				return nil
			}
			rank = rank || rankWords[w]
			title = append(title, w)
		}
		return nil
	}
	return nil
}

// holdsWords reports whether a position has every distinctive word of
// the title asked: "Head Chef" has "head" and "chef"; "Sous Chef" has no
// "head".
func holdsWords(position string, title []string) bool {
	toks := tokens(position)
	for _, w := range title {
		if w == "of" || w == "the" || w == "and" {
			continue
		}
		found := false
		for _, t := range toks {
			if t == w || stem(t) == stem(w) || fuzzyEq(w, t) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
