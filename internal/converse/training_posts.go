package converse

import (
	"fmt"
	"strings"
	"time"
)

// "Where did she do her residency", "how many fellowships did he do": a
// training post is named by a noun for the post while the résumé names the
// person in the title ("Resident, Internal Medicine", "Fellow, ..."), so
// neither the home place ("resides") nor a sentence search finds it.

// trainingPosts maps the noun of a post, singular and plural, to the stem
// of the title word its holder carries.
var trainingPosts, postSingular = func() (map[string]string, map[string]string) {
	m, sg := map[string]string{}, map[string]string{}
	for _, p := range [][3]string{
		{"residency", "residencies", "resident"},
		{"fellowship", "fellowships", "fellow"},
		{"internship", "internships", "intern"},
		{"apprenticeship", "apprenticeships", "apprentice"},
		{"clerkship", "clerkships", "clerk"},
		{"traineeship", "traineeships", "trainee"},
		{"postdoc", "postdocs", "postdoc"},
	} {
		m[p[0]], m[p[1]] = stem(p[2]), stem(p[2])
		sg[p[1]] = p[0]
	}
	return m, sg
}()

// postsByWord answers where she did a training post, or how many she did,
// from the jobs whose title holds the holder's word; it reports whether
// one matched.
func (x *Index) postsByWord(o *out, q *query, now time.Time) bool {
	var noun string
	switch {
	case at(q.ts, 0) == "where" && len(q.ts) > 2:
		for _, t := range q.ts[1:] {
			if _, ok := trainingPosts[t]; ok {
				noun = t
				break
			}
		}
	case at(q.ts, 0) == "how" && at(q.ts, 1) == "many":
		if t := at(q.ts, 2); t != "" && t[len(t)-1] == 's' {
			if _, ok := trainingPosts[t]; ok {
				noun = t
			}
		}
	default:
		noun = postDone(q.ts)
	}
	if noun == "" {
		return false
	}
	st := trainingPosts[noun]
	// The holder's word, or its family's words in other languages: a
	// French "Stagiaire" did an internship, a "Développeuse en
	// alternance" an apprenticeship.
	forms := roleFamilies[st]
	if forms == nil {
		forms = map[string]bool{st: true}
	}
	var hits []*item
	for _, sec := range []string{secWork, secVolunteer} {
		for _, it := range x.bySec[sec] { // newest first
			if !it.brk && roleKeyIn(it.roleKeys, forms) {
				hits = append(hits, it)
			}
		}
	}
	if len(hits) == 0 {
		return x.noPostDone(o, q, noun, st)
	}
	if at(q.ts, 0) != "where" && at(q.ts, 0) != "how" {
		o.say("Yes.") // "did she do an internship": the posts that were one
		if len(hits) == 1 && hits[0].sec == secWork {
			// one: the job itself, whose summary says what the post was
			// ("Four-year apprenticeship, one day a week at college")
			o.in = iWork
			x.jobDetail(o, hits[0], false, now)
			o.citeItem(hits[0])
			o.focusOn(hits[0])
			return true
		}
	}
	parts := make([]string, len(hits))
	for i, it := range hits {
		parts[i] = it.roleAt() + it.span()
		if it.loc != "" {
			parts[i] += ", " + inLocation(it.loc)
		}
		o.citeItem(it)
	}
	o.in = iWork
	if at(q.ts, 0) == "how" {
		o.say("%s profile lists %s: %s.", capital(x.whose()), countOf(len(hits), noun), list(parts))
	} else {
		o.say("%s %s: %s.", capital(x.whose()), postNoun(noun, len(hits)), list(parts))
	}
	o.focusOn(hits...)
	return true
}

// countOf writes "2 fellowships", "1 fellowship" from the plural asked.
func countOf(n int, plural string) string {
	if n == 1 {
		return "1 " + postSingular[plural]
	}
	return fmt.Sprintf("%d %s", n, plural)
}

// namesAnswerYes reports whether a present-tense yes/no question ("is she
// board certified", "does she interpret") is answered by the names of the
// entries it matched: every word it asks is in one entry's own name (a
// job's title, a certificate's name), a job held now. Entries that only
// share a word ("law" for law review), ended jobs, "still" and a place
// leave the list without a yes.
func (x *Index) namesAnswerYes(q *query, now time.Time) bool {
	switch at(q.ts, 0) {
	case "is", "does", "has":
	default:
		return false
	}
	if !q.third || q.hasWin || q.inPlace || len(q.techs) > 0 {
		return false
	}
	var asked []string
	for _, t := range q.ts[1:] {
		if t == "@p" || commonWords[t] {
			continue
		}
		if t == "still" || t == "ever" || len(t) < 4 {
			return false
		}
		asked = append(asked, stem(t))
	}
	if len(asked) == 0 {
		return false
	}
	for _, it := range q.ents {
		if it.pending() {
			// a "Yes." over a list that holds a licence still in
			// progress would claim that one is held too
			return false
		}
	}
	for _, it := range q.ents {
		name := it.title
		if it.sec == secWork || it.sec == secVolunteer {
			if !it.current(now) {
				continue
			}
			name = it.role
		}
		own, all := stemsOf(tokens(name)), true
		for _, a := range asked {
			all = all && prefixOfAny(a, own)
		}
		if all {
			return true
		}
	}
	return false
}

// prefixOfAny reports whether a and one of ws begin alike ("certifi" of
// "certification", "interpret" of "interpret").
func prefixOfAny(a string, ws []string) bool {
	for _, w := range ws {
		if strings.HasPrefix(w, a) || len(w) >= 4 && strings.HasPrefix(a, w) {
			return true
		}
	}
	return false
}

// postDone returns the post noun of "did she do an internship", "has he
// done any apprenticeships", "did she have a residency", or "".
func postDone(ts []string) string {
	switch at(ts, 0) {
	case "did", "has", "have", "had":
	default:
		return ""
	}
	if at(ts, 1) != "@p" {
		return ""
	}
	i := 2
	switch at(ts, i) {
	case "do", "done", "complete", "completed", "have", "had", "serve", "served", "ever":
	default:
		return ""
	}
	if at(ts, i) == "ever" {
		i++
	}
	i++
	switch at(ts, i) {
	case "a", "an", "any":
		i++
	}
	if _, ok := trainingPosts[at(ts, i)]; ok && i == len(ts)-1 {
		return at(ts, i)
	}
	return ""
}

// postNoun is the post noun in the number of the posts found: "did she do
// an internship" with two answers "internships".
func postNoun(noun string, n int) string {
	if n < 2 {
		return noun
	}
	for pl, sg := range postSingular {
		if sg == noun {
			return pl
		}
	}
	return noun
}
