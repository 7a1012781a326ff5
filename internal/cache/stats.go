package cache

import "sync/atomic"

// Tier names used in Stats and metric labels.
const (
	TierLocal = "local" // the in-process tier
	TierRedis = "redis" // the shared Redis tier
)

// TierStats are the counters of one tier of one cache since start-up.
type TierStats struct {
	Tier      string `json:"tier"`
	Hits      uint64 `json:"hits"`
	Misses    uint64 `json:"misses"`
	Evictions uint64 `json:"evictions"` // local: size or expiry evictions; redis: not known (0)
	Errors    uint64 `json:"errors"`    // calls that failed (treated as misses by callers)
	Entries   uint64 `json:"entries"`   // local only
	Bytes     uint64 `json:"bytes"`     // local only: weighted size
	MaxBytes  uint64 `json:"max_bytes"` // local only: the bound
}

// HitRatio is hits / (hits + misses), or 0 before the first lookup.
func (s TierStats) HitRatio() float64 {
	if n := s.Hits + s.Misses; n > 0 {
		return float64(s.Hits) / float64(n)
	}
	return 0
}

// Stats describe one named cache: its tiers and, when used through a
// Loader, its loads from the source.
type Stats struct {
	Name  string      `json:"name"`
	Tiers []TierStats `json:"tiers"`
	// Loads counts calls of a load function (every tier missed).
	Loads uint64 `json:"loads"`
	// Shared counts callers whose miss was served by a load they shared
	// (singleflight within the process, or the lease holder's load in
	// another process).
	Shared uint64 `json:"shared"`
	// NegativeHits counts lookups answered by a cached "not found".
	NegativeHits uint64 `json:"negative_hits"`
}

// Statser is a cache that reports its counters.
type Statser interface {
	Stats() Stats
}

// counters are the atomic counters of one tier.
type counters struct {
	hits, misses, evictions, errors atomic.Uint64
}

func (c *counters) snapshot(tier string) TierStats {
	return TierStats{
		Tier: tier, Hits: c.hits.Load(), Misses: c.misses.Load(),
		Evictions: c.evictions.Load(), Errors: c.errors.Load(),
	}
}
