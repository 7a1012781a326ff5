package converse

import (
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/profile"
)

// One education fact, not the list: "when do they graduate" asks for a
// date, "what about high school" for one entry. The whole education list
// answers neither better than the one line does.

// graduationWords ask when a degree ends; "graduate with" asks for a
// result and is left to gotResult.
var graduationWords = wordSetOf(`graduate graduates graduated graduating graduation`)

// graduationDate answers "when do they graduate": the graduation of the
// study under way, else the latest one, with its date.
// It stays silent when no entry has an end date or the question asks for
// something else about the graduation ("graduate with honours").
func (x *Index) graduationDate(o *out, q *query, now time.Time) bool {
	if !graduationWords.anyIn(q.ts) || !hasAnyToken(q.ts, "when", "year") || hasAnyToken(q.ts, "with", "before", "after", "since") {
		return false
	}
	// A programme that is no degree (an accelerator batch, a bootcamp, a
	// pre-licensing course) ends but is not what "when did he graduate"
	// asks, unless it is all the profile lists.
	pick := x.graduationPick(now, true)
	if pick == nil {
		pick = x.graduationPick(now, false)
	}
	if pick == nil {
		return false
	}
	o.in = iEducation
	end := fmtDate(pick.per.End)
	if pick.per.End.End().After(now) {
		o.say("%s is expected to graduate in %s: %s.", x.Who(), end, article(pick.describe()))
	} else {
		o.say("%s graduated in %s: %s.", x.Who(), end, article(pick.describe()))
	}
	o.citeItem(pick)
	o.focusOn(pick)
	return true
}

// graduationPick is the study under way with an end date, else the one
// that ended last; degreesOnly leaves out programmes that are no degree.
func (x *Index) graduationPick(now time.Time, degreesOnly bool) *item {
	var pick *item
	skipCerts := degreesOnly && x.hasEndedDegree()
	for _, it := range x.sorted(secEducation) {
		e := x.r.Education[it.idx]
		if !it.dated || it.unfin || strings.TrimSpace(e.EndDate) == "" || degreesOnly && courseEntry(e.StudyType) {
			continue
		}
		if skipCerts && hasAnyToken(tokens(e.StudyType), "certificate") && !it.current(now) {
			continue // a certificate course after the bachelor's is not "when did he graduate"
		}
		if it.current(now) {
			return it // the study under way is the graduation still to come
		}
		// the latest graduation: a rank of the study type would miss
		// the degrees it does not know ("DVM" after a bachelor's)
		if pick == nil || pick.per.End.End().Before(it.per.End.End()) {
			pick = it
		}
	}
	return pick
}

// hasEndedDegree reports an education entry of a bachelor's or higher with
// an end date.
func (x *Index) hasEndedDegree() bool {
	for _, e := range x.r.Education {
		if strings.TrimSpace(e.EndDate) != "" && degreeRankOf(e.StudyType) >= 3 {
			return true
		}
	}
	return false
}

// courseWords are study types that are no degree one graduates from.
var courseWords = setOf(`course courses workshop seminar`)

// courseEntry reports whether a study type is a course or programme, not a
// degree ("Course", "Language course", "Bootcamp").
func courseEntry(studyType string) bool {
	return nonDegreeEntry(studyType) || hasAnyTokenIn(tokens(studyType), courseWords)
}

// schoolLevels name a level of schooling an entry's own words say
// ("Westlake High School", "High School Diploma", "A-levels").
var schoolLevels = []struct{ asked, own []string }{
	{[]string{" high school ", " secondary school ", " secondary "}, []string{" high school ", " secondary ", " a levels ", " gcse ", " baccalaureate ", " abitur ", " lycée ", " lycee ", " gymnasium "}},
}

// schoolLevel answers "what about high school" with the one entry at that
// level. False unless the question names a level and exactly one entry is
// at it.
func (x *Index) schoolLevel(o *out, q *query) bool {
	low := " " + strings.Join(q.ts, " ") + " "
	for _, lv := range schoolLevels {
		if !containsAny(low, lv.asked) {
			continue
		}
		found := x.soleEducation(func(e *profile.Education) bool {
			return containsAny(" "+strings.Join(tokens(e.Institution+" "+e.StudyType+" "+e.Area), " ")+" ", lv.own)
		})
		if found == nil {
			return false
		}
		o.in = iEducation
		o.say("For school, the profile lists %s%s.", article(found.describe()), found.span())
		o.citeItem(found)
		o.focusOn(found)
		return true
	}
	return false
}
