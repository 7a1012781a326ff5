package gateway_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/gateway"
	"github.com/parleyhq/parley/internal/telemetry"
)

// load sends GETs from workers until stop is closed and counts outcomes.
type load struct {
	ok, failed atomic.Int64
	firstErr   atomic.Value
}

func runLoad(client *http.Client, url string, workers int, stop <-chan struct{}) (*load, *sync.WaitGroup) {
	l := &load{}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := client.Get(url)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("status %d", resp.StatusCode)
					}
				}
				if err != nil {
					l.failed.Add(1)
					l.firstErr.CompareAndSwap(nil, err.Error())
				} else {
					l.ok.Add(1)
				}
			}
		})
	}
	return l, &wg
}

func loadClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
}

func TestReloadUnderLoadDropsNothing(t *testing.T) {
	a, b, c := newBackend(t, "a", nil), newBackend(t, "b", nil), newBackend(t, "c", nil)
	const events = 20
	next := make(chan struct{})
	sse := sseBackend(t, events, next)
	write := func(path, balancing string, i int) {
		cfg := fmt.Sprintf(`listen: 127.0.0.1:0
upstreams:
  api: {targets: [%s, %s, %s], balancing: %s, health_check: {interval: 50ms}}
  sse: {targets: [%s]}
routes:
  - {name: events, path_prefix: /events, upstream: sse, timeout: %dms}
  - {path_prefix: /, upstream: api}
`, a.srv.URL, b.srv.URL, c.srv.URL, balancing, sse.srv.URL, 1000+i)
		tmp := path + ".tmp"
		if err := os.WriteFile(tmp, []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "gateway.yaml")
	write(path, "round_robin", 0)
	g, base := startGateway(t, mustRead(t, path))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go gateway.Watch(ctx, g, path, 5*time.Millisecond, telemetry.Discard())
	waitWatching(t, g, path)

	resp, err := http.Get(base + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	streamErr := make(chan error, 1)
	// The stream advances one event per reload, so it spans every reload.
	step := make(chan struct{})
	go func() {
		for range step {
			next <- struct{}{}
		}
	}()
	go func() { streamErr <- readSSE(resp.Body, events, step) }()

	stop := make(chan struct{})
	l, wg := runLoad(loadClient(), base+"/x", 8, stop)
	policies := []string{"least_requests", "p2c_latency", "round_robin"}
	for i := 1; i < events; i++ {
		write(path, policies[i%3], i)
		want := time.Duration(1000+i) * time.Millisecond
		waitFor(t, "reload", func() bool { return g.Config().Routes[0].Timeout == want })
		time.Sleep(20 * time.Millisecond) // let load run on this generation
	}
	close(stop)
	wg.Wait()
	if err := <-streamErr; err != nil {
		t.Errorf("stream cut: %v", err)
	}
	close(step)
	if l.failed.Load() != 0 || l.ok.Load() == 0 {
		t.Errorf("%d failed (%v), %d ok", l.failed.Load(), l.firstErr.Load(), l.ok.Load())
	}
}

// metricValue reads one sample from the admin /metrics page.
func metricValue(t *testing.T, g *gateway.Gateway, series string) float64 {
	t.Helper()
	rec := httptest.NewRecorder()
	g.AdminHandler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	for _, line := range strings.Split(rec.Body.String(), "\n") {
		if v, ok := strings.CutPrefix(line, series+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatal(err)
			}
			return f
		}
	}
	return 0 // a counter never incremented is absent
}

func mustRead(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestKillOneOfThreeUnderLoad(t *testing.T) {
	bs := []*backend{newBackend(t, "a", nil), newBackend(t, "b", nil), newBackend(t, "c", nil)}
	g, base := startGateway(t, poolConfig(urls(bs...),
		"balancing: least_requests\nhealth_check: {interval: 100ms, timeout: 100ms}\noutlier: {consecutive_failures: 3, ejection_time: 30s}", ""))
	stop := make(chan struct{})
	l, wg := runLoad(loadClient(), base+"/", 8, stop)
	waitFor(t, "warm-up", func() bool { return l.ok.Load() > 500 })
	victim := bs[0]
	victim.srv.Listener.Close()
	victim.srv.CloseClientConnections() // like kill -9: in-flight requests are cut
	killed := time.Now()
	waitFor(t, "ejection", func() bool { ts := targetState(g, victim.srv.URL); return ts.Ejected || !ts.Healthy })
	t.Logf("victim ejected or marked unhealthy %v after the kill", time.Since(killed))
	atKill := l.ok.Load() + l.failed.Load()
	waitFor(t, "load after the kill", func() bool { return l.ok.Load()+l.failed.Load() > atKill+2000 })
	close(stop)
	wg.Wait()
	total := l.ok.Load() + l.failed.Load()
	upstream := bs[0].hits.Load() + bs[1].hits.Load() + bs[2].hits.Load()
	t.Logf("%d requests, %d failed, %d reached upstreams", total, l.failed.Load(), upstream)
	if l.failed.Load()*1000 > total {
		t.Errorf("%d of %d failed (%v): more than 0.1%%", l.failed.Load(), total, l.firstErr.Load())
	}
	retries := metricValue(t, g, `parley_gateway_upstream_retries_total{upstream="api"}`)
	t.Logf("%d retries", int(retries))
	if upstream > total+total/10 || retries > float64(total)/10+3 {
		t.Errorf("%d upstream requests and %v retries for %d: retries above 10%%", upstream, retries, total)
	}
}

func TestBadReloadKeepsRunningConfig(t *testing.T) {
	b := newBackend(t, "a", nil)
	path := filepath.Join(t.TempDir(), "gw.yaml")
	good := poolConfig(urls(b), "", "")
	if err := os.WriteFile(path, []byte(good), 0o600); err != nil {
		t.Fatal(err)
	}
	g, base := startGateway(t, good)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go gateway.Watch(ctx, g, path, 5*time.Millisecond, telemetry.Discard())
	waitWatching(t, g, path)
	// The watcher may catch a file half-written by os.WriteFile and count
	// an error of its own: compare with the count before the bad write.
	time.Sleep(50 * time.Millisecond)
	before := metricValue(t, g, `parley_gateway_config_reloads_total{result="error"}`)
	if err := os.WriteFile(path, []byte(good+"bogus_key: 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "failed reload", func() bool {
		return metricValue(t, g, `parley_gateway_config_reloads_total{result="error"}`) > before
	})
	if resp, body := get(t, http.DefaultClient, base+"/"); resp.StatusCode != 200 || body != "a" {
		t.Errorf("after a bad reload: %d %q", resp.StatusCode, body)
	}
}

// waitWatching touches path (appending comments) until a reload succeeds,
// which proves Watch has taken its first look at the file.
func waitWatching(t *testing.T, g *gateway.Gateway, path string) {
	t.Helper()
	base := metricValue(t, g, `parley_gateway_config_reloads_total{result="ok"}`)
	orig := mustRead(t, path)
	i := 0
	waitFor(t, "the watcher", func() bool {
		i++
		if err := os.WriteFile(path, []byte(orig+strings.Repeat("#\n", i)), 0o600); err != nil {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond)
		return metricValue(t, g, `parley_gateway_config_reloads_total{result="ok"}`) > base
	})
	if err := os.WriteFile(path, []byte(orig), 0o600); err != nil {
		t.Fatal(err)
	}
}
