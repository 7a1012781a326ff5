package gateway

import (
	"bytes"
	"context"
	"io"
	"net/netip"
	"sync"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/parleyhq/parley/internal/ratelimit"
)

// The fasthttp-native ordinary path. serveOrdinaryFH builds a net/http
// request and header map over fasthttp's, the route edits the map, the
// HTTP/1.1 transport writes it and parses the answer into an
// http.Response, and the answer is copied back into fasthttp's response:
// on the benchmark's small answers that layer was about a sixth of the
// gateway's CPU. Here an ordinary request stays in fasthttp's types: the
// edge checks read fasthttp's header, the outbound request is written
// straight from it (hop-by-hop fields, Forwarded and the gateway's own
// fields skipped on the way, X-Forwarded-*, the request id and the trace
// context appended) to a pooled connection of the same HTTP/1.1 transport,
// and a simple answer (see parseHeadFH) is copied from the connection's
// buffer into fasthttp's response. Anything else the upstream answers —
// chunked or until-close bodies, Connection, trailers, 1xx, 204, 304 — is
// read by net/http's parser and streamed as on the fasthttp path before.
// The balancer, breaker, retry budget, outlier ejection, metrics and
// problem answers are the same as on every other path.

// serveNative serves an ordinary request (ordinaryFH) on fasthttp's types.
// Routes with a target the HTTP/1.1 transport cannot reach (https) and
// targets it would escape go to serveOrdinaryFH.
// in are fc's fields (see inFields).
func (g *Gateway) serveNative(fc *fasthttp.RequestCtx, in *inFields) {
	st := g.state.Load()
	h := &fc.Request.Header
	uri := h.RequestURI()
	if !plainURI(uri) {
		g.serveOrdinaryFH(fc)
		return
	}
	path := uri
	if i := bytes.IndexByte(uri, '?'); i >= 0 {
		path = uri[:i]
	}
	if int64(h.ContentLength()) > st.cfg.MaxRequestBody {
		writeTooLargeFH(fc)
		return
	}
	rt := st.match(b2s(path), methodString(h.Method()), b2s(h.Host()))
	if rt != nil && !rt.native {
		g.serveOrdinaryFH(fc)
		return
	}
	// One outbound per request, on this stack: its ids are needed for a
	// 404 too.
	var out outbound
	ids := &out.ids
	ids.stamp(in)
	if rt == nil {
		fc.Response.Header.SetCanonical(keyRequestID, ids.id())
		writeProblemFH(fc, problem{Status: 404, Detail: "no route matches this request", RequestID: string(ids.id())})
		return
	}
	start := time.Now()
	status, at := rt.serveNative(fc, &out, in, start)
	rt.metrics.count(status)
	rt.metrics.duration.Observe(at.Sub(start).Seconds())
}

// nativeBodies hold the streamed bodies the native path reads whole.
var nativeBodies = sync.Pool{New: func() any { return new([]byte) }}

// nativeBody returns fc's body whole: a body fasthttp has read, or the
// streamed one (of declared length, at most h1MaxBody: see ordinaryFH)
// read into held, which goes back to nativeBodies once the request is
// sent. An error is the client's: a body that ended short or too late.
func nativeBody(fc *fasthttp.RequestCtx) (body []byte, held *[]byte, err error) {
	if !fc.Request.IsBodyStream() {
		return fc.Request.Body(), nil, nil
	}
	n := fc.Request.Header.ContentLength()
	if n <= 0 {
		return nil, nil, nil
	}
	// fasthttp reads up to 8 KiB of a body ahead, into the request's
	// buffer, before the handler runs: a small body is all there. Taken
	// off the request, the stream is the server loop's to drain (it reads
	// the same bytes again, without a copy being kept).
	s := fc.RequestBodyStream()
	_ = fc.Request.CloseBodyStream()
	if b := fc.Request.Body(); len(b) == n {
		return b, nil, nil
	}
	held = nativeBodies.Get().(*[]byte)
	if cap(*held) < n {
		*held = make([]byte, n, h1MaxBody)
	}
	body = (*held)[:n]
	if _, err = io.ReadFull(s, body); err != nil {
		nativeBodies.Put(held)
		return nil, nil, err
	}
	return body, held, nil
}

// keyRequestID is X-Request-Id in fasthttp's canonical form, for
// SetCanonical (which skips normalising a key on every answer).
var keyRequestID = []byte("X-Request-Id")

// plainURI: an origin-form target the upstream may be sent as is (net/http
// would escape anything else), with a path that routes as it reads: no
// "//", "/." (dot segments, and "/.well-known" too: rare enough), ';' or
// '\\', which routePath judges on the other path. One table load per byte
// of the path decides the common case.
func plainURI(uri []byte) bool {
	for i, c := range uri {
		switch uriClass[c] {
		case uriPlain:
			continue
		case uriRefused:
			return false
		case uriSlashOrDot:
			if i > 0 && uri[i-1] == '/' {
				return false
			}
		case uriQuery:
			for _, c := range uri[i:] {
				if c <= ' ' || c >= 0x7f {
					return false
				}
			}
			return true
		}
	}
	return true
}

