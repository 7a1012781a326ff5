// Package sessionstate is the port for live conversation state: a session's
// context between turns, kept with a sliding TTL, and a per-session lock so
// that one session's turns run one at a time — across replicas when the
// Redis implementation is used. The database stays the durable record; this
// is the fast path in front of it.
package sessionstate

import (
	"context"
	"time"
)

// Store keeps session state and serialises turns.
type Store interface {
	// Get returns the state of id and extends its life by ttl (sliding
	// expiry); false when absent or expired.
	Get(ctx context.Context, id string, ttl time.Duration) ([]byte, bool, error)
	// Put stores the state of id for ttl.
	Put(ctx context.Context, id string, state []byte, ttl time.Duration) error
	// Delete forgets id.
	Delete(ctx context.Context, id string) error
	// Lock waits until it holds id's lock, or ctx ends (the error is then
	// ctx's). The returned function releases it. A holder that dies keeps
	// the lock at most LockTTL.
	Lock(ctx context.Context, id string) (unlock func(), err error)
	// Acquire is Lock then Get in one step (one round trip on Redis): it
	// waits for id's lock and returns the state, extending its life by ttl.
	// The returned release stores next for ttl when next is not nil and
	// releases the lock, again in one step; its error only reports that
	// the state was not stored.
	Acquire(ctx context.Context, id string, ttl time.Duration) (state []byte, found bool, release func(next []byte) error, err error)
}

// LockTTL bounds how long a crashed holder can block a session.
const LockTTL = 30 * time.Second

// Decoder is implemented by stores that can keep, in process, beside a
// state's bytes a value the caller decoded from them (Memory; Redis, for
// the states this process stored and Redis still holds byte for byte),
// so that the next turn of the session need not decode them again. A Put
// without a value forgets the old one, so a value is always the one
// handed in with the bytes beside it. Callers must treat the value as
// read-only (copy before changing it): every later acquire returns the
// same one.
type Decoder interface {
	// AcquireDecoded is Acquire that also returns the value stored with
	// the state (nil when none was), and whose release stores decoded
	// beside next. That release keeps next itself, not a copy: the caller
	// must not change next afterwards.
	AcquireDecoded(ctx context.Context, id string, ttl time.Duration) (state []byte, decoded any, found bool, release func(next []byte, decoded any) error, err error)
}
