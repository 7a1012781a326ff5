package cache

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// Versions are per-name version pointers that only move forward. A writer
// advances a name's pointer to the version it just committed (a number the
// database assigns, increasing per name); readers read the pointer and put
// it into their keys. After Advance returns, no reader anywhere builds a key
// for an older version, whatever copies other processes still hold, so
// read-your-writes holds across processes without waiting for any message;
// and since one version's key always holds that version, cached entries
// are never stale and may be written through.
type Versions interface {
	// Version returns the pointer of name, or 0 when it is not known (never
	// advanced, or expired).
	Version(ctx context.Context, name string) (int64, error)
	// Advance moves the pointer of name to v unless it is already at v or
	// beyond, and keeps it for the pointer TTL.
	Advance(ctx context.Context, name string, v int64) error
}

// DefaultVersionTTL is how long a pointer lives without being advanced. A
// write whose Advance failed (Redis briefly down) is invisible to cached
// readers for at most this long.
const DefaultVersionTTL = time.Minute

// RedisVersions keeps pointers in Redis, shared by every process: the
// authority for read-your-writes across processes.
type RedisVersions struct {
	client redis.UniversalClient
	prefix string
	ttl    time.Duration
	reads  *readCoalescer
}

var _ Versions = (*RedisVersions)(nil)

// NewRedisVersions returns pointers kept under prefix + "ver:" + name for
// ttl (<= 0: DefaultVersionTTL).
func NewRedisVersions(client redis.UniversalClient, prefix string, ttl time.Duration) *RedisVersions {
	if ttl <= 0 {
		ttl = DefaultVersionTTL
	}
	r := &RedisVersions{client: client, prefix: prefix + "ver:", ttl: ttl}
	r.reads = newReadCoalescer(r.get, versionReadTimeout)
	return r
}

// versionReadTimeout bounds one (shared) pointer read.
const versionReadTimeout = 2 * time.Second

// Version implements Versions. Concurrent readers of one name share reads
// (see readCoalescer), each answered by a read sent after it asked.
func (r *RedisVersions) Version(ctx context.Context, name string) (int64, error) {
	return r.reads.read(ctx, name)
}

func (r *RedisVersions) get(ctx context.Context, name string) (int64, error) {
	n, err := r.client.Get(ctx, r.prefix+name).Int64()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("cache: read version: %w", err)
	}
	return n, nil
}

// advanceScript sets KEYS[1] to ARGV[1] unless it holds a larger number,
// and (re)sets its expiry to ARGV[2] milliseconds either way.
var advanceScript = redis.NewScript(`
local cur = tonumber(redis.call("GET", KEYS[1]) or "0")
local v = tonumber(ARGV[1])
if v > cur then
	redis.call("SET", KEYS[1], ARGV[1], "PX", ARGV[2])
else
	redis.call("PEXPIRE", KEYS[1], ARGV[2])
end
return 0`)

// Advance implements Versions.
func (r *RedisVersions) Advance(ctx context.Context, name string, v int64) error {
	if err := advanceScript.Run(ctx, r.client, []string{r.prefix + name}, v, r.ttl.Milliseconds()).Err(); err != nil {
		return fmt.Errorf("cache: advance version: %w", err)
	}
	return nil
}

// MemoryVersions keeps pointers in this process (no Redis: one process).
// It holds one pointer per name ever advanced.
type MemoryVersions struct {
	mu sync.Mutex
	m  map[string]int64
}

var _ Versions = (*MemoryVersions)(nil)

// NewMemoryVersions returns empty pointers.
func NewMemoryVersions() *MemoryVersions { return &MemoryVersions{m: map[string]int64{}} }

// Version implements Versions.
func (v *MemoryVersions) Version(_ context.Context, name string) (int64, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.m[name], nil
}

// Advance implements Versions.
func (v *MemoryVersions) Advance(_ context.Context, name string, to int64) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.m[name] = max(v.m[name], to)
	return nil
}