// The classes of a path's bytes for plainURI.
const (
	uriPlain = iota
	uriRefused
	uriSlashOrDot
	uriQuery
)

var uriClass = func() (t [256]uint8) {
	for c := range t {
		if c <= ' ' || c >= 0x7f || c == ';' || c == '\\' {
			t[c] = uriRefused
		}
	}
	t['/'], t['.'], t['?'] = uriSlashOrDot, uriSlashOrDot, uriQuery
	return t
}()

// serveNative is the route's part: edge checks, attempts, the answer. It
// returns the status sent and when the response header was known.
func (rt *route) serveNative(fc *fasthttp.RequestCtx, out *outbound, in *inFields, start time.Time) (int, time.Time) {
	h := &fc.Request.Header
	ids := &out.ids
	authz := b2s(in.authz)
	ctx := context.Background() // fasthttp does not report a client that went away
	if rt.limit != nil {
		if err := rt.limit.allowNative(ctx, fc, authz, start); err != nil {
			return writeEdgeErrorFH(fc, err, ids), time.Now()
		}
	}
	// The route timeout counts from when the request is sent, as on the
	// other paths: a JWKS refresh or a Redis round trip in the edge checks
	// is not the upstream's time. Without those, start is still now.
	sent := start
	if rt.limit != nil && rt.limit.mem == nil {
		sent = time.Time{}
	}
	if rt.auth != nil {
		slow, err := rt.auth.checkBearerSlow(ctx, authz, start)
		if err != nil {
			return writeEdgeErrorFH(fc, err, ids), time.Now()
		}
		if slow {
			sent = time.Time{}
		}
	}
	if sent.IsZero() {
		sent = time.Now()
	}
	body, held, err := nativeBody(fc)
	if err != nil {
		fastRequestError(fc, err)
		return fc.Response.StatusCode(), time.Now()
	}
	out.h, out.body = h, body
	out.idempotent = isIdempotentMethod(b2s(h.Method())) && len(out.body) == 0
	out.forwarded(fc, rt.trust, in)
	var ex nativeExchange
	err = rt.transport.exchangeNative(out, sent, &ex)
	if held != nil {
		out.body = nil
		nativeBodies.Put(held)
	}
	if err != nil {
		status, detail := proxyStatus(err)
		rt.logger.Warn("proxy error", "route", rt.cfg.Name, "upstream", rt.pool.name, "status", status, "err", err)
		fc.Response.Header.SetCanonical(keyRequestID, ids.id())
		writeProblemFH(fc, problem{Status: status, Detail: detail, RequestID: string(ids.id())})
		return status, time.Now()
	}
	ex.respond(fc, ids.id())
	return ex.status, ex.at
}

// exchangeNative runs the attempts of one request: targets chosen by the
// balancer, a retry on another target after a connection error or a
// 502/503/504 (idempotent requests, under the budget), the breaker and the
// outlier detector told. On success ex holds the final
// answer's header, not yet copied.
func (rt *routeTransport) exchangeNative(out *outbound, start time.Time, ex *nativeExchange) error {
	a, err := rt.begin()
	if err != nil {
		return err
	}
	h1 := rt.base.(*h1Transport) // route.native says so
	ex.h1 = h1
	for {
		t := a.next()
		if t == nil {
			return a.noTarget()
		}
		err := rt.tryNative(h1, out, t, ex, start)
		failed := err != nil || isFailureStatus(ex.status)
		if a.again(t, failed, out.idempotent) {
			if err == nil {
				ex.discard()
			}
			start = time.Now()
			continue
		}
		return err
	}
}

// tryNative makes one attempt against t: the request written on a pooled
// connection (a stale one replaced, as roundTripTo does) and the answer's
// header read into ex. The route timeout bounds both, as on the HTTP/1.1
// path.
func (rt *routeTransport) tryNative(h1 *h1Transport, out *outbound, t *target, ex *nativeExchange, now time.Time) error {
	host := t.url.Host
	if *rt.pool.cfg.PreserveHost {
		if hh := out.h.Host(); len(hh) > 0 {
			host = b2s(hh)
		}
	}
	t.outstanding.Add(1)
	c, err := h1.sendNative(out, t.url.Host, host, now, rt.timeout)
	if err == nil {
		err = ex.readHead(c)
		if err != nil {
			c.nc.Close()
			err = timeoutErr(err)
		}
	}
	if err != nil {
		t.outstanding.Add(-1)
		ex.status = 0
		return err
	}
	ex.at = time.Now()
	t.observe(ex.at.Sub(now))
	ex.t = t
	return nil
}

