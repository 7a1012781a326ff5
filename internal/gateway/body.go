package gateway

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/valyala/fasthttp"
	"github.com/valyala/fasthttp/fasthttpadaptor"
)

// Request bodies on the fasthttp front end. fasthttp used to read a body
// whole (up to 64 MiB) before the handler ran: many slow or large uploads
// could exhaust the gateway's memory, and an upload reached the upstream
// only once complete. The server now streams bodies (StreamRequestBody):
// one of at most h1MaxBody bytes is still read whole, by the native path
// or by the adaptor, and sent as before; a larger or chunked one is handed
// to net/http's transport as a reader over the client connection, so that
// a connection holds its buffers and no more. max_request_body bounds
// both: a declared length past it is refused before a byte of the body is
// read, and a chunked body that grows past it fails mid-way, which cuts
// the upstream request short (no last chunk: the upstream cannot take it
// as whole) and answers the client 413. A streamed body is not held by the
// gateway, so it is never retried (isIdempotent: only bodyless requests
// are).

// errBodyTooLarge is a streamed body past max_request_body.
var errBodyTooLarge = errors.New("the request body is larger than the gateway accepts")

// clientBodyError is a failure reading the client's streamed body: the
// client's fault (or the limit's), not the upstream's.
type clientBodyError struct{ err error }

func (e clientBodyError) Error() string { return "reading the request body: " + e.err.Error() }
func (e clientBodyError) Unwrap() error { return e.err }

// streamBody is a streamed request body as the net/http transport reads
// it: at most left more bytes, reads serialised with Close so that the
// server loop, which drains what is left once the handler returns, never
// reads the connection alongside a transport goroutine still writing the
// request.
type streamBody struct {
	mu       sync.Mutex
	r        io.Reader
	left     int64  // bytes still allowed by max_request_body
	closed   bool   // no more reads: the handler is done
	eof      bool   // the body was read to its end
	progress func() // called after each read that got bytes (see routeTransport.try)
}

func (b *streamBody) Read(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return 0, clientBodyError{errors.New("the request is over")}
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1] // one byte past the limit tells it is exceeded
	}
	n, err := b.r.Read(p)
	if int64(n) > b.left {
		b.left = -1
		return 0, clientBodyError{errBodyTooLarge}
	}
	b.left -= int64(n)
	if n > 0 && b.progress != nil {
		b.progress()
	}
	if err == io.EOF {
		b.eof = true
	} else if err != nil {
		err = clientBodyError{err}
	}
	return n, err
}

// Close ends reading; it waits for a read in progress.
func (b *streamBody) Close() error {
	b.finish()
	return nil
}

// finish ends reading and reports whether the body was read to its end.
func (b *streamBody) finish() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	return b.eof
}

// onProgress sets the function called after each read that got bytes.
func (b *streamBody) onProgress(f func()) {
	b.mu.Lock()
	b.progress = f
	b.mu.Unlock()
}

// slowRequest is what the fasthttp handler (and the Expect check before
// it) tell the adaptor's net/http handler about a request: the streamed
// body, and the route whose edge checks have already passed.
type slowRequest struct {
	tun    *fhTunnel // a WebSocket upgrade's (see tunnel.go)
	body   *streamBody
	length int64       // the declared length, -1 for chunked
	passed *route      // edge checks done by expect for this route
	fields http.Header // the fields they add to the answer (RateLimit-*)
}

// slowKey is fasthttp's user-value key for a *slowRequest.
type slowKey struct{}

func slowOf(fc *fasthttp.RequestCtx) *slowRequest {
	if v, ok := fc.UserValue(slowKey{}).(*slowRequest); ok {
		return v
	}
	return nil
}

// newSlowHandler returns the adaptor that runs Gateway.handle for the
// requests the native path does not take.
func (g *Gateway) newSlowHandler() fasthttp.RequestHandler {
	// The adaptor's request context is the RequestCtx, which fasthttp
	// cancels when shutdown starts; streams and WebSockets are to run on
	// until they end or shutdown_timeout passes, as on net/http.
	return fasthttpadaptor.NewFastHTTPHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fc, _ := r.Context().(*fasthttp.RequestCtx)
		r = r.WithContext(context.WithoutCancel(r.Context()))
		var sr *slowRequest
		if fc != nil {
			sr = slowOf(fc)
		}
		if sr != nil && sr.body != nil {
			r.Body, r.ContentLength = sr.body, sr.length
			defer func() {
				// An upstream that answered before taking the whole body
				// leaves the client still sending: the connection is
				// closed after the answer, lingering so that the client
				// reads the answer rather than a reset.
				if !sr.body.finish() {
					lingerOnClose(fc.Conn())
				}
			}()
		} else if r.ContentLength == 0 {
			r.Body = http.NoBody // as net/http has it; the transport retries only such requests
		}
		g.handle(w, r, nil, sr)
	}))
}

