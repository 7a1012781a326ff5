package sessionstate_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

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
		c1, c2 := sessionstate.NewClient(opt), sessionstate.NewClient(opt)
		t.Cleanup(func() { c1.Close(); c2.Close() })
		return sessionstate.NewRedis(c1, prefix), sessionstate.NewRedis(c2, prefix)
	})
}

// TestRedisBatchesConcurrentTurns: concurrent turns on different sessions
// share connections, and so socket writes (the reason NewRedis uses the
// autopipeliner), and each still gets its own state back.
func TestRedisBatchesConcurrentTurns(t *testing.T) {
	opt, err := redis.ParseURL(testenv.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	c := sessionstate.NewClient(opt)
	t.Cleanup(func() { c.Close() })
	s := sessionstate.NewRedis(c, testenv.KeyPrefix(t))
	ctx := context.Background()
	const sessions, turns = 32, 20
	var wg sync.WaitGroup
	for i := range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprintf("s%d", i)
			for n := range turns {
				state, found, release, err := s.Acquire(ctx, id, time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if want := fmt.Sprintf("%s/%d", id, n-1); n > 0 && (!found || string(state) != want) {
					t.Errorf("turn %d of %s: state %q (found %v), want %q", n, id, state, found, want)
				}
				if err := release([]byte(fmt.Sprintf("%s/%d", id, n))); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	// Sent one by one, 32 sessions' commands hold up to 32 connections.
	st := c.PoolStats()
	conns := st.TotalConns
	if st.PipelineStats != nil {
		conns += st.PipelineStats.TotalConns
	}
	if conns >= sessions/4 {
		t.Errorf("%d connections for %d concurrent sessions: commands are not going through the autopipeliner", conns, sessions)
	}
}
