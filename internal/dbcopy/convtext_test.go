package dbcopy

import (
	"testing"
	"time"
)

// TestConvTimestampText: SQLite time values that reach convTimestamp as
// text (a column the driver does not parse) are read as SQLite reads them,
// UTC unless they say otherwise; what PostgreSQL would change is rejected.
func TestConvTimestampText(t *testing.T) {
	c := &Column{}
	for _, tc := range []struct{ in, want, reject string }{
		{"2024-01-02 03:04:05", "2024-01-02T03:04:05Z", ""},
		{"2024-01-02 03:04", "2024-01-02T03:04:00Z", ""},
		{"2024-01-02T03:04:05.5Z", "2024-01-02T03:04:05.5Z", ""},
		{"2024-01-02 03:04:05+02:00", "2024-01-02T01:04:05Z", ""},
		{"2024-01-02 03:04 -01:30", "2024-01-02T04:34:00Z", ""},
		{"2024-01-02 03:04:05.123456000000", "2024-01-02T03:04:05.123456Z", ""},
		{"2024-01-02 03:04:05.1234560001", "", "sub_microsecond"},
		{"2024-01-02 03:04:05.1234567", "", "sub_microsecond"},
		{"2024-01-02", "2024-01-02T00:00:00Z", ""},
		{"2024-01-02 25:00:00", "", "type_mismatch"},
		{"2024-01-02 03:04:05 PM", "", "type_mismatch"},
		{"2024-01-02 3:04:05", "", "type_mismatch"},
		{"2024-02-30 00:00:00", "", "invalid_date"},
	} {
		got, rej, _ := convTimestamp(c, []byte(tc.in))
		if tc.reject != "" {
			if rej == nil || rej.Kind != tc.reject {
				t.Errorf("%q: got %v, %v; want a %s reject", tc.in, got, rej, tc.reject)
			}
			continue
		}
		if rej != nil {
			t.Errorf("%q: rejected: %v", tc.in, rej)
			continue
		}
		if s := got.(time.Time).UTC().Format(time.RFC3339Nano); s != tc.want {
			t.Errorf("%q = %s, want %s", tc.in, s, tc.want)
		}
	}
}

// TestConvBool01Words: the words PostgreSQL's boolean reads are read so
// (white space around them too, as PostgreSQL does); anything else is
// rejected, never guessed.
func TestConvBool01Words(t *testing.T) {
	c := &Column{}
	for in, want := range map[string]any{"yes": true, "No": false, "ON": true, "off": false, "Y": true, "n": false,
		"t": true, "FALSE": false, "1": true, "0": false, "maybe": nil, "2": nil, "": nil, "yes ": true, " F\t": false, "y es": nil} {
		got, rej, _ := convBool01(c, []byte(in))
		if want == nil {
			if rej == nil {
				t.Errorf("%q = %v, want a reject", in, got)
			}
			continue
		}
		if rej != nil || got != want {
			t.Errorf("%q = %v, %v; want %v", in, got, rej, want)
		}
	}
}

// TestSQLiteAffinityPostgresSpellings: PostgreSQL's names of timestamp
// types in a SQLite schema match the timestamp rule.
func TestSQLiteAffinityPostgresSpellings(t *testing.T) {
	for in, want := range map[string]string{"TIMESTAMP WITH TIME ZONE": "timestamp", "timestamp  without time zone": "timestamp",
		"timestamptz": "timestamp", "datetime(6)": "datetime", "TIME WITH TIME ZONE": "numeric", "INTEGER": "integer"} {
		if got := sqliteAffinity(in); got != want {
			t.Errorf("sqliteAffinity(%q) = %q, want %q", in, got, want)
		}
	}
}
