package dbcopy

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgtype"
	"golang.org/x/text/encoding/charmap"
)

// parseDateParts reads "YYYY-MM-DD" at the start of s.
func parseDateParts(s string) (y, m, d int, ok bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	var err1, err2, err3 error
	y, err1 = strconv.Atoi(s[0:4])
	m, err2 = strconv.Atoi(s[5:7])
	d, err3 = strconv.Atoi(s[8:10])
	return y, m, d, err1 == nil && err2 == nil && err3 == nil
}

// checkDate classifies the MySQL date forms PostgreSQL cannot hold.
func checkDate(c *Column, s string) (y, m, d int, rej *Reject, null bool) {
	y, m, d, ok := parseDateParts(s)
	switch {
	case !ok:
		return 0, 0, 0, rejectf("type_mismatch", "not a date: %s", short([]byte(s))), false
	case y == 0 && m == 0 && d == 0:
		if c.ZeroDate == "null" {
			return 0, 0, 0, nil, true
		}
		return 0, 0, 0, rejectf("zero_date", "zero date %q", s), false
	case m == 0 || d == 0:
		return 0, 0, 0, rejectf("partial_zero_date", "partial zero date %q", s), false
	}
	if t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d || int(t.Month()) != m {
		return 0, 0, 0, rejectf("invalid_date", "no such day %q", s), false
	}
	return y, m, d, nil, false
}

func convDate(c *Column, v any) (any, *Reject, string) {
	// A SQLite DATE column may hold a time of day too; date would drop it.
	if t, ok := v.(time.Time); ok { // SQLite driver parsed it
		if h, mi, sec := t.Clock(); h != 0 || mi != 0 || sec != 0 || t.Nanosecond() != 0 {
			return nil, rejectf("time_in_date", "date column holds a time of day: %s", t.Format(time.RFC3339Nano)), ""
		}
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil, ""
	}
	b, ok := asBytes(v)
	if !ok || c.fromSQLite && len(b) != 10 {
		if !c.fromSQLite {
			return nil, mismatch(v), ""
		}
		t, rej, note := sqliteAnyTime(v, b)
		if rej != nil {
			return nil, rej, ""
		}
		return dateOnly(t, note)
	}
	if len(b) > 10 {
		return nil, rejectf("time_in_date", "date column holds more than a date: %s", short(b)), ""
	}
	y, m, d, rej, null := checkDate(c, string(b))
	if rej != nil || null {
		return nil, rej, zeroNote(null)
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), nil, ""
}

// dateOnly passes on the date of t, which must be midnight UTC.
func dateOnly(t time.Time, note string) (any, *Reject, string) {
	if h, mi, sec := t.Clock(); h != 0 || mi != 0 || sec != 0 || t.Nanosecond() != 0 {
		return nil, rejectf("time_in_date", "date column holds a time of day: %s", t.Format(time.RFC3339Nano)), ""
	}
	return t, nil, note
}

// sqliteAnyTime reads a SQLite time value that is not text the pattern
// of convTimestamp matches: a number, or text sqliteTextTime reads.
func sqliteAnyTime(v any, b []byte) (time.Time, *Reject, string) {
	switch v.(type) {
	case int64, float64:
		return sqliteNumberTime(v)
	case []byte, string:
	default:
		return time.Time{}, mismatch(v), ""
	}
	if t, ok, rej, note := sqliteTextTime(string(b)); ok {
		return t, rej, note
	}
	if p := sqliteTimeText.FindStringSubmatch(string(b)); p != nil {
		t, rej := parseTimeText(p, b)
		return t, rej, ""
	}
	return time.Time{}, rejectf("type_mismatch", "not a time: %s", short(b)), ""
}

// zeroNote marks a zero date stored as NULL, for plan to report.
func zeroNote(null bool) string {
	if null {
		return noteZeroDateNull
	}
	return ""
}

func convTimestamp(c *Column, v any) (any, *Reject, string) {
	if t, ok := v.(time.Time); ok { // SQLite driver parsed it
		return microseconds(t)
	}
	b, ok := asBytes(v)
	if !ok {
		if !c.fromSQLite {
			return nil, mismatch(v), ""
		}
		return sqliteTimestamp(v, b)
	}
	s := string(b)
	y, m, d, rej, null := checkDate(c, s)
	if rej != nil || null {
		if rej != nil && c.fromSQLite && rej.Kind == "type_mismatch" {
			return sqliteTimestamp(v, b)
		}
		return nil, rej, zeroNote(null)
	}
	if len(s) == 10 {
		return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), nil, ""
	}
	// SQLite's time values (its date and time functions' formats 2 to 7
	// and a zone): seconds optional, "T" or a space, fractions, "Z" or
	// an offset, with spaces before it or not; without one it is UTC.
	// MySQL's DATETIME text is one of them. A SQLite column declared
	// DATETIME arrives parsed by the driver; one declared otherwise
	// (TIMESTAMP WITH TIME ZONE) as this text.
	p := sqliteTimeText.FindStringSubmatch(s)
	if p == nil {
		return nil, rejectf("type_mismatch", "not a datetime: %s", short(b)), ""
	}
	t, rej := parseTimeText(p, b)
	if rej != nil {
		return nil, rej, ""
	}
	return microseconds(t)
}

