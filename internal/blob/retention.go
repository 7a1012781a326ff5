package blob

import (
	"context"
	"log/slog"
	"time"
)

// Sweeper deletes blobs under Prefix once they are older than MaxAge: the
// retention of stores without a lifecycle rule (the local directory, or S3
// where one cannot be installed).
type Sweeper struct {
	Store  Store
	Prefix string
	MaxAge time.Duration
	// Now is the clock (default time.Now).
	Now    func() time.Time
	Logger *slog.Logger
}

// Sweep deletes what has expired now and returns how many blobs it removed.
func (s Sweeper) Sweep(ctx context.Context) (int, error) {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	return s.Store.DeleteOlderThan(ctx, s.Prefix, now().Add(-s.MaxAge))
}

// Run sweeps once at once and then on every tick until ctx ends. With
// several replicas each sweeps, harmlessly: deleting a deleted blob is no
// error.
func (s Sweeper) Run(ctx context.Context, ticks <-chan time.Time) {
	for {
		n, err := s.Sweep(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			s.Logger.WarnContext(ctx, "audio retention sweep failed; retrying at the next", "prefix", s.Prefix, "err", err)
		case n > 0:
			s.Logger.InfoContext(ctx, "expired audio deleted", "prefix", s.Prefix, "count", n, "max_age", s.MaxAge)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticks:
		}
	}
}
