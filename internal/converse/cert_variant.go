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

// gradeUnheld returns the grade the question asks that the certificate's
// title lacks, written as the title writes its own ("Black Belt" for a
// "Green Belt"), or "" when the question asks no other grade.
func gradeUnheld(ts []string, title string) string {
	tt := tokens(title)
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
