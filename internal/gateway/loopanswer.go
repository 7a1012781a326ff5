package gateway

import (
	"bytes"
	"errors"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/panjf2000/gnet/v2"

	"github.com/parleyhq/parley/internal/gateway/h1frame"
)

// loopUp is one upstream connection on the loop.
type loopUp struct {
	c      gnet.Conn // nil while dialing
	addr   string
	ex     *loopExchange // the exchange it serves; nil when idle
	buf    []byte        // a partial answer header block
	body   h1frame.Body  // the answer body being passed on
	inBody bool
	keep   bool // reusable once the answer ends
	reused bool // it served an earlier exchange
	idleAt time.Time
	// A slow client's answer (loopslow.go): slow asks for the detach;
	// nc is then the connection off the loop, resume its reader's
	// go-ahead, waiting true while the client's output drains.
	slow    bool
	nc      net.Conn
	resume  chan bool
	waiting bool
}

var errBadAnswer = errors.New("malformed answer from the upstream")

// upTraffic takes an upstream's bytes: the answer's header, rewritten
// for the client, then its body passed on as it arrives (an event stream
// or a chunked body chunk by chunk, unbuffered).
func (e *loopEngine) upTraffic(up *loopUp, data []byte) {
	ex := up.ex
	if ex == nil {
		_ = up.c.Close() // bytes on an idle connection: not reusable
		return
	}
	ex.got = true
	if up.inBody {
		ex.passBody(up, data)
		return
	}
	buf := data
	if len(up.buf) > 0 {
		up.buf = append(up.buf, data...)
		buf = up.buf
	}
	for {
		end := bytes.Index(buf, []byte("\r\n\r\n"))
		if end < 0 {
			if len(buf) > loopMaxHead {
				e.upBroken(up, errBadAnswer)
				return
			}
			if len(up.buf) == 0 {
				up.buf = append(up.buf, buf...)
			} else {
				up.buf = append(up.buf[:0], buf...)
			}
			return
		}
		h, err := h1frame.ParseHead(buf[:end+4], true)
		if err != nil || h.Status == http.StatusSwitchingProtocols {
			e.upBroken(up, errBadAnswer)
			return
		}
		if h.Status/100 == 1 { // 100 Continue and the like: the final answer follows
			buf = buf[end+4:]
			continue
		}
		up.buf = up.buf[:0]
		if !ex.answerHead(up, h, buf[:end+4]) {
			return // retried elsewhere
		}
		ex.passBodyAfter(up, e.wbuf, buf[end+4:])
		return
	}
}

// upBroken is an answer the gateway cannot pass on: before its header
// went out, a failed attempt; after, the client's connection is cut.
func (e *loopEngine) upBroken(up *loopUp, err error) {
	ex := up.ex
	up.ex = nil
	_ = up.c.Close()
	ex.up = nil
	if !ex.headSent {
		ex.attemptFailed(err, true)
		return
	}
	ex.t.outstanding.Add(-1)
	ex.cl.ex = nil
	ex.cl.closing = true
	_ = ex.cl.c.Close()
}

// answerHead judges the final answer's header (a retry on 502/503/504
// when the rules allow: false) and writes it to the client.
func (ex *loopExchange) answerHead(up *loopUp, h h1frame.Head, head []byte) bool {
	if ex.a.again(ex.t, isFailureStatus(h.Status), ex.out.idempotent) {
		up.ex, ex.up = nil, nil
		_ = up.c.Close()
		ex.t.outstanding.Add(-1)
		ex.attempt()
		return false
	}
	now := time.Now()
	ex.t.observe(now.Sub(ex.sent))
	ex.status, ex.headSent = h.Status, true
	ex.rt.metrics.count(h.Status)
	ex.rt.metrics.duration.Observe(now.Sub(ex.start).Seconds())
	up.body = h1frame.Frame(h, true, h1frame.Head{})
	up.inBody = true
	up.keep = !h.Close && up.body.Mode != h1frame.BodyClose
	if up.body.Mode == h1frame.BodyClose {
		ex.close = true // the body ends when the upstream closes: so does the client's connection
	}
	e := ex.cl.e
	e.wbuf = ex.appendAnswerHead(e.wbuf[:0], head) // written with the body's first bytes
	return true
}

