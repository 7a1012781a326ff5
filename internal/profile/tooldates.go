package profile

import "strings"

// Résumé builders and hand-written files date things the way people write
// them: "Feb-2023", "Jan 2019", "03/2022", "2023-9-28". Each of these names
// one month or one day without doubt, so Decode reads it as the iso8601
// date it means (with a Note). Day-month orders that differ between
// countries ("03/04/2022") are not guessed: they stay an error.

// monthNames are matched by prefix (three letters at least): "Sep",
// "Sept", "September" and "sept." all name September.
var monthNames = [...]string{"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december"}

// monthOf returns 1-12 for an English month name or its abbreviation, else 0.
func monthOf(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	for i, m := range monthNames {
		if strings.HasPrefix(m, s) {
			return i + 1
		}
	}
	return 0
}

// dateParts splits s at the separators people put in dates.
func dateParts(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '-' || r == '/' || r == '.' || r == ','
	})
}

// smallNumber parses a day or month of one or two digits.
func smallNumber(s string) (int, bool) {
	if len(s) == 0 || len(s) > 2 {
		return 0, false
	}
	return digits(s)
}

// year parses a four-digit year.
func year(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	return digits(s)
}

// toolDate returns the iso8601 date s unambiguously names, or "" when s is
// not such a date (then the caller reports it as written).
func toolDate(s string) string {
	ps := dateParts(strings.TrimSpace(s))
	var d Date
	switch len(ps) {
	case 2:
		d = monthYear(ps[0], ps[1])
		if d.IsZero() {
			d = yearMonth(ps[0], ps[1], s)
		}
	case 3:
		d = dayDate(ps)
	}
	if d.IsZero() || !d.valid() {
		return ""
	}
	return d.String()
}

// monthYear reads "Feb 2023", "February, 2023", "03/2022" and "5/2015".
func monthYear(m, y string) Date {
	yy, ok := year(y)
	if !ok {
		return Date{}
	}
	mm := monthOf(m)
	if mm == 0 {
		mm, _ = smallNumber(m)
	}
	if mm < 1 || mm > 12 {
		return Date{}
	}
	return Date{Year: yy, Month: mm}
}

// yearMonth reads "2019-3" and "2019/03"; "2019 03" is left alone (a year
// and a number could be anything).
func yearMonth(y, m, s string) Date {
	yy, ok := year(y)
	if !ok || strings.Contains(s, " ") {
		return Date{}
	}
	mm, ok := smallNumber(m)
	if !ok || mm < 1 || mm > 12 {
		return Date{}
	}
	return Date{Year: yy, Month: mm}
}

// dayDate reads "2023-9-28", "2019/03/01", "Jan 01, 2026" and
// "1 January 2024". All-number dates must start with the year: "03/04/2022"
// is the 3rd of April in some countries and the 4th of March in others.
func dayDate(ps []string) Date {
	if yy, ok := year(ps[0]); ok {
		mm, ok1 := smallNumber(ps[1])
		dd, ok2 := smallNumber(ps[2])
		if ok1 && ok2 {
			return Date{Year: yy, Month: mm, Day: dd}
		}
		return Date{}
	}
	yy, ok := year(ps[2])
	if !ok {
		return Date{}
	}
	if mm := monthOf(ps[0]); mm != 0 {
		if dd, ok := smallNumber(ps[1]); ok {
			return Date{Year: yy, Month: mm, Day: dd}
		}
	}
	if mm := monthOf(ps[1]); mm != 0 {
		if dd, ok := smallNumber(ps[0]); ok {
			return Date{Year: yy, Month: mm, Day: dd}
		}
	}
	return Date{}
}

// readToolDate notes and returns the iso8601 form of a tool-written date.
func (w *walker) readToolDate(s string) (string, bool) {
	d := toolDate(s)
	if d == "" {
		return "", false
	}
	w.note("%q read as %q (%s)", s, d, dateForm(d))
	return d, true
}

func dateForm(d string) string {
	if len(d) == len("2006-01") {
		return "YYYY-MM: a month"
	}
	return "YYYY-MM-DD: a day"
}

// warnDatesOutOfOrder warns when an entry ends before it starts
// ("startDate": "2025-11-06", "endDate": "2025-01-25", a typo in the
// year most often): the dates are kept as written, but replies cannot use
// them as a period, so the author should hear of it.
func (w *walker) warnDatesOutOfOrder(obj map[string]any) {
	s, _ := obj["startDate"].(string)
	e, _ := obj["endDate"].(string)
	start, err1 := ParseDate(s)
	end, err2 := ParseDate(e)
	if err1 != nil || err2 != nil || !end.End().Before(start.Start()) {
		return
	}
	w.push(segment{key: "endDate"})
	w.warn("%s is before startDate %s; kept as written (replies cannot tell how long this lasted)", e, s)
	w.pop()
}
