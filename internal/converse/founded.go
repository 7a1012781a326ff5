package converse

import (
	"strings"
	"time"
)

// Founding a company is read from the titles ("Co-founder & CEO",
// "Owner") and from the sentences that say so ("Before starting Pied
// Piper, he worked for Hooli"): a CEO may have been hired, and the
// summary may say what the title doesn't.

// foundVerbs start a venture when a company or an employer's name follows.
var foundVerbs = setOf(`found founded founding cofound cofounded cofounding start started starting launch launched launching`)

// ventureNouns are what a founder's company is called in a question or a
// sentence.
var ventureNouns = setOf(`company companies startup startups business businesses venture ventures firm agency studio practice consultancy`)

// foundingAsked reports a yes/no question on founding: "did he start a
// company", "has she founded her own business", "is he a founder".
func foundingAsked(q *query) bool {
	switch at(q.ts, 0) {
	case "did", "has", "have", "had", "is", "was", "does", "do":
	default:
		return false
	}
	if hasAnyToken(q.ts, "founder", "cofounder", "founders") || at(q.ts, indexOf(q.ts, "co")+1) == "founder" {
		return true
	}
	verb := false
	for _, t := range q.ts {
		if foundVerbs[t] {
			verb = true
		}
	}
	return verb && (hasAnyTokenIn(q.ts, ventureNouns) || hasAnyToken(q.ts, "own"))
}

func indexOf(ts []string, w string) int {
	for i, t := range ts {
		if t == w {
			return i
		}
	}
	return -2 // at(ts, -1) is ""
}

// foundingSentence reports a sentence saying a venture was started:
// a founding verb, then (past a determiner) a venture noun or the first
// word of an employer's name. "started at Google" starts a job, not a
// company.
func (x *Index) foundingSentence(toks []string) *item {
	for i, t := range toks {
		if !foundVerbs[t] && !(t == "co" && strings.HasPrefix(at(toks, i+1), "found")) && !(t == "set" && at(toks, i+1) == "up") {
			continue
		}
		j := i + 1
		if t == "co" || t == "set" {
			j++
		}
		for j < len(toks) && (statementArticles[toks[j]] || toks[j] == "own" || toks[j] == "his" || toks[j] == "her" || toks[j] == "their" || toks[j] == "my") {
			j++
		}
		for k := range x.work {
			it := &x.work[k]
			if len(it.titleToks) > 0 && at(toks, j) == it.titleToks[0] && (len(it.titleToks) == 1 || at(toks, j+1) == it.titleToks[1]) {
				return it
			}
		}
		if ventureNouns[at(toks, j)] && at(toks, j+1) != "s" {
			return &item{} // a venture the profile doesn't list
		}
	}
	return nil
}

// founded answers a founding question from the founders' titles, else
// the sentences that say one was started; when neither, that the profile
// doesn't say so, unless the question was "is he a founder", which the
// role check answers with what he does instead.
func (x *Index) founded(o *out, q *query, now time.Time) bool {
	var own []*item
	for _, it := range x.sorted(secWork) {
		if founderRole(it.role) {
			own = append(own, it)
		}
	}
	o.in = iRoleCheck
	if len(own) > 0 {
		var parts []string
		for _, it := range own {
			parts = append(parts, it.roleAt()+it.span())
			o.citeItem(it)
		}
		if len(own) == 1 {
			verb := "was"
			if own[0].current(now) {
				verb = "is"
			}
			o.say("Yes: %s %s %s.", x.Who(), verb, parts[0])
		} else {
			// some current, some past: the list carries the dates
			o.say("Yes: the profile lists %s as %s.", x.who(), list(parts))
		}
		o.focusOn(own...)
		return true
	}
	var picked []*snippet
	var named []*item
	for i := range x.snippets {
		sn := &x.snippets[i]
		if it := x.foundingSentence(sn.toks); it != nil {
			picked = append(picked, sn)
			if it.title != "" {
				named = append(named, it)
			}
		}
		if len(picked) == 2 {
			break
		}
	}
	if len(picked) > 0 && x.quoteSentences(o, "The profile says:", picked) {
		for _, it := range named {
			o.say("%s role there: %s%s.", capital(x.whose()), it.roleAt(), it.span())
			o.citeItem(it)
		}
		if len(named) > 0 {
			o.focusOn(named...)
		}
		return true
	}
	if len(q.role) > 0 {
		return false // "is he a founder": the role check says what he is instead
	}
	o.say("The profile doesn't say %s founded a company.", x.who())
	return true
}

// founding answers "did he start a company", "is she a founder".
func (r *resolver) founding() bool {
	q := r.q
	return !q.hasWin && len(q.techs) == 0 && foundingAsked(q) && r.x.founded(r.o, q, r.now)
}
