// Answers read from free text: the summary's sentences, skill levels and
// fluency, and prizes reported in highlights (courses and degrees are in
// answer_education.go, interests in answer_interests.go).
package converse

import (
	"strings"
	"time"
)

// summarySays adds the summary's sentences that contain any of the stems
// ("his non-work interests range widely..."), which a list section may
// not hold.
func (x *Index) summarySays(o *out, stems ...string) bool {
	said := o.b.String()
	var got []string
	for _, sn := range splitSentences(x.r.Basics.Summary) {
		low := strings.ToLower(sn)
		for _, st := range stems {
			if strings.Contains(low, st) && !strings.Contains(said, strings.TrimRight(sn, ".")) {
				got = append(got, "“"+strings.TrimRight(sn, ".")+"”")
				break
			}
		}
	}
	if len(got) == 0 {
		return false
	}
	o.say("The summary says: %s.", strings.Join(got, " "))
	o.cite(secBasics, 0, "summary")
	return true
}

// expertWords head "is he an expert in compression".
var expertWords = setOf(`expert master specialist guru pro wizard authority`)

// skillLevel answers "is he an expert in compression" from the level of
// the skill group or keyword the question names. It reports whether one
// matched.
func (x *Index) skillLevel(o *out, q *query) bool {
	for i, sk := range x.r.Skills {
		names := append([]string{sk.Name}, sk.Keywords...)
		for _, n := range names {
			nt := tokens(n)
			if len(nt) == 0 || !strings.Contains(q.joined, " "+strings.Join(nt, " ")+" ") {
				continue
			}
			o.in = iSkills
			if sk.Level != "" {
				if n == sk.Name {
					o.say("%s lists %s as a skill at the level “%s”.", x.Who(), sk.Name, sk.Level)
				} else {
					o.say("%s lists %s under %s, at the level “%s”.", x.Who(), n, nonBlank(sk.Name, "skills"), sk.Level)
				}
			} else {
				o.say("%s lists %s as a skill; the profile gives no level.", x.Who(), n)
			}
			o.cite(secSkills, i, "")
			return true
		}
	}
	return false
}

// skillGroup answers a question that names a skill group by its whole
// name ("data journalism?", "tell me about her cloud infrastructure
// skills"): the group's level and keywords. A one-word name counts only
// as the whole question, so "systems" inside a sentence stays a word.
func (x *Index) skillGroup(o *out, q *query) bool {
	for i, nt := range x.skillNames {
		sk := x.r.Skills[i]
		if len(nt) == 0 || len(sk.Keywords) == 0 {
			continue
		}
		if asksGroupHead(q.ts, nt) || x.asksGroupPart(q.ts, i) {
			// "what aircraft did she work on": the group "Aircraft types"
			if jobNamed(q.ts, q.ents) {
				return false // "which turbines did he work on at Highland Wind": that job's own words
			}
		} else if len(nt) == 1 {
			if len(q.ts) != 1 || q.ts[0] != nt[0] || cueTable[nt[0]] != nil || commonWords[nt[0]] {
				continue
			}
		} else if !strings.Contains(q.joined, x.skillJoined[i]) && (x.skillTails[i] == "" || !strings.Contains(q.joined, x.skillTails[i])) && !singularIn(q.joined, x.skillJoined[i]) {
			continue
		}
		for _, e := range q.ents {
			if e.norm != "" && strings.Contains(q.joined, e.norm) && len(tokens(e.norm)) >= len(nt) {
				return false // an entry named as wholly as the group
			}
		}
		o.in = iSkills
		lvl := ""
		if sk.Level != "" {
			lvl = " (" + sk.Level + ")"
		}
		o.say("%s lists %s%s as a skill: %s.", x.Who(), sk.Name, lvl, list(sk.Keywords))
		o.cite(secSkills, i, "")
		return true
	}
	return false
}

// asksGroupHead reports "what aircraft ...", "which planes ..." of a skill
// group named by that noun alone or with a word for sorts of it ("Aircraft
// types"): the noun right after the question word is the thing asked. A
// noun the cue tables know ("languages", "tools") keeps its own reading.
func asksGroupHead(ts, group []string) bool {
	if len(ts) < 2 || ts[0] != "what" && ts[0] != "which" || len(group) == 0 || len(group) > 2 ||
		len(group) == 2 && !sortWords[group[1]] {
		return false
	}
	w, next, ok := groupNounAt(ts) // "which turbine models has he": the noun "turbine" (group_noun.go)
	head := group[0]
	if !ok || cueTable[head] != nil || commonWords[head] || cueTable[w] != nil || next < len(ts) && !groupAskVerbs[ts[next]] || hasAnyToken(ts, "there", "then") {
		return false // "what coaching badges does he have" asks for badges; "which turbines did he work on there", of one job
	}
	if syn, ok := groupSynonyms[w]; ok {
		w = syn
	}
	return w == head || singular(w) == singular(head)
}

