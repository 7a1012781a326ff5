package main

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"

	"github.com/parleyhq/parley/internal/gateway/h1frame"
)

// wire is an engine's connection as the proxy uses it. Write either writes
// or keeps what the socket did not take, and returns at once.
type wire interface {
	io.Writer
	Close() error
}

// conn is one side of the proxy: a client connection or an upstream one.
type conn struct {
	w        wire
	peer     *conn // the other side while a request is in flight
	upstream bool
	buf      []byte       // bytes kept for later: a partial head; on a client, pipelined requests too
	msg      h1frame.Body // the body being passed on
	inBody   bool         // passing on msg (a request body on a client, an answer body upstream)
	dead     bool         // closed or closing
	// client only
	closeAfter bool // the request asked to close: close after its answer
	dialing    bool // waiting for a new upstream connection; the request is in buf
	// upstream only
	req  h1frame.Head // the request being answered
	keep bool         // the answer leaves the connection reusable
	sent bool         // some of the answer reached the client
}

// proxy is the engine-independent part: it moves bytes between a client and
// an upstream connection and tracks where each message ends. Its methods
// are called from one goroutine at a time (the engine's event loop, or
// under nbio's lock).
type proxy struct {
	idle []*conn
	// dial asks the engine for a new upstream connection for cl; the engine
	// calls connected or dialFailed when it has one or not.
	dial func(cl *conn)
	log  *slog.Logger
}

var crlf2 = []byte("\r\n\r\n")

const maxHead = 64 << 10

// request handles bytes from a client. data may belong to the engine's read
// buffer: whatever is kept is copied.
func (p *proxy) request(cl *conn, data []byte) {
	if cl.inBody {
		n, done, err := cl.msg.Feed(data)
		if err != nil {
			p.fail(cl, 400)
			return
		}
		if cl.peer != nil {
			_, _ = cl.peer.w.Write(data[:n])
		}
		cl.inBody = !done
		data = data[n:]
	}
	if cl.peer != nil || cl.dialing || len(cl.buf) > 0 {
		cl.buf = append(cl.buf, data...)
		if cl.peer != nil || cl.dialing {
			if len(cl.buf) > maxHead {
				p.fail(cl, 431)
			}
			return
		}
		data, cl.buf = cl.buf, nil
	}
	p.next(cl, data)
}

// next starts the request at the front of data, if its head is complete,
// and keeps what follows it.
func (p *proxy) next(cl *conn, data []byte) {
	if !bytes.Contains(data, crlf2) {
		if len(data) > maxHead {
			p.fail(cl, 431)
			return
		}
		cl.buf = append(cl.buf[:0:0], data...)
		return
	}
	for n := len(p.idle); n > 0; n = len(p.idle) {
		up := p.idle[n-1]
		p.idle = p.idle[:n-1]
		if !up.dead {
			p.start(cl, up, data)
			return
		}
	}
	cl.buf = append(cl.buf[:0:0], data...)
	cl.dialing = true
	p.dial(cl)
}

// connected is the engine's answer to dial.
func (p *proxy) connected(cl, up *conn) {
	up.upstream = true
	if cl.dead || !cl.dialing {
		p.idle = append(p.idle, up)
		return
	}
	data := cl.buf
	cl.buf, cl.dialing = nil, false
	p.start(cl, up, data)
}

func (p *proxy) dialFailed(cl *conn, err error) {
	p.log.Warn("upstream", "err", err)
	cl.dialing = false
	if !cl.dead {
		p.fail(cl, 502)
	}
}

// start passes on the request whose complete head is at the front of data.
func (p *proxy) start(cl, up *conn, data []byte) {
	end := bytes.Index(data, crlf2) + len(crlf2)
	h, err := h1frame.ParseHead(data[:end], false)
	if err != nil {
		p.idle = append(p.idle, up)
		p.fail(cl, 400)
		return
	}
	up.peer, cl.peer = cl, up
	up.req, up.buf, up.inBody, up.sent = h, up.buf[:0], false, false
	cl.msg, cl.closeAfter = h1frame.Frame(h, false, h1frame.Head{}), h.Close
	n, done, err := cl.msg.Feed(data[end:])
	if err != nil {
		p.fail(cl, 400)
		return
	}
	cl.inBody = !done
	if _, err := up.w.Write(data[:end+n]); err != nil {
		p.abandon(up)
		p.fail(cl, 502)
		return
	}
	if rest := data[end+n:]; len(rest) > 0 {
		cl.buf = append([]byte(nil), rest...)
	}
}

