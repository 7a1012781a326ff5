package gateway

import (
	"context"
	"errors"
	"log/slog"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/gateway/config"
)

func TestRefreshWait(t *testing.T) {
	fail := errors.New("down")
	tests := []struct {
		name             string
		interval, maxAge time.Duration
		err              error
		want             time.Duration
	}{
		{"no max-age: the interval", 5 * time.Minute, -1, nil, 5 * time.Minute},
		{"shorter max-age wins", 5 * time.Minute, 2 * time.Minute, nil, 2 * time.Minute},
		{"longer max-age: the interval", 5 * time.Minute, time.Hour, nil, 5 * time.Minute},
		{"max-age under the floor: the floor", 5 * time.Minute, 5 * time.Second, nil, minRefreshWait},
		{"no-cache (max-age 0): the floor", 5 * time.Minute, 0, nil, minRefreshWait},
		{"interval under the floor: the interval", 2 * time.Second, 0, nil, 2 * time.Second},
		{"failure: retry at the floor", 5 * time.Minute, -1, fail, minRefreshWait},
		{"failure with a short interval", 2 * time.Second, -1, fail, 2 * time.Second},
	}
	for _, tt := range tests {
		if got := refreshWait(tt.interval, minRefreshWait, tt.maxAge, tt.err); got != tt.want {
			t.Errorf("%s: refreshWait(%s, %s, %v) = %s, want %s", tt.name, tt.interval, tt.maxAge, tt.err, got, tt.want)
		}
	}
}

func TestMaxAge(t *testing.T) {
	tests := map[string]time.Duration{
		"":                            -1,
		"public":                      -1,
		"public, max-age=300":         300 * time.Second,
		"Max-Age=60, must-revalidate": 60 * time.Second,
		`max-age="120"`:               120 * time.Second,
		"max-age=abc":                 -1,
		"max-age=-5":                  -1,
		"max-age=0":                   0,
		"no-cache":                    0,
		"max-age=300, no-store":       0,
	}
	for h, want := range tests {
		if got := maxAge(h); got != want {
			t.Errorf("maxAge(%q) = %s, want %s", h, got, want)
		}
	}
}

// eventually polls cond until it holds or a generous deadline passes (no
// wall-clock threshold: the deadline only bounds a failing test).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestPeriodicRefresh runs the background refresher at a short interval
// against a JWKS that changes under it.
func TestPeriodicRefresh(t *testing.T) {
	tests := []struct {
		name string
		// change alters the JWKS after a k1 token has been verified and
		// cached; then the k1 token and (when set) a k2 token are checked.
		change   func(t *testing.T, j *testJWKS)
		settled  func(j *testJWKS, fetchesBefore int64) bool
		refused  bool // the k1 token must end up refused
		checkK2  bool
		stillHit bool // the k1 token must still be answered from the cache
	}{
		{name: "key withdrawn: its cached token is refused",
			change:  func(t *testing.T, j *testJWKS) { j.add(t, "k2"); j.withdraw("k1") },
			refused: true, checkK2: true},
		{name: "key replaced under the same kid: refused",
			change:  func(t *testing.T, j *testJWKS) { j.withdraw("k1"); j.add(t, "k1") },
			refused: true},
		{name: "failed refresh keeps the keys",
			change:   func(_ *testing.T, j *testJWKS) { j.set(func(j *testJWKS) { j.fail = true }) },
			settled:  func(j *testJWKS, before int64) bool { return j.fetches.Load() >= before+2 },
			stillHit: true},
		{name: "rotation: a new kid is fetched, the old one still accepted",
			change: func(t *testing.T, j *testJWKS) { j.add(t, "k2") }, checkK2: true, stillHit: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := newTestJWKS(t)
			j.add(t, "k1")
			a := j.authenticator(time.Millisecond, 20*time.Millisecond)
			ctx, cancel := context.WithCancel(context.Background())
			t.Cleanup(func() { cancel(); <-a.keys.done })
			go a.keys.run(ctx)

			k1 := "Bearer " + j.token(t, "k1", time.Now().Add(time.Hour))
			if err := a.checkBearer(ctx, k1, time.Now()); err != nil {
				t.Fatalf("k1 before the change: %v", err)
			}
			before := j.fetches.Load()
			tt.change(t, j)
			if tt.settled != nil {
				eventually(t, "refreshes after the change", func() bool { return tt.settled(j, before) })
			}
			if tt.refused {
				eventually(t, "k1 token refused", func() bool {
					return apperr.Is(a.checkBearer(ctx, k1, time.Now()), apperr.Unauthorized)
				})
			} else {
				if err := a.checkBearer(ctx, k1, time.Now()); err != nil {
					t.Errorf("k1 after the change: %v", err)
				}
				// A k1 token not seen before needs the key itself, not the cache.
				fresh := "Bearer " + j.token(t, "k1", time.Now().Add(2*time.Hour))
				if err := a.checkBearer(ctx, fresh, time.Now()); err != nil {
					t.Errorf("new k1 token after the change: %v", err)
				}
			}
			if tt.stillHit {
				a.mu.Lock()
				v, ok := a.valid[strings.TrimPrefix(k1, "Bearer ")]
				a.mu.Unlock()
				if !ok || v.removals != a.keys.removals.Load() {
					t.Errorf("k1 token no longer a cache hit (cached %v)", ok)
				}
			}
			if tt.checkK2 {
				// An unknown kid refreshes at most once per minInterval (1 ms
				// here), counted from the first k1 check: without this wait a
				// fast run asks within it and is rightly refused.
				time.Sleep(2 * time.Millisecond)
				k2 := "Bearer " + j.token(t, "k2", time.Now().Add(time.Hour))
				if err := a.checkBearer(ctx, k2, time.Now()); err != nil {
					t.Errorf("k2: %v", err)
				}
			}
		})
	}
}

