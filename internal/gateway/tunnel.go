package gateway

import (
	"bufio"
	"bytes"
	"errors"
	"net"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/valyala/fasthttp"
)

// WebSocket tunnels and the bytes a client sends before the 101. A client
// may write its first frames right after the upgrade request, without
// waiting for the answer (RFC 6455 clients wait, others do not); the
// server's reader then holds them, read along with the request.
// httputil.ReverseProxy copies the tunnel from the hijacked connection and
// never looks at the reader the hijack returns, and fasthttpadaptor's
// hijack hands over the bare connection, leaving fasthttp's reader behind:
// on both front ends those bytes were lost. upgradeWriter's Hijack gives
// the tunnel a connection whose reads yield them first.

// upgradeWriter is the ResponseWriter a WebSocket upgrade is proxied
// with. tun is set on the fasthttp front end (see fhTunnel).
type upgradeWriter struct {
	http.ResponseWriter
	tun *fhTunnel
}

func (w *upgradeWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *upgradeWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	rc := http.NewResponseController(w.ResponseWriter)
	if w.tun != nil {
		// Before the adaptor's hijack, which lets serveSlowFH return and
		// look at it.
		w.tun.hijacked.Store(true)
	}
	conn, brw, err := rc.Hijack()
	if err != nil {
		return conn, brw, err
	}
	if w.tun != nil {
		tc := &tunnelConn{Conn: conn, t: w.tun}
		return tc, bufio.NewReadWriter(bufio.NewReader(tc), brw.Writer), nil
	}
	// net/http: what the server read past the request is in brw.Reader.
	n := brw.Reader.Buffered()
	if n == 0 {
		return conn, brw, nil
	}
	b, _ := brw.Reader.Peek(n)
	pc := &prefixConn{Conn: conn, pre: bytes.Clone(b)}
	return pc, bufio.NewReadWriter(bufio.NewReader(pc), brw.Writer), nil
}

// prefixConn reads pre, then the connection.
type prefixConn struct {
	net.Conn
	pre []byte
}

func (c *prefixConn) Read(p []byte) (int, error) {
	if len(c.pre) > 0 {
		n := copy(p, c.pre)
		c.pre = c.pre[n:]
		return n, nil
	}
	return c.Conn.Read(p)
}

// CloseWrite half-closes the connection when it can (the tunnel does so
// when the upstream has finished sending), as the bare connection would.
func (c *prefixConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return errors.ErrUnsupported
}

// fhTunnel hands a WebSocket tunnel on the fasthttp front end the
// connection fasthttp hijacks, which reads what fasthttp's reader holds
// before the socket. fasthttp gives it to a hijack handler only once the
// request handler has returned, and the adaptor's handler returns when the
// tunnel hijacks: so the adaptor's hijack runs as usual (its connection is
// written to), serveSlowFH then replaces the adaptor's hijack handler with
// handoff, and the tunnel's reads wait for it.
type fhTunnel struct {
	hijacked atomic.Bool
	ready    chan struct{} // closed once conn is set
	conn     net.Conn      // fasthttp's hijacked connection
	done     chan struct{} // closed when the tunnel closes its connection
	mu       sync.Mutex    // held by a read of conn; closed is set under it
	closed   bool
	once     sync.Once
}

func newFHTunnel() *fhTunnel {
	return &fhTunnel{ready: make(chan struct{}), done: make(chan struct{})}
}

// handoff is the hijack handler: it gives the tunnel fasthttp's connection
// and holds it until the tunnel is closed, after which fasthttp recycles
// the connection's reader (no read of it is in progress by then: see
// tunnelConn.Close).
func (t *fhTunnel) handoff(c net.Conn) {
	t.conn = c
	close(t.ready)
	<-t.done
}

// takeOver makes handoff fc's hijack handler when the tunnel hijacked;
// serveSlowFH calls it once the adaptor has returned, before fasthttp
// reads the handler.
func (t *fhTunnel) takeOver(fc *fasthttp.RequestCtx) {
	if t.hijacked.Load() && fc.Hijacked() {
		fc.Hijack(t.handoff)
	}
}

// tunnelConn is the tunnel's client connection on the fasthttp front end:
// writes go to the adaptor's connection, reads to fasthttp's once handoff
// has it.
type tunnelConn struct {
	net.Conn
	t *fhTunnel
}

func (c *tunnelConn) Read(p []byte) (int, error) {
	select {
	case <-c.t.ready:
	case <-c.t.done:
		return 0, net.ErrClosed
	}
	c.t.mu.Lock()
	defer c.t.mu.Unlock()
	if c.t.closed {
		return 0, net.ErrClosed
	}
	return c.t.conn.Read(p)
}

// Close closes the socket, which ends a read in progress, waits for that
// read to return, and only then lets handoff return.
func (c *tunnelConn) Close() error {
	err := c.Conn.Close()
	c.t.once.Do(func() {
		c.t.mu.Lock()
		c.t.closed = true
		c.t.mu.Unlock()
		close(c.t.done)
	})
	return err
}
