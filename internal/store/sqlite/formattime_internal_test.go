package sqlite

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestFormatTimeIsFormat: stored times are compared as text, so the hand
// written formatter must give Format's bytes for every time.
func TestFormatTimeIsFormat(t *testing.T) {
	kyiv := time.FixedZone("UTC+2", 2*3600)
	times := []time.Time{
		{},
		time.Date(2026, 12, 1, 2, 3, 4, 5, time.UTC),
		time.Date(2026, 12, 31, 23, 59, 59, 999_999_999, time.UTC),
		time.Date(2027, 1, 1, 1, 0, 0, 999_999, kyiv), // the previous day in UTC
		time.Date(9999, 12, 31, 23, 59, 59, 1_000, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 6, 1, 0, 0, 0, 0, time.UTC),
		time.Date(5, 2, 3, 4, 5, 6, 7_000, time.UTC),
		time.Now(),
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		times = append(times, time.Unix(r.Int64N(400_000_000_000)-62_000_000_000, r.Int64N(1e9)).In(kyiv))
	}
	for _, tm := range times {
		if got, want := formatTime(tm), tm.UTC().Format(timeFormat); got != want {
			t.Errorf("formatTime(%v) = %s, want %s", tm, got, want)
		}
	}
}
