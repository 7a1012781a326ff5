package converse

import "time"

// highestDegree answers "what's her highest degree": the entry whose
// degree ranks highest among those finished, the most recent of equals. A
// degree still under way, or left unfinished, is not held: naming it as the
// highest would credit a master's that is a year from done. It is named
// after the one held when it ranks above it, and alone when nothing else
// ranks.
func (x *Index) highestDegree(o *out, now time.Time) bool {
	var held, open *item
	heldRank, openRank := 0, 0
	for _, it := range x.sorted(secEducation) { // most recent first
		r := degreeRankOf(x.r.Education[it.idx].StudyType)
		switch {
		case r == 0:
		case it.unfin || it.current(now):
			if r > openRank {
				open, openRank = it, r
			}
		case r > heldRank:
			held, heldRank = it, r
		}
	}
	if held == nil && open == nil {
		return false
	}
	o.in = iEducation
	if held != nil {
		o.say("The highest degree in %s profile is %s%s.", x.whose(), article(held.describe()), held.span())
		o.citeItem(held)
		o.focusOn(held)
	}
	if open == nil || openRank <= heldRank {
		return true
	}
	if held == nil {
		o.say("No degree in %s profile is finished.", x.whose())
	}
	if open.unfin {
		o.say("%s also started %s%s.", x.Who(), article(open.describe()), open.span())
	} else {
		o.say("%s is still studying for %s%s.", x.Who(), article(open.describe()), open.span())
	}
	o.citeItem(open)
	if held == nil {
		o.focusOn(open)
	}
	return true
}

// degreeLetters reports whether w is the letters of one of the profile's
// degrees as written ("llm" of "LL.M."; see compileDegree).
func (x *Index) degreeLetters(w string) bool { return x.degreeAbbr[w] }
