// Package profilecache decorates a store.Store so that profile reads go
// through a cache (internal/cache), as ardanlabs' usercache does for users.
//
// Keys are versioned by the profile's own version number: "profile:SLUG:N"
// holds version N of SLUG and nothing else, so an entry is never stale. A
// per-slug pointer in cache.Versions (Redis when shared) names the newest
// version; PutProfile advances it before returning and writes the new
// version through. A read after a write, on any process, reads the advanced
// pointer and so never the old version, without waiting for any
// invalidation message. Without Redis the pointers are this process's own
// and nothing tells it of other processes' writes (`parley import`,
// another server on the same database): they lapse after
// cache.MemoryVersionTTL, and the next read asks the database.
package profilecache

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"time"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/store"
)

// DefaultTTL is how long a profile version stays cached. Entries are never
// stale (one key, one version), so the TTL only bounds memory use.
const DefaultTTL = 10 * time.Minute

// Store is a store.Store whose GetProfile reads through a cache. Every other
// method is the wrapped store's.
type Store struct {
	store.Store
	loader   *cache.Loader
	versions cache.Versions
	ttl      time.Duration
	logger   *slog.Logger
	heads    headMemos
}

var _ store.Store = (*Store)(nil)

// New returns next with cached profile reads. loader holds the profiles;
// versions holds the per-slug pointers (cache.RedisVersions when several
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

// lapsed is the version in the key that rechecks a lapsed pointer: no
// profile has it, so the load always reports the version it found (moved).
const lapsed = -1

// key names one version of slug's profile; version 0 stands for "not known
// yet" (its entry may hold a cached not-found), version lapsed for "known,
// to be read again".
func key(slug string, version int64) string {
	return "profile:" + slug + ":" + strconv.FormatInt(version, 10)
}

// moved carries a profile whose version is not the one the key named: it
// is returned to the caller and cached under its own key, never under the
// key that was asked for.
type moved struct{ p store.Profile }

func (m *moved) Error() string { return "profile version moved" }

// GetProfile implements store.Profiles through the cache. When the pointer
// cannot be read, the database answers: a pointer we cannot see is one we
// cannot trust.
func (s *Store) GetProfile(ctx context.Context, slug string) (store.Profile, error) {
	return s.getProfile(ctx, slug, true)
}

// GetProfileHead is GetProfile without the Document when the cache answers
// (Document nil; from the database, the whole profile): what a reader
// needs to tell which version it holds without copying the document.
func (s *Store) GetProfileHead(ctx context.Context, slug string) (store.Profile, error) {
	return s.getProfile(ctx, slug, false)
}

func (s *Store) getProfile(ctx context.Context, slug string, withDocument bool) (store.Profile, error) {
	ver, err := s.versions.Version(ctx, slug)
	if err != nil {
		if !errors.Is(err, cache.ErrLapsed) {
			s.logger.WarnContext(ctx, "profile cache bypassed", "slug", slug, "err", err)
			return s.Store.GetProfile(ctx, slug)
		}
		// The slug exists but another process may have written it since:
		// the database answers (one load per process, shared by concurrent
		// readers) and the version it gives is published. Not key 0, whose
		// cached "not found" may predate the slug.
		ver = lapsed
	}
	k, memo := s.heads.key(slug, ver)
	b, err := s.loader.GetOrLoad(ctx, k, s.ttl, func(ctx context.Context) ([]byte, error) {
		p, err := s.Store.GetProfile(ctx, slug)
		if err != nil {
			return nil, err
		}
		if int64(p.Version) != ver {
			return nil, &moved{p: p}
		}
		return Encode(p), nil
	})
	if err != nil {
		// (m declared here: errors.As moves it to the heap, on every read
		// were it declared outside.)
		var m *moved
		if errors.As(err, &m) {
			// The pointer was unknown (0), lapsed or behind the database:
			// the version read is the newest committed one; publish it.
			s.remember(ctx, m.p)
			return m.p, nil
		}
		return store.Profile{}, err
	}
	var p store.Profile
	if withDocument {
		p, err = Decode(b)
	} else {
		p, err = s.heads.decode(slug, ver, k, memo, b)
	}
	if err != nil {
		// A corrupt entry must not break reads: the database answers.
		s.logger.WarnContext(ctx, "profile cache entry unreadable", "slug", slug, "err", err)
		return s.Store.GetProfile(ctx, slug)
	}
	return p, nil
}

// PutProfile implements store.Profiles and, when a version was written,
// writes it through and advances the pointer before returning, so that the
// writer's next read anywhere sees it.
func (s *Store) PutProfile(ctx context.Context, in store.ProfileInput) (store.Profile, bool, error) {
	p, changed, err := s.Store.PutProfile(ctx, in)
	if err != nil || !changed {
		return p, changed, err
	}
	s.remember(ctx, p)
	return p, changed, nil
}

// remember caches p under its own version, then advances the pointer (in
// that order: a reader that sees the new pointer finds the entry).
func (s *Store) remember(ctx context.Context, p store.Profile) {
	if err := s.loader.Put(ctx, key(p.Slug, int64(p.Version)), Encode(p), s.ttl); err != nil {
		s.logger.WarnContext(ctx, "profile not cached", "slug", p.Slug, "err", err)
	}
	if err := s.versions.Advance(ctx, p.Slug, int64(p.Version)); err != nil {
		s.logger.ErrorContext(ctx, "profile cache pointer not advanced; cached readers may see the previous version until it expires",
			"slug", p.Slug, "version", p.Version, "err", err)
	}
}
