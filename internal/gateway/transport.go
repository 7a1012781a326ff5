package gateway

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Errors the transport returns; the proxy's error handler maps them to statuses.
var (
	errNoTarget     = errors.New("upstream has no targets")
	errBreakerOpen  = errors.New("upstream circuit breaker is open")
	errRouteTimeout = errors.New("upstream did not answer within the route timeout")
)

// newBaseTransport is the connection pool shared by every route and every
// configuration generation, so that a reload keeps warm connections.
func newBaseTransport() *http.Transport {
	d := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}
	return &http.Transport{
		Proxy:                 nil, // an edge proxy must not obey HTTP_PROXY
		DialContext:           d.DialContext,
		MaxIdleConns:          0,
		MaxIdleConnsPerHost:   1024, // the default of 2 churns connections and exhausts ports
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   5 * time.Second,
		ExpectContinueTimeout: time.Second,
		DisableCompression:    true, // pass bodies through exactly as the upstream encoded them
		ForceAttemptHTTP2:     true,
		WriteBufferSize:       32 << 10,
		ReadBufferSize:        32 << 10,
	}
}

// routeTransport is the RoundTripper behind one route: it picks a target per
// attempt, enforces the route timeout until response headers, retries
// idempotent requests under the upstream's retry budget, and feeds the
// breaker, the outlier detector and the balancer's counters.
type routeTransport struct {
	pool     *pool
	base     http.RoundTripper
	timeout  time.Duration
	attempts int
}

func (rt *routeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	a, err := rt.begin()
	if err != nil {
		return nil, err
	}
	retryable := isIdempotent(req)
	for {
		t := a.next()
		if t == nil {
			return nil, a.noTarget()
		}
		resp, err := rt.try(req, t)
		failed := err != nil || isFailureStatus(resp.StatusCode)
		if err != nil && (req.Context().Err() != nil || errors.As(err, new(clientBodyError))) {
			a.rt.pool.breaker.done(a.ticket, false) // the client went away or sent too much; the upstream is not to blame
			return nil, err
		}
		if a.again(t, failed, retryable) {
			if resp != nil {
				drainAndClose(resp.Body)
			}
			continue
		}
		return resp, err
	}
}

// attempts is one request's way through an upstream: the breaker's
// verdict, the targets tried, the retry budget. Both the net/http path
// (RoundTrip) and the fasthttp-native path run their attempts through it.
type attempts struct {
	rt     *routeTransport
	ticket breakerTicket // the breaker's admission, told the outcome once
	tried  [4]*target    // the targets tried, while they fit
	more   []*target     // all of them, once they do not
	n      int
}

// begin starts a request: a deposit in the retry budget and the breaker's
// permission (errBreakerOpen when it refuses).
func (rt *routeTransport) begin() (attempts, error) {
	rt.pool.budget.deposit()
	ticket, err := rt.pool.breaker.allow()
	if err != nil {
		return attempts{}, err
	}
	return attempts{rt: rt, ticket: ticket}, nil
}

// next picks the target of the next attempt (nil: none left).
func (a *attempts) next() *target {
	skip := a.more
	if a.n <= len(a.tried) {
		skip = a.tried[:a.n]
	}
	t := a.rt.pool.pick(skip)
	if t == nil {
		return nil
	}
	switch {
	case a.n < len(a.tried):
		a.tried[a.n] = t
	case a.more == nil:
		a.more = append(append(make([]*target, 0, 2*len(a.tried)), a.tried[:]...), t)
	default:
		a.more = append(a.more, t)
	}
	a.n++
	return t
}

// noTarget ends the request when next found no target.
func (a *attempts) noTarget() error {
	a.rt.pool.breaker.done(a.ticket, true)
	return errNoTarget
}

// again records an attempt's result on t and reports whether to retry
// (on another target, under the budget); when not, the request has ended
// and the breaker has been told.
func (a *attempts) again(t *target, failed, retryable bool) bool {
	p := a.rt.pool
	p.recordResult(t, failed)
	if failed && retryable && a.n-1 < a.rt.attempts && len(p.targets) > 1 && p.budget.withdraw() {
		p.metrics.retries.Inc()
		return true
	}
	p.breaker.done(a.ticket, failed)
	return false
}

