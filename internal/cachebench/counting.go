package cachebench

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/parleyhq/parley/internal/store"
)

// Methods whose calls the counting store tallies.
const (
	mGetProfile = iota
	mPutProfile
	mCreateSession
	mGetSession
	mAppendTurn
	mMessages
	nMethods
)

// callStats count the calls of one method and the time spent in them.
type callStats struct {
	calls atomic.Int64
	nanos atomic.Int64
}

// Counting is a store.Store that counts the calls reaching the database and
// the time they take, seen from the client. pg_stat_statements is not
// loaded on the benchmark server, so this (with pg_stat_database) is how
// database work is counted.
type Counting struct {
	store.Store
	stats *[nMethods]callStats
}

// NewCounting wraps next, adding into stats (shared by several wrappers).
func NewCounting(next store.Store, stats *[nMethods]callStats) *Counting {
	return &Counting{Store: next, stats: stats}
}

func (c *Counting) done(m int, start time.Time) {
	c.stats[m].calls.Add(1)
	c.stats[m].nanos.Add(int64(time.Since(start)))
}

// GetProfile implements store.Profiles.
func (c *Counting) GetProfile(ctx context.Context, slug string) (store.Profile, error) {
	defer c.done(mGetProfile, time.Now())
	return c.Store.GetProfile(ctx, slug)
}

// PutProfile implements store.Profiles.
func (c *Counting) PutProfile(ctx context.Context, in store.ProfileInput) (store.Profile, bool, error) {
	defer c.done(mPutProfile, time.Now())
	return c.Store.PutProfile(ctx, in)
}

// CreateSession implements store.Sessions.
func (c *Counting) CreateSession(ctx context.Context, s store.Session) error {
	defer c.done(mCreateSession, time.Now())
	return c.Store.CreateSession(ctx, s)
}

// GetSession implements store.Sessions.
func (c *Counting) GetSession(ctx context.Context, id string, now time.Time) (store.Session, error) {
	defer c.done(mGetSession, time.Now())
	return c.Store.GetSession(ctx, id, now)
}

// AppendTurn implements store.Sessions.
func (c *Counting) AppendTurn(ctx context.Context, id string, msgs []store.Message, state []byte, expiresAt time.Time) ([]store.Message, error) {
	defer c.done(mAppendTurn, time.Now())
	return c.Store.AppendTurn(ctx, id, msgs, state, expiresAt)
}

// Messages implements store.Sessions.
func (c *Counting) Messages(ctx context.Context, id string, afterSeq, limit int) ([]store.Message, error) {
	defer c.done(mMessages, time.Now())
	return c.Store.Messages(ctx, id, afterSeq, limit)
}
