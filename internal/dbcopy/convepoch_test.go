package dbcopy

import (
	"testing"
	"time"
)

// TestSQLiteNumberTimes: SQLite time columns holding Unix seconds,
// milliseconds, Julian days or the other text forms of SQLite's date
// functions convert to the instant SQLite's own functions give (the
// wanted values are sqlite3's datetime() of each); what none of them
// reads is rejected. MySQL columns take none of these forms.
func TestSQLiteNumberTimes(t *testing.T) {
	for _, tc := range []struct {
		convert string
		in      any
		want    string // RFC 3339, or the reject kind
		note    string
	}{
		{"timestamp", int64(1700000000), "2023-11-14T22:13:20Z", ""},
		{"timestamp", int64(0), "1970-01-01T00:00:00Z", ""},
		{"timestamp", int64(-86400), "1969-12-31T00:00:00Z", ""},
		{"timestamp", int64(99999999999), "5138-11-16T09:46:39Z", ""},
		{"timestamp", int64(1700000000123), "2023-11-14T22:13:20.123Z", "epoch_milliseconds"},
		{"timestamp", int64(-100000000000), "1966-10-31T14:13:20Z", "epoch_milliseconds"},
		{"timestamp", int64(100_000_000_000_000_000), "type_mismatch", ""},
		{"timestamp", int64(-62135596801), "type_mismatch", ""},
		{"timestamp", 2460000.5, "2023-02-25T00:00:00Z", ""},
		{"timestamp", 2460000.25, "2023-02-24T18:00:00Z", ""},
		{"timestamp", 1700000000.5, "2023-11-14T22:13:20.5Z", ""},
		{"timestamp", 1e300, "type_mismatch", ""},
		{"timestamp", []byte("12:30"), "2000-01-01T12:30:00Z", ""},
		{"timestamp", "12:30:15.25+01:00", "2000-01-01T11:30:15.25Z", ""},
		{"timestamp", "1700000000", "2023-11-14T22:13:20Z", ""},
		{"timestamp", "2460000.5", "2023-02-25T00:00:00Z", ""},
		{"timestamp", "yesterday", "type_mismatch", ""},
		{"date", int64(1699920000), "2023-11-14T00:00:00Z", ""},
		{"date", int64(1700000000), "time_in_date", ""},
		{"date", 2460000.5, "2023-02-25T00:00:00Z", ""},
		{"date", 2460000.0, "time_in_date", ""},
		{"date", "2023-11-14 00:00:00", "2023-11-14T00:00:00Z", ""},
		{"date", "2023-11-14 10:00:00", "time_in_date", ""},
	} {
		c := &Column{fromSQLite: true, Nullable: true}
		got, rej, note := converters[tc.convert].conv(c, tc.in)
		s := tc.convert + " " + normAny(tc.in)
		switch {
		case rej != nil:
			if rej.Kind != tc.want {
				t.Errorf("%s: rejected %s (%s), want %s", s, rej.Kind, rej.Detail, tc.want)
			}
		case got.(time.Time).Format(time.RFC3339Nano) != tc.want || note != tc.note:
			t.Errorf("%s = %v (note %q), want %s (note %q)", s, got, note, tc.want, tc.note)
		}
		if _, rej, _ := converters[tc.convert].conv(&Column{}, tc.in); rej == nil && tc.convert == "timestamp" && isNumberValue(tc.in) {
			t.Errorf("%s: a MySQL column took a number", s)
		}
	}
}

func isNumberValue(v any) bool {
	switch v.(type) {
	case int64, float64:
		return true
	}
	return false
}
