package sessionstate

import "github.com/redis/go-redis/v9"

// NewClient returns the Redis client a server shares between session
// state (NewRedis) and its caches (through Batched). Tests and benchmarks
// that stand for a server build theirs here too, so that they measure the
// client the server runs.
func NewClient(opt *redis.Options) *redis.Client {
	return redis.NewClient(opt)
}

// Batched returns what the caches send their commands through: c's
// autopipeliner (see NewRedis), or c itself when it has none. A chat turn
// reads the profile's version pointer and may read the answer cache, and
// sent one by one, concurrent turns' reads cost a socket write and read
// each.
func Batched(c *redis.Client) redis.UniversalClient {
	if ap, err := c.AutoPipeline(); err == nil {
		return ap
	}
	return c
}