// serveSlowFH sends fc to slow (the adaptor), its body streamed when it is
// chunked or larger than h1MaxBody.
func (g *Gateway) serveSlowFH(fc *fasthttp.RequestCtx, slow fasthttp.RequestHandler) {
	h := &fc.Request.Header
	h.Del("Expect") // answered: see expect
	limit := g.state.Load().cfg.MaxRequestBody
	cl := h.ContentLength()
	if int64(cl) > limit {
		writeTooLargeFH(fc)
		return
	}
	if fc.Request.IsBodyStream() && (cl < 0 || cl > h1MaxBody) {
		sr := slowOf(fc)
		if sr == nil {
			sr = &slowRequest{}
			fc.SetUserValue(slowKey{}, sr)
		}
		sr.body, sr.length = &streamBody{r: fc.RequestBodyStream(), left: limit}, int64(cl)
		if cl < 0 {
			sr.length = -1
		}
		// The adaptor would read the stream whole (PostBody); it gets an
		// empty body, and the server loop drains whatever the handler
		// leaves unread once it returns.
		fc.Request.ResetBody()
	}
	var tun *fhTunnel
	if h.Peek("Upgrade") != nil {
		sr := slowOf(fc)
		if sr == nil {
			sr = &slowRequest{}
			fc.SetUserValue(slowKey{}, sr)
		}
		tun = newFHTunnel()
		sr.tun = tun
	}
	slow(fc)
	if tun != nil {
		tun.takeOver(fc)
	}
}

// tunnel is sr's WebSocket tunnel, nil for none (or no sr).
func (sr *slowRequest) tunnel() *fhTunnel {
	if sr == nil {
		return nil
	}
	return sr.tun
}

// writeTooLargeFH refuses a body over max_request_body before reading it;
// the connection is closed after the answer (lingering: the client may be
// sending it).
func writeTooLargeFH(fc *fasthttp.RequestCtx) {
	writeProblemFH(fc, problem{Status: http.StatusRequestEntityTooLarge, Detail: errBodyTooLarge.Error()})
	fc.SetConnectionClose()
	lingerOnClose(fc.Conn())
}

// expect is the fasthttp server's ExpectHandler: a request with Expect:
// 100-continue is told to send its body only once it is routed and its
// route's edge checks (rate limit, JWT or API key) have passed, as if its
// body were there; otherwise it gets the final answer now and the
// connection is closed without the body being read (RFC 9110 §10.1.1).
// The checks are not run again for the body's request (slowRequest).
func (g *Gateway) expect(fc *fasthttp.RequestCtx) int {
	st := g.state.Load()
	if int64(fc.Request.Header.ContentLength()) > st.cfg.MaxRequestBody {
		writeProblemFH(fc, problem{Status: http.StatusRequestEntityTooLarge, Detail: errBodyTooLarge.Error()})
		lingerOnClose(fc.Conn())
		return http.StatusRequestEntityTooLarge
	}
	var r http.Request
	if err := fasthttpadaptor.ConvertRequest(fc, &r, true); err != nil {
		return fasthttp.StatusContinue // the handler answers it as any other
	}
	w := &fhWriter{fc: fc, h: http.Header{}}
	id := stamp(r.Header)
	rt := g.route(st, w, &r, id)
	if rt != nil {
		if err := g.edge(fc, w, &r, rt, time.Now()); err != nil {
			writeEdgeError(w, err, id)
			rt.metrics.count(edgeStatus(err))
		} else {
			fc.SetUserValue(slowKey{}, &slowRequest{passed: rt, fields: w.h})
			return fasthttp.StatusContinue
		}
	}
	lingerOnClose(fc.Conn())
	return fc.Response.StatusCode()
}

// fhLogger is fasthttp's logger: slog at debug level, the message
// formatted only when that level is on (fasthttp logs on paths that are
// no error of the gateway's, such as a streamed body read whole).
type fhLogger struct{ h slog.Handler }

func (l fhLogger) Printf(format string, args ...any) {
	ctx := context.Background()
	if !l.h.Enabled(ctx, slog.LevelDebug) {
		return
	}
	_ = l.h.Handle(ctx, slog.NewRecord(time.Now(), slog.LevelDebug, fmt.Sprintf(format, args...), 0))
}
