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

// ByteHeader is a response header that copies the values it is given
// (fasthttp's ResponseHeader is one). Keys come in canonical form
// (Ratelimit-Limit), so that the header need not normalise them.
type ByteHeader interface {
	SetCanonical(key, value []byte)
}

// The fields' names in canonical form, for ByteHeader.
var (
	keyLimit      = []byte("Ratelimit-Limit")
	keyRemaining  = []byte("Ratelimit-Remaining")
	keyReset      = []byte("Ratelimit-Reset")
	keyPolicy     = []byte("Ratelimit-Policy")
	keyRetryAfter = []byte("Retry-After")
)

// WriteHeaderBytes is WriteHeaders for a ByteHeader: the same fields and
// values, built in one stack buffer, with no allocation.
func WriteHeaderBytes(h ByteHeader, res Result) {
	var buf [24]byte
	h.SetCanonical(keyLimit, strconv.AppendInt(buf[:0], int64(res.Limit.Burst), 10))
	h.SetCanonical(keyRemaining, strconv.AppendInt(buf[:0], int64(max(res.Remaining, 0)), 10))
	h.SetCanonical(keyReset, strconv.AppendInt(buf[:0], ceilSeconds(res.ResetAfter), 10))
	var pol [48]byte
	b := strconv.AppendInt(pol[:0], int64(res.Limit.Rate), 10)
	b = append(b, ";w="...)
	h.SetCanonical(keyPolicy, strconv.AppendInt(b, ceilSeconds(res.Limit.Period), 10))
	if !res.Allowed {
		h.SetCanonical(keyRetryAfter, strconv.AppendInt(buf[:0], max(ceilSeconds(res.RetryAfter), 1), 10))
	}
}
