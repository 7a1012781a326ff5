package cache_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/testenv"
)

// TestRedisTierBoundedByMaxmemory: the Redis tier's bound in bytes is the
// server's maxmemory (README, "Redis"). On a private redis-server with a
// 4 MB bound, 16 MB written through the tier stay within the bound, every
// write succeeds, evicted keys read as misses (not errors) and the Loader
// loads them again.
func TestRedisTierBoundedByMaxmemory(t *testing.T) {
	bin := testenv.Tool(t, "redis-server", "apt-get install redis-server")
	addr := testenv.FreeAddr(t)
	host, port, _ := strings.Cut(addr, ":")
	dir := t.TempDir()
	const bound = 4 << 20
	srv := exec.Command(bin, "--bind", host, "--port", port, "--save", "", "--appendonly", "no",
		"--dir", dir, "--maxmemory", strconv.Itoa(bound), "--maxmemory-policy", "volatile-lru")
	logf, err := os.Create(filepath.Join(dir, "redis.log"))
	if err != nil {
		t.Fatal(err)
	}
	srv.Stdout, srv.Stderr = logf, logf
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Process.Kill(); _ = srv.Wait() })
	client := redis.NewClient(&redis.Options{Addr: addr})
	t.Cleanup(func() { client.Close() })
	ctx := context.Background()
	for deadline := time.Now().Add(10 * time.Second); client.Ping(ctx).Err() != nil; {
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(logf.Name())
			t.Fatalf("private redis-server did not start:\n%s", b)
		}
		time.Sleep(20 * time.Millisecond)
	}

	c := cache.NewRedis(client, "evict:")
	const n, size = 2000, 8 << 10 // 16 MB in all
	val := make([]byte, size)
	for i := range n {
		if err := c.Set(ctx, fmt.Sprintf("k%d", i), val, time.Hour); err != nil {
			t.Fatalf("Set k%d at the memory bound: %v", i, err)
		}
	}
	used, err := client.InfoMap(ctx, "memory").Result()
	if err != nil {
		t.Fatal(err)
	}
	mem, _ := strconv.Atoi(used["Memory"]["used_memory"])
	if mem > bound+bound/10 {
		t.Errorf("used_memory %d after 16 MB of writes, bound %d", mem, bound)
	}
	present := 0
	for i := range n {
		_, ok, err := c.Get(ctx, fmt.Sprintf("k%d", i))
		if err != nil {
			t.Fatalf("Get k%d: %v", i, err)
		}
		if ok {
			present++
		}
	}
	if present == 0 || present > bound/size {
		t.Errorf("%d of %d values of %d bytes present under a %d-byte bound", present, n, size, bound)
	}
	// k0, written first and never read since, is gone: the Loader loads it.
	l := cache.NewLoader(c, cache.LoaderOptions{})
	loads := 0
	v, err := l.GetOrLoad(ctx, "k0", time.Hour, func(context.Context) ([]byte, error) { loads++; return []byte("again"), nil })
	if err != nil || string(v) != "again" || loads != 1 {
		t.Errorf("evicted key through the Loader: %q, %v, %d loads; want a fresh load", v, err, loads)
	}
}
