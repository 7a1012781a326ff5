package gateway

import (
	"context"
	"crypto"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleyhq/parley/internal/apperr"
)

// minRefreshWait is the floor under a JWKS response's max-age (and the wait
// before retrying a failed refresh), so that an identity server answering
// "no-cache" cannot make the gateway poll it continuously.
const minRefreshWait = 30 * time.Second

// keySet is a cached JWKS. It is re-fetched in the background every
// interval (sooner if the response's max-age says so), and on an unknown
// kid at most once per minInterval, so that tokens with made-up kids cannot
// make the gateway hammer the identity server. A failed refresh keeps the
// keys it has.
type keySet struct {
	url         string
	client      *http.Client
	minInterval time.Duration
	interval    time.Duration
	floor       time.Duration // minRefreshWait; shorter in tests
	logger      *slog.Logger
	refreshes   *prometheus.CounterVec // labels: trigger, result (curried with route)

	mu      sync.RWMutex
	keys    map[string]jose.JSONWebKey // replaced, never modified
	fetched time.Time                  // last successful fetch

	// removals counts refreshes that withdrew (or changed) a key. Verified
	// tokens remember it, so that a cache hit costs one atomic load to know
	// that no key has gone since the token was checked.
	removals atomic.Uint64

	fetchMu   sync.Mutex
	lastFetch time.Time     // last fetch for an unknown kid
	done      chan struct{} // closed when run returns
}

func (k *keySet) lookup(kid string) (jose.JSONWebKey, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	key, ok := k.keys[kid]
	return key, ok
}

// key returns the key with kid, refreshing the set when it is unknown.
func (k *keySet) key(ctx context.Context, kid string) (jose.JSONWebKey, error) {
	if key, ok := k.lookup(kid); ok {
		return key, nil
	}
	k.fetchMu.Lock()
	defer k.fetchMu.Unlock()
	if key, ok := k.lookup(kid); ok { // another request refreshed meanwhile
		return key, nil
	}
	if time.Since(k.lastFetch) < k.minInterval {
		return jose.JSONWebKey{}, apperr.New(apperr.Unauthorized, "unknown signing key")
	}
	k.lastFetch = time.Now()
	if _, err := k.refresh(ctx, "unknown_kid"); err != nil {
		return jose.JSONWebKey{}, apperr.Wrap(apperr.Unavailable, err, "signing keys unavailable")
	}
	if key, ok := k.lookup(kid); ok {
		return key, nil
	}
	return jose.JSONWebKey{}, apperr.New(apperr.Unauthorized, "unknown signing key")
}

// run refreshes the set in the background until ctx ends. The first fetch
// is left to the first request (or to the keys carried over from the
// previous configuration), as before; run takes over from there.
func (k *keySet) run(ctx context.Context) {
	defer close(k.done)
	wait := k.interval
	t := time.NewTimer(k.untilStale(wait))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if d := k.untilStale(wait); d > 0 { // refreshed for an unknown kid meanwhile
			t.Reset(d)
			continue
		}
		k.fetchMu.Lock()
		maxAge, err := k.refresh(ctx, "periodic")
		k.fetchMu.Unlock()
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			k.logger.WarnContext(ctx, "jwks refresh failed; keeping the current keys", "url", k.url, "err", err)
		}
		wait = refreshWait(k.interval, k.floor, maxAge, err)
		t.Reset(wait)
	}
}

// untilStale is how long until the keys are wait old (0 if never fetched).
func (k *keySet) untilStale(wait time.Duration) time.Duration {
	k.mu.RLock()
	fetched := k.fetched
	k.mu.RUnlock()
	if fetched.IsZero() {
		return wait
	}
	return max(0, wait-time.Since(fetched))
}

// refreshWait is the wait before the next periodic refresh: the configured
// interval, shortened to the response's max-age (maxAge >= 0) but never
// below floor unless the interval itself is shorter; after a failure, the
// floor (or the interval), to recover soon without hammering.
func refreshWait(interval, floor, maxAge time.Duration, err error) time.Duration {
	if err != nil {
		return min(interval, floor)
	}
	if maxAge < 0 {
		return interval
	}
	return min(interval, max(maxAge, floor))
}

// maxAge reads Cache-Control's max-age (no-cache and no-store count as 0);
// -1 when the header sets none.
func maxAge(cacheControl string) time.Duration {
	age := time.Duration(-1)
	for d := range strings.SplitSeq(cacheControl, ",") {
		d = strings.ToLower(strings.TrimSpace(d))
		switch {
		case d == "no-cache" || d == "no-store":
			return 0
		case strings.HasPrefix(d, "max-age="):
			n, err := strconv.ParseInt(strings.Trim(d[len("max-age="):], `"`), 10, 64)
			if err == nil && n >= 0 {
				age = time.Duration(min(n, 1<<31)) * time.Second
			}
		}
	}
	return age
}

// refresh fetches the JWKS and swaps it in (fetchMu held). It returns the
// response's max-age (see maxAge).
func (k *keySet) refresh(ctx context.Context, trigger string) (time.Duration, error) {
	age, err := k.fetch(ctx)
	if err != nil {
		if ctx.Err() == nil {
			k.refreshes.WithLabelValues(trigger, "error").Inc()
		}
		return 0, err
	}
	k.refreshes.WithLabelValues(trigger, "ok").Inc()
	return age, nil
}

func (k *keySet) fetch(ctx context.Context) (time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, k.url, nil)
	if err != nil {
		return 0, fmt.Errorf("jwks request: %w", err)
	}
	resp, err := k.client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("fetch jwks: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("fetch jwks: status %d", resp.StatusCode)
	}
	var set jose.JSONWebKeySet
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&set); err != nil {
		return 0, fmt.Errorf("decode jwks: %w", err)
	}
	keys := make(map[string]jose.JSONWebKey, len(set.Keys))
	for _, key := range set.Keys {
		if key.IsPublic() && key.Use != "enc" {
			keys[key.KeyID] = key
		}
	}
	k.mu.Lock()
	removed := withdrawn(k.keys, keys)
	k.keys, k.fetched = keys, time.Now()
	if removed {
		// Under mu: a request that looked a key up before this swap read
		// the old count, so its verified token is checked again.
		k.removals.Add(1)
	}
	k.mu.Unlock()
	return maxAge(resp.Header.Get("Cache-Control")), nil
}

// withdrawn reports whether a key of old is missing from cur or has changed
// under the same kid.
func withdrawn(old, cur map[string]jose.JSONWebKey) bool {
	for kid, o := range old {
		c, ok := cur[kid]
		if !ok || !sameKey(o, c) {
			return true
		}
	}
	return false
}

func sameKey(a, b jose.JSONWebKey) bool {
	ta, errA := a.Thumbprint(crypto.SHA256)
	tb, errB := b.Thumbprint(crypto.SHA256)
	return errA == nil && errB == nil && string(ta) == string(tb) && a.Algorithm == b.Algorithm
}
