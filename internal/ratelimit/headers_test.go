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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			ratelimit.WriteHeaders(h, tt.res)
			if d := cmp.Diff(tt.want, h); d != "" {
				t.Errorf("headers (-want +got):\n%s", d)
			}
		})
	}
}
