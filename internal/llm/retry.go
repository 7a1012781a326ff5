package llm

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/openai/openai-go"
)

// Backoff shapes the waits between retries of one provider.
type Backoff struct {
	// Base is the first wait before jitter (default 250ms); it doubles per retry.
	Base time.Duration
	// Max caps a computed wait (default 4s).
	Max time.Duration
	// MaxRetryAfter is the longest Retry-After the client will wait out
	// (default 10s); a longer one ends the retries so a fallback can answer.
	MaxRetryAfter time.Duration
}

func (b Backoff) withDefaults() Backoff {
	if b.Base <= 0 {
		b.Base = 250 * time.Millisecond
	}
	if b.Max <= 0 {
		b.Max = 4 * time.Second
	}
	if b.MaxRetryAfter <= 0 {
		b.MaxRetryAfter = 10 * time.Second
	}
	return b
}

// delay is the wait before retry number n (0-based): exponential with
// "equal jitter", half fixed and half random, so that many clients failing
// together do not retry together.
func (b Backoff) delay(n int) time.Duration {
	d := b.Base << min(n, 30)
	if d <= 0 || d > b.Max {
		d = b.Max
	}
	half := d / 2
	return half + time.Duration(rand.Int64N(int64(half)+1))
}

// errAttemptTimeout is the cancellation cause of an attempt that ran out of time.
var errAttemptTimeout = errors.New("llm attempt timed out")

// errIncompleteStream reports a stream that ended without a finish reason.
var errIncompleteStream = errors.New("llm stream ended before a finish reason")

// verdict says whether and how soon a failed attempt may be retried.
type verdict struct {
	retry   bool
	reason  string        // metric label
	after   time.Duration // server-requested wait (Retry-After), 0 if none
	tooLong bool          // Retry-After beyond the client's patience
}

// classify decides whether err is worth retrying: rate limits (429), request
// timeouts (408), conflicts (409), server errors (5xx), our own per-attempt
// timeouts and network failures are; everything else (400, 401, 403, 404,
// malformed bodies) would fail the same way again.
func classify(err error, b Backoff) verdict {
	var apiErr *openai.Error
	switch {
	case errors.As(err, &apiErr):
		s := apiErr.StatusCode
		if s != http.StatusTooManyRequests && s != http.StatusRequestTimeout &&
			s != http.StatusConflict && s < 500 {
			return verdict{reason: strconv.Itoa(s)}
		}
		v := verdict{retry: true, reason: strconv.Itoa(s)}
		if apiErr.Response != nil {
			if ra, ok := retryAfter(apiErr.Response.Header, time.Now()); ok {
				v.after = ra
				if ra > b.MaxRetryAfter {
					v.retry, v.tooLong = false, true
				}
			}
		}
		return v
	case errors.Is(err, errTooLarge):
		return verdict{reason: "too_large"}
	case errors.As(err, new(*notAPIError)):
		return verdict{reason: "not_api"}
	case errors.As(err, new(*errorBody)):
		// A proxy reporting its upstream's failure with status 200.
		return verdict{retry: true, reason: "error_body"}
	case isTLSError(err):
		// Retrying does not make a certificate trusted.
		return verdict{reason: "tls"}
	case errors.Is(err, errAttemptTimeout):
		return verdict{retry: true, reason: "timeout"}
	case errors.Is(err, errIncompleteStream):
		return verdict{retry: true, reason: "incomplete_stream"}
	case isNetworkError(err):
		return verdict{retry: true, reason: "network"}
	}
	return verdict{reason: "other"}
}

func isTLSError(err error) bool {
	var (
		verr *tls.CertificateVerificationError
		uerr x509.UnknownAuthorityError
		herr x509.HostnameError
		cerr x509.CertificateInvalidError
		rerr tls.RecordHeaderError
	)
	return errors.As(err, &verr) || errors.As(err, &uerr) || errors.As(err, &herr) ||
		errors.As(err, &cerr) || errors.As(err, &rerr)
}

func isNetworkError(err error) bool {
	var netErr net.Error
	return errors.As(err, &netErr) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, io.EOF)
}

// retryAfter reads the wait a server asked for: retry-after-ms (OpenAI),
// Retry-After as seconds or an HTTP date (RFC 9110), or, without either,
// the reset time of an exhausted x-ratelimit-* quota (OpenAI, Groq:
// "x-ratelimit-remaining-tokens: 0", "x-ratelimit-reset-tokens: 7m12s").
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	if d, ok := retryAfterHeader(h, now); ok {
		return d, true
	}
	var wait time.Duration
	found := false
	for _, quota := range []string{"requests", "tokens"} {
		if strings.TrimSpace(h.Get("X-Ratelimit-Remaining-"+quota)) != "0" {
			continue
		}
		if d, err := time.ParseDuration(strings.TrimSpace(h.Get("X-Ratelimit-Reset-" + quota))); err == nil && d >= 0 {
			wait, found = max(wait, d), true
		}
	}
	return wait, found
}

func retryAfterHeader(h http.Header, now time.Time) (time.Duration, bool) {
	if v := h.Get("Retry-After-Ms"); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms >= 0 {
			return time.Duration(ms * float64(time.Millisecond)), true
		}
	}
	v := h.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
		return time.Duration(s * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// sleepCtx waits d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
