package gateway

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// healthLoop probes every target of p until ctx ends.
func healthLoop(ctx context.Context, p *pool, client *http.Client, m *metrics, logger *slog.Logger) {
	hc := p.cfg.HealthCheck
	tick := time.NewTicker(hc.Interval)
	defer tick.Stop()
	for {
		var wg sync.WaitGroup
		for _, t := range p.targets {
			wg.Go(func() { probe(ctx, p, t, client, logger) })
		}
		wg.Wait()
		for _, t := range p.targets {
			v := 0.0
			if t.available(time.Now().UnixNano()) {
				v = 1
			}
			m.healthy.WithLabelValues(p.name, t.url.String()).Set(v)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// probe makes one health check and moves t's verdict after the configured
// number of consecutive successes or failures.
func probe(ctx context.Context, p *pool, t *target, client *http.Client, logger *slog.Logger) {
	hc := p.cfg.HealthCheck
	ctx, cancel := context.WithTimeout(ctx, hc.Timeout)
	defer cancel()
	ok := false
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.url.String()+hc.Path, nil)
	if err == nil {
		req.Header.Set("User-Agent", "parley-gateway-health")
		resp, err := client.Do(req)
		if err == nil {
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
			ok = resp.StatusCode >= 200 && resp.StatusCode < 300
		}
	}
	if ctx.Err() != nil && !ok && ctxDoneParent(ctx) {
		return // shutting down or reloaded: not the target's fault
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if ok {
		t.probeOK, t.probeFails = t.probeOK+1, 0
		if !t.healthy.Load() && t.probeOK >= hc.HealthyThreshold {
			t.healthy.Store(true)
			logger.Info("target healthy", "upstream", p.name, "target", t.url.String())
		}
		return
	}
	t.probeOK, t.probeFails = 0, t.probeFails+1
	if t.healthy.Load() && t.probeFails >= hc.UnhealthyThreshold {
		t.healthy.Store(false)
		logger.Warn("target unhealthy", "upstream", p.name, "target", t.url.String())
	}
}

// ctxDoneParent reports whether ctx ended by cancellation rather than by
// the probe's own timeout.
func ctxDoneParent(ctx context.Context) bool {
	return context.Cause(ctx) == context.Canceled
}
