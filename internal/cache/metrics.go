package cache

import (
	"sync"

	"github.com/prometheus/client_golang/prometheus"
)

// Collector exports the counters of named caches as Prometheus metrics and
// lists them for an admin endpoint. Cache names must be unique.
type Collector struct {
	mu     sync.Mutex
	caches []Statser
}

var _ prometheus.Collector = (*Collector)(nil)

// NewCollector returns a collector over caches; register it with
// prometheus.Registerer.Register (or use RegisterMetrics).
func NewCollector(caches ...Statser) *Collector {
	return &Collector{caches: caches}
}

// RegisterMetrics registers a collector over caches with reg and returns it.
func RegisterMetrics(reg prometheus.Registerer, caches ...Statser) (*Collector, error) {
	c := NewCollector(caches...)
	if err := reg.Register(c); err != nil {
		return nil, err
	}
	return c, nil
}

// Add adds a cache to the collector.
func (c *Collector) Add(s Statser) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.caches = append(c.caches, s)
}

// Stats returns the counters of every cache, for an admin endpoint.
func (c *Collector) Stats() []Stats {
	c.mu.Lock()
	caches := append([]Statser(nil), c.caches...)
	c.mu.Unlock()
	out := make([]Stats, 0, len(caches))
	for _, s := range caches {
		out = append(out, s.Stats())
	}
	return out
}

var (
	tierLabels = []string{"cache", "tier"}
	descHits   = prometheus.NewDesc("parley_cache_hits_total", "Lookups answered by the tier.", tierLabels, nil)
	descMisses = prometheus.NewDesc("parley_cache_misses_total", "Lookups the tier could not answer.", tierLabels, nil)
	descEvict  = prometheus.NewDesc("parley_cache_evictions_total", "Entries evicted for size or expiry (in-process tier).", tierLabels, nil)
	descErrors = prometheus.NewDesc("parley_cache_errors_total", "Tier calls that failed.", tierLabels, nil)
	descBytes  = prometheus.NewDesc("parley_cache_bytes", "Weighted size of the in-process tier.", tierLabels, nil)
	descMax    = prometheus.NewDesc("parley_cache_max_bytes", "Size bound of the in-process tier.", tierLabels, nil)
	descItems  = prometheus.NewDesc("parley_cache_entries", "Entries in the in-process tier (estimate).", tierLabels, nil)
	descLoads  = prometheus.NewDesc("parley_cache_loads_total", "Loads from the source after every tier missed.", []string{"cache"}, nil)
	descShared = prometheus.NewDesc("parley_cache_shared_loads_total", "Misses served by a load shared with other callers or processes.", []string{"cache"}, nil)
	descNeg    = prometheus.NewDesc("parley_cache_negative_hits_total", "Lookups answered by a cached not-found.", []string{"cache"}, nil)
)

// Describe implements prometheus.Collector.
func (c *Collector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descHits, descMisses, descEvict, descErrors, descBytes, descMax, descItems, descLoads, descShared, descNeg} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (c *Collector) Collect(ch chan<- prometheus.Metric) {
	for _, s := range c.Stats() {
		name := s.Name
		for _, t := range s.Tiers {
			counter := func(d *prometheus.Desc, v uint64) {
				ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, float64(v), name, t.Tier)
			}
			counter(descHits, t.Hits)
			counter(descMisses, t.Misses)
			counter(descEvict, t.Evictions)
			counter(descErrors, t.Errors)
			if t.Tier == TierLocal {
				ch <- prometheus.MustNewConstMetric(descBytes, prometheus.GaugeValue, float64(t.Bytes), name, t.Tier)
				ch <- prometheus.MustNewConstMetric(descMax, prometheus.GaugeValue, float64(t.MaxBytes), name, t.Tier)
				ch <- prometheus.MustNewConstMetric(descItems, prometheus.GaugeValue, float64(t.Entries), name, t.Tier)
			}
		}
		ch <- prometheus.MustNewConstMetric(descLoads, prometheus.CounterValue, float64(s.Loads), name)
		ch <- prometheus.MustNewConstMetric(descShared, prometheus.CounterValue, float64(s.Shared), name)
		ch <- prometheus.MustNewConstMetric(descNeg, prometheus.CounterValue, float64(s.NegativeHits), name)
	}
}

// named gives a Statser a name.
type named struct {
	name string
	s    Statser
}

// Named returns s reported under name (for caches built without one).
func Named(name string, s Statser) Statser { return named{name: name, s: s} }

func (n named) Stats() Stats {
	st := n.s.Stats()
	st.Name = n.name
	return st
}
