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
//
// It runs on every limited request (the gateway's included), so it writes
// the canonical keys straight into the map, as Header.Set would, and
// carves every value out of one string and every value slice out of one
// array: two allocations instead of one or two per header.
func WriteHeaders(h http.Header, res Result) {
	var buf [5 * 24]byte
	b := strconv.AppendInt(buf[:0], int64(res.Limit.Burst), 10)
	ends := [5]int{len(b)}
	b = strconv.AppendInt(b, int64(max(res.Remaining, 0)), 10)
	ends[1] = len(b)
	b = strconv.AppendInt(b, ceilSeconds(res.ResetAfter), 10)
	ends[2] = len(b)
	b = strconv.AppendInt(b, int64(res.Limit.Rate), 10)
	b = append(b, ";w="...)
	b = strconv.AppendInt(b, ceilSeconds(res.Limit.Period), 10)
	ends[3] = len(b)
	n := 4
	if !res.Allowed {
		b = strconv.AppendInt(b, max(ceilSeconds(res.RetryAfter), 1), 10)
		ends[4] = len(b)
		n = 5
	}
	s := string(b)
	vs := make([]string, n)
	start := 0
	for i := range n {
		vs[i] = s[start:ends[i]]
		start = ends[i]
	}
	// Capacity 1 each, so that an Add to one header cannot overwrite the next.
	h["Ratelimit-Limit"] = vs[0:1:1]
	h["Ratelimit-Remaining"] = vs[1:2:2]
	h["Ratelimit-Reset"] = vs[2:3:3]
	h["Ratelimit-Policy"] = vs[3:4:4]
	if !res.Allowed {
		h["Retry-After"] = vs[4:5:5]
	}
}

func ceilSeconds(d time.Duration) int64 {
	if d <= 0 {
		return 0
	}
	return int64((d + time.Second - 1) / time.Second)
}

// The fields' values for writers that set them one by one without
// allocating (the gateway's fasthttp path): the limit's own fields,
// formatted once per limit, and the result's, appended to a buffer. They
// are WriteHeaders's values.

// LimitField is RateLimit-Limit's value for l.
func (l Limit) LimitField() []byte { return strconv.AppendInt(nil, int64(l.Burst), 10) }

// PolicyField is RateLimit-Policy's value for l.
func (l Limit) PolicyField() []byte {
	b := strconv.AppendInt(nil, int64(l.Rate), 10)
	b = append(b, ";w="...)
	return strconv.AppendInt(b, ceilSeconds(l.Period), 10)
}

// AppendRemaining appends RateLimit-Remaining's value for res.
func AppendRemaining(b []byte, res Result) []byte {
	return strconv.AppendInt(b, int64(max(res.Remaining, 0)), 10)
}

// AppendReset appends RateLimit-Reset's value for res.
func AppendReset(b []byte, res Result) []byte {
	return strconv.AppendInt(b, ceilSeconds(res.ResetAfter), 10)
}

// AppendRetryAfter appends Retry-After's value for a refused res.
func AppendRetryAfter(b []byte, res Result) []byte {
	return strconv.AppendInt(b, max(ceilSeconds(res.RetryAfter), 1), 10)
}
