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
	// advanced, or expired). An in-process pointer that has lapsed (see
	// MemoryVersions) returns ErrLapsed: the caller reads the database and
	// advances it again.
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

// MemoryVersionTTL is how long a MemoryVersions pointer is trusted after
// it was last advanced. In-process pointers cannot hear of a write by
// another process (the CLI's import, another server on the same database
// without Redis), so they must lapse for such a write to be seen: after
// this long Version says ErrLapsed, its reader asks the database once and
// advances the pointer again. It is the bound the in-process tier of a
// TwoTier keeps (MaxLocalTTL), so that every cache of one process sees
// another process's write within the same second; the cost is one database
// read per name read in each such second.
const MemoryVersionTTL = MaxLocalTTL

// MemoryVersions keeps pointers in this process (no Redis: one process, or
// several that learn of each other's writes only through the database). It
// holds one pointer per name ever advanced.
type MemoryVersions struct {
	ttl time.Duration
	now func() time.Time
	mu  sync.Mutex
	m   map[string]memoryVersion
}

// memoryVersion is a pointer and the time until which it is trusted.
type memoryVersion struct {
	v     int64
	until time.Time
}

var _ Versions = (*MemoryVersions)(nil)

// NewMemoryVersions returns empty pointers, each trusted for ttl after it
// was last advanced (<= 0: MemoryVersionTTL); now is the clock (nil:
// time.Now).
func NewMemoryVersions(ttl time.Duration, now func() time.Time) *MemoryVersions {
	if ttl <= 0 {
		ttl = MemoryVersionTTL
	}
	if now == nil {
		now = time.Now
	}
	return &MemoryVersions{ttl: ttl, now: now, m: map[string]memoryVersion{}}
}

// ErrLapsed is Version's answer for an in-process pointer not advanced for
// its TTL: the name was known (so a cached "not found" from before it was
// must not answer), but a newer version may have been written elsewhere.
var ErrLapsed = errors.New("cache: version pointer lapsed")

// Version implements Versions. It reads the clock once, the only cost the
// bound adds to a read.
func (v *MemoryVersions) Version(_ context.Context, name string) (int64, error) {
	now := v.now()
	v.mu.Lock()
	e, ok := v.m[name]
	v.mu.Unlock()
	if !ok {
		return 0, nil
	}
	if now.After(e.until) {
		return 0, ErrLapsed
	}
	return e.v, nil
}

// Advance implements Versions. A lapsed pointer keeps its number, so that
// a reader that read the database before this process's own write cannot
// move it back; only an advance to that number or beyond renews it (the
// database said so, after the write).
func (v *MemoryVersions) Advance(_ context.Context, name string, to int64) error {
	now := v.now()
	v.mu.Lock()
	defer v.mu.Unlock()
	if e := v.m[name]; to >= e.v {
		v.m[name] = memoryVersion{v: to, until: now.Add(v.ttl)}
	}
	return nil
}
