// Package cache is Parley's key-value cache port, with an in-process
// implementation (W-TinyLFU through otter, bounded in bytes) and a Redis one.
// Values are opaque bytes; keys are namespaced by the caller.
package cache

import (
	"context"
	"time"
)

// Cache stores values for a time.
type Cache interface {
	// Get returns the value of key and true, or false when it is absent or
	// expired. An error means the cache could not answer (callers treat it
	// as a miss and load from the source).
	Get(ctx context.Context, key string) ([]byte, bool, error)
	// Set stores val under key for ttl (ttl <= 0 means the cache's default).
	Set(ctx context.Context, key string, val []byte, ttl time.Duration) error
	// Delete removes keys; absent keys are not an error.
	Delete(ctx context.Context, keys ...string) error
}

// Off is a cache that stores nothing (PARLEY_CACHE=off).
type Off struct{}

var _ Cache = Off{}

// Get always misses.
func (Off) Get(context.Context, string) ([]byte, bool, error) { return nil, false, nil }

// Set does nothing.
func (Off) Set(context.Context, string, []byte, time.Duration) error { return nil }

// Delete does nothing.
func (Off) Delete(context.Context, ...string) error { return nil }
