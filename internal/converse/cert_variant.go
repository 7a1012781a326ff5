package converse

import "strings"

// "Is he a six sigma black belt" of a Green Belt, "is she AWS certified
// expert" of an Associate: the question names the certificate by its
// family but asks for another grade of it. The entry is the nearest the
// profile has, yet no "Yes": the grade asked is not held.

// certGrades are words that tell grades of one certificate apart; a
// colour only among belts.
var (
	beltColours = setOf(`white yellow orange green blue purple brown black red`)
	certTiers   = setOf(`foundation associate practitioner expert`)
)

// gradeUnheld returns the grade the question asks that the title of the
// certificate it lacks, written as the title writes its own ("Black Belt"
// for a "Green Belt"), or "" when the question asks no other grade.
func gradeUnheld(ts []string, it *item) string {
	title, tt := it.title, it.titleTokens()
	for _, set := range []map[string]bool{beltColours, certTiers} {
		if isBelts := set["black"]; isBelts && !hasAnyToken(tt, "belt") {
			continue
		}
		held := -1
		for i, t := range tt {
			if set[t] {
				held = i
				break
			}
		}
		if held < 0 {
			continue
		}
		for _, t := range ts {
			if !set[t] || hasAnyToken(tt, t) {
				continue
			}
			words := strings.Fields(title)
			if held+1 < len(tt) && held+1 < len(words) && len(words) == len(tt) {
				return capital(t) + " " + words[held+1]
			}
			return capital(t)
		}
	}
	return ""
}

// gradeAskedUnheld answers "is he a six sigma black belt" (no word of
// certification) of a Green Belt as credentialOfSkill answers the
// "certified" form: no "Yes, Six Sigma appears", since the grade asked is
// not held; the certificate held follows.
func (r *resolver) gradeAskedUnheld() bool {
	x, o, q := r.x, r.o, r.q
	if len(q.techs) != 1 || len(x.certificates) == 0 || !yesNoQuestion(q.ts) || q.hasWin {
		return false
	}
	var tied []*item
	tech := strings.ToLower(q.techs[0])
	for i := range x.certificates {
		if it := &x.certificates[i]; strings.Contains(strings.ToLower(it.title), tech) {
			tied = append(tied, it)
		}
	}
	if len(tied) == 0 || len(tied) > 3 {
		return false
	}
	g := ""
	for _, it := range tied {
		if g = gradeUnheld(q.ts, it); g == "" {
			return false // one of them is the grade asked, or none is asked
		}
	}
	o.in = iCerts
	o.say("No: the profile doesn't list %s.", article(g))
	for _, it := range tied {
		x.holds(o, it, false)
	}
	o.focusOn(tied...)
	return true
}
