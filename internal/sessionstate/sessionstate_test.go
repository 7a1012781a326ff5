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

// pipelineSizes records the size of every pipeline a client sends, and
// how many commands it sends alone.
type pipelineSizes struct {
	mu    sync.Mutex
	sizes []int
	alone int
}

func (h *pipelineSizes) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h *pipelineSizes) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		h.mu.Lock()
		h.alone++
		h.mu.Unlock()
		return next(ctx, cmd)
	}
}

func (h *pipelineSizes) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		h.mu.Lock()
		h.sizes = append(h.sizes, len(cmds))
		h.mu.Unlock()
		return next(ctx, cmds)
	}
}

// TestRedisBatchesConcurrentTurns: concurrent turns on different sessions
// share socket writes (the reason NewRedis uses the autopipeliner), and
// each still gets its own state back.
func TestRedisBatchesConcurrentTurns(t *testing.T) {
	opt, err := redis.ParseURL(testenv.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	c := sessionstate.NewClient(opt)
	t.Cleanup(func() { c.Close() })
	hook := &pipelineSizes{}
	c.AddHook(hook)
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
	hook.mu.Lock()
	defer hook.mu.Unlock()
	batched, cmds := 0, 0
	for _, n := range hook.sizes {
		cmds += n
		if n > 1 {
			batched++
		}
	}
	// The autopipeliner may send a lone command outside a pipeline; most
	// go in one.
	if cmds < hook.alone || batched == 0 {
		t.Errorf("%d commands alone, %d in %d pipelines of which %d held more than one: commands are not going through the autopipeliner",
			hook.alone, cmds, len(hook.sizes), batched)
	}
}
