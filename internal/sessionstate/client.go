package sessionstate

import "github.com/redis/go-redis/v9"

// NewClient returns the Redis client a server shares between session
// state (NewRedis) and its caches (through Batched). Tests and benchmarks
// that stand for a server build theirs here too, so that they measure the
// client the server runs.
//
// Its autopipeliner is full duplex (unless opt already says otherwise):
// one held connection, a writer and a reader goroutine streaming every
// caller's commands in order. The half-duplex default starts a goroutine
// for each command sent alone, whose stack growth was ~45% of a lone
// turn's instructions (BenchmarkTurnHandlerServers under callgrind:
// 521k -> 228k per turn); under 64 concurrent sessions, where half duplex
// batches, the whole server's CPU per turn was about the same (medians
// 275 and 271 µs, docs/benchmarks-log.md, "Redis client"). go-redis
// suggests half duplex on loopback; measured here, it bought nothing. Each caller still waits for every reply, so a turn's
// commands run in its order.
func NewClient(opt *redis.Options) *redis.Client {
	if opt.AutoPipelineOptions == nil {
		opt.AutoPipelineOptions = &redis.AutoPipelineOptions{FullDuplex: true}
	}
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
