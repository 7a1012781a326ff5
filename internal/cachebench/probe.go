package cachebench

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/cache"
)

// Probe is the latency of a hit in each tier of a TwoTier, with a value the
// size of the template profile.
type Probe struct {
	ValueBytes         int
	LocalN, RedisN     int
	LocalP50, LocalP99 time.Duration
	RedisP50, RedisP99 time.Duration
}

// probeTiers times Get hits: in-process hits on a TwoTier holding the
// value, Redis hits on the Redis tier alone.
func probeTiers(ctx context.Context, cfg Config) (Probe, error) {
	opt, err := redis.ParseURL(cfg.RedisURL)
	if err != nil {
		return Probe{}, err
	}
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	prefix := fmt.Sprintf("parley-bench-probe:%d:", rand.Uint32())
	val := make([]byte, len(cfg.Resume))
	copy(val, cfg.Resume)
	p := Probe{ValueBytes: len(val), LocalN: 200000, RedisN: 5000}

	local, err := cache.NewTwoTier(ctx, rdb, cache.TwoTierOptions{Name: "probe", Prefix: prefix})
	if err != nil {
		return Probe{}, err
	}
	defer local.Close()
	// The Redis tier alone: what a TwoTier pays after an in-process miss
	// (plus that miss, ~0.1 µs).
	remote := cache.NewRedis(rdb, prefix)
	defer rdb.Del(ctx, prefix+"k")

	p.LocalP50, p.LocalP99, err = timeHits(ctx, local, val, p.LocalN)
	if err != nil {
		return Probe{}, err
	}
	p.RedisP50, p.RedisP99, err = timeHits(ctx, remote, val, p.RedisN)
	return p, err
}

func timeHits(ctx context.Context, c cache.Cache, val []byte, n int) (p50, p99 time.Duration, err error) {
	d := make([]time.Duration, 0, n)
	for i := 0; len(d) < n; i++ {
		if i%500 == 0 { // refresh: the local tier's copy lives at most a second
			if err := c.Set(ctx, "k", val, time.Minute); err != nil {
				return 0, 0, err
			}
		}
		start := time.Now()
		_, ok, err := c.Get(ctx, "k")
		el := time.Since(start)
		if err != nil || !ok {
			return 0, 0, fmt.Errorf("probe get: ok=%v err=%v", ok, err)
		}
		d = append(d, el)
	}
	return percentile(d, 0.5), percentile(d, 0.99), nil
}

func (p Probe) writeMarkdown(out io.Writer) {
	fmt.Fprintf(out, "\nTier hit latency (Get of a %d-byte value, one caller, time.Now around each call):\n\n", p.ValueBytes)
	fmt.Fprintln(out, "| tier | hits timed | p50 | p99 |")
	fmt.Fprintln(out, "|---|---|---|---|")
	fmt.Fprintf(out, "| in-process | %d | %s | %s |\n", p.LocalN, p.LocalP50, p.LocalP99)
	fmt.Fprintf(out, "| Redis (cache.Redis.Get, the tier behind an in-process miss) | %d | %s | %s |\n", p.RedisN, p.RedisP50, p.RedisP99)
}
