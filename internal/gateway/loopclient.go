package gateway

import (
	"bytes"
	"context"
	"net/netip"
	"time"

	"github.com/panjf2000/gnet/v2"

	"github.com/parleyhq/parley/internal/gateway/h1frame"
)

// loopClient is one client connection on the loop. Requests are served
// one at a time: a pipelined request waits in `in` until the answer before
// it has been passed on.
type loopClient struct {
	e    *loopEngine
	c    gnet.Conn
	peer netip.Addr
	in   []byte // bytes read and not yet served
	base []byte // in's buffer when it started empty, reused
	// spare is the last exchange that ended, reused by the next request
	// (its buffers kept).
	spare *loopExchange
	ex    *loopExchange // the request in flight
	// since is when the connection last went idle, when the request
	// being read began, or when its header ended (bodyWait).
	since      time.Time
	bodyWait   bool // the request's header is in, its body is not
	closeAfter bool // close once the answer in flight is out
	closing    bool // closed once the pending output is written
	handing    bool // hand over once the pending output is written
	handed     bool
	serving    bool // inside next: an exchange that ends lets next go on
}

// traffic takes bytes the client sent.
func (cl *loopClient) traffic(data []byte) gnet.Action {
	if cl.closing {
		return gnet.None // a client that is being closed: its bytes are dropped
	}
	if len(cl.in) == 0 && len(data) > 0 && cl.ex == nil {
		cl.since = time.Now()
	}
	if len(cl.in) == 0 {
		cl.in = append(cl.base[:0], data...)
		if cap(cl.in) <= 64<<10 {
			cl.base = cl.in
		}
	} else {
		cl.in = append(cl.in, data...)
	}
	if cl.handing {
		if cl.c.OutboundBuffered() > 0 {
			return gnet.None // tick wakes the connection when it has drained
		}
		return cl.handOver()
	}
	return cl.next()
}

// next serves the requests waiting in cl.in while none is in flight.
func (cl *loopClient) next() gnet.Action {
	cl.serving = true
	defer func() { cl.serving = false }()
	for cl.ex == nil && !cl.closing && !cl.closeAfter && len(cl.in) > 0 {
		switch cl.start() {
		case loopWait:
			return gnet.None
		case loopHandOver:
			if cl.c.OutboundBuffered() > 0 {
				cl.handing = true
				return gnet.None
			}
			return cl.handOver()
		}
	}
	if cl.closeAfter && cl.ex == nil {
		cl.closing = true
		if cl.c.OutboundBuffered() == 0 {
			return gnet.Close
		}
	}
	return gnet.None
}

// What start did with the request at the front of cl.in.
const (
	loopWait     = iota // incomplete: wait for more bytes
	loopHandOver        // not the loop's: hand the connection over
	loopServed          // answered here (consumed) or sent upstream
)

// loopReq is what start found in a request's header block.
type loopReq struct {
	head   []byte // the header block, CRLF CRLF included
	method []byte
	uri    []byte
	fields []byte // the field lines, each ending in CRLF
	body   []byte
	host   []byte
	in     inFields
	close  bool
	length int64 // Content-Length, -1 when absent
}

// start reads the request at the front of cl.in and serves it, or says
// why not.
func (cl *loopClient) start() int {
	end := bytes.Index(cl.in, []byte("\r\n\r\n"))
	if end < 0 {
		if len(cl.in) > loopMaxHead {
			return loopHandOver
		}
		return loopWait
	}
	var r loopReq
	r.head = cl.in[:end+4]
	if !r.parse() {
		return loopHandOver
	}
	st := cl.e.g.state.Load()
	n := len(r.head) + len(r.body)
	if r.length > 0 {
		if r.length > h1MaxBody || r.length > st.cfg.MaxRequestBody {
			return loopHandOver
		}
		n = len(r.head) + int(r.length)
		if len(cl.in) < n {
			if !cl.bodyWait { // the body's own timeout starts
				cl.bodyWait, cl.since = true, time.Now()
			}
			return loopWait
		}
		r.body = cl.in[len(r.head):n]
	}
	path := r.uri
	if i := bytes.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	rt := st.match(b2s(path), methodString(r.method), b2s(r.host))
	if rt != nil && (!rt.native || rt.limit != nil && rt.limit.mem == nil) {
		return loopHandOver
	}
	ex := cl.spare
	if ex == nil {
		ex = new(loopExchange)
	}
	cl.spare = nil
	// Shutting down: this answer is the connection's last.
	*ex = loopExchange{cl: cl, rt: rt, n: n, start: time.Now(), close: r.close || cl.e.draining, buf: ex.buf[:0], rl: ex.rl[:0]}
	ex.out.ids.stamp(&r.in)
	if rt == nil {
		cl.answerProblem(ex, problem{Status: 404, Detail: "no route matches this request"}, nil)
		return loopServed
	}
	if !ex.edge(&r) {
		if ex.handOver {
			return loopHandOver
		}
		return loopServed
	}
	if !ex.prepare(&r) {
		return loopHandOver
	}
	cl.ex = ex
	ex.begin()
	return loopServed
}

