package ratelimit_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/ratelimit"
)

func TestWriteHeaders(t *testing.T) {
	limit := ratelimit.Limit{Rate: 60, Burst: 10, Period: time.Minute}
	tests := []struct {
		name string
		res  ratelimit.Result
		want http.Header
	}{
		{
			name: "allowed",
			res:  ratelimit.Result{Allowed: true, Remaining: 7, ResetAfter: 2500 * time.Millisecond, Limit: limit},
			want: http.Header{"Ratelimit-Limit": {"10"}, "Ratelimit-Remaining": {"7"}, "Ratelimit-Reset": {"3"}, "Ratelimit-Policy": {"60;w=60"}},
		},
		{
			name: "refused rounds retry up",
			res:  ratelimit.Result{Allowed: false, RetryAfter: 1100 * time.Millisecond, ResetAfter: 10 * time.Second, Limit: limit},
			want: http.Header{"Ratelimit-Limit": {"10"}, "Ratelimit-Remaining": {"0"}, "Ratelimit-Reset": {"10"}, "Ratelimit-Policy": {"60;w=60"}, "Retry-After": {"2"}},
		},
		{
			name: "refused with sub-second wait still says 1",
			res:  ratelimit.Result{Allowed: false, RetryAfter: time.Millisecond, Limit: limit},
			want: http.Header{"Ratelimit-Limit": {"10"}, "Ratelimit-Remaining": {"0"}, "Ratelimit-Reset": {"0"}, "Ratelimit-Policy": {"60;w=60"}, "Retry-After": {"1"}},
		},
		{
			name: "large values and an existing value replaced",
			res:  ratelimit.Result{Allowed: true, Remaining: 999999999, ResetAfter: 90 * time.Minute, Limit: ratelimit.Limit{Rate: 1000000000, Burst: 1000000000, Period: time.Second}},
			want: http.Header{"Ratelimit-Limit": {"1000000000"}, "Ratelimit-Remaining": {"999999999"}, "Ratelimit-Reset": {"5400"}, "Ratelimit-Policy": {"1000000000;w=1"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{"Ratelimit-Limit": {"stale"}}
			ratelimit.WriteHeaders(h, tt.res)
			if d := cmp.Diff(tt.want, h); d != "" {
				t.Errorf("headers (-want +got):\n%s", d)
			}
		})
	}
}

// The values share backing storage; adding to one header must leave the
// others as they were.
func TestWriteHeadersAddKeepsOthers(t *testing.T) {
	h := http.Header{}
	ratelimit.WriteHeaders(h, ratelimit.Result{Allowed: false, RetryAfter: time.Second, Limit: ratelimit.PerSecond(5)})
	for _, k := range []string{"Ratelimit-Limit", "Ratelimit-Remaining", "Ratelimit-Reset", "Ratelimit-Policy"} {
		h.Add(k, "extra")
	}
	want := http.Header{
		"Ratelimit-Limit": {"5", "extra"}, "Ratelimit-Remaining": {"0", "extra"}, "Ratelimit-Reset": {"0", "extra"},
		"Ratelimit-Policy": {"5;w=1", "extra"}, "Retry-After": {"1"},
	}
	if d := cmp.Diff(want, h); d != "" {
		t.Errorf("headers (-want +got):\n%s", d)
	}
}

func BenchmarkWriteHeaders(b *testing.B) {
	res := ratelimit.Result{Allowed: true, Remaining: 999999, ResetAfter: time.Millisecond, Limit: ratelimit.PerSecond(1000000)}
	b.ReportAllocs()
	for b.Loop() {
		ratelimit.WriteHeaders(make(http.Header, 8), res)
	}
}
