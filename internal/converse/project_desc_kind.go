package converse

import (
	"strings"

	"github.com/parleyhq/parley/internal/profile"
)

// A project's description usually opens with what it is: "Mobile app for
// booking car servicing", "An open-source tool that finds noisy alerts",
// "A 96-page print atlas of ...". "Her mobile app" or "the data pipeline
// project" names the project so described, above one that only has a word
// of the question in its title ("Mobile Money Research").

// descHeadStops end the opening phrase of a description.
var descHeadStops = setOf(`for that which with to of in on from about by using built where who whose and or but`)

// descHead returns the words of a description's opening phrase without
// its article, as tokens ("mobile app" of "Mobile app for booking ..."),
// five at most; nil when there is none.
func descHead(desc string) []string {
	var out []string
	for i, t := range tokens(firstWords(strings.TrimSpace(desc), 8)) {
		if descHeadStops[t] || len(out) == 5 {
			break
		}
		if i == 0 && (t == "a" || t == "an" || t == "the") {
			continue
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// indexDescHeads records each project's opening phrase once, so a
// question costs no tokenising of descriptions.
func (x *Index) indexDescHeads(projects []profile.Project) {
	x.descHeads = make([][]string, len(projects))
	for i, p := range projects {
		x.descHeads[i] = descHead(p.Description)
	}
}

// projectByDescKind picks the project whose description's opening phrase
// ends with a noun of the question (its kind: "app", "pipeline") and has
// the most of the question's words, when one alone does best; nil
// otherwise.
func (x *Index) projectByDescKind(ts []string) *item {
	var best *item
	bestScore, tie := 0, false
	for i := range x.projects {
		it := &x.projects[i]
		if it.idx >= len(x.descHeads) {
			continue
		}
		head := x.descHeads[it.idx]
		if len(head) == 0 {
			continue
		}
		kind := singular(head[len(head)-1])
		if len(kind) < 3 || !oneOfKindAsked(ts, kind) {
			continue
		}
		score := 0
		for _, w := range head {
			if len(w) >= 3 && hasAnyToken(ts, w, w+"s") {
				score++
			}
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = it, score, false
		case score == bestScore:
			tie = true
		}
	}
	if tie || best == nil {
		return nil
	}
	return best
}

// oneOfKindAsked reports "her app", "the data pipeline project": the kind
// in the singular, after a determiner or possessive up to three words
// before it. The plural ("what apps") asks for a list, and "any game
// development" for experience; "the bot or the app" compares two.
func oneOfKindAsked(ts []string, kind string) bool {
	if hasAnyToken(ts, "or") {
		return false
	}
	for i, t := range ts {
		if t != kind {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			switch ts[j] {
			case "her", "his", "their", "@p", "the", "that", "this":
				return true
			case "any", "some", "done", "did", "does", "do", "has", "have", "made", "built":
				j = -1 // "has he done any game development": no one thing named
			}
		}
	}
	return false
}

// preferDescribedKind puts the project described as the kind the question
// names in place of projects found only by a word of their titles.
func (x *Index) preferDescribedKind(q *query) {
	if len(x.projects) == 0 || q.byName && len(q.ents) > 0 && !onlyIn(q.ents, secProjects) {
		return
	}
	it := x.projectByDescKind(q.ts)
	if it == nil {
		return
	}
	for _, e := range q.ents {
		if e == it {
			q.ents = []*item{it}
			return
		}
		if e.sec == secProjects && len(e.keys) > 0 && strings.Contains(q.joined, e.norm) {
			return // the project's whole name is asked
		}
	}
	if len(q.ents) == 0 && !projectAsked(q) {
		return
	}
	q.ents = []*item{it}
}

// projectAsked reports a question about a thing she made: "her app", "the
// pipeline project", "tell me about ...".
func projectAsked(q *query) bool {
	return q.scores[iProjects] > 0 || hasAnyToken(q.ts, "her", "his", "their", "@p", "the", "about")
}

// describedAs reports a project whose description's opening phrase ends
// with a word of phrase: "Open-source Rust library that ..." for "library"
// or "libraries".
func (x *Index) describedAs(it *item, phrase string) bool {
	if it.sec != secProjects || it.idx >= len(x.descHeads) || len(x.descHeads[it.idx]) == 0 {
		return false
	}
	head := x.descHeads[it.idx]
	kind := singular(head[len(head)-1])
	for _, w := range tokens(phrase) {
		if singular(w) == kind {
			return true
		}
	}
	return false
}