// parse splits the header block and judges whether the loop may serve
// the request: HTTP/1.1, an origin-form target routed as it reads, no
// body framing but a Content-Length within bounds, no protocol switch,
// Expect or TE, CRLF line ends and no folded lines.
func (r *loopReq) parse() bool {
	h := r.head
	eol := bytes.IndexByte(h, '\n')
	if eol < 1 || h[eol-1] != '\r' {
		return false
	}
	line := h[:eol-1]
	sp := bytes.IndexByte(line, ' ')
	if sp <= 0 || !bytes.HasSuffix(line, []byte(" HTTP/1.1")) {
		return false
	}
	r.method, r.uri = line[:sp], line[sp+1:len(line)-len(" HTTP/1.1")]
	for _, c := range r.method {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	switch string(r.method) {
	case "HEAD", "CONNECT":
		return false
	}
	u := r.uri
	if len(u) == 0 || u[0] != '/' || bytes.IndexByte(u, '%') >= 0 || bytes.IndexByte(u, '#') >= 0 || !plainURI(u) {
		return false
	}
	r.fields = h[eol+1 : len(h)-2]
	// Bare LF line ends are nginx's reading, which the default engine
	// does (bareLF): only CRLF blocks stay here.
	if bytes.Count(r.fields, []byte("\n")) != bytes.Count(r.fields, []byte("\r\n")) {
		return false
	}
	if !r.in.scan(r.fields) || r.in.special {
		return false
	}
	m, err := h1frame.ParseHead(h, false)
	if err != nil || m.Chunked || m.Host == nil || len(m.Host) == 0 {
		return false
	}
	r.host, r.close, r.length = m.Host, m.Close, m.Length
	return true
}

// closed is the client connection's end: an exchange in flight is
// abandoned, its upstream connection closed.
func (cl *loopClient) closed() {
	if ex := cl.ex; ex != nil {
		cl.ex = nil
		ex.abandon()
	}
}

// tick checks cl's timeouts and its pending close or hand-over.
func (cl *loopClient) tick(now time.Time) {
	if cl.handing && cl.c.OutboundBuffered() == 0 {
		_ = cl.c.Wake(nil) // hand over from the client's own OnTraffic
		return
	}
	if cl.closing {
		if cl.c.OutboundBuffered() == 0 {
			_ = cl.c.Close()
		}
		return
	}
	if ex := cl.ex; ex != nil {
		ex.tick(now)
		return
	}
	limit := loopIdleTimeout
	switch {
	case cl.bodyWait:
		limit = loopBodyTimeout
	case len(cl.in) > 0:
		limit = loopHeaderTimeout
	}
	if now.Sub(cl.since) > limit {
		cl.closing = true
		_ = cl.c.Close()
	}
}

// done ends the exchange in flight: its request leaves cl.in and the next
// one, if any, is served.
func (cl *loopClient) done(ex *loopExchange) {
	cl.ex = nil
	cl.consume(ex)
	cl.afterExchange()
}

// consume drops ex's request from cl.in.
func (cl *loopClient) consume(ex *loopExchange) {
	cl.spare = ex
	cl.in = cl.in[ex.n:]
	if len(cl.in) == 0 {
		cl.in = nil // let a large buffer go
	}
	cl.since, cl.bodyWait = time.Now(), false
	if ex.close {
		cl.closeAfter = true
	}
}

// drain is the start of the shutdown for cl: an idle connection is
// closed; one with a request in flight is closed after its answer (which
// says Connection: close unless its header is out already); a request
// being read is answered that way when it is in (start).
func (cl *loopClient) drain() {
	switch {
	case cl.closing || cl.handing || cl.handed:
	case cl.ex != nil:
		cl.ex.close = true
	case len(cl.in) == 0:
		cl.closing = true
		if cl.c.OutboundBuffered() == 0 {
			_ = cl.c.Close()
		}
	}
}

// afterExchange serves the next request when an exchange ended outside
// next (an upstream's callback).
func (cl *loopClient) afterExchange() {
	if cl.serving {
		return // next's loop goes on
	}
	if cl.next() == gnet.Close {
		_ = cl.c.Close()
	}
}

// answerProblem answers ex's request here with p (a 404, an edge
// refusal), extra fields (RateLimit-*, WWW-Authenticate) included, and
// ends it.
func (cl *loopClient) answerProblem(ex *loopExchange, p problem, extra []byte) {
	p.RequestID = string(ex.out.ids.id())
	body := problemJSON(p)
	b := make([]byte, 0, 256+len(extra)+len(body))
	b = appendStatusLine(b, p.Status)
	b = append(b, "Content-Type: application/problem+json\r\nCache-Control: no-store\r\nX-Request-Id: "...)
	b = append(b, ex.out.ids.id()...)
	b = append(b, "\r\n"...)
	b = append(b, extra...)
	if ex.close {
		b = append(b, "Connection: close\r\n"...)
	}
	b = appendLength(b, len(body))
	b = append(b, body...)
	_, _ = cl.c.Write(b)
	if ex.rt != nil {
		ex.rt.metrics.count(p.Status)
		ex.rt.metrics.duration.Observe(time.Since(ex.start).Seconds())
	}
	cl.consume(ex)
}

// loopCtx is the context of the edge checks on the loop, which never wait.
var loopCtx = context.Background()
