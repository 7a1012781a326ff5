// Answers read from free text: the summary's sentences, courses, skill
// levels, interests asked by object and prizes reported in highlights.
package converse

import (
	"fmt"
	"slices"
	"strconv"
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

// studySubject answers "did she study typography" when the question names
// a subject: the course or field of study that has its words, or a plain
// "not listed". It reports whether the question named a subject at all.
func (x *Index) studySubject(o *out, q *query) bool {
	var words []string
	for _, t := range q.ts {
		if len(t) < 3 || searchStop[t] || commonWords[t] || t == "@p" || cueTable[t] != nil || x.nameToks[t] {
			continue
		}
		words = append(words, t)
	}
	if len(words) == 0 {
		return false
	}
	subject := strings.Join(words, " ")
	matches := func(text string) bool {
		toks := tokens(text)
		for _, w := range words {
			found := false
			for _, t := range toks {
				if t == w || stem(t) == stem(w) {
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
	for _, it := range x.sorted(secEducation) {
		e := x.r.Education[it.idx]
		if matches(e.Area) || matches(e.StudyType) {
			o.in = iEducation
			o.say("Yes: %s studied %s at %s%s.", x.who(), nonBlank(e.Area, e.StudyType), it.label(), it.span())
			o.citeItem(it)
			o.focusOn(it)
			return true
		}
		for _, c := range e.Courses {
			if matches(c) {
				o.in = iEducation
				o.say("Yes: %s is among the courses listed for %s at %s%s.", c, x.whose()+" "+nonBlank(strings.TrimSpace(e.StudyType+" "+e.Area), "studies"), it.label(), it.span())
				o.cite(secEducation, it.idx, "courses")
				o.focusOn(it)
				return true
			}
		}
	}
	if x.mentionsWords(subject) {
		return false // elsewhere in the profile: the general answer may cover it
	}
	o.in = iEducation
	o.say("The profile doesn't list %s among %s studies.", subject, x.whose())
	x.listSection(o, secEducation, nil, time.Time{})
	return true
}

// degreeRank orders the words of degree names: a doctorate above a
// master's above a postgraduate certificate above a bachelor's.
var degreeRank = map[string]int{"phd": 6, "doctorate": 6, "doctor": 6, "dphil": 6, "edd": 6, "jd": 6, "md": 6,
	"master": 5, "masters": 5, "msc": 5, "mpp": 5, "mph": 5, "march": 5, "mcs": 5, "mtech": 5, "mdes": 5, "ma": 5, "mba": 5, "meng": 5, "mphil": 5, "mpa": 5, "llm": 5, "mres": 5, "ms": 5, "pme": 5, "mfa": 5, "med": 5,
	"postgraduate": 4, "pgce": 4, "pgdip": 4, "graduate": 4,
	"bachelor": 3, "bachelors": 3, "bsc": 3, "ba": 3, "bs": 3, "beng": 3, "bba": 3, "llb": 3, "bfa": 3, "bed": 3, "ab": 3, "undergraduate": 3,
	"associate": 2, "diploma": 1, "certificate": 1}

// highestDegree answers "what's her highest degree": the entry whose
// degree ranks highest, the most recent of equals.
func (x *Index) highestDegree(o *out) bool {
	var best *item
	bestRank := 0
	for _, it := range x.sorted(secEducation) { // most recent first
		r := degreeRankOf(x.r.Education[it.idx].StudyType)
		if r > bestRank {
			best, bestRank = it, r
		}
	}
	if best == nil {
		return false
	}
	o.in = iEducation
	o.say("The highest degree in %s profile is %s%s.", x.whose(), article(best.describe()), best.span())
	o.citeItem(best)
	o.focusOn(best)
	return true
}

// askedDegrees name a kind of degree in a question, for the reply, with
// the rank it stands for (degreeRank) or the word the degree must carry.
var askedDegrees = map[string]struct {
	name string
	rank int
	word string
}{"phd": {"a PhD", 6, ""}, "doctorate": {"a doctorate", 6, ""}, "doctoral": {"a doctorate", 6, ""},
	"mba": {"an MBA", 0, "mba"}, "masters": {"a master's degree", 5, ""}, "master": {"a master's degree", 5, ""},
	"bachelors": {"a bachelor's degree", 3, ""}, "bachelor": {"a bachelor's degree", 3, ""}}

// degreeRankOf reads a degree's rank from how résumés write it: "MSc",
// "M.Sc.", "LL.M.", "Master of Arts", "PhD candidate"; 0 when unknown.
func degreeRankOf(studyType string) int {
	r := degreeRank[compactLetters(studyType)]
	for _, t := range tokens(studyType) {
		t = strings.ReplaceAll(t, ".", "")
		r = max(r, degreeRank[t])
		switch {
		case strings.HasPrefix(t, "doctor"):
			r = max(r, 6)
		case strings.HasPrefix(t, "master"):
			r = max(r, 5)
		case strings.HasPrefix(t, "bachelor"):
			r = max(r, 3)
		}
	}
	return r
}

// compactLetters is s lower-cased with everything but letters dropped:
// "LL.M." -> "llm".
func compactLetters(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return -1
	}, s)
}

// missingDegree answers "does she have a PhD" when no entry is one: it
// says so and names the highest degree listed. It reports whether it did.
func (x *Index) missingDegree(o *out, ts []string) bool {
	for _, t := range ts {
		d, ok := askedDegrees[t]
		if !ok {
			continue
		}
		if len(x.education) == 0 {
			return false
		}
		for _, it := range x.sorted(secEducation) {
			e := x.r.Education[it.idx]
			r := degreeRankOf(e.StudyType)
			if r == 0 {
				return false // a degree we can't read ("LPC"): don't claim it is missing
			}
			if d.rank > 0 && r == d.rank {
				return false // it is there: the usual answer names it
			}
			if it.roleAcro == t || d.word != "" && (strings.Contains(compactLetters(e.StudyType), d.word) || strings.Contains(strings.ToLower(e.Area), "business administration")) {
				return false
			}
		}
		o.in = iEducation
		o.say("The profile doesn't list %s for %s.", d.name, x.who())
		if !x.highestDegree(o) {
			x.listSection(o, secEducation, nil, time.Time{})
		}
		return true
	}
	return false
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
		if len(nt) == 1 {
			if len(q.ts) != 1 || q.ts[0] != nt[0] || cueTable[nt[0]] != nil || commonWords[nt[0]] {
				continue
			}
		} else if !strings.Contains(q.joined, x.skillJoined[i]) {
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

// leisureTimes say when, not what: "what does she do on weekends".
var leisureTimes = setOf(`weekend weekends evening evenings holiday holidays vacation vacations saturday saturdays sunday sundays
like likes enjoy enjoys love loves fan fond keen`)

// interestCheck answers "is he into music", "does she like hiking": the
// interest that names it, else where the profile mentions it, else a
// plain no followed by the interests listed. It reports whether the
// question named a thing at all.
// namesInterest reports whether a word of ts is an interest's own word
// or its stem ("surf" for Surfing, "climbs" for Climbing).
func (x *Index) namesInterest(ts []string) bool {
	for _, t := range ts {
		if len(t) < 3 || (searchStop[t] || commonWords[t]) && activityWords[t] == nil || x.nameToks[t] || cueTable[t] != nil {
			continue
		}
		st := stem(t)
		for _, words := range x.interestToks {
			for _, w := range words {
				if w == t || len(st) >= 4 && strings.HasPrefix(w, st) || inflects(w, t) || hasPrefixAny(w, activityWords[t]) {
					return true
				}
			}
		}
	}
	return false
}

// inflects reports whether w is a short verb t with an ending: "running"
// for "run", "swims" for "swim".
func inflects(w, t string) bool {
	if len(t) < 3 || !strings.HasPrefix(w, t) {
		return false
	}
	switch rest := w[len(t):]; rest {
	case "s", "ing", "er", "ers":
		return true
	default:
		return len(rest) == 4 && rest[0] == t[len(t)-1] && rest[1:] == "ing" // run -> running
	}
}

// containsWordPrefix reports whether text (" a b c ") has a word starting
// with one of ps.
func containsWordPrefix(text string, ps []string) bool {
	for _, p := range ps {
		if strings.Contains(text, " "+p) {
			return true
		}
	}
	return false
}

func hasPrefixAny(w string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// activityWords are what a visitor says for a hobby the profile names in
// other words: "what does she read" is about literature.
var activityWords = map[string][]string{
	"read": {"read", "literature", "book", "novel", "fiction", "poetry"}, "reads": {"read", "literature", "book", "novel", "fiction", "poetry"},
	"cook": {"cook", "baking", "food", "culinary"}, "cooks": {"cook", "baking", "food", "culinary"},
	"watch": {"film", "cinema", "movie", "theatre", "theater"}, "listen": {"music", "podcast", "jazz"},
	"play": {"music", "guitar", "piano", "game", "chess", "football", "tennis", "violin", "drum"}, "plays": {"music", "guitar", "piano", "game", "chess", "football", "tennis", "violin", "drum"},
	"climb": {"climb", "boulder", "mountain"}, "climbs": {"climb", "boulder", "mountain"},
	"hike": {"hik", "trek", "mountain", "outdoor"}, "hikes": {"hik", "trek", "mountain", "outdoor"},
	"travel": {"travel", "trip"}, "travels": {"travel", "trip"},
	"marathon": {"marathon", "running"}, "marathons": {"marathon", "running"}, "jog": {"running", "jog"},
	"ride": {"cycl", "bike", "motorcycl", "horse", "riding"}, "rides": {"cycl", "bike", "motorcycl", "horse", "riding"},
	"bike": {"cycl", "bike", "motorcycl"}, "bikes": {"cycl", "bike", "motorcycl"},
	"sport": sportStems, "sports": sportStems, "sporty": sportStems, "athletic": sportStems, "exercise": sportStems, "fitness": sportStems, "active": sportStems,
	"sing": singStems, "sings": singStems, "singing": singStems, "singer": singStems,
	"music": musicStems, "musical": musicStems, "instrument": instrumentStems, "instruments": instrumentStems,
}

// Hobby families: "is she into sport" is answered by her sea swimming,
// "does she sing" by her choir.
var (
	sportStems = []string{"sport", "swim", "run", "cycl", "football", "soccer", "tennis", "climb", "boulder", "hik", "surf", "rowing",
		"yoga", "ski", "snowboard", "basketball", "golf", "marathon", "triathlon", "rugby", "hockey", "cricket", "volleyball",
		"martial", "karate", "judo", "boxing", "gym", "crossfit", "fitness", "sailing", "kayak", "trail", "badminton", "squash", "padel"}
	singStems       = []string{"sing", "choir", "vocal", "opera", "chorus", "karaoke", "a cappella"}
	instrumentStems = []string{"guitar", "piano", "violin", "cello", "drum", "bass", "flute", "sax", "trumpet", "ukulele", "harp", "clarinet", "keyboard"}
	musicStems      = []string{"music", "choir", "guitar", "piano", "violin", "cello", "band", "drum", "sing", "jazz", "orchestra", "bass", "dj", "compos"}
)

func (x *Index) interestCheck(o *out, q *query) bool {
	var words []string
	for _, t := range q.ts {
		if len(t) < 3 || searchStop[t] || t == "@p" || cueTable[t] != nil || x.nameToks[t] || leisureTimes[t] {
			continue
		}
		words = append(words, t)
	}
	if len(words) == 0 {
		return false
	}
	for i, in := range x.r.Interests {
		text := " " + strings.Join(tokens(in.Name+" "+strings.Join(in.Keywords, " ")), " ") + " "
		for _, w := range words {
			if strings.Contains(text, " "+w) || strings.Contains(text, " "+stem(w)) || containsWordPrefix(text, activityWords[w]) {
				o.in = iInterests
				if yesNoQuestion(q.ts) {
					o.say("Yes: %s interests include %s.", x.whose(), interestPhrase(in.Name, in.Keywords))
				} else {
					o.say("%s interests include %s.", capital(x.whose()), interestPhrase(in.Name, in.Keywords))
				}
				o.cite(secInterests, i, "")
				return true
			}
		}
	}
	sub := &out{x: x}
	if x.searchCover(sub, &query{ts: words}) > 0 {
		o.say("The profile doesn't list %s among %s interests, but it mentions it:", strings.Join(words, " "), x.whose())
		o.adopt(sub)
		if n := x.networkNamed(words); n != "" {
			o.say("%s", n)
		}
		return true
	}
	o.in = iInterests
	o.say("The profile doesn't mention %s.", strings.Join(words, " "))
	x.interests(o)
	return true
}

func interestPhrase(name string, kws []string) string {
	if len(kws) == 0 {
		return name
	}
	return name + " (" + strings.Join(kws, ", ") + ")"
}

// networkNamed finds a social profile whose network or user name holds
// one of the words ("music": SoundCloud user dandymusicnl).
func (x *Index) networkNamed(words []string) string {
	for _, p := range x.r.Basics.Profiles {
		low := strings.ToLower(p.Network + " " + p.Username)
		for _, w := range words {
			if strings.Contains(low, w) {
				return "The profile also links a " + p.Network + " account (" + nonBlank(p.URL, p.Username) + ")."
			}
		}
	}
	return ""
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
		low := " " + strings.ToLower(sn.text) + " "
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
			if y, err := strconv.Atoi(t); err == nil && len(t) == 4 && inHole(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC)) {
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
func yesNoQuestion(ts []string) bool {
	switch at(ts, 0) {
	case "is", "are", "was", "were", "does", "do", "did", "has", "have", "had", "can", "could", "would", "will", "any":
		return true
	}
	return false
}

// courses answers "what did he take in grad school": the courses listed
// for the studies asked about (graduate or undergraduate when the question
// says so, a named school, else all).
func (x *Index) courses(o *out, q *query) bool {
	grad := hasAnyToken(q.ts, "grad", "graduate", "master", "masters", "postgrad", "postgraduate", "msc", "phd", "doctoral", "mba")
	under := hasAnyToken(q.ts, "undergrad", "undergraduate", "bachelor", "bachelors", "college", "bsc", "ba")
	var parts []string
	var cited []*item
	for _, it := range x.sorted(secEducation) {
		e := x.r.Education[it.idx]
		if len(e.Courses) == 0 || len(q.ents) > 0 && !slices.Contains(q.ents, it) {
			continue
		}
		st := strings.ToLower(e.StudyType)
		isGrad := strings.Contains(st, "master") || strings.Contains(st, "msc") || strings.Contains(st, "m.s") || strings.Contains(st, "phd") ||
			strings.Contains(st, "doctor") || strings.Contains(st, "mba") || strings.Contains(st, "ll.m")
		if grad && !isGrad || under && isGrad {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s (%s): %s", it.label(), strings.TrimSpace(e.StudyType+" "+e.Area), list(e.Courses)))
		cited = append(cited, it)
		o.cite(secEducation, it.idx, "courses")
	}
	if len(parts) == 0 {
		return false
	}
	o.in = iEducation
	o.say("The courses listed: %s.", strings.Join(parts, "; "))
	o.focusOn(cited...)
	return true
}

// fluencyRank orders the words résumés use for how well one speaks.
func fluencyRank(f string) int {
	f = strings.ToLower(f)
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
	o.say("By the fluency the profile lists, %s %s language is %s (%s).", x.whose(), word, l.Language, l.Fluency)
	o.cite(secLanguages, best, "")
	return true
}

// asksTraining reports "where did she train", "was he trained": a chef's,
// a nurse's or a craftsman's training is school, apprenticeship and what
// the summary says of it.
func asksTraining(q *query) bool {
	if !hasAnyToken(q.ts, "train", "trained", "training", "apprentice") {
		return false
	}
	j := q.joined
	return strings.Contains(j, " @p train ") || strings.Contains(j, " @p trained ") || strings.Contains(j, " was @p trained ") ||
		strings.Contains(j, " @p get trained ") || strings.Contains(j, " @p get @p training ") || strings.Contains(j, " did @p apprentice ")
}

// trainingTitles are words of the titles of jobs that were training.
var trainingTitles = setOf(`apprentice apprenticeship trainee commis intern internship`)

// training answers "where did she train": the summary's words on it, jobs
// that were training, then schooling.
func (x *Index) training(o *out, now time.Time) bool {
	said := x.summarySays(o, "train", "apprentic")
	var jobs []string
	var items []*item
	for _, it := range x.sorted(secWork) {
		if hasAnyTokenIn(tokens(it.role), trainingTitles) {
			jobs = append(jobs, it.roleAt()+it.span())
			items = append(items, it)
			o.citeItem(it)
		}
	}
	if len(jobs) > 0 {
		o.say("Training roles in the profile: %s.", list(jobs))
		said = true
	}
	if len(x.education) > 0 {
		x.listSection(o, secEducation, nil, now)
		said = true
	}
	if len(items) > 0 {
		o.focusOn(items...)
	}
	o.in = iEducation
	return said
}
