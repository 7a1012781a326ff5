package converse

import (
	"regexp"
	"strconv"
	"strings"
)

// mostPopular answers "what's her most popular project", "his most
// downloaded app": the project whose own text gives the largest count of
// stars, downloads, users and the like, quoted; or says the profile gives
// no such figures, and lists the projects.
var popularPhrases = newPhraseSet(" most popular ", " most starred ", " most downloaded ", " most used ", " best known ", " best-known ", " most successful ")

func (r *resolver) mostPopular() bool {
	x, o, q := r.x, r.o, r.q
	popular := q.hasAnyOf(popularPhrases)
	if !popular || len(q.ents) > 0 || len(q.techs) > 0 || q.hasWin ||
		!hasAnyToken(q.ts, "project", "projects", "app", "apps", "repo", "repos", "repository", "library", "libraries", "tool", "tools", "package", "game", "games", "product", "products") {
		return false
	}
	items := x.sorted(secProjects)
	if len(items) == 0 {
		return false
	}
	var best *item
	bestN := 0.0
	for _, it := range items {
		if n := popularityCount(x.entryText(it)); n > bestN {
			best, bestN = it, n
		}
	}
	o.in = iProjects
	if best == nil {
		o.say("The profile gives no stars, downloads or user numbers to compare %s projects by.", x.whose())
		x.listSection(o, secProjects, nil, r.now)
		return true
	}
	o.citeItem(best)
	o.focusOn(best)
	o.say("By the figures the profile gives, %s most popular project is %s%s.", x.whose(), best.label(), best.span())
	for i := range x.snippets {
		sn := &x.snippets[i]
		if citesItem(sn.cite, []*item{best}) && popularityCount(sn.low) == bestN {
			x.quoteSentences(o, "It says:", []*snippet{sn})
			break
		}
	}
	return true
}

// popularityRE finds "14,200 GitHub stars", "2.3k downloads", "2 million
// monthly users": a count, an optional scale, at most one word, then what
// is counted.
var popularityRE = regexp.MustCompile(`(\d[\d,]*(?:\.\d+)?)\s*(k|m|thousand|million)?\+?\s+(?:[a-z-]+\s+)?(stars|downloads|installs|users|players|dependents|forks|crates|copies|readers|listeners|streams|subscribers|customers)\b`)

// popularityCount is the largest such count in low (lower-case text), 0
// when there is none.
func popularityCount(low string) float64 {
	best := 0.0
	for _, m := range popularityRE.FindAllStringSubmatch(low, -1) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
		if err != nil {
			continue
		}
		switch m[2] {
		case "k", "thousand":
			v *= 1e3
		case "m", "million":
			v *= 1e6
		}
		best = max(best, v)
	}
	return best
}
