package ratelimit

import (
	"net/http"
	"strconv"
	"time"
)

// WriteHeaders sets the rate-limit response headers of res on h, in the
// form of the IETF httpapi draft "RateLimit header fields for HTTP"
// (RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset as delta-seconds,
// RateLimit-Policy), and Retry-After (RFC 9110 §10.2.3) when the request was
// refused. Seconds round up so that a client that waits as told is admitted.
func WriteHeaders(h http.Header, res Result) {
	h.Set("RateLimit-Limit", strconv.Itoa(res.Limit.Burst))
	h.Set("RateLimit-Remaining", strconv.Itoa(max(res.Remaining, 0)))
	h.Set("RateLimit-Reset", strconv.FormatInt(ceilSeconds(res.ResetAfter), 10))
	h.Set("RateLimit-Policy", strconv.Itoa(res.Limit.Rate)+";w="+strconv.FormatInt(ceilSeconds(res.Limit.Period), 10))
	if !res.Allowed {
		h.Set("Retry-After", strconv.FormatInt(max(ceilSeconds(res.RetryAfter), 1), 10))
	}
}

func ceilSeconds(d time.Duration) int64 {
	if d <= 0 {
		return 0
	}
	return int64((d + time.Second - 1) / time.Second)
}
