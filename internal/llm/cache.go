package llm

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Cache is the slice of the cache port that the LLM layer needs. Get reports
// found=false for a missing key; errors are infrastructure failures, which
// Cached treats as misses.
type Cache interface {
	Get(ctx context.Context, key string) ([]byte, bool, error)
	Set(ctx context.Context, key string, val []byte, ttl time.Duration) error
}

// CacheKey identifies a completion by what determines it, so that equivalent
// questions on the same profile and prompt share one provider call.
type CacheKey struct {
	// ProfileVersion changes whenever the profile does.
	ProfileVersion string
	// PromptVersion and PromptDigest name the template (see Prompt).
	PromptVersion string
	PromptDigest  string
	// Question is the visitor's question; String normalises it.
	Question string
	// Context is everything else the answer depends on: resolved follow-up
	// context, a digest of the retrieved facts.
	Context string
}

// NormalizeQuestion folds case, whitespace and trailing punctuation so that
// "What does she do?" and "what does she do" share a cache entry.
func NormalizeQuestion(q string) string {
	q = strings.TrimRightFunc(strings.ToLower(q), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	})
	return strings.Join(strings.Fields(q), " ")
}

// digest is the cache key for k under a provider scope and sampling params.
func (k CacheKey) digest(scope string, req Request) string {
	h := sha256.New()
	field := func(s string) {
		// Length-prefix every field so that no two field lists collide.
		h.Write([]byte(strconv.Itoa(len(s))))
		h.Write([]byte{':'})
		h.Write([]byte(s))
	}
	// v2: entries of v1 could hold answers the checks rejected (they were
	// stored before the checks ran), so they are not read again.
	field("llm/v2")
	field(scope)
	if req.Temperature != nil {
		field(strconv.FormatFloat(*req.Temperature, 'g', -1, 64))
	} else {
		field("-")
	}
	field(strconv.Itoa(req.MaxTokens))
	if req.Seed != nil {
		field(strconv.FormatInt(*req.Seed, 10))
	} else {
		field("-")
	}
	field(k.PromptVersion)
	field(k.PromptDigest)
	field(k.ProfileVersion)
	field(NormalizeQuestion(k.Question))
	field(k.Context)
	return "llm:" + hex.EncodeToString(h.Sum(nil))
}

// Cached is a Provider decorator that serves requests carrying a CacheKey
// from the cache and stores fresh responses there. Requests without a key
// pass straight through. Cache failures are logged and treated as misses:
// the cache may make answers faster, never unavailable.
type Cached struct {
	next    Provider
	cache   Cache
	scope   string
	ttl     time.Duration
	log     *slog.Logger
	metrics *Metrics
}

var _ Provider = (*Cached)(nil)

// CachedOptions configure a Cached provider.
type CachedOptions struct {
	// Scope names the model(s) behind next, so that changing providers or
	// models invalidates entries; see ScopeOf.
	Scope string
	// TTL is how long entries live (default 24h).
	TTL     time.Duration
	Logger  *slog.Logger
	Metrics *Metrics
}

// NewCached wraps next with cache.
func NewCached(next Provider, cache Cache, opts CachedOptions) *Cached {
	if opts.TTL <= 0 {
		opts.TTL = 24 * time.Hour
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Cached{next: next, cache: cache, scope: opts.Scope, ttl: opts.TTL, log: opts.Logger, metrics: opts.Metrics}
}

// ScopeOf is the cache scope of a provider list: their base URLs and models.
func ScopeOf(cfgs []Config) string {
	parts := make([]string, len(cfgs))
	for i, c := range cfgs {
		parts[i] = c.BaseURL + "|" + c.Model
	}
	return strings.Join(parts, ",")
}

// Complete implements Provider.
func (c *Cached) Complete(ctx context.Context, req Request) (Response, error) {
	if req.CacheKey == nil {
		return c.next.Complete(ctx, req)
	}
	key := req.CacheKey.digest(c.scope, req)
	if resp, ok := c.lookup(ctx, key); ok {
		return resp, nil
	}
	resp, err := c.next.Complete(ctx, req)
	if err != nil {
		return resp, err
	}
	c.store(ctx, key, req, resp)
	return resp, nil
}

// Stream implements Provider: a hit is delivered as one delta.
func (c *Cached) Stream(ctx context.Context, req Request, onDelta DeltaFunc) (Response, error) {
	if req.CacheKey == nil {
		return c.next.Stream(ctx, req, onDelta)
	}
	key := req.CacheKey.digest(c.scope, req)
	if resp, ok := c.lookup(ctx, key); ok {
		if err := onDelta(resp.Text); err != nil {
			return resp, &callbackError{err: err}
		}
		return resp, nil
	}
	resp, err := c.next.Stream(ctx, req, onDelta)
	if err != nil {
		return resp, err
	}
	c.store(ctx, key, req, resp)
	return resp, nil
}

func (c *Cached) lookup(ctx context.Context, key string) (Response, bool) {
	b, found, err := c.cache.Get(ctx, key)
	if err != nil {
		c.metrics.cacheResult("error")
		c.log.WarnContext(ctx, "llm cache get failed", "err", err)
		return Response{}, false
	}
	var resp Response
	if !found || json.Unmarshal(b, &resp) != nil {
		c.metrics.cacheResult("miss")
		return Response{}, false
	}
	c.metrics.cacheResult("hit")
	resp.Cached = true
	return resp, true
}

// store keeps resp unless it is empty or req.Keep rejects it. A rejected
// answer is deliberately not remembered either (no negative entry): the
// next identical question asks the provider again. A rejection is one
// sample of one model judged by this build's checks; the next may pass
// (another sample, a fallback provider, a fixed check), and a negative
// entry would pin every visitor to the deterministic reply for its TTL.
// What a retry costs is bounded per question by the answer budget and
// per visitor by the rate limits, and a provider failing outright is
// skipped by its breaker.
func (c *Cached) store(ctx context.Context, key string, req Request, resp Response) {
	if strings.TrimSpace(resp.Text) == "" {
		return // an empty reply is a glitch worth retrying, not an answer
	}
	if req.Keep != nil && !req.Keep(resp) {
		return
	}
	b, err := json.Marshal(resp)
	if err == nil {
		err = c.cache.Set(ctx, key, b, c.ttl)
	}
	if err != nil {
		c.log.WarnContext(ctx, "llm cache set failed", "err", err)
	}
}