var (
	sortWords     = setOf(`types type models kinds makes classes`)
	groupAskVerbs = setOf(`did does do has have had is was are were can could`)
	// groupSynonyms are the everyday words for a group's formal noun.
	groupSynonyms = map[string]string{"plane": "aircraft", "planes": "aircraft", "airplanes": "aircraft", "aeroplanes": "aircraft",
		"jets": "aircraft", "boats": "vessels", "ships": "vessels", "trucks": "vehicles", "cars": "vehicles"}
)

// skillTails returns, for each skill group's name of three words or more
// (not counting "and", "of"...), its last two: "which research tools does
// she use" names the group "Legal research and tools".
func skillTails(names [][]string) []string {
	tails := make([]string, len(names))
	for i, nt := range names {
		content := make([]string, 0, len(nt))
		for _, t := range nt {
			if t != "and" && t != "of" && t != "the" && t != "for" && t != "in" {
				content = append(content, t)
			}
		}
		if len(content) >= 3 {
			tails[i] = joinTokens(content[len(content)-2:])
		}
	}
	return tails
}

// singularIn reports whether joined holds group (" a bs ") with its last
// word in the singular: "his personal best" names the group "Personal
// bests".
func singularIn(joined, group string) bool {
	g := strings.TrimSuffix(group, "s ")
	if len(g) == len(group) {
		return false
	}
	for i := strings.Index(joined, g); i >= 0; {
		if end := i + len(g); end < len(joined) && joined[end] == ' ' {
			return true
		}
		next := strings.Index(joined[i+1:], g)
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

// levelRank orders the skill levels résumés commonly give.
var levelRank = map[string]int{"beginner": 1, "basic": 1, "elementary": 1, "novice": 1, "intermediate": 2, "proficient": 3,
	"advanced": 3, "strong": 3, "expert": 4, "master": 4, "native": 4, "fluent": 3}

// topSkills answers "is she an expert in anything": the skill groups at
// the highest level the profile gives.
func (x *Index) topSkills(o *out) bool {
	best := 0
	for _, sk := range x.r.Skills {
		best = max(best, levelRank[strings.ToLower(strings.TrimSpace(sk.Level))])
	}
	if best == 0 {
		return false
	}
	var names []string
	level := ""
	for i, sk := range x.r.Skills {
		if levelRank[strings.ToLower(strings.TrimSpace(sk.Level))] == best {
			names = append(names, nonBlank(sk.Name, strings.Join(firstN(sk.Keywords, 3), ", ")))
			level = sk.Level
			o.cite(secSkills, i, "")
		}
	}
	o.in = iSkills
	o.say("%s lists %s at the highest level the profile gives, “%s”.", x.Who(), list(names), level)
	return true
}

// awardStems mark a highlight that reports a prize ("Successfully won
// Techcrunch Disrupt", "Awarded 'Teacher of the Month'").
var awardStems = []string{" won ", " win ", " wins ", "award", " prize", "winner", "recogni", " honor", " honour", "finalist", "trophy"}

// awardMentions adds the highlights that report prizes: those of entry
// when it is given, else of any entry, preferring those that hold a word
// of the question. It reports whether it said anything.
func (x *Index) awardMentions(o *out, q *query, entry *item, onlyNamed bool) bool {
	var cands []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section == secAwards || sn.cite.Section == secBasics || sn.cite.Section == secReferences {
			continue
		}
		if entry != nil && (sn.cite.Section != entry.sec || sn.cite.Index != entry.idx) {
			continue
		}
		low := sn.low
		for _, st := range awardStems {
			if strings.Contains(low, st) {
				cands = append(cands, sn)
				break
			}
		}
	}
	if len(cands) == 0 {
		return false
	}
	// Prefer what the question names ("at TechCrunch").
	var named []*snippet
	for _, sn := range cands {
		low := " " + strings.Join(sn.toks, " ") + " "
		for _, t := range q.ts {
			if len(t) >= 4 && !searchStop[t] && cueTable[t] == nil && strings.Contains(low, " "+t) {
				named = append(named, sn)
				break
			}
		}
	}
	if len(named) > 0 || onlyNamed {
		cands = named
	}
	if len(cands) == 0 {
		return false
	}
	if len(cands) > 3 {
		cands = cands[:3]
	}
	lead := "The profile also mentions:"
	if o.b.Len() == 0 {
		lead = "The profile mentions:"
	}
	if entry != nil {
		o.in = iAwards
	}
	return x.quoteSentences(o, lead, cands)
}

// gapFillers says what the profile puts in the gaps: studies or
// volunteering dated inside one, and summary sentences that name a year
// inside one ("I took a year off in 2016 to travel"). It reports whether
// it found any.
func (x *Index) gapFillers(o *out, holes [][2]time.Time, now time.Time) bool {
	inHole := func(from, to time.Time) bool {
		for _, h := range holes {
			if from.Before(h[1]) && to.After(h[0]) {
				return true
			}
		}
		return false
	}
	var parts []string
	for _, sec := range []string{secEducation, secVolunteer} {
		for _, it := range x.sorted(sec) {
			if it.dated && inHole(it.per.From(), it.per.Until(now)) {
				parts = append(parts, it.label()+it.span())
				o.citeItem(it)
			}
		}
	}
	said := false
	if len(parts) > 0 {
		o.say("In that time the profile lists %s.", list(parts))
		said = true
	}
	for _, sn := range x.snippets {
		if sn.cite.Section != secBasics {
			continue
		}
		for _, t := range sn.toks {
			if y, ok := atoi(t); ok && len(t) == 4 && inHole(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC)) {
				o.say("The summary says: “%s”.", strings.TrimRight(sn.text, "."))
				o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
				said = true
				break
			}
		}
	}
	return said
}

