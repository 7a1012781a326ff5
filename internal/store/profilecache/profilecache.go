// Package profilecache decorates a store.Store so that profile reads go
// through a cache (internal/cache), as ardanlabs' usercache does for users.
//
// Keys are versioned: every changing PutProfile bumps the slug's counter in
// cache.Versions (Redis when shared), and readers build the key from the
// counter they read, so after a write returns, no reader on any process asks
// for the old key again. That makes read-your-writes hold across processes
// without waiting for any invalidation message.
package profilecache

import (
	"context"
	"log/slog"
	"strconv"
	"time"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/store"
)

// DefaultTTL is how long a profile version stays cached. Entries are never
// stale (their keys are versioned), so the TTL only bounds memory use.
const DefaultTTL = 10 * time.Minute

// Store is a store.Store whose GetProfile reads through a cache. Every other
// method is the wrapped store's.
type Store struct {
	store.Store
	loader   *cache.Loader
	versions cache.Versions
	ttl      time.Duration
	logger   *slog.Logger
}

var _ store.Store = (*Store)(nil)

// New returns next with cached profile reads. loader holds the profiles;
// versions holds the per-slug counters (cache.RedisVersions when several
// processes share the data, cache.MemoryVersions for one process). ttl <= 0
// means DefaultTTL.
func New(next store.Store, loader *cache.Loader, versions cache.Versions, ttl time.Duration, logger *slog.Logger) *Store {
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Store{Store: next, loader: loader, versions: versions, ttl: ttl, logger: logger}
}

// key names one version generation of slug's cached profile.
func key(slug string, gen int64) string {
	return "profile:" + slug + ":" + strconv.FormatInt(gen, 10)
}

// GetProfile implements store.Profiles through the cache. When the counter
// cannot be read, the database answers: a counter we cannot see is one we
// cannot trust.
func (s *Store) GetProfile(ctx context.Context, slug string) (store.Profile, error) {
	gen, err := s.versions.Version(ctx, slug)
	if err != nil {
		s.logger.WarnContext(ctx, "profile cache bypassed", "slug", slug, "err", err)
		return s.Store.GetProfile(ctx, slug)
	}
	b, err := s.loader.GetOrLoad(ctx, key(slug, gen), s.ttl, func(ctx context.Context) ([]byte, error) {
		p, err := s.Store.GetProfile(ctx, slug)
		if err != nil {
			return nil, err
		}
		return Encode(p), nil
	})
	if err != nil {
		return store.Profile{}, err
	}
	p, err := Decode(b)
	if err != nil {
		// A corrupt entry must not break reads: the database answers.
		s.logger.WarnContext(ctx, "profile cache entry unreadable", "slug", slug, "err", err)
		return s.Store.GetProfile(ctx, slug)
	}
	return p, nil
}

// PutProfile implements store.Profiles and, when a version was written,
// bumps the slug's counter before returning, so that the writer's next read
// anywhere sees it.
func (s *Store) PutProfile(ctx context.Context, in store.ProfileInput) (store.Profile, bool, error) {
	p, changed, err := s.Store.PutProfile(ctx, in)
	if err != nil || !changed {
		return p, changed, err
	}
	if _, err := s.versions.Bump(ctx, in.Slug); err != nil {
		// The counter could not move: drop what readers of the current
		// counter would see, as a best effort, and say so.
		s.logger.ErrorContext(ctx, "profile cache version not bumped; stale reads possible until TTL", "slug", in.Slug, "err", err)
		if gen, verr := s.versions.Version(ctx, in.Slug); verr == nil {
			_ = s.loader.Cache().Delete(ctx, key(in.Slug, gen))
		}
	}
	return p, changed, nil
}
