package tts

import (
	"container/list"
	"context"
	"strings"
	"sync"

	"github.com/parleyhq/parley/internal/voice/audio"
)

// Cache is a Synthesizer that remembers the audio of recent texts, so the
// greeting, refusals and other stock sentences cost nothing after the first
// time (Warm pre-renders them at start-up). It is safe for concurrent use;
// the cached PCM must not be modified by callers.
type Cache struct {
	next    Synthesizer
	mu      sync.Mutex
	max     int
	entries map[string]*list.Element
	order   *list.List // front: most recently used
}

type cacheEntry struct {
	text string
	pcm  audio.PCM
}

var _ Synthesizer = (*Cache)(nil)

// NewCache wraps next, keeping up to maxEntries texts (default 256).
func NewCache(next Synthesizer, maxEntries int) *Cache {
	if maxEntries <= 0 {
		maxEntries = 256
	}
	return &Cache{next: next, max: maxEntries, entries: map[string]*list.Element{}, order: list.New()}
}

// Synthesize returns the cached audio for text, or synthesises and keeps it.
// Errors are not cached.
func (c *Cache) Synthesize(ctx context.Context, text string) (audio.PCM, error) {
	key := strings.TrimSpace(text)
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		c.order.MoveToFront(e)
		pcm := e.Value.(*cacheEntry).pcm
		c.mu.Unlock()
		return pcm, nil
	}
	c.mu.Unlock()
	pcm, err := c.next.Synthesize(ctx, key)
	if err != nil {
		return audio.PCM{}, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[key]; !ok {
		c.entries[key] = c.order.PushFront(&cacheEntry{text: key, pcm: pcm})
		for c.order.Len() > c.max {
			last := c.order.Back()
			c.order.Remove(last)
			delete(c.entries, last.Value.(*cacheEntry).text)
		}
	}
	return pcm, nil
}

// Warm synthesises texts into the cache (the greeting, stock replies);
// it stops at the first error.
func (c *Cache) Warm(ctx context.Context, texts ...string) error {
	for _, t := range texts {
		if _, err := c.Synthesize(ctx, t); err != nil {
			return err
		}
	}
	return nil
}
