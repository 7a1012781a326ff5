// Package authcache decorates an auth.Store so that the two lookups every
// authenticated request or key reload makes go through the cache
// (internal/cache), in the manner of ardanlabs' usercache:
//
//   - API keys by hash, for a short TTL, under a key that names the hash's
//     current generation: a random token kept in the same cache, which
//     RevokeAPIKey, TouchAPIKey and CreateAPIKey replace after their
//     database write. Replacing it rather than deleting the entry closes
//     the race deletion leaves open: a lookup that read the row before a
//     revocation committed and fills the cache after it stores the old row
//     under the old generation, where no lookup that reads the new one
//     looks. The token travels like any other entry of the two-tier cache
//     (pub/sub drops other processes' copies), so another process refuses
//     a revoked key within the pub/sub staleness bound (cache.MaxLocalTTL),
//     however its loads interleave with the revocation. TouchAPIKey
//     replaces it too, so that the last-use time a lookup returns is fresh
//     and uses are not recorded on every request.
//   - Signing keys (the source of the JWKS document). They hold private
//     keys, so they are kept in this process only; a generation token in
//     the shared cache names the current set, and RotateSigningKey replaces
//     it, so that every process reloads after a rotation by any of them.
//
// Every other method is the wrapped store's.
package authcache

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/cache"
)

// Defaults.
const (
	// APIKeyTTL bounds how long a cached API key lives when invalidations
	// reach every process (shared Redis). It is not a staleness bound: a
	// write replaces the key's generation, so no lookup after it reads an
	// entry loaded before it (beyond cache.MaxLocalTTL in another process's
	// in-process tier). It is also how long a generation token lives: an
	// expired one is replaced by a fresh token, never reused, so expiry
	// costs a reload and cannot bring an old entry back.
	APIKeyTTL = 15 * time.Second
	// SigningKeysMaxAge is how long a signing-key set is trusted without
	// seeing a rotation (a rotation by a process that cannot reach the
	// shared cache, e.g. the admin CLI without Redis).
	SigningKeysMaxAge = time.Minute
)

// Options configure New. Zero values take the defaults.
type Options struct {
	APIKeyTTL         time.Duration
	SigningKeysMaxAge time.Duration
	Logger            *slog.Logger
	Now               func() time.Time // clock for the revocation guard (nil: time.Now)
}

// Store is an auth.Store with cached API-key and signing-key lookups.
type Store struct {
	auth.Store
	c       cache.Cache // generation tokens and API keys
	keys    *cache.Loader
	keyTTL  time.Duration
	maxAge  time.Duration
	logger  *slog.Logger
	now     func() time.Time
	mu      sync.Mutex
	hashes  map[string][]byte    // API key id -> hash, learnt from lookups
	revoked map[string]time.Time // ids revoked through this Store, until keyTTL after
	signing signingMemo
}

type signingMemo struct {
	gen  string
	keys []auth.StoredSigningKey
	at   time.Time
}

var (
	_ auth.Store    = (*Store)(nil)
	_ cache.Statser = (*Store)(nil)
)