// answer handles bytes from an upstream connection.
func (p *proxy) answer(up *conn, data []byte) {
	cl := up.peer
	if cl == nil {
		p.abandon(up) // bytes nobody asked for
		return
	}
	for !up.inBody {
		if len(up.buf) > 0 {
			up.buf = append(up.buf, data...)
			data = up.buf
		}
		end := bytes.Index(data, crlf2)
		if end < 0 {
			if len(data) > maxHead {
				p.abandon(up)
				p.fail(cl, 502)
				return
			}
			up.buf = append(up.buf[:0], data...)
			return
		}
		end += len(crlf2)
		h, err := h1frame.ParseHead(data[:end], true)
		if err != nil || h.Status == 101 {
			p.abandon(up)
			p.fail(cl, 502)
			return
		}
		if h.Status/100 == 1 { // 100 Continue and the like: an answer head follows
			_, _ = cl.w.Write(data[:end])
			data = data[end:]
			up.buf = up.buf[:0]
			continue
		}
		up.msg = h1frame.Frame(h, true, up.req)
		up.keep = !h.Close && up.msg.Mode != h1frame.BodyClose
		up.inBody = true
		up.buf = up.buf[:0] // data may alias it: written out below before the next read
		n, done, err := up.msg.Feed(data[end:])
		p.pass(up, cl, data[:end+n], done, err, len(data)-end-n)
		return
	}
	n, done, err := up.msg.Feed(data)
	p.pass(up, cl, data[:n], done, err, len(data)-n)
}

// pass writes b to the client and, when the answer is done, frees both sides.
func (p *proxy) pass(up, cl *conn, b []byte, done bool, err error, extra int) {
	if err != nil {
		p.abandon(up)
		p.fail(cl, 502)
		return
	}
	if len(b) > 0 {
		_, _ = cl.w.Write(b)
		up.sent = true
	}
	if !done {
		return
	}
	up.peer, cl.peer, up.inBody = nil, nil, false
	if extra > 0 || !up.keep || cl.inBody {
		p.abandon(up)
	} else {
		p.idle = append(p.idle, up)
	}
	if cl.closeAfter {
		cl.dead = true
		_ = cl.w.Close()
		return
	}
	if len(cl.buf) > 0 && !cl.inBody {
		pending := cl.buf
		cl.buf = nil
		p.next(cl, pending)
	}
}

// abandon closes an upstream connection that cannot be reused.
func (p *proxy) abandon(up *conn) {
	up.dead = true
	if cl := up.peer; cl != nil {
		cl.peer = nil
		up.peer = nil
	}
	_ = up.w.Close()
}

// closed is the engine's word that a connection is gone.
func (p *proxy) closed(s *conn) {
	s.dead = true
	if !s.upstream {
		if up := s.peer; up != nil {
			p.abandon(up) // the answer has nowhere to go
		}
		return
	}
	for i, up := range p.idle {
		if up == s {
			p.idle = append(p.idle[:i], p.idle[i+1:]...)
			break
		}
	}
	cl := s.peer
	if cl == nil {
		return
	}
	s.peer, cl.peer = nil, nil
	switch {
	case s.inBody && s.msg.Mode == h1frame.BodyClose:
		cl.dead = true
		_ = cl.w.Close() // the close ends the answer
	case !s.sent:
		p.fail(cl, 502)
	default:
		cl.dead = true
		_ = cl.w.Close() // the answer was cut short
	}
}

// fail answers with an error and closes the client connection.
func (p *proxy) fail(cl *conn, status int) {
	if up := cl.peer; up != nil {
		p.abandon(up)
	}
	if cl.dead { // already failed, e.g. from a close the engine reported inside a Write
		return
	}
	_, _ = fmt.Fprintf(cl.w, "HTTP/1.1 %d %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", status, statusText(status))
	cl.dead = true
	_ = cl.w.Close()
}

func statusText(status int) string {
	switch status {
	case 400:
		return "Bad Request"
	case 431:
		return "Request Header Fields Too Large"
	}
	return "Bad Gateway"
}
