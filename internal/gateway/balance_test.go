package gateway_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestRoundRobinSpreadsEvenly(t *testing.T) {
	a, b, c := newBackend(t, "a", nil), newBackend(t, "b", nil), newBackend(t, "c", nil)
	_, base := startGateway(t, poolConfig(urls(a, b, c), "balancing: round_robin", ""))
	for range 300 {
		get(t, http.DefaultClient, base+"/")
	}
	got := []int64{a.hits.Load(), b.hits.Load(), c.hits.Load()}
	if d := cmp.Diff([]int64{100, 100, 100}, got); d != "" {
		t.Errorf("(-want +got)\n%s", d)
	}
}

func TestLeastRequestsAvoidsBusyTarget(t *testing.T) {
	release := make(chan struct{})
	arrived := make(chan string, 1)
	hold := func(name string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/hold" {
				arrived <- name
				<-release
			}
			_, _ = w.Write([]byte(name))
		}
	}
	a, b := newBackend(t, "a", hold("a")), newBackend(t, "b", hold("b"))
	_, base := startGateway(t, poolConfig(urls(a, b), "balancing: least_requests", ""))
	var wg sync.WaitGroup
	wg.Go(func() { get(t, http.DefaultClient, base+"/hold") })
	busy := <-arrived
	counts := map[string]int{}
	for range 10 {
		_, body := get(t, http.DefaultClient, base+"/fast")
		counts[body]++
	}
	close(release)
	wg.Wait()
	idle := map[string]string{"a": "b", "b": "a"}[busy]
	if d := cmp.Diff(map[string]int{idle: 10}, counts); d != "" {
		t.Errorf("busy target %s; (-want +got)\n%s", busy, d)
	}
}

func TestP2CLatencyPrefersFastTarget(t *testing.T) {
	slow := newBackend(t, "slow", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond) // the latency difference under test
		_, _ = w.Write([]byte("slow"))
	})
	fast := newBackend(t, "fast", nil)
	_, base := startGateway(t, poolConfig(urls(slow, fast), "balancing: p2c_latency", ""))
	for range 200 {
		get(t, http.DefaultClient, base+"/")
	}
	if s, f := slow.hits.Load(), fast.hits.Load(); f < 4*s {
		t.Errorf("fast target got %d, slow %d: want the fast one to take the great majority", f, s)
	}
}
