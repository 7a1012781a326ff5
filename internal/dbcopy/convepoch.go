package dbcopy

import (
	"math"
	"regexp"
	"strconv"
	"time"
)

// SQLite has no time type: applications store an instant as text, as
// Unix seconds (strftime('%s'), PHP's time()), as Unix milliseconds
// (Java's and Android's currentTimeMillis, JavaScript's Date.now()) or
// as a REAL Julian day (julianday()). The bounds below keep every
// reading within years 1 to 9999, the range of SQLite's date functions.
const (
	// minUnixSeconds and maxUnixMillis are 0001-01-01 and 9999-12-31 23:59:59.999.
	minUnixSeconds = -62135596800
	maxUnixMillis  = 253402300799999
	// millisFrom: an integer this large is no time in seconds anyone
	// stores (year 5138), but 1973 in milliseconds, so it is read as those.
	millisFrom = 100_000_000_000
	// Julian days of 0001-01-01 and of 10000-01-01 (excluded), and of the Unix
	// epoch in milliseconds (SQLite computes in whole milliseconds).
	minJulianDay    = 1721425.5
	maxJulianDay    = 5373484.5
	unixEpochJDms   = 210866760000000
	noteEpochMillis = "epoch_milliseconds"
)

// sqliteNumberTime reads a number in a SQLite time column: an integer as
// Unix seconds, or milliseconds from millisFrom on (noted); a REAL as a
// Julian day when in the range of one, else as Unix seconds with a
// fraction (SQLite's 'auto' modifier reads REALs that way).
func sqliteNumberTime(v any) (time.Time, *Reject, string) {
	switch x := v.(type) {
	case int64:
		switch {
		case x >= minUnixSeconds && x < millisFrom:
			return time.Unix(x, 0).UTC(), nil, ""
		case (x >= millisFrom || x <= -millisFrom) && x >= minUnixSeconds*1000 && x <= maxUnixMillis:
			return time.UnixMilli(x).UTC(), nil, noteEpochMillis
		}
		return time.Time{}, rejectf("type_mismatch", "integer %d is no Unix time in seconds or milliseconds within years 1 to 9999", x), ""
	case float64:
		switch {
		case x >= minJulianDay && x < maxJulianDay:
			ms := int64(x*86400000.0+0.5) - unixEpochJDms // as SQLite rounds it
			return time.UnixMilli(ms).UTC(), nil, ""
		case x >= minUnixSeconds && x < millisFrom && !math.IsNaN(x):
			us := int64(math.Round(x * 1e6))
			return time.UnixMicro(us).UTC(), nil, ""
		}
		return time.Time{}, rejectf("type_mismatch", "real %v is neither a Julian day nor Unix seconds within years 1 to 9999", x), ""
	}
	return time.Time{}, mismatch(v), ""
}

// sqliteTextTime reads the text forms of SQLite's date functions that
// convTimestamp's pattern does not: a time of day alone ("HH:MM[:SS[.f]]",
// on 2000-01-01 as SQLite reads it) and a number in digits (a Julian day,
// or Unix seconds when it has no fraction, as sqliteNumberTime reads it).
func sqliteTextTime(s string) (time.Time, bool, *Reject, string) {
	if p := sqliteTimeOfDay.FindStringSubmatch(s); p != nil {
		t, err := time.Parse("2006-01-02T15:04:05.999999999Z07:00", "2000-01-01T"+p[1]+":"+orZero(p[2])+fracPart(p[3])+zoneOrZ(p[4]))
		if err != nil {
			return time.Time{}, false, nil, ""
		}
		return t.UTC(), true, nil, ""
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		t, rej, note := sqliteNumberTime(n)
		return t, true, rej, note
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		t, rej, note := sqliteNumberTime(f)
		return t, true, rej, note
	}
	return time.Time{}, false, nil, ""
}

var sqliteTimeOfDay = regexp.MustCompile(`^(\d\d:\d\d)(?::(\d\d)(?:\.(\d+))?)? *(Z|[+-]\d\d:\d\d)?$`)

func orZero(sec string) string {
	if sec == "" {
		return "00"
	}
	return sec
}

func fracPart(f string) string {
	if f == "" {
		return ""
	}
	return "." + f
}

func zoneOrZ(z string) string {
	if z == "" {
		return "Z"
	}
	return z
}

// noteZeroDateNull marks a zero date stored as NULL (zero_date: null).
const noteZeroDateNull = "zero_date_null"
