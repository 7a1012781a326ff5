package httpapi_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/httpapi"
)

func TestCachedCheck(t *testing.T) {
	down := errors.New("down")
	type probe struct {
		advance time.Duration // clock moves before the probe
		result  error         // what the dependency answers if asked
		cancel  bool          // the prober has gone away
		want    error
		calls   int // dependency calls so far, after this probe
	}
	for _, c := range []struct {
		name   string
		probes []probe
	}{
		{"reused within ttl", []probe{{0, nil, false, nil, 1}, {9 * time.Second, down, false, nil, 1}}},
		{"asked again after ttl", []probe{{0, nil, false, nil, 1}, {10 * time.Second, down, false, down, 2}, {time.Second, nil, false, down, 2}}},
		{"failures are cached too", []probe{{0, down, false, down, 1}, {time.Second, nil, false, down, 1}, {10 * time.Second, nil, false, nil, 2}}},
		{"a cancelled probe is not kept", []probe{{0, context.Canceled, true, context.Canceled, 1}, {0, nil, false, nil, 2}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			now := time.Unix(1_800_000_000, 0)
			calls := 0
			var answer error
			chk := httpapi.CachedCheck(httpapi.Check{Name: "s3", Optional: true, Func: func(ctx context.Context) error {
				calls++
				if _, ok := ctx.Deadline(); !ok {
					t.Error("the dependency was asked without a deadline")
				}
				return answer
			}}, 10*time.Second, time.Second, func() time.Time { return now })
			if chk.Name != "s3" || !chk.Optional {
				t.Errorf("wrapped check lost its name or optionality: %+v", chk)
			}
			for i, p := range c.probes {
				now = now.Add(p.advance)
				answer = p.result
				ctx, cancel := context.WithCancel(context.Background())
				if p.cancel {
					cancel()
				}
				got := chk.Func(ctx)
				cancel()
				if !errors.Is(got, p.want) || (p.want == nil) != (got == nil) {
					t.Errorf("probe %d: %v, want %v", i, got, p.want)
				}
				if calls != p.calls {
					t.Errorf("probe %d: %d dependency calls, want %d", i, calls, p.calls)
				}
			}
		})
	}
}
