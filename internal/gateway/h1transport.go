package gateway

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"
)

// h1Transport is the proxy's HTTP/1.1 fast path. net/http's Transport runs
// a read and a write goroutine per connection and hands every request and
// response between them and the caller; on a gateway that does nothing but
// forward small requests those hand-offs (and their wake-ups) were a third
// of the CPU. Here the handler's own goroutine writes the request and reads
// the response on a pooled keep-alive connection.
//
// Only ordinary requests take this path: plain http upstreams, no Upgrade,
// no Expect, and a body of known length of at most h1MaxBody (written whole
// before the response is read, so that an upstream answering early cannot
// deadlock against us). Everything else goes to fallback, which keeps
// WebSocket, HTTP/2, TLS, chunked and large uploads on net/http's engine.
type h1Transport struct {
	fallback    http.RoundTripper
	dial        func(ctx context.Context, network, addr string) (net.Conn, error)
	maxIdle     int           // per host
	idleTimeout time.Duration // an idle connection older than this is closed, not reused
	// probeAfter: a connection idle longer than this is checked for a
	// close by the upstream before reuse (one non-blocking peek), which
	// keeps the stale keep-alive race away from requests that cannot be
	// retried.
	probeAfter time.Duration

	mu   sync.Mutex
	idle map[string][]*h1Conn
}

// h1MaxBody is the largest request body the fast path sends.
const h1MaxBody = 64 << 10

func newH1Transport(fallback http.RoundTripper, dial func(ctx context.Context, network, addr string) (net.Conn, error)) *h1Transport {
	return &h1Transport{fallback: fallback, dial: dial, maxIdle: 1024, idleTimeout: 90 * time.Second,
		probeAfter: time.Second, idle: map[string][]*h1Conn{}}
}

type h1Conn struct {
	nc     net.Conn
	up     *upConn // under br and bw: sends the request with the first read
	br     *bufio.Reader
	bw     *bufio.Writer
	key    string
	idleAt time.Time
	reused bool
	abort  func() // closes nc; made once per connection, not per request
	// deadline is the one armed on nc (zero: none). See arm.
	deadline time.Time
}

// arm makes the exchange starting at now fail unless the response header
// arrives by now+timeout (timeout 0: no limit). Re-arming the runtime's
// deadline timer on every request was a visible cost, so a deadline armed
// by an earlier exchange is kept when it falls at most timeout/64 before
// the wanted one (the route timeout is then up to 1.6% shorter than
// configured, never longer), and a deadline is left armed after a response
// whose body is already buffered: no read on nc follows before the next
// arm.
func (c *h1Conn) arm(now time.Time, timeout time.Duration) {
	if timeout <= 0 {
		c.disarm()
		return
	}
	want := now.Add(timeout)
	if !c.deadline.IsZero() && !c.deadline.After(want) && want.Sub(c.deadline) <= timeout/64 {
		return
	}
	_ = c.nc.SetDeadline(want)
	c.deadline = want
}

func (c *h1Conn) disarm() {
	if !c.deadline.IsZero() {
		_ = c.nc.SetDeadline(time.Time{})
		c.deadline = time.Time{}
	}
}

// fastPath reports whether req may take the h1 path.
func fastPath(req *http.Request) bool {
	return req.URL.Scheme == "http" && fastReq(req)
}

// fastReq is fastPath without the scheme (the route transport checks the
// target's instead).
func fastReq(req *http.Request) bool {
	if req.Method == http.MethodConnect || len(req.Trailer) > 0 || (req.Body == nil && req.ContentLength != 0) ||
		len(req.TransferEncoding) > 0 || req.ContentLength < 0 || req.ContentLength > h1MaxBody {
		return false
	}
	h := req.Header
	return h["Upgrade"] == nil && h["Expect"] == nil && h["Connection"] == nil
}

func (t *h1Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if !fastPath(req) {
		return t.fallback.RoundTrip(req)
	}
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	return t.roundTripTo(req, req.URL.Host, host, time.Now(), 0)
}

// roundTripTo sends req (which fastReq accepted) to addr with Host: host,
// whatever req.URL and req.Host say, so that the proxy need not copy the
// request per target. timeout > 0 bounds the wait for the response header
// (the connection's deadline; errRouteTimeout when it passes). now is the
// caller's clock reading, to spare one; the timeout counts from it, so the
// dial of a new connection counts against it too.
func (t *h1Transport) roundTripTo(req *http.Request, addr, host string, now time.Time, timeout time.Duration) (*http.Response, error) {
	ctx := req.Context()
	for {
		c, err := t.get(ctx, addr, now)
		if err != nil {
			closeBody(req)
			return nil, err
		}
		resp, err := t.roundTrip(ctx, c, req, host, now, timeout)
		if err == nil {
			closeBody(req) // sent whole (or empty); done with it, as net/http is
			return resp, nil
		}
		c.nc.Close()
		var re retryableError
		if c.reused && errors.As(err, &re) && ctx.Err() == nil {
			continue // the upstream closed the idle connection under us: try a fresh one
		}
		closeBody(req)
		if ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return nil, errRouteTimeout
		}
		return nil, err
	}
}