// TestRefreshFollowsMaxAge checks the wiring: a response's max-age
// shortens the wait below the interval down to the floor, and a failed
// fetch is counted.
func TestRefreshFollowsMaxAge(t *testing.T) {
	j := newTestJWKS(t)
	j.add(t, "k1")
	j.set(func(j *testJWKS) { j.cacheControl = "public, max-age=0" })
	a := j.authenticator(time.Hour, time.Hour)
	a.keys.floor = 10 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel(); <-a.keys.done })
	if err := a.checkBearer(ctx, "Bearer "+j.token(t, "k1", time.Now().Add(time.Hour)), time.Now()); err != nil {
		t.Fatal(err)
	}
	// The first periodic refresh waits the interval (1h) unless max-age is
	// read; prime it by running the refresher on a set fetched 1h ago.
	a.keys.mu.Lock()
	a.keys.fetched = time.Now().Add(-time.Hour)
	a.keys.mu.Unlock()
	go a.keys.run(ctx)
	before := j.fetches.Load()
	eventually(t, "several refreshes at the max-age floor", func() bool { return j.fetches.Load() >= before+3 })
	j.set(func(j *testJWKS) { j.fail = true })
	eventually(t, "a failed refresh counted", func() bool {
		return counted(t, j.metrics, "parley_gateway_jwks_refreshes_total", "error") >= 1
	})
}

// counted sums the series of family name whose labels include the value.
func counted(t *testing.T, m *metrics, name, labelValue string) float64 {
	t.Helper()
	mfs, err := m.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var n float64
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, s := range mf.GetMetric() {
			for _, l := range s.GetLabel() {
				if l.GetValue() == labelValue {
					n += s.GetCounter().GetValue()
				}
			}
		}
	}
	return n
}

// TestRefresherStopsWithItsGeneration checks that a reload stops the old
// configuration's JWKS refresher and Close stops the current one.
func TestRefresherStopsWithItsGeneration(t *testing.T) {
	j := newTestJWKS(t)
	j.add(t, "k1")
	conf := func(interval string) *config.Config {
		c, err := config.Parse([]byte(`
listen: 127.0.0.1:0
upstreams: {api: {targets: [http://127.0.0.1:1]}}
routes:
  - {path_prefix: /, upstream: api, auth: {jwks_url: "` + j.srv.URL + `", refresh_interval: ` + interval + `}}
`))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	g, err := New(slog.New(slog.DiscardHandler), conf("1s"))
	if err != nil {
		t.Fatal(err)
	}
	first := g.state.Load().routes[0].auth.keys
	if err := g.Apply(conf("2s")); err != nil {
		t.Fatal(err)
	}
	waitDone(t, "old generation's refresher after reload", first.done)
	second := g.state.Load().routes[0].auth.keys
	if second == first || second.interval != 2*time.Second {
		t.Fatalf("reload did not build a new key set (interval %s)", second.interval)
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
	waitDone(t, "refresher after Close", second.done)
	eventually(t, "no keySet.run goroutine left", func() bool {
		buf := make([]byte, 1<<20)
		return !strings.Contains(string(buf[:runtime.Stack(buf, true)]), "(*keySet).run")
	})
}

func waitDone(t *testing.T, what string, done <-chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out waiting: %s", what)
	}
}
