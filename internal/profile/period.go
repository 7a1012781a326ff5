package profile

import (
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Period is the span of a job, a course or a project. A closed period runs
// from Start.Start() to End.End() (exclusive): "2019-03".."2020" covers
// March 2019 through December 2020, as a reader of a résumé understands it.
// An Open period is still going on ("present"); its End is the day it was
// computed, kept for display, and Overlaps treats it as unbounded.
type Period struct {
	Start, End Date
	Open       bool
}

// openEnd are the words résumés use for "still doing it".
var openEnd = []string{"", "present", "current", "now"}

// PeriodOf builds the period of a section's startDate and endDate. An empty
// end, or "present", "current" or "now" (any case), makes an open period
// whose End is the day of now. Errors (apperr.Invalid): no start, a date
// that does not parse, or an end before the start.
func PeriodOf(start, end string, now time.Time) (Period, error) {
	if strings.TrimSpace(start) == "" {
		return Period{}, apperr.New(apperr.Invalid, "a period needs a start date")
	}
	s, err := ParseDate(start)
	if err != nil {
		return Period{}, err
	}
	e := strings.TrimSpace(end)
	for _, w := range openEnd {
		if strings.EqualFold(e, w) {
			return Period{Start: s, End: DateOf(now.UTC()), Open: true}, nil
		}
	}
	ed, err := ParseDate(end)
	if err != nil {
		return Period{}, err
	}
	if !ed.End().After(s.Start()) {
		return Period{}, apperr.New(apperr.Invalid, "end %q is before start %q", end, start)
	}
	return Period{Start: s, End: ed}, nil
}

// From is the first instant of the period.
func (p Period) From() time.Time { return p.Start.Start() }

// Until is the exclusive end of the period: End.End() when closed, now
// when open (never before From).
func (p Period) Until(now time.Time) time.Time {
	if !p.Open {
		return p.End.End()
	}
	if now.Before(p.From()) {
		return p.From()
	}
	return now
}

// Overlaps reports whether the period shares any instant with [from, to).
// A zero from or to leaves that side unbounded, so "since 2020" is
// Overlaps(2020-01-01, time.Time{}) and "in 2017" is
// Overlaps(2017-01-01, 2018-01-01). An open period has no end.
func (p Period) Overlaps(from, to time.Time) bool {
	startsBeforeTo := to.IsZero() || p.From().Before(to)
	endsAfterFrom := p.Open || from.IsZero() || from.Before(p.End.End())
	return startsBeforeTo && endsAfterFrom
}

// Duration is how long the period lasted (or has lasted by now, if open).
func (p Period) Duration(now time.Time) time.Duration {
	return p.Until(now).Sub(p.From())
}

// Months counts the whole calendar months of the period (by now, if open):
// "2020-01".."2020-03" is 3, "2013-12-01".."2014-12-01" is 12.
func (p Period) Months(now time.Time) int {
	from, until := p.From(), p.Until(now).UTC()
	months := (until.Year()-from.Year())*12 + int(until.Month()) - int(from.Month())
	if until.Day() < from.Day() {
		months--
	}
	return max(months, 0)
}

// String writes the period as "2019-03 – 2020" or "2019-03 – present".
func (p Period) String() string {
	if p.Open {
		return p.Start.String() + " – present"
	}
	return p.Start.String() + " – " + p.End.String()
}
