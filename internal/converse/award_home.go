package converse

import (
	"strings"
	"time"
)

// awardHome returns the entries an award was won at: the employer, school
// or organisation that gave it ("Rookie of the Year" from Brightdesk, where
// she worked), else the one its summary names ("With FC Twente."), else the
// job held when it was given. It lets "there" after an award, and "where
// did she get it", mean that place rather than the award. Nil when none is
// known; byDate when only the date ties the award to the job.
func (x *Index) awardHome(it *item, now time.Time) (home []*item, byDate bool) {
	if it == nil || it.sec != secAwards || it.idx >= len(x.r.Awards) {
		return nil, false
	}
	a := x.r.Awards[it.idx]
	secs := [...]string{secWork, secEducation, secVolunteer}
	if by := joinTokens(tokens(a.Awarder)); len(by) > 2 {
		for _, sec := range secs {
			if home := x.entriesNamed(sec, func(norm string) bool { return norm == by }); len(home) > 0 {
				return home, false
			}
		}
		for _, sec := range secs {
			// "OHSU School of Dentistry, Class of 2022": a body of the employer
			if home := x.entriesNamed(sec, func(norm string) bool { return len(norm) > 8 && strings.HasPrefix(by, norm) }); len(home) > 0 {
				return home, false
			}
		}
	}
	if sum := joinTokens(tokens(a.Summary)); len(sum) > 2 {
		for _, sec := range append(secs[:], secProjects) {
			if home := x.entriesNamed(sec, func(norm string) bool { return len(norm) > 4 && strings.Contains(sum, norm) }); len(home) > 0 {
				return home, false
			}
		}
	}
	if it.date.IsZero() {
		return nil, false
	}
	d := it.date.Start()
	var held []*item
	for _, j := range x.jobs {
		if j.dated && !j.per.From().After(d) && d.Before(j.per.Until(now)) {
			held = append(held, j)
		}
	}
	if len(held) == 1 {
		return held, true // two jobs at once leave "there" unsaid
	}
	return nil, false
}

// awardAt answers where an award was won with the place awardHome found,
// and puts that place in focus: "what did she do there" is her time there.
func (x *Index) awardAt(o *out, it *item, home []*item, byDate bool) {
	parts := make([]string, len(home))
	for i, h := range home {
		o.citeItem(h)
		parts[i] = h.label() + h.span()
		if h.role != "" {
			parts[i] = h.role + " at " + parts[i]
		}
	}
	if byDate {
		o.say("The profile doesn't say where %s was given; at the time (%s), %s was %s.", it.label(), fmtDate(it.date), x.who(), list(parts))
	} else {
		o.say("%s received %s at %s: %s.", x.Who(), it.label(), home[0].label(), list(parts))
	}
	o.focusOn(home...)
}

// entriesNamed returns the entries of sec whose name passes match.
func (x *Index) entriesNamed(sec string, match func(norm string) bool) []*item {
	items := x.section(sec)
	var out []*item
	for i := range items {
		if items[i].norm != "" && match(items[i].norm) {
			out = append(out, &items[i])
		}
	}
	return out
}

// awardThere takes "there" after one award for the place it was won at:
// "what did she do there" after "Rookie of the Year" (from Brightdesk) is
// her time at Brightdesk, not the award again.
func (r *resolver) awardThere() {
	q := r.q
	if len(q.ents) > 0 || len(q.techs) > 0 || !hasAnyToken(q.ts, "there") {
		return
	}
	f := r.focus()
	if len(f) >= 2 && len(f) <= 3 && allIn(f, secAwards) {
		// after a list of awards, the one that says what was done for it:
		// "Best Mobile App (for the StudyBuddy app)", not the "Dean's List"
		f = r.x.awardsSaying(f)
	}
	if len(f) != 1 || f[0].sec != secAwards {
		return
	}
	home, _ := r.x.awardHome(f[0], r.now)
	if len(home) == 0 {
		q.ents = f // the award itself, rather than the list again
		return
	}
	// as if the place were named: "what did she do at Brightdesk"
	q.ents = home
}

