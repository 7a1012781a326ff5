package tts_test

import (
	"context"
	"sync"
	"testing"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/tts"
)

type countingSynth struct {
	mu    sync.Mutex
	calls map[string]int
}

func (s *countingSynth) Synthesize(_ context.Context, text string) (audio.PCM, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[text]++
	if text == "fail" {
		return audio.PCM{}, apperr.New(apperr.Unavailable, "down")
	}
	return audio.PCM{Rate: 16000, Channels: 1, Samples: []int16{int16(len(text))}}, nil
}

func TestCache(t *testing.T) {
	ctx := context.Background()
	s := &countingSynth{calls: map[string]int{}}
	c := tts.NewCache(s, 2)
	if err := c.Warm(ctx, "Hi, ask me about Dana."); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if p, err := c.Synthesize(ctx, " Hi, ask me about Dana. "); err != nil || p.Samples[0] != 22 {
			t.Fatalf("cached greeting: %+v %v", p, err)
		}
	}
	if n := s.calls["Hi, ask me about Dana."]; n != 1 {
		t.Errorf("greeting synthesised %d times, want 1", n)
	}
	// Capacity 2: using "a" then "b" evicts the least recently used greeting.
	c.Synthesize(ctx, "a")
	c.Synthesize(ctx, "b")
	c.Synthesize(ctx, "Hi, ask me about Dana.")
	if n := s.calls["Hi, ask me about Dana."]; n != 2 {
		t.Errorf("evicted greeting synthesised %d times, want 2", n)
	}
	for range 2 {
		if _, err := c.Synthesize(ctx, "fail"); apperr.CodeOf(err) != apperr.Unavailable {
			t.Errorf("error not passed through: %v", err)
		}
	}
	if s.calls["fail"] != 2 {
		t.Errorf("errors must not be cached")
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { c.Synthesize(ctx, "concurrent") })
	}
	wg.Wait()
}
