package httpapi

import (
	"context"
	"sync"
	"time"
)

// CachedCheck wraps a check whose dependency is slow or billed per call
// (S3's HeadBucket), so that /readyz stays cheap however often it is
// probed: each call is bounded by timeout, its result is reused for ttl,
// and concurrent probes share one call. A result cut short by the prober
// going away is not kept. now is the clock (nil: time.Now).
func CachedCheck(c Check, ttl, timeout time.Duration, now func() time.Time) Check {
	if now == nil {
		now = time.Now
	}
	var (
		mu      sync.Mutex
		checked time.Time
		last    error
	)
	inner := c.Func
	c.Func = func(ctx context.Context) error {
		mu.Lock()
		defer mu.Unlock()
		if !checked.IsZero() && now().Sub(checked) < ttl {
			return last
		}
		cctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		err := inner(cctx)
		if ctx.Err() != nil {
			return err
		}
		checked, last = now(), err
		return err
	}
	return c
}
