package dbcopy

import (
	"testing"
	"time"
)

// BenchmarkConvertValue measures the per-value conversion of the hot copy
// path for the kinds of values the date and integer changes touch.
func BenchmarkConvertValue(b *testing.B) {
	for _, bc := range []struct {
		name, convert string
		sqlite        bool
		v             any
	}{
		{"mysql_datetime", "timestamp", false, []byte("2024-01-02 03:04:05.123456")},
		{"mysql_date", "date", false, []byte("2024-01-02")},
		{"mysql_bigint", "int", false, []byte("1234567890123")},
		{"sqlite_datetime", "timestamp", true, time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)},
		{"sqlite_text", "timestamp", true, "2024-01-02T03:04:05Z"},
	} {
		c := &Column{Nullable: true, TargetType: "bigint", Convert: bc.convert, conv: converters[bc.convert], fromSQLite: bc.sqlite}
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, rej, _ := convertValue(c, bc.v); rej != nil {
					b.Fatal(rej.Detail)
				}
			}
		})
	}
}
