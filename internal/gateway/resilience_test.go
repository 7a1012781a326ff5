package gateway_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/gateway"
)

// waitFor polls cond (a guard against hanging, not a timing assertion).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func targetState(g *gateway.Gateway, url string) gateway.TargetStatus {
	for _, u := range g.Status() {
		for _, ts := range u.Targets {
			if ts.URL == url {
				return ts
			}
		}
	}
	return gateway.TargetStatus{}
}

func TestActiveHealthCheckRemovesTarget(t *testing.T) {
	a, b := newBackend(t, "a", nil), newBackend(t, "b", nil)
	a.sick.Store(true)
	g, base := startGateway(t, poolConfig(urls(a, b),
		"health_check: {interval: 20ms, unhealthy_threshold: 1, healthy_threshold: 1}", ""))
	waitFor(t, "a unhealthy", func() bool { return !targetState(g, a.srv.URL).Healthy })
	before := a.hits.Load()
	for range 20 {
		if resp, _ := get(t, http.DefaultClient, base+"/"); resp.StatusCode != 200 {
			t.Fatalf("status %d", resp.StatusCode)
		}
	}
	if n := a.hits.Load() - before; n != 0 {
		t.Errorf("unhealthy target got %d requests", n)
	}
	a.sick.Store(false)
	waitFor(t, "a healthy again", func() bool { return targetState(g, a.srv.URL).Healthy })
}

func TestPassiveEjection(t *testing.T) {
	a, b := newBackend(t, "a", nil), newBackend(t, "b", nil)
	a.fails.Store(1 << 30)
	g, base := startGateway(t, poolConfig(urls(a, b),
		"outlier: {consecutive_failures: 3, ejection_time: 1m}\nretries: {attempts: 0}", ""))
	for range 6 { // round robin: a gets 3 of these and fails each
		get(t, http.DefaultClient, base+"/")
	}
	if !targetState(g, a.srv.URL).Ejected {
		t.Fatal("a not ejected after 3 consecutive failures")
	}
	before := a.hits.Load()
	for range 20 {
		get(t, http.DefaultClient, base+"/")
	}
	if n := a.hits.Load() - before; n != 0 {
		t.Errorf("ejected target got %d requests", n)
	}
}

func TestRetriesOnlyIdempotent(t *testing.T) {
	tests := []struct {
		method     string
		body       string
		wantStatus int
		wantB      int64
	}{
		{http.MethodGet, "", http.StatusOK, 1},
		{http.MethodHead, "", http.StatusOK, 1},
		{http.MethodPost, "", http.StatusServiceUnavailable, 0},
		{http.MethodPost, `{"x":1}`, http.StatusServiceUnavailable, 0},
		{http.MethodPatch, "", http.StatusServiceUnavailable, 0},
		{http.MethodPut, `{"x":1}`, http.StatusServiceUnavailable, 0},
	}
	for _, tt := range tests {
		t.Run(tt.method+tt.body, func(t *testing.T) {
			a, b := newBackend(t, "a", nil), newBackend(t, "b", nil)
			a.fails.Store(1 << 30)
			_, base := startGateway(t, poolConfig(urls(a, b), "balancing: round_robin", ""))
			req, _ := http.NewRequest(tt.method, base+"/", strings.NewReader(tt.body))
			if tt.body == "" {
				req.Body = nil
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.wantStatus || b.hits.Load() != tt.wantB || a.hits.Load() != 1 {
				t.Errorf("status %d, a %d, b %d; want %d, a 1, b %d", resp.StatusCode, a.hits.Load(), b.hits.Load(), tt.wantStatus, tt.wantB)
			}
		})
	}
}

func TestRetryBudgetBoundsExtraRequests(t *testing.T) {
	a, b := newBackend(t, "a", nil), newBackend(t, "b", nil)
	a.fails.Store(1 << 30)
	_, base := startGateway(t, poolConfig(urls(a, b),
		"outlier: {consecutive_failures: 1000000}\nretries: {attempts: 1, budget_ratio: 0.1, min_retries: 3}\nbreaker: {consecutive_failures: 1000000}", ""))
	const n = 1000
	ok := 0
	for range n {
		if resp, _ := get(t, http.DefaultClient, base+"/"); resp.StatusCode == 200 {
			ok++
		}
	}
	upstream := a.hits.Load() + b.hits.Load()
	if extra := upstream - n; extra > n/10+3 || extra < n/20 {
		t.Errorf("%d extra upstream requests for %d requests; want within budget (≤ %d) and used", extra, n, n/10+3)
	}
	if int64(ok) != b.hits.Load() {
		t.Errorf("%d successes, b served %d", ok, b.hits.Load())
	}
}

func TestBreakerOpensAndShortCircuits(t *testing.T) {
	a := newBackend(t, "a", nil)
	a.fails.Store(1 << 30)
	g, base := startGateway(t, poolConfig(urls(a),
		"retries: {attempts: 0}\nbreaker: {consecutive_failures: 5, open_time: 1m}\noutlier: {consecutive_failures: 1000000}", ""))
	for range 5 {
		get(t, http.DefaultClient, base+"/")
	}
	for range 10 {
		resp, body := get(t, http.DefaultClient, base+"/")
		if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "circuit breaker") {
			t.Fatalf("status %d %s", resp.StatusCode, body)
		}
	}
	if n := a.hits.Load(); n != 5 {
		t.Errorf("upstream saw %d requests with the breaker open; want 5", n)
	}
	if s := g.Status()[0].Breaker; s != "open" {
		t.Errorf("breaker state %q", s)
	}
}

func TestBreakerHalfOpensAndCloses(t *testing.T) {
	a := newBackend(t, "a", nil)
	a.fails.Store(3)
	g, base := startGateway(t, poolConfig(urls(a),
		"retries: {attempts: 0}\nbreaker: {consecutive_failures: 3, open_time: 50ms, half_open_requests: 1}\noutlier: {consecutive_failures: 1000000}", ""))
	for range 3 {
		get(t, http.DefaultClient, base+"/")
	}
	if s := g.Status()[0].Breaker; s != "open" {
		t.Fatalf("breaker %q after 3 failures", s)
	}
	// The upstream has recovered (fails is spent): once open_time passes,
	// a probe goes through and closes the breaker.
	waitFor(t, "breaker to close", func() bool {
		resp, _ := get(t, http.DefaultClient, base+"/")
		return resp.StatusCode == http.StatusOK
	})
	if s := g.Status()[0].Breaker; s != "closed" {
		t.Errorf("breaker %q after a successful probe", s)
	}
}
