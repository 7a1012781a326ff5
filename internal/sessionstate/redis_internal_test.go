package sessionstate

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestAcquireScriptIsIdempotent: the same call sent twice (a client's
// retry after a connection failed with the first one run) takes the lock
// both times, while another holder's token still waits.
func TestAcquireScriptIsIdempotent(t *testing.T) {
	opt, err := redis.ParseURL(testenv.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	c := redis.NewClient(opt)
	t.Cleanup(func() { _ = c.Close() })
	ctx := context.Background()
	keys := []string{"parley:test:idem:" + t.Name() + ":lock", "parley:test:idem:" + t.Name() + ":state"}
	t.Cleanup(func() { c.Del(context.Background(), keys...) })
	if err := c.Set(ctx, keys[1], "state", 0).Err(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, token string
		want        int64
	}{
		{"first call takes the lock", "tok-a", 1},
		{"the same call again (a retry) holds it still", "tok-a", 1},
		{"another token waits", "tok-b", 0},
	}
	for _, tc := range tests {
		res, err := acquireScript.Run(ctx, c, keys, tc.token, 30000, 60000).Slice()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if n, _ := res[0].(int64); n != tc.want {
			t.Errorf("%s: got %d, want %d", tc.name, n, tc.want)
		}
		if tc.want == 1 && (len(res) < 2 || res[1] != "state") {
			t.Errorf("%s: state %v, want it read with the lock", tc.name, res[1:])
		}
	}
}