// retryableError marks a failure on a reused connection that happened before
// the upstream can have acted on the request.
type retryableError struct{ err error }

func (e retryableError) Error() string { return e.err.Error() }
func (e retryableError) Unwrap() error { return e.err }

func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
}

// roundTrip writes req on c and reads the response header. On error the
// caller closes c.
func (t *h1Transport) roundTrip(ctx context.Context, c *h1Conn, req *http.Request, host string, now time.Time, timeout time.Duration) (*http.Response, error) {
	// Cancellation (client gone) closes the connection, which unblocks any
	// read or write on it.
	stop := context.AfterFunc(ctx, c.abort)
	c.arm(now, timeout)
	// A reused connection the upstream had already closed fails on the
	// write, or on the first read with EOF or a reset before any byte of a
	// response. A failed write of a request without a body means the
	// upstream cannot have acted on it: any method may go again on a fresh
	// connection. A failed first read may also follow an upstream crash
	// mid-request, so only bodyless idempotent requests go again. Timeouts
	// and malformed headers are final. The request goes out with the first
	// read (upConn): a failure there before it was all out is a failed write.
	bodyless := req.ContentLength == 0
	if err := writeRequest(c.bw, req, host); err != nil {
		stop()
		if bodyless && !errors.Is(err, errBadHeader) && !errors.Is(err, os.ErrDeadlineExceeded) {
			return nil, retryableError{err}
		}
		return nil, err
	}
	if _, err := c.br.Peek(1); err != nil {
		stop()
		if bodyless && (isIdempotent(req) || c.up.failedUnsent()) && !errors.Is(err, os.ErrDeadlineExceeded) {
			return nil, retryableError{err}
		}
		return nil, err
	}
	resp, err := readFinal(c.br, req, readResponse)
	if err != nil {
		stop()
		return nil, err
	}
	if resp.Body != http.NoBody && (resp.ContentLength < 0 || int64(c.br.Buffered()) < resp.ContentLength) {
		c.disarm() // the body may take as long as it takes (streams)
	}
	if resp.StatusCode == http.StatusSwitchingProtocols {
		stop()
		resp.Body.Close()
		return nil, errors.New("upstream switched protocols on a request that did not ask to")
	}
	// Reuse is the upstream's call alone: req.Close is the inbound client's
	// wish (an HTTP/1.0 client, say) about its own connection, and the
	// proxy never asked the upstream to close (httputil clears it too).
	keep := !resp.Close
	if resp.Body == http.NoBody {
		t.done(c, stop, keep)
		return resp, nil
	}
	resp.Body = &h1Body{rc: resp.Body, t: t, c: c, stop: stop, keep: keep}
	return resp, nil
}

// done ends one exchange on c: back to the pool when the response allowed
// keep-alive and cancellation did not close it, closed otherwise.
func (t *h1Transport) done(c *h1Conn, stop func() bool, keep bool) {
	t.doneAt(c, stop, keep, time.Now())
}

// doneAt is done with the caller's clock reading (when the connection
// went idle).
func (t *h1Transport) doneAt(c *h1Conn, stop func() bool, keep bool, now time.Time) {
	if !stop() || !keep || c.br.Buffered() > 0 {
		// stop false: the cancel hook ran (or is running) and closed nc.
		// Buffered bytes past the response: the upstream is confused.
		c.nc.Close()
		return
	}
	t.put(c, now)
}

// h1Body returns the connection to the pool when the body has been read to
// its end; closed before that, the connection is closed with it (draining
// an unknown remainder, or an endless stream, is not worth it).
type h1Body struct {
	rc   io.ReadCloser
	t    *h1Transport
	c    *h1Conn
	stop func() bool
	keep bool
	over bool
}

func (b *h1Body) Read(p []byte) (int, error) {
	if b.over {
		return 0, io.EOF
	}
	n, err := b.rc.Read(p)
	if err == io.EOF {
		b.over = true
		b.t.done(b.c, b.stop, b.keep)
	}
	return n, err
}

func (b *h1Body) Close() error {
	if b.over {
		return nil
	}
	b.over = true
	b.stop()
	b.c.nc.Close() // before rc.Close, which would otherwise drain the rest
	_ = b.rc.Close()
	return nil
}

var errBadHeader = errors.New("invalid header field")

