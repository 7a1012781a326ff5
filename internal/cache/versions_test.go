package cache_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/cache"
)

// TestMemoryVersionsLapse walks one pointer through its life on a hand-moved
// clock: it lapses ttl after its last advance, an advance to an older
// number neither moves it back nor renews it, one to its number renews it.
func TestMemoryVersionsLapse(t *testing.T) {
	ctx := context.Background()
	const ttl = time.Second
	var now time.Time
	v := cache.NewMemoryVersions(ttl, func() time.Time { return now })
	steps := []struct {
		name    string
		wait    time.Duration
		advance int64 // 0: none
		want    int64
		lapsed  bool
	}{
		{name: "never advanced", want: 0},
		{name: "advanced", advance: 3, want: 3},
		{name: "at the ttl", wait: ttl, want: 3},
		{name: "past the ttl", wait: time.Nanosecond, want: 0, lapsed: true},
		{name: "older number while lapsed", advance: 2, want: 0, lapsed: true},
		{name: "same number renews", advance: 3, want: 3},
		{name: "older number while trusted", advance: 1, want: 3},
		{name: "newer number", wait: ttl / 2, advance: 5, want: 5},
		{name: "renewed by the newer number", wait: ttl * 3 / 4, want: 5},
	}
	for _, s := range steps {
		now = now.Add(s.wait)
		if s.advance != 0 {
			if err := v.Advance(ctx, "ada", s.advance); err != nil {
				t.Fatal(err)
			}
		}
		got, err := v.Version(ctx, "ada")
		if got != s.want || errors.Is(err, cache.ErrLapsed) != s.lapsed || err != nil && !s.lapsed {
			t.Errorf("%s: Version = %d, %v; want %d, lapsed %t", s.name, got, err, s.want, s.lapsed)
		}
	}
}
