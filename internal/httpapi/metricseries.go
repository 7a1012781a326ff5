package httpapi

import (
	"sync"
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus"
)

// seriesKey names the two series a finished request is counted in.
type seriesKey struct {
	route, method string
	status        int
}

// requestSeries are a request's counter and histogram, resolved from
// their vectors once per route, method and status: WithLabelValues hashes
// and checks every label value and takes the vector's lock, twice a
// request (~2.5k instructions a turn), for series that never change.
type requestSeries struct {
	requests prometheus.Counter
	duration prometheus.Observer
}

// maxCachedSeries bounds the cache: the method is the client's to choose,
// so its keys are not a closed set. Past the bound a request's series are
// looked up in the vectors as before (the vectors themselves keep every
// series ever used, as they always did).
const maxCachedSeries = 512

// seriesCache is a copy-on-write map: readers load it without a lock; a
// new key copies it (a few dozen times in a process's life).
type seriesCache struct {
	m  atomic.Pointer[map[seriesKey]requestSeries]
	mu sync.Mutex // serialises writers
}

// series returns the series of a request on route with method that got
// status. The vectors must never have series deleted from them (nothing
// here calls Delete or Reset): a cached child would then stop being
// exported.
func (m *httpMetrics) series(route, method string, status int) requestSeries {
	k := seriesKey{route, method, status}
	if cur := m.cache.m.Load(); cur != nil {
		if s, ok := (*cur)[k]; ok {
			return s
		}
	}
	s := requestSeries{
		requests: m.requests.WithLabelValues(route, method, statusLabel(status)),
		duration: m.duration.WithLabelValues(route, method),
	}
	m.cache.mu.Lock()
	defer m.cache.mu.Unlock()
	var cur map[seriesKey]requestSeries
	if p := m.cache.m.Load(); p != nil {
		cur = *p
	}
	if _, ok := cur[k]; ok || len(cur) >= maxCachedSeries {
		return s
	}
	next := make(map[seriesKey]requestSeries, len(cur)+1)
	for ck, cs := range cur {
		next[ck] = cs
	}
	next[k] = s
	m.cache.m.Store(&next)
	return s
}
