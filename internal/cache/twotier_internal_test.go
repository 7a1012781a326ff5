package cache

import (
	"context"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestInvalidationIsPublished shows that other processes drop their copies
// because of the published message, not because their copies expire: the
// receiver's local lifetime is made far longer than the test.
func TestInvalidationIsPublished(t *testing.T) {
	opt, err := redis.ParseURL(testenv.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	prefix := testenv.KeyPrefix(t)
	ctx := context.Background()
	var tiers [2]*TwoTier
	for i := range tiers {
		c := redis.NewClient(opt)
		tiers[i], err = NewTwoTier(ctx, c, TwoTierOptions{Prefix: prefix})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { tiers[i].Close(); c.Close() })
	}
	writer, reader := tiers[0], tiers[1]
	reader.localTTL = time.Hour

	for _, step := range []struct {
		name string
		act  func() error
	}{
		{"overwrite", func() error { return writer.Set(ctx, "k", []byte("new"), time.Hour) }},
		{"delete", func() error { return writer.Delete(ctx, "k") }},
	} {
		if err := reader.Set(ctx, "k", []byte("old"), time.Hour); err != nil {
			t.Fatal(err)
		}
		if _, ok := reader.local.c.GetIfPresent("k"); !ok {
			t.Fatalf("%s: reader holds no local copy to invalidate", step.name)
		}
		if err := step.act(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(5 * time.Second)
		for {
			if _, ok := reader.local.c.GetIfPresent("k"); !ok {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: reader's local copy never invalidated", step.name)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
}
