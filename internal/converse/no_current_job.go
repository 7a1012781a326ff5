package converse

import (
	"strings"
	"time"
)

// lastHeld is the job held last of jobs (sorted newest start first) when
// none is held now: the one that ended latest, not the one that started
// latest. A part-time post begun in 2015 and left in 2020 is not more
// recent than the pilot's job begun in 2013 and left in 2021.
func lastHeld(jobs []*item, now time.Time) *item {
	if len(jobs) == 0 {
		return nil
	}
	pick := jobs[0]
	if !pick.dated || pick.current(now) {
		return pick
	}
	for _, it := range jobs[1:] {
		if it.dated && !it.noEnd && it.per.Until(now).After(pick.per.Until(now)) {
			pick = it
		}
	}
	return pick
}

// retiredNote quotes the summary's sentence saying the person retired,
// which answers "is he still working" better than the list of jobs.
func (x *Index) retiredNote(o *out) bool {
	pick := ""
	for _, s := range splitSentences(x.r.Basics.Summary) {
		if hasAnyToken(tokens(s), "retired", "retire", "retirement", "retiring") {
			if pick == "" || strings.ContainsAny(s, "0123456789") && !strings.ContainsAny(pick, "0123456789") {
				pick = s // "I retired in June 2021" says when, "Retired master mariner" does not
			}
		}
	}
	if pick == "" {
		return false
	}
	o.say("The summary says: “%s”.", strings.TrimRight(strings.TrimSpace(pick), "."))
	o.cite(secBasics, 0, "summary")
	return true
}

// volunteersNow adds the volunteer posts going on now to an answer that
// found no job held now: what the person does today is those.
func (x *Index) volunteersNow(o *out, now time.Time) {
	var parts []string
	for _, it := range x.sorted(secVolunteer) {
		if it.current(now) {
			parts = append(parts, it.roleAt()+it.span())
			o.citeItem(it)
		}
	}
	if len(parts) > 0 {
		o.say("%s currently volunteers as %s.", x.Who(), list(parts))
	}
}