// sqliteTimestamp converts a SQLite time value that is a number, or text
// in a form of SQLite's date functions other than "YYYY-MM-DD ...".
func sqliteTimestamp(v any, b []byte) (any, *Reject, string) {
	t, rej, note := sqliteAnyTime(v, b)
	if rej != nil {
		return nil, rej, ""
	}
	out, rej, _ := microseconds(t)
	return out, rej, note
}

// parseTimeText reads the submatches of sqliteTimeText.
func parseTimeText(p []string, b []byte) (time.Time, *Reject) {
	sec, frac, zone := p[3], strings.TrimRight(p[4], "0"), p[5]
	if sec == "" {
		sec = "00"
	}
	if len(frac) > 9 { // time.Parse would drop what lies below the nanosecond
		return time.Time{}, rejectf("sub_microsecond", "%s has digits below the microsecond, which PostgreSQL cannot store", short(b))
	}
	if frac != "" {
		frac = "." + frac
	}
	if zone == "" {
		zone = "Z"
	}
	t, err := time.Parse(time.RFC3339Nano, p[1]+"T"+p[2]+":"+sec+frac+zone)
	if err != nil {
		return time.Time{}, rejectf("type_mismatch", "not a datetime: %s", short(b))
	}
	return t, nil
}

var sqliteTimeText = regexp.MustCompile(`^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d)(?::(\d\d)(?:\.(\d+))?)? *(Z|[+-]\d\d:\d\d)?$`)

// microseconds passes t on in UTC unless it has digits below the
// microsecond (.NET writes 7, Go 9), which PostgreSQL would round away.
func microseconds(t time.Time) (any, *Reject, string) {
	if t.Nanosecond()%1000 != 0 {
		return nil, rejectf("sub_microsecond", "%s has digits below the microsecond, which PostgreSQL cannot store",
			t.Format(time.RFC3339Nano)), ""
	}
	return t.UTC(), nil, ""
}

func normDate(v any) string { return v.(time.Time).UTC().Format("2006-01-02") }

func normTime(v any) string { return v.(time.Time).UTC().Format("2006-01-02 15:04:05.000000") }

// convInterval reads MySQL TIME "[-]HHH:MM:SS[.ffffff]".
func convInterval(_ *Column, v any) (any, *Reject, string) {
	b, ok := asBytes(v)
	if !ok {
		return nil, mismatch(v), ""
	}
	s := string(b)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return nil, rejectf("type_mismatch", "not a time: %s", short(b)), ""
	}
	h, err1 := strconv.ParseInt(parts[0], 10, 64)
	mi, err2 := strconv.ParseInt(parts[1], 10, 64)
	secs := parts[2]
	frac := ""
	if i := strings.IndexByte(secs, '.'); i >= 0 {
		secs, frac = secs[:i], secs[i+1:]
	}
	sec, err3 := strconv.ParseInt(secs, 10, 64)
	var us int64
	var err4 error
	if frac != "" {
		us, err4 = strconv.ParseInt((frac + "000000")[:6], 10, 64)
	}
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil || len(frac) > 6 {
		return nil, rejectf("type_mismatch", "not a time: %s", short(b)), ""
	}
	total := ((h*60+mi)*60+sec)*1_000_000 + us
	if neg {
		total = -total
	}
	return pgtype.Interval{Microseconds: total, Valid: true}, nil, ""
}

func normInterval(v any) string {
	i := v.(pgtype.Interval)
	return strconv.Itoa(int(i.Months)) + "m" + strconv.Itoa(int(i.Days)) + "d" + strconv.FormatInt(i.Microseconds, 10)
}

func jsonValid(s string) bool { return json.Valid([]byte(s)) }

// latin1Note flags latin1 columns whose bytes look like something else:
// UTF-8 stored through a latin1 connection (mojibake, copied as is), or C1
// control characters (bytes cp1252 leaves undefined). MySQL reads those
// five bytes (0x81 0x8D 0x8F 0x90 0x9D) as U+0081..., and UTF-8 uses them
// as continuation bytes ("Á" is C3 81), so they count as bytes first.
func latin1Note(c *Column, b []byte) string {
	if c.Charset != "latin1" || isASCII(b) {
		return ""
	}
	raw := make([]byte, 0, len(b))
	c1 := false
	for _, r := range string(b) {
		switch {
		case r < 0x100 && (r < 0x80 || r >= 0xA0):
			raw = append(raw, byte(r))
		case r >= 0x80 && r < 0xA0:
			raw, c1 = append(raw, byte(r)), true
		default:
			e, ok := charmap.Windows1252.EncodeRune(r)
			if !ok {
				return ""
			}
			raw = append(raw, e)
		}
	}
	switch {
	case utf8.Valid(raw):
		return "latin1_utf8_bytes"
	case c1:
		return "latin1_c1_control"
	}
	return ""
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
