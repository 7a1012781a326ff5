package httpapi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// TestRequestSeriesAreTheVectorsChildren: the cached series are the
// vectors' own children, so every request is counted in the series
// WithLabelValues names, below and beyond the cache's bound.
func TestRequestSeriesAreTheVectorsChildren(t *testing.T) {
	reg := prometheus.NewRegistry()
	m := newHTTPMetrics(reg)
	type req struct {
		route, method string
		status        int
	}
	var reqs []req
	for i := 0; i < maxCachedSeries+50; i++ {
		reqs = append(reqs, req{"POST /v1/sessions/{id}/messages", fmt.Sprintf("M%d", i), 200})
	}
	reqs = append(reqs, req{"GET /healthz", "GET", 200}, req{"GET /healthz", "GET", 503}, req{"unmatched", "GET", 404})
	want := map[string]int{}
	for round := 1; round <= 3; round++ {
		for _, r := range reqs {
			s := m.series(r.route, r.method, r.status)
			s.requests.Inc()
			s.duration.Observe(0.001)
			want[r.route+"|"+r.method+"|"+statusLabel(r.status)]++
		}
	}
	if n := len(*m.cache.m.Load()); n != maxCachedSeries {
		t.Errorf("cache holds %d series, want the bound %d", n, maxCachedSeries)
	}
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	label := func(mt *dto.Metric, name string) string {
		for _, l := range mt.GetLabel() {
			if l.GetName() == name {
				return l.GetValue()
			}
		}
		return ""
	}
	got, observed := map[string]int{}, map[string]int{}
	for _, f := range families {
		for _, mt := range f.GetMetric() {
			switch f.GetName() {
			case "parley_http_requests_total":
				got[label(mt, "route")+"|"+label(mt, "method")+"|"+label(mt, "code")] = int(mt.GetCounter().GetValue())
			case "parley_http_request_duration_seconds":
				observed[label(mt, "route")+"|"+label(mt, "method")] += int(mt.GetHistogram().GetSampleCount())
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d request series, want %d", len(got), len(want))
	}
	wantObserved := map[string]int{}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("requests %s = %d, want %d", k, got[k], n)
		}
		f := strings.Split(k, "|")
		wantObserved[f[0]+"|"+f[1]] += n
	}
	for k, n := range wantObserved {
		if observed[k] != n {
			t.Errorf("durations %s observed %d times, want %d", k, observed[k], n)
		}
	}
}

// TestRequestSeriesAllocateNothing: a request on a route, method and
// status seen before resolves its series without allocating.
func TestRequestSeriesAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	m := newHTTPMetrics(nil)
	m.series("GET /healthz", "GET", 200)
	if n := testing.AllocsPerRun(100, func() { m.series("GET /healthz", "GET", 200) }); n != 0 {
		t.Errorf("%v allocations, want 0", n)
	}
}