// awardsAt answers "what did he win there" of a job: the awards won there
// (awardHome, the date alone enough: "while at"), else that the profile lists none from it, with what it
// says the job achieved. Never the list of all his awards, which ignores
// "there". It reports whether it answered.
func (x *Index) awardsAt(o *out, it *item, now time.Time) bool {
	if it.sec != secWork && it.sec != secVolunteer && it.sec != secEducation || len(x.awards) == 0 {
		return false
	}
	var won []string
	for i := range x.awards {
		a := &x.awards[i]
		home, _ := x.awardHome(a, now)
		if len(home) == 0 && x.wonDuring(a, it, now) {
			home = []*item{it} // given by no entry, while there: "while at"
		}
		for _, h := range home {
			if h == it || h.sec == it.sec && h.norm != "" && h.norm == it.norm {
				won = append(won, a.label()+a.span())
				o.citeItem(a)
				break
			}
		}
	}
	o.in = iAwards
	o.citeItem(it)
	if len(won) > 0 {
		o.say("While at %s, %s received %s.", it.label(), x.who(), list(won))
		return true
	}
	o.say("The profile lists no award from %s's time at %s.", x.who(), it.label())
	var hl []string
	switch it.sec {
	case secWork:
		hl = x.r.Work[it.idx].Highlights
	case secVolunteer:
		hl = x.r.Volunteer[it.idx].Highlights
	}
	if h := quoteList(hl, 6); h != "" {
		o.say("What it says of that time: %s.", h)
	}
	o.focusOn(it)
	return true
}

// awardsSaying returns the awards of list whose summary says something.
func (x *Index) awardsSaying(list []*item) []*item {
	var out []*item
	for _, it := range list {
		if it.idx < len(x.r.Awards) && strings.TrimSpace(x.r.Awards[it.idx].Summary) != "" {
			out = append(out, it)
		}
	}
	return out
}

// awardsListThere answers "what did she build there" after a list of two
// or three awards that each say what was done for them: each, in its own
// words, rather than the newest alone.
func (r *resolver) awardsListThere() bool {
	q := r.q
	if len(q.ents) > 0 || len(q.techs) > 0 || q.hasWin || !hasAnyToken(q.ts, "there") {
		return false
	}
	f := r.focus()
	if len(f) < 2 || len(f) > 3 || !allIn(f, secAwards) {
		return false
	}
	saying := r.x.awardsSaying(f)
	if len(saying) < 2 {
		return false
	}
	r.o.in = iMore
	for _, it := range saying {
		r.x.entryDetail(r.o, it, true, r.now)
	}
	r.o.focusOn(saying...)
	return true
}

// awardWords are the words that ask what was won ("what did she win at
// Copper State", "any prizes from his time at Nordwand").
var awardWords = setOf(`win won wins award awards prize prizes medal medals trophy trophies honor honors honour honours accolades`)

// awardsAtNamed answers a question about awards at a named employer, school
// or organisation: the awards won there or while there, else that none
// was, with what that time achieved (awardsAt) — never every award, which
// ignores the place named. The roles held at one employer are one place.
func (r *resolver) awardsAtNamed() bool {
	q := r.q
	if len(q.ents) == 0 || q.hasWin {
		return false
	}
	var place *item
	for _, e := range q.ents {
		switch {
		case e.sec == secAwards:
			continue // an award naming the place ("Rookie of the Year (Copper State Realty)")
		case e.sec != secWork && e.sec != secEducation && e.sec != secVolunteer:
			return false
		case place == nil:
			place = e
		case e.sec != place.sec || e.norm == "" || e.norm != place.norm:
			return false // two places: which one is asked is unsaid
		}
	}
	if place == nil || !asksWon(q.ts, place.norm) {
		return false
	}
	return r.x.awardsAt(r.o, place, r.now)
}

// asksWon reports a word asking what was won that is no word of the
// place's name: "what did she do at Award Travel Labs" asks of the job.
func asksWon(ts []string, name string) bool {
	for _, t := range ts {
		if awardWords[t] && !strings.Contains(name, " "+t+" ") {
			return true
		}
	}
	return false
}

// wonDuring reports an award dated within a stay at it's place (any of the
// roles held there): won while there, though no entry gave it.
func (x *Index) wonDuring(a, it *item, now time.Time) bool {
	if a.date.IsZero() || it.norm == "" {
		return false
	}
	d := a.date.Start()
	for _, e := range x.section(it.sec) {
		if e.dated && e.norm == it.norm && !e.per.From().After(d) && d.Before(e.per.Until(now)) {
			return true
		}
	}
	return false
}
