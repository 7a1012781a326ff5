package gateway

import (
	"io"
	"net"
	"syscall"
	"time"
)

// upConn sits under an upstream connection's bufio pair and saves one
// system call per exchange. Sending a request with Write and then reading
// its answer with Read costs three calls when the answer is not there yet,
// which on a busy proxy is nearly always: the write, a read that finds
// nothing (EAGAIN), and the read after the runtime's poller saw the answer
// arrive. Here Write only keeps the request's bytes; the next Read sends
// them from inside syscall.RawConn.Read, after the runtime cleared the
// socket's readiness and before it waits for it, so the first wait is for
// the answer itself and the first read finds it. (The same reordering from
// outside, a write then RawConn.Read, would lose an answer that arrived
// between the two: the runtime clears readiness on entry.)
//
// Only the upstream side may do this: an upstream never speaks before it
// is asked, so nothing that arrived before the send can be lost by the
// clearing. A client, which may pipeline its next request, could. The one
// thing an upstream sends unasked is the end of an idle connection; if
// that was a half-close (FIN, the socket still reading), no later event
// would wake the wait and the request would stall until its route timeout.
// A connection idle for longer than upQuiet therefore sends the ordinary
// way (see h1Transport.get): a busy proxy reuses its connections within
// microseconds, and a quiet one has no read to save.
type upConn struct {
	net.Conn
	rc syscall.RawConn // nil: plain pass-through (not a socket, or not unix)
	// plain sends this exchange's request with Write itself.
	plain bool

	buf  []byte // request bytes kept by Write, sent by the next Read
	sent int    // how many of buf have reached the socket
	// unsent is true when the last send failed before every byte of
	// the request reached the socket: the caller's retry rules treat
	// that as a failed write, not a failed read.
	unsent bool

	// State of one raw exchange (kept here, not in a closure, so that
	// a read allocates nothing).
	p    []byte
	n    int
	werr error
	rerr error
	fn   func(fd uintptr) bool
	// empty counts reads that found nothing (EAGAIN): the tests' check
	// that the first read waits for the answer.
	empty int
}

// maxKept bounds the capacity a connection keeps between requests: a large
// body's buffer is dropped after it is sent rather than held by an idle
// connection.
const maxKept = 16 << 10

// upQuiet is how long a pooled connection may have been idle and still
// send its next request with the first read (see upConn).
const upQuiet = 50 * time.Millisecond

func newUpConn(nc net.Conn) *upConn {
	u := &upConn{Conn: nc}
	if sc, ok := nc.(syscall.Conn); ok && rawExchangeSupported {
		if rc, err := sc.SyscallConn(); err == nil {
			u.rc = rc
			u.fn = u.exchange
		}
	}
	return u
}

// Write keeps b for the next Read to send (see upConn).
func (u *upConn) Write(b []byte) (int, error) {
	if u.rc == nil || u.plain {
		return u.Conn.Write(b)
	}
	u.buf = append(u.buf, b...)
	return len(b), nil
}

// Read sends any kept request bytes, then reads.
func (u *upConn) Read(p []byte) (int, error) {
	if u.sent == len(u.buf) {
		return u.Conn.Read(p)
	}
	u.unsent = false
	u.p, u.n, u.werr, u.rerr = p, 0, nil, nil
	err := u.rc.Read(u.fn)
	u.p = nil
	if err == nil && u.werr == nil && u.sent < len(u.buf) {
		// The socket's send buffer was full (a large body): the rest
		// goes the ordinary way, waiting for room, then the answer.
		_, err = u.Conn.Write(u.buf[u.sent:])
		if err != nil {
			u.unsent = true
			u.reset()
			return 0, err
		}
		u.reset()
		return u.Conn.Read(p)
	}
	if u.sent < len(u.buf) {
		// Deadline, close or a write error before the whole request was
		// out (a deadline with the request out is a failed read).
		u.unsent = true
		u.reset()
		if u.werr != nil {
			return 0, &net.OpError{Op: "write", Net: "tcp", Addr: u.RemoteAddr(), Err: u.werr}
		}
		return 0, err
	}
	u.reset()
	switch {
	case err != nil:
		return 0, err
	case u.rerr != nil:
		return 0, &net.OpError{Op: "read", Net: "tcp", Addr: u.RemoteAddr(), Err: u.rerr}
	case u.n == 0 && len(p) > 0:
		return 0, io.EOF
	}
	return u.n, nil
}

// reset forgets the sent request, keeping a small buffer for the next.
func (u *upConn) reset() {
	u.sent = 0
	if cap(u.buf) > maxKept {
		u.buf = nil
		return
	}
	u.buf = u.buf[:0]
}

// failedUnsent reports whether the last error came before the whole
// request reached the socket.
func (u *upConn) failedUnsent() bool { return u.unsent }
