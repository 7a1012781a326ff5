package cache_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/testenv"
)

// privateRedis starts a redis-server of the test's own whose memory is
// bounded to maxBytes (maxmemory, volatile-lru: the Redis tier's bound in
// bytes is the server's, see the README's REDIS_URL row) and returns a
// client of it.
func privateRedis(t *testing.T, maxBytes int) *redis.Client {
	t.Helper()
	bin := testenv.Tool(t, "redis-server", "apt-get install redis-server")
	addr := testenv.FreeAddr(t)
	host, port, _ := strings.Cut(addr, ":")
	dir := t.TempDir()
	srv := exec.Command(bin, "--bind", host, "--port", port, "--save", "", "--appendonly", "no",
		"--dir", dir, "--maxmemory", strconv.Itoa(maxBytes), "--maxmemory-policy", "volatile-lru")
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
	for deadline := time.Now().Add(10 * time.Second); client.Ping(context.Background()).Err() != nil; {
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(logf.Name())
			t.Fatalf("private redis-server did not start:\n%s", b)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return client
}
