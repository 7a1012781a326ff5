package sessionstate_test

import (
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/sessionstate"
	"github.com/parleyhq/parley/internal/sessionstate/statetest"
	"github.com/parleyhq/parley/internal/testenv"
)

func TestMemory(t *testing.T) {
	statetest.Run(t, func(t *testing.T) (sessionstate.Store, sessionstate.Store) {
		m := sessionstate.NewMemory()
		return m, m
	})
}

func TestRedis(t *testing.T) {
	statetest.Run(t, func(t *testing.T) (sessionstate.Store, sessionstate.Store) {
		opt, err := redis.ParseURL(testenv.RedisURL(t))
		if err != nil {
			t.Fatal(err)
		}
		prefix := testenv.KeyPrefix(t)
		c1, c2 := redis.NewClient(opt), redis.NewClient(opt)
		t.Cleanup(func() { c1.Close(); c2.Close() })
		return sessionstate.NewRedis(c1, prefix), sessionstate.NewRedis(c2, prefix)
	})
}
