package gateway

import (
	"bytes"
	"io"
	"net"
	"sync/atomic"
	"time"

	"github.com/valyala/fasthttp"
)

// A refused request's connection is closed as net/http and nginx close
// theirs (closeWriteAndWait, lingering_close): the answer, then FIN, then
// whatever the client is still sending is read and dropped until it
// closes too. Closing with unread bytes makes the kernel send RST, and a
// client that receives RST while still writing its oversized header or
// body loses the 431/413 it was sent and reports "connection reset".
const (
	lingerTimeout = 2 * time.Second
	lingerMax     = 16 << 20 // bytes drained at most; a client past it sees the reset
)

// ServeFast serves srv (from NewFastServer) on ln with lingering close
// for the connections its error handler refuses.
func ServeFast(srv *fasthttp.Server, ln net.Listener) error {
	return srv.Serve(lingerListener{ln})
}

type lingerListener struct{ net.Listener }

func (l lingerListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &lingerConn{Conn: c}, nil
}

// lingerConn closes as usual unless lingerOnClose was called for it. It
// also reads the connection's first header block as nginx does when its
// lines end in a bare LF (see bareLF).
type lingerConn struct {
	net.Conn
	linger atomic.Bool
	lf     bareLF
	read   bool // a first read returned bytes
	// h2 records that the connection opened with HTTP/2's preface, whose
	// request line ("PRI * HTTP/2.0") fasthttp refuses as an unparsable
	// target: the error handler answers it 505, as any HTTP/2.0 request
	// line, the way net/http's server and nginx answer it.
	h2 bool
}

// h2Preface is the first line of HTTP/2's connection preface (RFC 9113 §3.4).
var h2Preface = []byte("PRI * HTTP/2.0\r\n")

func (c *lingerConn) Read(p []byte) (int, error) {
	if c.lf.done && len(c.lf.pending) == 0 && c.lf.err == nil {
		return c.Conn.Read(p)
	}
	n, err := c.lf.read(c.Conn, p)
	if !c.read && n > 0 {
		c.read = true
		c.h2 = bytes.HasPrefix(p[:n], h2Preface)
	}
	return n, err
}

// openedWithH2Preface reports whether c is a lingerConn that began with
// HTTP/2's connection preface.
func openedWithH2Preface(c net.Conn) bool {
	lc, ok := c.(*lingerConn)
	return ok && lc.h2
}

// lingerOnClose marks c, when it is a lingerConn, to linger on Close.
func lingerOnClose(c net.Conn) {
	if lc, ok := c.(*lingerConn); ok {
		lc.linger.Store(true)
	}
}

func (c *lingerConn) Close() error {
	if !c.linger.Load() {
		return c.Conn.Close()
	}
	// The server's goroutine goes back to its pool; the drain is bounded
	// by lingerTimeout and lingerMax.
	go func(conn net.Conn) {
		if cw, ok := conn.(interface{ CloseWrite() error }); ok {
			_ = cw.CloseWrite()
		}
		_ = conn.SetReadDeadline(time.Now().Add(lingerTimeout))
		_, _ = io.CopyN(io.Discard, conn, lingerMax)
		_ = conn.Close()
	}(c.Conn)
	return nil
}
