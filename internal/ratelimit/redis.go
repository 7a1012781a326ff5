package ratelimit

import (
	"context"
	"errors"
	"fmt"

	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/apperr"
)

// Redis is a Limiter shared by every process that talks to the same Redis.
// Each decision is one atomic Lua script (go-redis/redis_rate, GCRA) that
// reads the clock of the Redis server, so processes with skewed clocks agree,
// and sets the key's expiry in the same script: there is no window in which
// a key exists without a TTL.
type Redis struct {
	lim    *redis_rate.Limiter
	prefix string
}

var _ Limiter = (*Redis)(nil)

// NewRedis returns a limiter on client whose keys start with prefix (the
// library adds its own "rate:" before it).
func NewRedis(client redis.UniversalClient, prefix string) *Redis {
	return &Redis{lim: redis_rate.NewLimiter(client), prefix: prefix}
}

// Allow implements Limiter.
func (r *Redis) Allow(ctx context.Context, key string, limit Limit) (Result, error) {
	if err := limit.Validate(); err != nil {
		return Result{}, err
	}
	res, err := r.lim.Allow(ctx, r.prefix+key, redis_rate.Limit{Rate: limit.Rate, Burst: limit.Burst, Period: limit.Period})
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return Result{}, fmt.Errorf("rate limit: %w", err)
		}
		return Result{}, apperr.Wrap(apperr.Unavailable, err, "rate limiter unavailable")
	}
	out := Result{
		Allowed:    res.Allowed > 0,
		Remaining:  res.Remaining,
		RetryAfter: max(res.RetryAfter, 0),
		ResetAfter: max(res.ResetAfter, 0),
		Limit:      limit,
	}
	return out, nil
}
