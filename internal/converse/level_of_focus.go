package converse

import (
	"strings"
	"unicode"
)

// "What level?" right after one entry asks the level of that entry, not
// for the whole skills section: a certificate's level as its name gives it
// ("IRATA Level 3"), a course of study's type ("HNC"), a spoken language's
// fluency, a skill's level from the skills section. When the entry gives
// no level, the reply says so rather than answering something else.

// levelWordsOnly are the words a bare level follow-up is made of.
// The person ("what level is he", "how senior is he") is not among them:
// that asks how senior the person is.
var levelWordsOnly = setOf(`and so ok okay at what which whats level levels is was it that this the its how good strong
proficient advanced of in`)

// levelAsked reports a bare "what level?", "at what level?", "which
// level is it", "how good?": short, and no other word than those.
// sure says the question named a level ("level"), not only "how good".
func levelAsked(ts []string) (asked, sure bool) {
	if len(ts) == 0 || len(ts) > 6 {
		return false, false
	}
	for _, t := range ts {
		if !levelWordsOnly[t] {
			return false, false
		}
	}
	if hasAnyToken(ts, "level", "levels") {
		return hasAnyToken(ts, "what", "which", "whats", "how"), true
	}
	for i, t := range ts {
		if t == "how" {
			switch at(ts, i+1) {
			case "good", "strong", "proficient", "advanced":
				return true, false
			}
		}
	}
	return false, false
}

// levelOfFocus answers a bare level question about the entry, language or
// technology the previous reply was about.
func (r *resolver) levelOfFocus() bool {
	x, o, q := r.x, r.o, r.q
	if r.named || q.hasWin {
		return false
	}
	asked, sure := levelAsked(q.ts)
	if !asked {
		return false
	}
	switch {
	case r.intentWas(iLangs) && r.st.Tech != "":
		o.in = iLangs
		x.spoken(o, r.st.Tech, nil)
		return true
	case r.intentWas(iTech) && r.st.Tech != "":
		return x.techLevelOf(o, r.st.Tech)
	case r.intentWas(iSkills) && len(r.st.Focus) == 0:
		return x.skillLevels(o)
	}
	f := r.focus()
	if len(f) > 1 && len(f) <= 8 && (f[0].sec == secCertificates || f[0].sec == secAwards || f[0].sec == secEducation) {
		x.levelsInList(o, f)
		return true
	}
	if len(f) != 1 {
		return false
	}
	it := f[0]
	switch it.sec {
	case secCertificates, secAwards:
		x.levelInName(o, it)
	case secEducation:
		x.levelOfStudy(o, it)
	case secWork, secVolunteer:
		if !sure {
			return false // "how good?" after a job asks for praise, not a grade
		}
		o.in = sectionIntent(it.sec)
		o.say("The profile gives %s position at %s as %s; it names no other level or grade.", x.whose(), nonBlank(it.title, "that post"), nonBlank(it.role, "unnamed"))
		o.citeItem(it)
		o.focusOn(it)
	default:
		return false
	}
	return true
}

// levelInName answers the level a certificate's or award's name gives.
func (x *Index) levelInName(o *out, it *item) {
	o.in = sectionIntent(it.sec)
	o.citeItem(it)
	o.focusOn(it)
	if lvl := nameLevel(it.title); lvl != "" {
		o.say("“%s” is at %s.", it.title, lvl)
		return
	}
	o.say("The profile doesn't give a level for “%s”; its name states none.", it.title)
}

// levelsInList answers the levels of several certificates, awards or
// courses of study just listed: those that state one, then which don't.
func (x *Index) levelsInList(o *out, f []*item) {
	o.in = sectionIntent(f[0].sec)
	var with, without []string
	for _, it := range f {
		o.citeItem(it)
		lvl := nameLevel(it.title)
		if it.sec == secEducation {
			lvl = strings.TrimSpace(x.r.Education[it.idx].StudyType)
		}
		if lvl == "" {
			without = append(without, "“"+it.title+"”")
			continue
		}
		with = append(with, "“"+it.title+"” is at "+lvl)
		if it.sec == secEducation {
			with[len(with)-1] = it.title + ": " + lvl
		}
	}
	o.focusOn(f...)
	switch {
	case len(with) == 0:
		o.say("None of them states a level: %s.", list(without))
	case len(without) == 0:
		o.say("%s.", capital(strings.Join(with, "; ")))
	default:
		o.say("%s; the profile gives no level for %s.", capital(strings.Join(with, "; ")), list(without))
	}
}

// levelOfStudy answers the type of a course of study.
func (x *Index) levelOfStudy(o *out, it *item) {
	o.in = iEducation
	o.citeItem(it)
	o.focusOn(it)
	e := x.r.Education[it.idx]
	if t := strings.TrimSpace(e.StudyType); t != "" {
		o.say("%s study at %s is listed as %s.", capital(x.whose()), nonBlank(it.title, "that school"), nonBlank(it.role, t))
		return
	}
	o.say("The profile doesn't say at what level %s studied at %s.", x.who(), nonBlank(it.title, "that school"))
}

// techLevelOf answers the level the skills section gives a technology.
func (x *Index) techLevelOf(o *out, tech string) bool {
	q := &query{joined: joinTokens(tokens(tech))}
	if x.skillLevel(o, q) {
		o.tech = tech
		return true
	}
	o.in = iTech
	o.tech = tech
	o.say("The profile gives no level for %s.", tech)
	return true
}

// skillLevels answers the levels the skills section gives its groups.
func (x *Index) skillLevels(o *out) bool {
	if len(x.r.Skills) == 0 {
		return false
	}
	o.in = iSkills
	var parts []string
	for i, sk := range x.r.Skills {
		if l := strings.TrimSpace(sk.Level); l != "" && sk.Name != "" {
			parts = append(parts, sk.Name+" ("+l+")")
			o.cite(secSkills, i, "level")
		}
	}
	if len(parts) == 0 {
		o.say("The profile gives no levels for %s skills.", x.whose())
		return true
	}
	o.say("The levels %s skills section gives: %s.", x.whose(), list(parts))
	return true
}

// levelNouns name a level when a number, numeral or letter follows.
var levelNouns = setOf(`level grade class tier stage band part step dan kyu`)

// levelAdjectives name a level on their own ("Professional" of "AWS
// Certified Solutions Architect – Professional").
var levelAdjectives = setOf(`foundation foundational intermediate advanced associate professional expert practitioner
beginner`)

// nameLevel returns the level a name states, as written ("Level 3",
// "Class A", "Practitioner"), or "".
func nameLevel(name string) string {
	ws := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
	for i, w := range ws {
		if levelNouns[strings.ToLower(w)] && i+1 < len(ws) && levelMark(ws[i+1]) {
			return w + " " + ws[i+1]
		}
	}
	for _, w := range ws {
		if levelAdjectives[strings.ToLower(w)] {
			return "the " + w + " level"
		}
	}
	return ""
}

// levelMark reports a level's mark: a number, a Roman numeral or a capital
// letter ("3", "IV", "A").
func levelMark(w string) bool {
	if w == "" {
		return false
	}
	digits, roman := true, true
	for _, r := range w {
		digits = digits && unicode.IsDigit(r)
		roman = roman && strings.ContainsRune("IVX", r)
	}
	return digits || roman || len(w) == 1 && unicode.IsUpper(rune(w[0])) ||
		levelNumbers[strings.ToLower(w)]
}

// levelNumbers are the numbers a level is spelt with ("Level Two").
var levelNumbers = setOf(`one two three four five six seven eight nine ten`)
