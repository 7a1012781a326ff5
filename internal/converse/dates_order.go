package converse

import "github.com/parleyhq/parley/internal/profile"

// An entry that ends before it starts ("2025-11-06" to "2025-01-25", a
// typo in a year most often) has no period the engine can use, but the
// profile does give dates: a reply says them as written rather than
// "the profile doesn't give dates".

// datesOutOfOrder returns "from November 2025 to January 2025" for an
// entry whose end is before its start, else "".
func (x *Index) datesOutOfOrder(it *item) string {
	var start, end string
	switch {
	case it.sec == secWork && it.idx < len(x.r.Work):
		start, end = x.r.Work[it.idx].StartDate, x.r.Work[it.idx].EndDate
	case it.sec == secVolunteer && it.idx < len(x.r.Volunteer):
		start, end = x.r.Volunteer[it.idx].StartDate, x.r.Volunteer[it.idx].EndDate
	case it.sec == secEducation && it.idx < len(x.r.Education):
		start, end = x.r.Education[it.idx].StartDate, x.r.Education[it.idx].EndDate
	case it.sec == secProjects && it.idx < len(x.r.Projects):
		start, end = x.r.Projects[it.idx].StartDate, x.r.Projects[it.idx].EndDate
	default:
		return ""
	}
	s, err1 := profile.ParseDate(start)
	e, err2 := profile.ParseDate(end)
	if err1 != nil || err2 != nil || !e.End().Before(s.Start()) {
		return ""
	}
	return "from " + fmtDate(s) + " to " + fmtDate(e)
}

// undatedBecauseOutOfOrder says so for an entry whose dates are out of
// order and reports whether it did.
func (x *Index) undatedBecauseOutOfOrder(o *out, it *item) bool {
	d := x.datesOutOfOrder(it)
	if d == "" {
		return false
	}
	o.say("The profile dates %s %s: the end is before the start, so it doesn't say when or for how long that was.", it.describe(), d)
	return true
}
