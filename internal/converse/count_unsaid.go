package converse

// countUnsaid answers "how many stars does it have" of the one entry in
// focus when the profile never uses the noun: that it doesn't say, rather
// than the entry's description, which reads as if it answered.
func (r *resolver) countUnsaid() bool {
	q := r.q
	if at(q.ts, 0) != "how" || at(q.ts, 1) != "many" || len(q.ents) > 0 || len(q.techs) > 0 || q.hasWin || !hasAnyToken(q.ts, "it", "its", "there") || asksTeamSize(q) {
		return false
	}
	noun := at(q.ts, 2)
	if len(noun) < 4 || commonWords[noun] || cueTable[noun] != nil || countWords[noun] || r.x.words[stem(noun)] {
		return false
	}
	f := r.focus()
	if len(f) != 1 {
		return false
	}
	o := r.o
	o.in = iMore
	o.citeItem(f[0])
	o.say("The profile doesn't say how many %s %s has.", asWritten(q.raw, noun), f[0].label())
	o.focusOn(f[0])
	return true
}
