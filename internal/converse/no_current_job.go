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

// pastWorkWords mark a summary sentence that tells of work no entry lists
// ("Before my children were born I spent six years in retail banking") or
// of time away from it ("I took a career break in 2015").
var pastWorkWords = []string{"worked", "spent", "career", "employed", "employment"}

// noJobsListed answers a question about work from a profile that lists no
// job: it says so, then quotes what the summary tells of work before (up
// to two sentences) and lists the volunteer posts, the work it does list.
// It reports whether it said more than that no job is listed.
func (x *Index) noJobsListed(o *out) bool {
	o.say("The profile doesn't list any work experience.")
	more := false
	n := 0
	for _, s := range splitSentences(x.r.Basics.Summary) {
		if n == 2 {
			break
		}
		if hasAnyToken(tokens(s), pastWorkWords...) {
			o.say("The summary says: “%s”.", strings.TrimRight(strings.TrimSpace(s), "."))
			o.cite(secBasics, 0, "summary")
			n++
			more = true
		}
	}
	var parts []string
	for _, it := range x.sorted(secVolunteer) {
		parts = append(parts, it.roleAt()+it.span())
		o.citeItem(it)
	}
	if len(parts) > 0 {
		o.say("%s volunteering: %s.", capital(x.whose()), list(parts))
		more = true
	}
	return more
}

// summaryLength answers "how long was he at sea" when the word asked named
// a point in time (the award "Rescue at Sea"), which lasts no time: the
// summary's sentence giving a length with a word of that name ("spent 32
// years at sea") is what was asked.
func (x *Index) summaryLength(o *out, it *item) bool {
	if it.sec != secAwards && it.sec != secCertificates && it.sec != secPublications {
		return false
	}
	for _, s := range splitSentences(x.r.Basics.Summary) {
		ts := tokens(s)
		if !hasAnyToken(ts, "years", "months", "decades") || !hasAnyToken(ts, it.keys...) {
			continue
		}
		for i, t := range ts {
			if _, ok := atoi(t); ok && (at(ts, i+1) == "years" || at(ts, i+1) == "months" || at(ts, i+1) == "decades") {
				o.say("The summary says: “%s”.", strings.TrimRight(strings.TrimSpace(s), "."))
				o.cite(secBasics, 0, "summary")
				return true
			}
		}
	}
	return false
}
