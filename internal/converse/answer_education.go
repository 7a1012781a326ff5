// Degrees, courses and training asked about in words the education section
// may not hold: a subject studied, the highest degree, a degree not listed.

package converse

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// studySubject answers "did she study typography" when the question names
// a subject: the course or field of study that has its words, or a plain
// "not listed". It reports whether the question named a subject at all.
func (x *Index) studySubject(o *out, q *query) bool {
	var words []string
	for _, t := range q.ts {
		if len(t) < 3 || searchStop[t] || commonWords[t] || t == "@p" || cueTable[t] != nil || x.nameToks[t] || learnWords[t] {
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
	"psyd": 6, "pharmd": 6, "dmd": 6, "dds": 6, "dvm": 6, "dnp": 6, "dpt": 6, "dba": 6, "dsc": 6, "scd": 6, "drph": 6, "dma": 6, "aud": 6,
	"master": 5, "masters": 5, "msc": 5, "mpp": 5, "mph": 5, "march": 5, "mcs": 5, "mtech": 5, "mdes": 5, "ma": 5, "mba": 5, "meng": 5, "mphil": 5, "mpa": 5, "llm": 5, "mres": 5, "ms": 5, "pme": 5, "mfa": 5, "med": 5,
	"postgraduate": 4, "pgce": 4, "pgdip": 4, "graduate": 4,
	"bachelor": 3, "bachelors": 3, "bsc": 3, "ba": 3, "bs": 3, "beng": 3, "bba": 3, "llb": 3, "bfa": 3, "bed": 3, "ab": 3, "undergraduate": 3,
	"associate": 2, "aas": 2, "aos": 2, "diploma": 1, "certificate": 1,
	// initials of degrees named by their field: "BSN", "MSW"
	"bsn": 3, "bsw": 3, "bcom": 3, "msn": 5, "msw": 5, "mcom": 5, "mat": 5,
	// European degrees résumés keep in their own language
	"staatsexamen": 5, "diplom": 5, "dipl": 5, "magister": 5, "magistrale": 5, "laurea": 3, "licenciatura": 3, "licenciado": 3,
	"ingenieur": 5, "mestrado": 5, "maestria": 5, "doutorado": 6, "doctorat": 6, "bacharelado": 3, "bacharel": 3, "grado": 3,
	"bts": 2, "dut": 2}

// foreignDegrees are the words of degreeRank in another language: a reply
// saying "Yes" to "a bachelor's degree" with a "Licence" says what level
// that is.
var foreignDegrees = setOf(`staatsexamen diplom dipl magister magistrale laurea licenciatura licenciado ingenieur mestrado maestria
	doutorado doctorat bacharelado bacharel grado bts dut licence`)

// frenchLicence reports the French "Licence" (a bachelor's), which tokens
// spell as the American "license".
func frenchLicence(studyType string) bool {
	f := strings.Fields(strings.ToLower(studyType))
	return len(f) > 0 && f[0] == "licence"
}

// foreignDegree reports a degree named in another language's words only.
func foreignDegree(studyType string) bool {
	if frenchLicence(studyType) {
		return true
	}
	for _, t := range tokens(studyType) {
		t = strings.ReplaceAll(t, ".", "")
		if degreeRank[t] > 0 && !foreignDegrees[t] {
			return false
		}
	}
	return hasAnyTokenIn(tokens(studyType), foreignDegrees)
}

// askedDegree is a kind of degree asked about: its name in a reply, its
// rank (degreeRank) or the letters the degree must carry.
type askedDegree struct {
	name string
	rank int
	word string
}

// fieldDegrees name a degree by its field: "an engineering degree".
var fieldDegrees = setOf(`engineering law medical medicine nursing business accounting finance economics psychology chemistry physics biology mathematics math maths architecture teaching education music art arts design history`)

// foreignFields are fieldDegrees words as French, German, Spanish,
// Portuguese and Italian degrees and areas write them ("Diplôme
// d'ingénieur", "Rechtswissenschaften"), folded; keys are stems.
var foreignFields = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for k, v := range map[string]string{
		"engineering":  "ingenieur ingenieurwesen ingenieria ingeniero engenharia ingegneria",
		"law":          "droit derecho direito jura rechtswissenschaft rechtswissenschaften giurisprudenza",
		"medicine":     "medecine medicina medizin humanmedizin",
		"medical":      "medecine medicina medizin humanmedizin",
		"economics":    "economie economia volkswirtschaftslehre wirtschaftswissenschaften",
		"business":     "gestion betriebswirtschaftslehre bwl administracion administracao",
		"mathematics":  "mathematiques matematicas matematica mathematik",
		"physics":      "physique fisica physik",
		"chemistry":    "chimie quimica chemie",
		"biology":      "biologie biologia",
		"psychology":   "psychologie psicologia",
		"architecture": "arquitectura arquitetura architektur architettura",
		"nursing":      "enfermeria enfermagem pflege infirmier infirmiere",
		"history":      "histoire historia geschichte storia",
	} {
		m[stem(k)] = setOf(v)
	}
	return m
}()

// studiedField reports whether a study's field, type or school carries the
// field word: "engineering" of "Mathematical Engineering".
func (x *Index) studiedField(field string) bool {
	s := stem(field)
	for _, it := range x.sorted(secEducation) {
		e := x.r.Education[it.idx]
		for _, t := range tokens(e.Area + " " + e.StudyType + " " + e.Institution) {
			if stem(t) == s || field == "medical" && stem(t) == stem("medicine") || field == "law" && (t == "jd" || t == "llb" || t == "llm") ||
				foreignFields[stem(field)][t] {
				return true
			}
		}
	}
	return false
}

// askedDegrees name a kind of degree in a question, for the reply, with
// the rank it stands for (degreeRank) or the word the degree must carry.
var askedDegrees = map[string]askedDegree{"phd": {"a PhD", 6, ""}, "doctorate": {"a doctorate", 6, ""}, "doctoral": {"a doctorate", 6, ""},
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
	if frenchLicence(studyType) {
		r = max(r, 3)
	}
	if r == 5 && hasAnyToken(tokens(studyType), "fh") {
		r = 3 // a Diplom (FH), of a university of applied sciences, stands at a bachelor's level
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
func (x *Index) missingDegree(o *out, ts []string, now time.Time, heldOnly bool) bool {
	for i, t := range ts {
		d, ok := askedDegreeAt(ts, i)
		switch {
		case t == "md" && (at(ts, i-1) == "@p" || at(ts, i-1) == "an"):
			d, ok = askedDegree{"an MD", 0, "md"}, true // not Maryland: "her MD", "an MD"
		case fieldDegrees[t] && at(ts, i+1) == "degree":
			if heldOnly || len(x.education) == 0 || x.studiedField(t) {
				return false
			}
			o.in = iEducation
			o.say("The profile doesn't list %s degree for %s.", article(t), x.who())
			if !x.highestDegree(o, now) {
				x.listSection(o, secEducation, nil, time.Time{})
			}
			return true
		}
		if !ok {
			continue
		}
		if len(x.education) == 0 {
			return false
		}
		var other []*item
		for _, it := range x.sorted(secEducation) {
			e := x.r.Education[it.idx]
			r := degreeRankOf(e.StudyType)
			if r == 0 && nonDegreeEntry(e.StudyType) {
				continue // an accelerator or a bootcamp: no degree either way
			}
			if r == 0 {
				return false // a degree we can't read ("LPC"): don't claim it is missing
			}
			if d.rank > 0 && d.word != "" && r == d.rank && !sameDegreeKind(e.StudyType, d.word) {
				other = append(other, it) // "an MSc" of an MFA: another degree of that level
				continue
			}
			if d.rank > 0 && r == d.rank {
				return x.degreeHeld(o, it, ts, i, now) // it is there: the usual answer names it
			}
			if it.roleAcro == t || d.word != "" && (strings.Contains(compactLetters(e.StudyType), d.word) || r >= degreeRankOf("master") && strings.Contains(strings.ToLower(e.Area), "business administration")) {
				// a master's in business administration is an MBA; a
				// bachelor's in it is not
				return x.degreeHeld(o, it, ts, i, now)
			}
		}
		if heldOnly {
			return false
		}
		o.in = iEducation
		if len(other) > 0 {
			x.otherOfLevel(o, d, other)
			return true
		}
		o.say("The profile doesn't list %s for %s.", d.name, x.who())
		if !x.highestDegree(o, now) {
			x.listSection(o, secEducation, nil, time.Time{})
		}
		return true
	}
	return false
}

// degreeHeld answers "does she have a masters?" with a yes and the degree
// when it is finished and the question asks nothing more of it ("a masters
// in physics" is left to the usual answer, which names the field). It
// reports whether it answered; else the usual answer names the entry.
func (x *Index) degreeHeld(o *out, it *item, ts []string, i int, now time.Time) bool {
	rest := ts[i+1:]
	if len(rest) > 0 && rest[0] == "degree" {
		rest = rest[1:]
	}
	if !yesNoQuestion(ts) || len(rest) > 0 || it.unfin || it.noEnd || it.current(now) {
		return false
	}
	o.in = iEducation
	o.say("Yes: %s has %s%s.", x.who(), article(it.describe()), it.span())
	if d, ok := askedDegreeAt(ts, i); ok && d.rank > 0 && foreignDegree(x.r.Education[it.idx].StudyType) {
		o.say("%s is at the level of %s.", capital(x.r.Education[it.idx].StudyType), d.name)
	}
	o.citeItem(it)
	o.focusOn(it)
	return true
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

// asksTraining reports "where did she train", "was he trained": a chef's,
// a nurse's or a craftsman's training is school, apprenticeship and what
// the summary says of it.
func asksTraining(q *query) bool {
	if hasAnyToken(q.ts, "apprenticeship", "apprenticeships") && !hasAnyToken(q.ts, "how", "when", "where", "between", "after", "before") {
		return true // "did he serve an apprenticeship": his training
	}
	if !hasAnyToken(q.ts, "train", "trained", "training", "apprentice", "qualify") {
		return false
	}
	if at(q.ts, 0) == "how" && at(q.ts, 1) == "many" {
		return false // "how many crew did she train": people she trained
	}
	for i, t := range q.ts {
		// "has she trained apprentices": she trained others, which her
		// jobs say, not where she was trained
		if (t == "train" || t == "trained") && at(q.ts, i-1) == "@p" && trainsOthers(at(q.ts, i+1)) {
			return false
		}
	}
	j := q.joined
	return strings.Contains(j, " @p qualify ") || strings.Contains(j, " @p train ") || strings.Contains(j, " @p trained ") || strings.Contains(j, " was @p trained ") ||
		strings.Contains(j, " @p get trained ") || strings.Contains(j, " @p get @p training ") || strings.Contains(j, " did @p apprentice ")
}

// trainsOthers reports a word after "trained" that is whom she trained
// ("apprentices", "staff", "new hires"), not how or where ("as", "at").
func trainsOthers(next string) bool {
	switch next {
	case "", "as", "in", "at", "to", "for", "with", "under", "by", "on", "there", "then", "abroad", "formally", "professionally", "anywhere", "somewhere",
		"first", "initially", "originally", "before", "after", "early", "when", "where", "and", "or", "@p":
		return false
	}
	return true
}

// trainingTitles are words of the titles of jobs that were training, in
// English and as French, German, Spanish and Portuguese titles say it
// ("Développeuse en alternance", "Auszubildender", "Estagiário").
var trainingTitles = setOf(`apprentice apprenticeship trainee commis intern internship` +
	` alternance alternant alternante apprenti apprentie stagiaire azubi auszubildender auszubildende lehrling` +
	` praktikant praktikantin aprendiz pasante becario becaria estagiario estagiaria`)

// training answers "where did she train": the summary's words on it, jobs
// that were training, then schooling.
func (x *Index) training(o *out, now time.Time) bool {
	said := x.summarySays(o, "train", "apprentic")
	if x.quoteSentences(o, "The profile says:", x.trainedAsSentences()) {
		said = true
	}
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

// schoolingSentence reports a summary sentence about schooling (the
// padded, lower-cased text), which speaks for an empty education section.
func schoolingSentence(low string) bool {
	for _, w := range []string{" school", "universit", "college", " degree", "self-taught", "self taught", "dropped out", "bootcamp", "graduat", " studied "} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// scoresAsked answers "what was her gpa" on a profile with several
// studies: the ones that list a score, or that none does, rather than
// every degree with the score lost among them.
func (r *resolver) scoresAsked() bool {
	x, o, q := r.x, r.o, r.q
	if !q.hasWin && x.scoreNamed(o, q.ts) {
		return true
	}
	if len(q.ents) > 0 || q.hasWin || len(x.education) < 2 ||
		!hasAnyToken(q.ts, "gpa", "cgpa", "grades", "marks") && !(hasAnyToken(q.ts, "score", "scores", "grade") && q.scores[iEducation] > 0) {
		return false
	}
	o.in = iEducation
	var parts []string
	var scored []*item
	for _, it := range x.sorted(secEducation) {
		if sc := strings.TrimSpace(x.r.Education[it.idx].Score); sc != "" {
			parts = append(parts, strings.TrimRight(sc, ".")+" for "+it.describe()+it.span())
			scored = append(scored, it)
			o.citeItem(it)
		}
	}
	if len(scored) == 0 {
		o.say("The profile doesn't list a GPA or grades for any of %s %d studies.", x.whose(), len(x.education))
		return true
	}
	o.say("The profile lists a score of %s.", list(parts))
	o.focusOn(scored...)
	return true
}

// learnWords ask where something was learnt ("where did she learn data
// analytics"), a cue of studies, never part of the subject.
var learnWords = setOf(`learn learned learnt learning pick picked`)