// New returns next with cached lookups over c: a cache.TwoTier when several
// processes share Redis, a cache.Memory for one process (then pass an
// APIKeyTTL no longer than the staleness a revocation by another process,
// such as the admin CLI, may have: cache.MaxLocalTTL).
func New(next auth.Store, c cache.Cache, opts Options) *Store {
	if opts.APIKeyTTL <= 0 {
		opts.APIKeyTTL = APIKeyTTL
	}
	if opts.SigningKeysMaxAge <= 0 {
		opts.SigningKeysMaxAge = SigningKeysMaxAge
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Store{
		Store: next, c: c, keys: cache.NewLoader(c, cache.LoaderOptions{Name: "apikeys", Jitter: -1}),
		keyTTL: opts.APIKeyTTL, maxAge: opts.SigningKeysMaxAge, logger: opts.Logger, now: opts.Now,
		hashes: map[string][]byte{}, revoked: map[string]time.Time{},
	}
}

// Stats reports the API-key cache's tiers and loads.
func (s *Store) Stats() cache.Stats { return s.keys.Stats() }

// apiKeyName names hash in the cache: its generation is under name+":gen",
// its entry under name+":"+generation (a hex token, never "gen").
func apiKeyName(hash []byte) string { return "apikey:" + hex.EncodeToString(hash) }

// generation returns the current generation of the key named name,
// starting a new one when there is none. It must be read before the
// database: a lookup caches what it read under the generation it saw, so a
// write that replaced the generation since then hides the entry.
func (s *Store) generation(ctx context.Context, name string) (string, error) {
	gen, ok, err := s.c.Get(ctx, name+":gen")
	if err != nil {
		return "", err
	}
	if ok {
		return string(gen), nil
	}
	return s.newAPIKeyGeneration(ctx, name)
}

// newAPIKeyGeneration replaces the generation of the key named name with a
// fresh random token, never one used before: a token that expired and came
// back would find the entries loaded under it.
func (s *Store) newAPIKeyGeneration(ctx context.Context, name string) (string, error) {
	gen := newGeneration()
	if err := s.c.Set(ctx, name+":gen", []byte(gen), s.keyTTL); err != nil {
		return "", err
	}
	return gen, nil
}

// GetAPIKeyByHash implements auth.APIKeys through the cache. When the
// generation cannot be read or started, the database answers: an entry
// under a generation we cannot see is one we cannot trust.
func (s *Store) GetAPIKeyByHash(ctx context.Context, hash []byte) (auth.APIKey, error) {
	name := apiKeyName(hash)
	gen, err := s.generation(ctx, name)
	if err != nil {
		s.logger.WarnContext(ctx, "API key cache bypassed", "err", err)
		return s.Store.GetAPIKeyByHash(ctx, hash)
	}
	b, err := s.keys.GetOrLoad(ctx, name+":"+gen, s.keyTTL, func(ctx context.Context) ([]byte, error) {
		k, err := s.Store.GetAPIKeyByHash(ctx, hash)
		if err != nil {
			return nil, err
		}
		return json.Marshal(k)
	})
	if err != nil {
		return auth.APIKey{}, err
	}
	var k auth.APIKey
	if err := json.Unmarshal(b, &k); err != nil {
		s.logger.WarnContext(ctx, "API key cache entry unreadable", "err", err)
		return s.Store.GetAPIKeyByHash(ctx, hash)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.hashes) > 100_000 { // API keys are few; bound the map anyway
		clear(s.hashes)
	}
	s.hashes[k.ID] = hash
	// Should the generation not have been replaced (the cache failed), an
	// entry loaded before this process revoked the key may still be found:
	// this process never serves it.
	if at, ok := s.revoked[k.ID]; ok && k.RevokedAt.IsZero() {
		k.RevokedAt = at
	}
	return k, nil
}

// CreateAPIKey implements auth.APIKeys and hides any cached "not found" for
// the new key's hash.
func (s *Store) CreateAPIKey(ctx context.Context, k auth.APIKey) error {
	if err := s.Store.CreateAPIKey(ctx, k); err != nil {
		return err
	}
	s.invalidate(ctx, k.Hash)
	return nil
}

// RevokeAPIKey implements auth.APIKeys and invalidates the key everywhere,
// including the entries of lookups still loading.
func (s *Store) RevokeAPIKey(ctx context.Context, id string, at time.Time) error {
	if err := s.Store.RevokeAPIKey(ctx, id, at); err != nil {
		return err
	}
	now := s.now()
	s.mu.Lock()
	for rid, t := range s.revoked {
		if now.Sub(t) > 2*s.keyTTL {
			delete(s.revoked, rid)
		}
	}
	s.revoked[id] = now
	hash := s.hashes[id]
	s.mu.Unlock()
	if hash == nil { // never looked up here (e.g. the admin CLI): find it
		keys, err := s.Store.ListAPIKeys(ctx)
		if err != nil {
			s.logger.ErrorContext(ctx, "API key revoked but not invalidated in the cache; other processes accept it until the entry expires",
				"key_id", id, "ttl", s.keyTTL, "err", err)
			return nil
		}
		for _, k := range keys {
			if k.ID == id {
				hash = k.Hash
			}
		}
	}
	if hash != nil {
		s.invalidate(ctx, hash)
	}
	return nil
}

// TouchAPIKey implements auth.APIKeys and hides the cached entry, whose
// last-use time is now old.
func (s *Store) TouchAPIKey(ctx context.Context, id string, at time.Time) error {
	if err := s.Store.TouchAPIKey(ctx, id, at); err != nil {
		return err
	}
	s.mu.Lock()
	hash := s.hashes[id]
	s.mu.Unlock()
	if hash != nil {
		s.invalidate(ctx, hash)
	}
	return nil
}

// invalidate replaces the generation of hash's entry after a write to its
// row. The entries under the old one are left to expire: no lookup that
// reads the new one finds them.
func (s *Store) invalidate(ctx context.Context, hash []byte) {
	if _, err := s.newAPIKeyGeneration(ctx, apiKeyName(hash)); err != nil {
		s.logger.ErrorContext(ctx, "API key cache entry not invalidated; other processes may use it until it expires",
			"ttl", s.keyTTL, "err", err)
	}
}

const generationKey = "signing-keys-generation"

// SigningKeys implements auth.SigningKeys from this process's memo while
// the shared generation token is the one the memo was loaded under.
func (s *Store) SigningKeys(ctx context.Context, now time.Time) ([]auth.StoredSigningKey, error) {
	// Read the token before the keys: a rotation committed after this read
	// replaces the token, so the next call reloads.
	gen, ok, err := s.c.Get(ctx, generationKey)
	if err != nil {
		return s.Store.SigningKeys(ctx, now)
	}
	if !ok {
		gen = []byte(newGeneration())
		if err := s.c.Set(ctx, generationKey, gen, 0); err != nil {
			return s.Store.SigningKeys(ctx, now)
		}
	}
	s.mu.Lock()
	m := s.signing
	s.mu.Unlock()
	if m.gen == string(gen) && s.now().Sub(m.at) < s.maxAge {
		return unexpired(m.keys, now), nil
	}
	keys, err := s.Store.SigningKeys(ctx, now)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.signing = signingMemo{gen: string(gen), keys: keys, at: s.now()}
	s.mu.Unlock()
	return keys, nil
}

// RotateSigningKey implements auth.SigningKeys and replaces the generation
// token, so that every process reloads its keys.
func (s *Store) RotateSigningKey(ctx context.Context, next auth.StoredSigningKey, now, keepUntil time.Time) error {
	if err := s.Store.RotateSigningKey(ctx, next, now, keepUntil); err != nil {
		return err
	}
	s.mu.Lock()
	s.signing = signingMemo{}
	s.mu.Unlock()
	if err := s.c.Set(ctx, generationKey, []byte(newGeneration()), 0); err != nil {
		s.logger.ErrorContext(ctx, "signing keys rotated but the cache generation not replaced; other processes pick the key up within their maximum age",
			"max_age", s.maxAge, "err", err)
	}
	return nil
}

// unexpired returns the keys the store would return at now: current ones
// and retired ones that expire after now.
func unexpired(keys []auth.StoredSigningKey, now time.Time) []auth.StoredSigningKey {
	out := make([]auth.StoredSigningKey, 0, len(keys))
	for _, k := range keys {
		if k.ExpiresAt.IsZero() || k.ExpiresAt.After(now) {
			out = append(out, k)
		}
	}
	return out
}

func newGeneration() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