// passBody passes on the body bytes at the front of data; the exchange
// ends with the body's last byte.
func (ex *loopExchange) passBody(up *loopUp, data []byte) {
	ex.passBodyAfter(up, nil, data)
}

// passBodyAfter is passBody with head (the answer's header block, when
// not yet written) in front, in one write.
func (ex *loopExchange) passBodyAfter(up *loopUp, head, data []byte) {
	n, done, err := up.body.Feed(data)
	switch {
	case len(head) > 0:
		ex.cl.e.wbuf = append(head, data[:n]...)
		_, _ = ex.cl.c.Write(ex.cl.e.wbuf)
	case n > 0:
		_, _ = ex.cl.c.Write(data[:n])
	}
	if err != nil {
		ex.cl.e.upBroken(up, err)
		return
	}
	if !done && ex.cl.c.OutboundBuffered() > loopHighWater {
		up.slow = true // the rest at the client's pace: OnTraffic detaches up
		return
	}
	if done {
		ex.finish(up.keep && n == len(data))
	}
}

// upClosed is an upstream connection's end. On a kept connection the
// upstream had closed, before any byte of an answer, the request goes
// again on a fresh connection to the same target when it has no body and
// either was not written (err is the write's) or is idempotent: the
// default engine's rules (sendOn).
func (e *loopEngine) upClosed(up *loopUp, err error) {
	e.dropIdle(up)
	ex := up.ex
	if ex == nil {
		return
	}
	up.ex = nil
	switch {
	case up.inBody && up.body.Mode == h1frame.BodyClose:
		ex.up = nil
		ex.finish(false)
	case ex.headSent:
		ex.up = nil
		ex.t.outstanding.Add(-1)
		ex.cl.ex = nil
		ex.cl.closing = true
		_ = ex.cl.c.Close() // the answer was cut: so is the client's copy
	case up.reused && !ex.got && len(ex.r.body) == 0 && (ex.out.idempotent || failedWrite(err)):
		// A kept connection the upstream had closed: the request goes
		// again on a fresh one to the same target, as sendNative does.
		fresh := &loopUp{addr: up.addr, ex: ex}
		ex.up = fresh
		e.sendFresh(fresh)
	default:
		ex.up = nil
		ex.attemptFailed(errUpstreamClosed, true)
	}
}

// appendAnswerHead is the answer's header block as the client gets it:
// HTTP/1.1, the upstream's fields but the hop-by-hop ones (framing kept:
// the body passes through unchanged), the gateway's request id and
// RateLimit-* fields, and Connection: close when the connection ends.
func (ex *loopExchange) appendAnswerHead(b, head []byte) []byte {
	eol := bytes.IndexByte(head, '\n')
	b = append(b, "HTTP/1.1"...)
	b = append(b, head[len("HTTP/1.1"):eol+1]...)
	fields := head[eol+1 : len(head)-2]
	conn := connTokens(fields)
	for rest := fields; len(rest) > 0; {
		nl := bytes.IndexByte(rest, '\n')
		line := rest[:nl+1]
		rest = rest[nl+1:]
		colon := bytes.IndexByte(line, ':')
		if colon <= 0 {
			continue
		}
		k := b2s(line[:colon])
		if isField(line, "connection") || dropped(k) && !isField(line, "content-length") || conn != nil && inTokens(conn, k) {
			continue
		}
		b = append(b, line...)
		if line[len(line)-2] != '\r' { // a bare LF from the upstream
			b = append(b[:len(b)-1], "\r\n"...)
		}
	}
	b = append(b, "X-Request-Id: "...)
	b = append(b, ex.out.ids.id()...)
	b = append(b, "\r\n"...)
	b = append(b, ex.rl...)
	if ex.close {
		b = append(b, "Connection: close\r\n"...)
	}
	return append(b, "\r\n"...)
}

