package profile

import (
	"fmt"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Date is a JSON Resume date: a year, a month of a year, or a day. Month and
// Day are 0 when the document leaves them out ("2019" has Month 0 and Day 0).
type Date struct {
	Year, Month, Day int
}

// ParseDate parses the schema's iso8601 form: YYYY, YYYY-MM or YYYY-MM-DD,
// years 1000-2999 as the schema's pattern allows, and only dates that exist
// (2019-02-30 and 2019-13 are refused). Errors are apperr.Invalid.
func ParseDate(s string) (Date, error) {
	var d Date
	ok := false
	switch len(s) {
	case 4:
		d.Year, ok = digits(s)
	case 7:
		d.Year, ok = digits(s[:4])
		if ok && s[4] == '-' {
			d.Month, ok = digits(s[5:])
		} else {
			ok = false
		}
	case 10:
		d.Year, ok = digits(s[:4])
		if ok && s[4] == '-' && s[7] == '-' {
			d.Month, ok = digits(s[5:7])
			if ok {
				d.Day, ok = digits(s[8:])
			}
		} else {
			ok = false
		}
	}
	// "00" is no month or day; Month and Day are 0 only when left out.
	if (len(s) >= 7 && d.Month == 0) || (len(s) == 10 && d.Day == 0) {
		ok = false
	}
	if !ok || !d.valid() {
		return Date{}, apperr.New(apperr.Invalid, "%s", dateMessage(s))
	}
	return d, nil
}

// digits parses a run of ASCII digits (no sign, no spaces).
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, s != ""
}

func (d Date) valid() bool {
	switch {
	case d.Year < 1000 || d.Year > 2999:
		return false
	case d.Month == 0:
		return d.Day == 0
	case d.Month > 12:
		return false
	case d.Day == 0:
		return true
	}
	return d.Day <= daysIn(d.Year, time.Month(d.Month))
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// DateOf returns the day of t (in t's location) as a Date.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: int(m), Day: d}
}

// IsZero reports whether d is the zero Date (no date at all).
func (d Date) IsZero() bool { return d == Date{} }

// String writes d back in the form it was parsed from.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Start is the first instant of the period d names, in UTC: "2019" starts
// on 2019-01-01, "2019-03" on 2019-03-01.
func (d Date) Start() time.Time {
	return time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
}

// End is the first instant after the period d names, in UTC (an exclusive
// end): "2019" ends at 2020-01-01, "2019-03" at 2019-04-01 and
// "2019-03-31" at 2019-04-01. So [Start, End) covers exactly what d says.
func (d Date) End() time.Time {
	s := d.Start()
	switch {
	case d.Month == 0:
		return s.AddDate(1, 0, 0)
	case d.Day == 0:
		return s.AddDate(0, 1, 0)
	}
	return s.AddDate(0, 0, 1)
}
