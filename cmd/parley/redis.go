package main

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/config"
	"github.com/parleyhq/parley/internal/httpapi"
	"github.com/parleyhq/parley/internal/sessionstate"
)

// redisPrefix namespaces every key Parley writes, so that one Redis can
// serve other applications too.
const redisPrefix = "parley:"

// openSessionState returns the session-state port: Redis when REDIS_URL is
// set (with a readiness check), in-process otherwise.
func openSessionState(ctx context.Context, cfg *config.Serve) (sessionstate.Store, func(), *httpapi.Check, error) {
	if cfg.RedisURL == "" {
		return sessionstate.NewMemory(), func() {}, nil, nil
	}
	client, err := newRedis(ctx, cfg.RedisURL)
	if err != nil {
		return nil, nil, nil, err
	}
	check := &httpapi.Check{Name: "redis", Func: func(ctx context.Context) error { return client.Ping(ctx).Err() }}
	return sessionstate.NewRedis(client, redisPrefix), func() { client.Close() }, check, nil
}

func newRedis(ctx context.Context, url string) (*redis.Client, error) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("REDIS_URL: %w", err)
	}
	client := redis.NewClient(opt)
	if err := client.Ping(ctx).Err(); err != nil {
		client.Close()
		return nil, fmt.Errorf("REDIS_URL %s does not answer: %w", config.MaskURL(url), err)
	}
	return client, nil
}