// connTokens are the names an answer's Connection fields list (nil when
// it has none).
func connTokens(fields []byte) [][]byte {
	var toks [][]byte
	for rest := fields; len(rest) > 0; {
		nl := bytes.IndexByte(rest, '\n')
		line := bytes.TrimRight(rest[:nl], "\r")
		rest = rest[nl+1:]
		if len(line) == 0 || line[0]|0x20 != 'c' || !isField(line, "connection") {
			continue
		}
		for f := range bytes.SplitSeq(line[len("connection:"):], []byte(",")) {
			if f = bytes.TrimSpace(f); len(f) > 0 {
				toks = append(toks, f)
			}
		}
	}
	return toks
}

func inTokens(toks [][]byte, k string) bool {
	for _, t := range toks {
		if bytes.EqualFold(t, s2b(k)) {
			return true
		}
	}
	return false
}

// appendStatusLine appends "HTTP/1.1 code text\r\n".
func appendStatusLine(b []byte, code int) []byte {
	b = append(b, "HTTP/1.1 "...)
	b = strconv.AppendInt(b, int64(code), 10)
	b = append(b, ' ')
	b = append(b, http.StatusText(code)...)
	return append(b, "\r\n"...)
}

// appendLength appends the Content-Length field and the header's end.
func appendLength(b []byte, n int) []byte {
	b = append(b, "Content-Length: "...)
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, "\r\n\r\n"...)
}

// The idle upstream connections, by address (loop-owned).

// failedWrite reports whether err (gnet's reason for a close) is a
// failed write: nothing of the request reached the socket.
func failedWrite(err error) bool {
	var se *os.SyscallError
	return errors.As(err, &se) && se.Syscall == "write"
}

func (e *loopEngine) putIdle(up *loopUp) {
	if e.nIdle >= loopMaxIdle || up.c == nil {
		if up.c != nil {
			_ = up.c.Close()
		}
		return
	}
	up.inBody, up.buf, up.idleAt = false, up.buf[:0], time.Now()
	e.idle[up.addr] = append(e.idle[up.addr], up)
	e.nIdle++
}

// takeIdle returns the most recently idle connection to addr, nil when
// there is none. As h1Transport.get does, one idle past e.upIdle is
// closed, and one idle past e.upProbe is first checked for a close by
// the upstream that the loop has not seen yet (one non-blocking peek):
// this keeps the stale keep-alive race away from requests that cannot
// be retried. (A close the loop has seen already took the connection
// out of the pool: upClosed.)
func (e *loopEngine) takeIdle(addr string, now time.Time) *loopUp {
	for {
		l := e.idle[addr]
		if len(l) == 0 {
			return nil
		}
		up := l[len(l)-1]
		l[len(l)-1] = nil
		e.idle[addr] = l[:len(l)-1]
		e.nIdle--
		idle := now.Sub(up.idleAt)
		if idle > e.upIdle || idle > e.upProbe && !connAlive(up.c) {
			_ = up.c.Close()
			continue
		}
		return up
	}
}

// expireIdle closes the idle upstream connections past e.upIdle (the
// oldest are at the bottom of each stack).
func (e *loopEngine) expireIdle(now time.Time) {
	for addr, l := range e.idle {
		n := 0
		for n < len(l) && now.Sub(l[n].idleAt) > e.upIdle {
			_ = l[n].c.Close()
			l[n] = nil
			n++
		}
		if n > 0 {
			e.idle[addr] = append(l[:0], l[n:]...)
			e.nIdle -= n
		}
	}
}

func (e *loopEngine) dropIdle(up *loopUp) {
	l := e.idle[up.addr]
	for i, u := range l {
		if u == up {
			e.idle[up.addr] = append(l[:i], l[i+1:]...)
			e.nIdle--
			return
		}
	}
}
