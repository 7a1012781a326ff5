package main

import (
	"context"
	"fmt"
	"io"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/config"
	"github.com/parleyhq/parley/internal/sessionstate"
)

// redisPrefix namespaces every key Parley writes, so that one Redis can
// serve other applications too.
const redisPrefix = "parley:"

// sessionState returns the session-state port: Redis when a client is
// given (replicas then share state and locks), in-process otherwise.
func sessionState(rdb *redis.Client) sessionstate.Store {
	if rdb == nil {
		return sessionstate.NewMemory()
	}
	return sessionstate.NewRedis(rdb, redisPrefix)
}

func newRedis(ctx context.Context, url string) (*redis.Client, error) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("REDIS_URL: %w", err)
	}
	client := sessionstate.NewClient(opt)
	if err := client.Ping(ctx).Err(); err != nil {
		client.Close()
		return nil, fmt.Errorf("REDIS_URL %s does not answer: %w", config.MaskURL(url), err)
	}
	return client, nil
}

// cliRedis connects a command other than serve to url, so that it can tell
// running servers of what it writes. When Redis does not answer it warns on
// stderr, adding untold (what the servers do instead), and returns nil: the
// write itself does not need Redis.
func cliRedis(ctx context.Context, url string, stderr io.Writer, untold string) *redis.Client {
	rdb, err := newRedis(ctx, url)
	if err != nil {
		fmt.Fprintf(stderr, "warning: %v; %s\n", err, untold)
		return nil
	}
	return rdb
}
