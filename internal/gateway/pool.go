package gateway

import (
	"math/rand/v2"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parleyhq/parley/internal/gateway/config"
)

// target is one upstream server. Its counters survive reloads: a target
// with the same upstream name and URL is carried over to the new state.
type target struct {
	url         *url.URL
	outstanding atomic.Int64
	// ewmaNanos is the exponentially weighted moving average of response
	// header latency, for p2c_latency.
	ewmaNanos atomic.Int64
	// healthy is the active health check's verdict (true until proven otherwise).
	healthy atomic.Bool
	// ejectedUntil is the passive ejection deadline in Unix nanoseconds.
	ejectedUntil atomic.Int64
	consecFails  atomic.Int64

	mu         sync.Mutex // guards probe streaks
	probeOK    int
	probeFails int
}

func newTarget(u *url.URL) *target {
	t := &target{url: u}
	t.healthy.Store(true)
	return t
}

// available reports whether the balancer may choose t at now.
func (t *target) available(now int64) bool {
	return t.healthy.Load() && t.ejectedUntil.Load() <= now
}

// availableNow is available with the clock read only when t has ever been
// ejected (*now caches the reading across targets; 0 means not read yet).
func (t *target) availableNow(now *int64) bool {
	if !t.healthy.Load() {
		return false
	}
	until := t.ejectedUntil.Load()
	if until == 0 {
		return true
	}
	if *now == 0 {
		*now = time.Now().UnixNano()
	}
	return until <= *now
}

// observe folds one latency sample into the EWMA (weight 1/8 to the new one,
// so that a slow target is noticed within a few requests).
func (t *target) observe(d time.Duration) {
	for {
		old := t.ewmaNanos.Load()
		next := int64(d)
		if old != 0 {
			next = old + (int64(d)-old)/8
		}
		if t.ewmaNanos.CompareAndSwap(old, next) {
			return
		}
	}
}

// pool is an upstream: its targets and the policy that chooses among them.
type pool struct {
	name    string
	cfg     *config.Upstream
	targets []*target
	rr      atomic.Uint64
	budget  *retryBudget
	breaker *breaker
	metrics *upstreamMetrics
}

// pick chooses a target, skipping those in skip (already tried). When no
// target is available, the pool falls back to every target not skipped
// ("panic mode"): a guess beats a certain failure.
func (p *pool) pick(skip []*target) *target {
	var now int64
	var buf [16]*target
	cands := buf[:0]
	for _, t := range p.targets {
		if t.availableNow(&now) && !contains(skip, t) {
			cands = append(cands, t)
		}
	}
	if len(cands) == 0 {
		for _, t := range p.targets {
			if !contains(skip, t) {
				cands = append(cands, t)
			}
		}
	}
	if len(cands) == 0 {
		return nil
	}
	switch p.cfg.Balancing {
	case config.LeastRequests:
		return leastRequests(cands, int(p.rr.Add(1)))
	case config.P2CLatency:
		return p2c(cands)
	default:
		return cands[int(p.rr.Add(1)-1)%len(cands)]
	}
}

// leastRequests returns the target with the fewest outstanding requests,
// starting the scan at a rotating offset so that ties spread evenly.
func leastRequests(cands []*target, start int) *target {
	n := len(cands)
	best := cands[start%n]
	for i := 1; i < n; i++ {
		c := cands[(start+i)%n]
		if c.outstanding.Load() < best.outstanding.Load() {
			best = c
		}
	}
	return best
}

// p2c is the power of two choices: of two random targets, the one with the
// lower EWMA latency weighted by its outstanding requests (so that a fast
// target is not buried under load before its EWMA moves).
func p2c(cands []*target) *target {
	if len(cands) == 1 {
		return cands[0]
	}
	i := rand.IntN(len(cands))
	j := rand.IntN(len(cands) - 1)
	if j >= i {
		j++
	}
	a, b := cands[i], cands[j]
	if score(b) < score(a) {
		return b
	}
	return a
}

func score(t *target) int64 {
	l := t.ewmaNanos.Load()
	if l == 0 {
		l = 1 // unmeasured targets get tried first
	}
	return l * (t.outstanding.Load() + 1)
}

func contains(s []*target, t *target) bool {
	for _, x := range s {
		if x == t {
			return true
		}
	}
	return false
}

// recordResult updates passive outlier detection after one attempt.
func (p *pool) recordResult(t *target, failed bool) {
	if !failed {
		t.consecFails.Store(0)
		return
	}
	if t.consecFails.Add(1) < int64(p.cfg.Outlier.ConsecutiveFailures) {
		return
	}
	now := time.Now().UnixNano()
	if t.ejectedUntil.Load() > now || !p.mayEject(now) {
		return
	}
	t.ejectedUntil.Store(now + int64(p.cfg.Outlier.EjectionTime))
	t.consecFails.Store(0)
	p.metrics.ejections.Inc()
}

// mayEject keeps ejections within max_ejection_percent of the pool.
func (p *pool) mayEject(now int64) bool {
	ejected := 0
	for _, t := range p.targets {
		if t.ejectedUntil.Load() > now {
			ejected++
		}
	}
	return (ejected+1)*100 <= p.cfg.Outlier.MaxEjectionPercent*len(p.targets)
}

// retryBudget lets retries be at most ratio of requests, plus a little slack:
// each request deposits ratio of a token, each retry withdraws one.
type retryBudget struct {
	mu     sync.Mutex
	tokens float64
	ratio  float64
	max    float64
}

func newRetryBudget(ratio float64, minRetries int) *retryBudget {
	return &retryBudget{tokens: float64(minRetries), ratio: ratio, max: float64(minRetries) + 100*ratio}
}

func (b *retryBudget) deposit() {
	b.mu.Lock()
	b.tokens = min(b.tokens+b.ratio, b.max)
	b.mu.Unlock()
}

func (b *retryBudget) withdraw() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