// try makes one attempt against t.
func (rt *routeTransport) try(req *http.Request, t *target) (*http.Response, error) {
	if h1, ok := rt.base.(*h1Transport); ok && t.url.Scheme == "http" && fastReq(req) {
		return rt.tryH1(h1, req, t)
	}
	ctx, cancel := context.WithCancelCause(req.Context())
	timer := time.AfterFunc(rt.timeout, func() { cancel(errRouteTimeout) })
	stop := timer.Stop
	if sb, ok := req.Body.(*streamBody); ok {
		// The upstream answers a streamed upload once it has it all: the
		// route timeout counts from the last byte the client sent, until
		// the answer's header is in.
		var mu sync.Mutex
		stopped := false
		sb.onProgress(func() {
			mu.Lock()
			if !stopped {
				timer.Reset(rt.timeout)
			}
			mu.Unlock()
		})
		stop = func() bool {
			mu.Lock()
			defer mu.Unlock()
			stopped = true
			return timer.Stop()
		}
	}
	out := req.WithContext(ctx)
	u := *req.URL
	u.Scheme, u.Host = t.url.Scheme, t.url.Host
	out.URL = &u
	if !*rt.pool.cfg.PreserveHost {
		out.Host = ""
	}
	t.outstanding.Add(1)
	start := time.Now()
	resp, err := rt.base.RoundTrip(out)
	if !stop() {
		if err == nil {
			drainAndClose(resp.Body)
		}
		t.outstanding.Add(-1)
		cancel(nil)
		return nil, errRouteTimeout
	}
	if err != nil {
		t.outstanding.Add(-1)
		cancel(nil)
		return nil, err
	}
	t.observe(time.Since(start))
	if rwc, ok := resp.Body.(io.ReadWriteCloser); ok && resp.StatusCode == http.StatusSwitchingProtocols {
		// The upgraded connection is no longer the transport's: canceling
		// ctx now is harmless, and the proxy needs the ReadWriteCloser.
		resp.Body = &trackedRWC{ReadWriteCloser: rwc, release: func() { t.outstanding.Add(-1); cancel(nil) }}
	} else {
		resp.Body = &trackedBody{ReadCloser: resp.Body, t: t, cancel: cancel}
	}
	return resp, nil
}

// tryH1 is try on the HTTP/1.1 fast path: the target address and Host go
// to the transport as arguments and the route timeout is a connection
// deadline, which spares a request copy, a derived context and a timer per
// attempt.
func (rt *routeTransport) tryH1(h1 *h1Transport, req *http.Request, t *target) (*http.Response, error) {
	host := t.url.Host
	if *rt.pool.cfg.PreserveHost && req.Host != "" {
		host = req.Host
	}
	t.outstanding.Add(1)
	start := time.Now()
	resp, err := h1.roundTripTo(req, t.url.Host, host, start, rt.timeout)
	if err != nil {
		t.outstanding.Add(-1)
		return nil, err
	}
	t.observe(time.Since(start))
	resp.Body = &trackedBody{ReadCloser: resp.Body, t: t}
	return resp, nil
}

// isIdempotent reports whether req may be sent twice: a safe or idempotent
// method with no body to replay. POST and PATCH are never retried.
func isIdempotent(req *http.Request) bool {
	switch req.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace, http.MethodPut, http.MethodDelete:
	default:
		return false
	}
	return req.ContentLength == 0 && (req.Body == nil || req.Body == http.NoBody)
}

func isFailureStatus(code int) bool {
	return code == http.StatusBadGateway || code == http.StatusServiceUnavailable || code == http.StatusGatewayTimeout
}

func drainAndClose(b io.ReadCloser) {
	_, _ = io.CopyN(io.Discard, b, 64<<10)
	_ = b.Close()
}

// trackedBody ends the attempt once, when the response body is closed:
// the request stops counting as outstanding on t, and cancel (if any)
// releases the attempt's context.
type trackedBody struct {
	io.ReadCloser
	t      *target
	cancel context.CancelCauseFunc
	closed atomic.Bool
}

func (b *trackedBody) Close() error {
	err := b.ReadCloser.Close()
	if b.closed.CompareAndSwap(false, true) {
		b.t.outstanding.Add(-1)
		if b.cancel != nil {
			b.cancel(nil)
		}
	}
	return err
}

// trackedRWC is trackedBody for upgraded (WebSocket) connections.
type trackedRWC struct {
	io.ReadWriteCloser
	once    sync.Once
	release func()
}

func (b *trackedRWC) Close() error {
	err := b.ReadWriteCloser.Close()
	b.once.Do(b.release)
	return err
}