// allowNative is the rate limit on the native path: the key built on the
// stack, the in-process limiter asked with the request's clock reading,
// the fields written on fc's response (a refusal is returned as an error).
// No allocation for a key the limiter knows.
func (l *routeLimit) allowNative(ctx context.Context, fc *fasthttp.RequestCtx, authz string, now time.Time) error {
	var buf [128]byte
	key := l.appendKey(buf[:0], authz, func() netip.Addr {
		return l.resolver.ClientIPFrom(remoteAddr(fc), func() []string { return headerValues(&fc.Request.Header, "X-Forwarded-For") })
	})
	var res ratelimit.Result
	var err error
	if l.mem != nil {
		res, err = l.mem.AllowAt(key, l.limit, now)
	} else {
		res, err = l.limiter.Allow(ctx, string(key), l.limit)
	}
	if l.judge(ctx, err) {
		return nil
	}
	l.writeFields(&fc.Response.Header, res)
	if !res.Allowed {
		return refusal(res)
	}
	return nil
}

// The rate-limit fields' names in fasthttp's canonical form, for
// SetCanonical.
var (
	keyRateLimit     = []byte("Ratelimit-Limit")
	keyRateRemaining = []byte("Ratelimit-Remaining")
	keyRateReset     = []byte("Ratelimit-Reset")
	keyRatePolicy    = []byte("Ratelimit-Policy")
	keyRetryAfter    = []byte("Retry-After")
)

// writeFields is ratelimit.WriteHeaders on fasthttp's header (the same
// fields and values), the limit's own values formatted once per route.
func (l *routeLimit) writeFields(rh *fasthttp.ResponseHeader, res ratelimit.Result) {
	var buf [24]byte
	rh.SetCanonical(keyRateLimit, l.limitField)
	rh.SetCanonical(keyRateRemaining, ratelimit.AppendRemaining(buf[:0], res))
	rh.SetCanonical(keyRateReset, ratelimit.AppendReset(buf[:0], res))
	rh.SetCanonical(keyRatePolicy, l.policyField)
	if !res.Allowed {
		rh.SetCanonical(keyRetryAfter, ratelimit.AppendRetryAfter(buf[:0], res))
	}
}

// remoteAddr is the client connection's address (invalid when unknown).
func remoteAddr(fc *fasthttp.RequestCtx) netip.Addr {
	a, _ := netip.AddrFromSlice(fc.RemoteIP())
	return a.Unmap()
}

// headerValues returns every value of the header key, in order (copies;
// only the rare trusted-proxy paths ask).
func headerValues(h *fasthttp.RequestHeader, key string) []string {
	var vs []string
	for k, v := range h.AllInOrder() {
		if string(k) == key {
			vs = append(vs, string(v))
		}
	}
	return vs
}

// isIdempotentMethod is isIdempotent's method half.
func isIdempotentMethod(m string) bool {
	switch m {
	case "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE":
		return true
	}
	return false
}

// reqIDs are the request id and traceparent sent upstream (see stamp),
// computed without editing the inbound header. They are kept as offsets
// into buf (and the inbound id), not as slices of buf: a struct pointing
// into itself would be moved to the heap on every request.
type reqIDs struct {
	buf        [32 + 55]byte
	in         []byte // the inbound id when it is kept, else nil
	tpStart    uint8
	freshTrace bool // the inbound traceparent was absent or invalid: Tracestate is dropped
}

func (s *reqIDs) stamp(in *inFields) {
	b := s.buf[:0]
	s.in = in.requestID
	if len(s.in) == 0 || len(s.in) > 128 || !printable(b2s(s.in)) {
		s.in = nil
		b = appendRandomHex(b, 16)
	}
	s.tpStart = uint8(len(b))
	_, s.freshTrace = appendTraceparent(b, b2s(in.traceparent))
}

// id is the request id.
func (s *reqIDs) id() []byte {
	if s.in != nil {
		return s.in
	}
	return s.buf[:32]
}

// tp is the traceparent to send upstream.
func (s *reqIDs) tp() []byte { return s.buf[s.tpStart : int(s.tpStart)+55] }

// writeEdgeErrorFH is writeEdgeError on fasthttp's response; it returns
// the status.
func writeEdgeErrorFH(fc *fasthttp.RequestCtx, err error, ids *reqIDs) int {
	status := edgeStatus(err)
	rh := &fc.Response.Header
	rh.SetCanonical(keyRequestID, ids.id())
	if status == 401 {
		rh.Set("WWW-Authenticate", `Bearer error="invalid_token"`)
	}
	writeProblemFH(fc, problem{Status: status, Detail: publicMessage(err), RequestID: string(ids.id())})
	return status
}

// writeProblemFH is writeProblem on fasthttp's response (headers already
// set on it, such as RateLimit-*, stay).
func writeProblemFH(fc *fasthttp.RequestCtx, p problem) {
	b := problemJSON(p)
	fc.SetStatusCode(p.Status)
	fc.Response.Header.Set("Content-Type", "application/problem+json")
	fc.Response.Header.Set("Cache-Control", "no-store")
	fc.SetBody(b)
}