// yesNoQuestion reports whether ts asks for a yes or a no ("is he into
// music", "does she surf"), not for a place or a time ("where does she
// surf").
// yesIn leads a list of what the profile has in a place or field: "Yes: in
// Spain" to "did he play in spain", a plain "In Geneva" to "what did he do
// in Geneva", which asked no yes or no.
func yesIn(ts []string, prep, where string) string {
	if yesNoQuestion(ts) || at(ts, 0) == "and" && yesNoQuestion(ts[1:]) {
		return "Yes: " + prep + " " + where
	}
	return strings.ToUpper(prep[:1]) + prep[1:] + " " + where
}

func yesNoQuestion(ts []string) bool {
	switch at(ts, 0) {
	case "is", "are", "was", "were", "does", "do", "did", "has", "have", "had", "can", "could", "would", "will", "any":
		return true
	}
	return false
}

// fluencyRank orders the words résumés use for how well one speaks.
func fluencyRank(f string) int {
	f = strings.ToLower(levelText(f))
	switch {
	case strings.Contains(f, "native"), strings.Contains(f, "mother"), strings.Contains(f, "bilingual"):
		return 5
	case strings.Contains(f, "full professional"), strings.Contains(f, "fluent"), strings.Contains(f, "c2"), strings.Contains(f, "c1"):
		return 4
	case strings.Contains(f, "professional"), strings.Contains(f, "advanced"), strings.Contains(f, "b2"):
		return 3
	case strings.Contains(f, "intermediate"), strings.Contains(f, "conversational"), strings.Contains(f, "b1"), strings.Contains(f, "limited working"):
		return 2
	case strings.Contains(f, "basic"), strings.Contains(f, "elementary"), strings.Contains(f, "beginner"), strings.Contains(f, "a1"), strings.Contains(f, "a2"):
		return 1
	}
	return 0
}

// languageRank answers "which is her weakest / strongest language" from
// the fluency each language lists. It reports whether it could tell.
func (x *Index) languageRank(o *out, weakest bool) bool {
	best, bestRank := -1, 0
	for i, l := range x.r.Languages {
		r := fluencyRank(l.Fluency)
		if r == 0 {
			continue
		}
		if best < 0 || weakest && r < bestRank || !weakest && r > bestRank {
			best, bestRank = i, r
		}
	}
	if best < 0 || len(x.r.Languages) < 2 {
		return false
	}
	l := x.r.Languages[best]
	o.in = iLangs
	word := "strongest"
	if weakest {
		word = "weakest"
	}
	o.say("By the fluency the profile lists, %s %s language is %s (%s).", x.whose(), word, spokenName(l.Language), fluency(l.Fluency))
	o.cite(secLanguages, best, "")
	return true
}

// toolNouns ask for the things someone works with.
var toolNouns = wordSetOf(`tool tools software equipment gear kit app apps`)

// methodNouns ask for a way of working the skills may name: "can she do
// qualitative research" is the skill "Qualitative interviewing", not a
// publication called "Qualitative".
var methodNouns = wordSetOf(`research methods method analysis`)

// toolsByWord answers "what timing tools does he use" with the skill
// keywords that hold the question's other word ("Freelap timing"): the
// word is what the tools are for, and a looser match (a job's "part-time")
// says nothing of tools. False when no keyword holds it.
func (x *Index) toolsByWord(o *out, q *query) bool {
	if !toolNouns.anyIn(q.ts) && !methodNouns.anyIn(q.ts) {
		return false
	}
	if hasAnyToken(q.ts, "paper", "papers", "article", "articles", "publication", "publications", "journal", "doi", "published") && !toolNouns.anyIn(q.ts) {
		return false // "her Genome Research paper": a journal's name, not a method
	}
	var words []string
	for _, t := range q.ts {
		if len(t) >= 4 && !searchStop[t] && !commonWords[t] && !toolNouns.has(t) && !methodNouns.has(t) && cueTable[t] == nil && isAlphaWord(t) {
			words = append(words, t)
		}
	}
	if len(words) == 0 {
		return false
	}
	var hits []string
	for i, sk := range x.r.Skills {
		found := false
		for _, k := range sk.Keywords {
			if hasAnyToken(tokens(k), words...) {
				hits = append(hits, k)
				found = true
			}
		}
		if found {
			o.cite(secSkills, i, "")
		}
	}
	if len(hits) == 0 {
		return x.groupOfToolWord(o, words)
	}
	o.in = iSkills
	o.say("The profile lists %s among %s skills.", list(hits), x.whose())
	return true
}