// writeRequest writes req in HTTP/1.1 wire form: the request line, Host,
// the header map as it stands (the proxy has removed hop-by-hop fields),
// Content-Length, and the body, then flushes.
func writeRequest(w *bufio.Writer, req *http.Request, host string) error {
	if !validValue(host) {
		return fmt.Errorf("%w: Host", errBadHeader)
	}
	w.WriteString(req.Method)
	w.WriteByte(' ')
	if req.URL.Opaque == "" && req.URL.RawPath == "" && req.URL.RawQuery == "" && req.URL.Path != "" && req.URL.Path[0] == '/' && validPath(req.URL.Path) {
		w.WriteString(req.URL.Path) // the common case, without RequestURI's allocation
	} else {
		w.WriteString(req.URL.RequestURI())
	}
	w.WriteString(" HTTP/1.1\r\nHost: ")
	w.WriteString(host)
	w.WriteString("\r\n")
	for k, vs := range req.Header {
		switch k {
		case "Host", "Content-Length", "Transfer-Encoding", "Trailer":
			continue
		case "User-Agent":
			if len(vs) == 1 && vs[0] == "" {
				continue // the proxy's way of saying "send none"
			}
		}
		if !validName(k) {
			return fmt.Errorf("%w: %q", errBadHeader, k)
		}
		for _, v := range vs {
			if !validValue(v) {
				return fmt.Errorf("%w: %s", errBadHeader, k)
			}
			w.WriteString(k)
			w.WriteString(": ")
			w.WriteString(v)
			w.WriteString("\r\n")
		}
	}
	if req.ContentLength > 0 || methodWantsLength(req.Method) {
		w.WriteString("Content-Length: ")
		var nb [20]byte
		w.Write(strconv.AppendInt(nb[:0], req.ContentLength, 10))
		w.WriteString("\r\n")
	}
	w.WriteString("\r\n")
	if req.ContentLength > 0 {
		n, err := io.CopyN(w, req.Body, req.ContentLength)
		if err != nil {
			return fmt.Errorf("request body (%d of %d bytes): %w", n, req.ContentLength, err)
		}
	}
	return w.Flush()
}

// methodWantsLength: net/http sends "Content-Length: 0" for these when
// there is no body, and some servers insist on it.
func methodWantsLength(m string) bool {
	return m == http.MethodPost || m == http.MethodPut || m == http.MethodPatch
}

// validPath: a path that needs no escaping on the wire (what the inbound
// parser hands over when RawPath is empty, except for spaces and the like,
// which RequestURI escapes).
func validPath(p string) bool {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c <= ' ' || c >= 0x7f || c == '?' || c == '#' || c == '%' {
			return false
		}
	}
	return true
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || c == ':' {
			return false
		}
	}
	return true
}

// validValue rejects what could split a header: CR, LF, NUL and other
// controls except tab.
func validValue(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < ' ' && c != '\t') || c == 0x7f {
			return false
		}
	}
	return true
}

var (
	readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 16<<10) }}
	writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 8<<10) }}
)

// get returns an idle connection to host, or dials one.
func (t *h1Transport) get(ctx context.Context, host string, now time.Time) (*h1Conn, error) {
	for {
		t.mu.Lock()
		cs := t.idle[host]
		if len(cs) == 0 {
			t.mu.Unlock()
			break
		}
		c := cs[len(cs)-1]
		cs[len(cs)-1] = nil
		t.idle[host] = cs[:len(cs)-1]
		t.mu.Unlock()
		idle := now.Sub(c.idleAt)
		if idle > t.probeAfter {
			c.disarm() // an expired deadline would fail the probe
		}
		if idle > t.idleTimeout || (idle > t.probeAfter && !alive(c.nc)) {
			t.release(c)
			continue
		}
		c.reused = true
		c.up.plain = idle > upQuiet
		return c, nil
	}
	nc, err := t.dial(ctx, "tcp", host)
	if err != nil {
		return nil, err
	}
	up := newUpConn(nc)
	br := readers.Get().(*bufio.Reader)
	br.Reset(up)
	bw := writers.Get().(*bufio.Writer)
	bw.Reset(up)
	return &h1Conn{nc: nc, up: up, br: br, bw: bw, key: host, abort: func() { nc.Close() }}, nil
}

func (t *h1Transport) put(c *h1Conn, now time.Time) {
	c.idleAt = now
	var stale *h1Conn
	t.mu.Lock()
	cs := t.idle[c.key]
	// The stack is used from the top, so the bottom is the longest idle:
	// retire one expired connection per put, which keeps a pool that grew
	// in a burst from holding sockets the upstream has long closed.
	if len(cs) > 0 && c.idleAt.Sub(cs[0].idleAt) > t.idleTimeout {
		stale = cs[0]
		cs[0] = nil
		cs = cs[1:]
	}
	if len(cs) < t.maxIdle {
		t.idle[c.key] = append(cs, c)
		c = nil
	} else {
		t.idle[c.key] = cs
	}
	t.mu.Unlock()
	if stale != nil {
		t.release(stale)
	}
	if c != nil {
		t.release(c)
	}
}

// release closes an idle connection and recycles its buffers (safe only
// for connections no goroutine uses any more).
func (t *h1Transport) release(c *h1Conn) {
	c.nc.Close()
	c.br.Reset(nil)
	c.bw.Reset(nil)
	readers.Put(c.br)
	writers.Put(c.bw)
}

// CloseIdleConnections closes every pooled connection (and the fallback's).
func (t *h1Transport) CloseIdleConnections() {
	t.mu.Lock()
	idle := t.idle
	t.idle = map[string][]*h1Conn{}
	t.mu.Unlock()
	for _, cs := range idle {
		for _, c := range cs {
			t.release(c)
		}
	}
	if f, ok := t.fallback.(interface{ CloseIdleConnections() }); ok {
		f.CloseIdleConnections()
	}
}
