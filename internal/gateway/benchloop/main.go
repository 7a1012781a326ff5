// Command benchloop is a peer in scripts/bench-gateway.sh: a bare reverse
// proxy on an event-loop I/O engine (github.com/lesismal/nbio), next to
// benchfast (fasthttp, goroutine per connection). It asks whether a Go proxy
// whose requests are all handled by one goroutine blocked in epoll_wait — as
// nginx's worker is — reaches nginx's throughput under the same CPU quota,
// where Go's netpoller parks and wakes a goroutine twice per request.
//
// It is a benchmark peer, not a gateway: keep-alive on both sides, HTTP/1.1,
// Content-Length and chunked bodies passed through unchanged (it reads only
// the fields that frame a message), pipelined requests queued, one pool of
// idle upstream connections; no routing, authentication, limits, retries,
// timeouts, header rewriting, Upgrade or TLS.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	"time"

	"github.com/lesismal/nbio"
	"github.com/lesismal/nbio/logging"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:9001", "listen address")
	target := flag.String("target", "http://127.0.0.1:9000", "upstream URL (http only)")
	pollers := flag.Int("pollers", 1, "event loops (one keeps every connection on one goroutine)")
	lock := flag.Bool("lock", false, "lock each event loop to its OS thread")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, log, config{addr: *addr, target: *target, pollers: *pollers, lock: *lock}, nil); err != nil {
		log.Error("benchloop", "err", err)
		os.Exit(1)
	}
}

type config struct {
	addr, target string
	pollers      int
	lock         bool
}

// run serves until ctx ends; ready, if set, receives the address listened on.
func run(ctx context.Context, log *slog.Logger, cfg config, ready chan<- string) error {
	u, err := url.Parse(cfg.target)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return fmt.Errorf("target: want http://host:port, got %q", cfg.target)
	}
	logging.SetLevel(logging.LevelError)
	eng := nbio.NewEngine(nbio.Config{Network: "tcp", Addrs: []string{cfg.addr}, NPoller: cfg.pollers,
		LockPoller: cfg.lock, ReadBufferSize: 64 << 10})
	p := &proxy{eng: eng, target: u.Host, log: log}
	eng.OnData(p.onData)
	eng.OnClose(p.onClose)
	if err := eng.Start(); err != nil {
		return fmt.Errorf("start: %w", err)
	}
	log.Info("benchloop", "addr", eng.Addrs[0], "target", u.Host, "pollers", cfg.pollers, "gomaxprocs", runtime.GOMAXPROCS(0))
	if ready != nil {
		ready <- eng.Addrs[0]
	}
	<-ctx.Done()
	eng.Stop()
	return nil
}

// conn is one side of the proxy: a client connection or an upstream one.
type conn struct {
	c        *nbio.Conn
	peer     *conn // the other side while a request is in flight
	upstream bool
	buf      []byte // bytes kept for later: a partial head; on a client, pipelined requests too
	msg      body   // the body being passed on
	inBody   bool   // passing on msg (a request body on a client, an answer body upstream)
	// client only
	closeAfter bool // the request asked to close: close after its answer
	// upstream only
	req  head // the request being answered
	keep bool // the answer leaves the connection reusable
	sent bool // some of the answer reached the client
	dead bool // closed or closing
}

// proxy holds the shared state. One event loop (the default) calls onData
// for every connection from one goroutine; the lock is for nbio's onOpen and
// onClose, which run on other goroutines, and for -pollers above 1.
type proxy struct {
	mu     sync.Mutex
	eng    *nbio.Engine
	target string
	idle   []*conn
	log    *slog.Logger
}

var crlf2 = []byte("\r\n\r\n")

const maxHead = 64 << 10

func (p *proxy) onData(c *nbio.Conn, data []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	// State is made here, under the lock, not in nbio's OnOpen: that runs
	// on the accepting goroutine, and epoll is no happens-before edge the
	// race detector can see. Upstream connections get theirs in get.
	s, ok := c.Session().(*conn)
	if !ok {
		s = &conn{c: c}
		c.SetSession(s)
	}
	if s.upstream {
		p.answer(s, data)
	} else {
		p.request(s, data)
	}
}

// request handles bytes from a client. data belongs to the engine's read
// buffer: whatever is kept is copied.
func (p *proxy) request(cl *conn, data []byte) {
	if cl.inBody {
		n, done, err := cl.msg.feed(data)
		if err != nil {
			p.fail(cl, 400)
			return
		}
		if cl.peer != nil {
			_, _ = cl.peer.c.Write(data[:n])
		}
		cl.inBody = !done
		data = data[n:]
	}
	if cl.peer != nil || len(cl.buf) > 0 {
		cl.buf = append(cl.buf, data...)
		if cl.peer != nil {
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
	end := bytes.Index(data, crlf2)
	if end < 0 {
		if len(data) > maxHead {
			p.fail(cl, 431)
			return
		}
		cl.buf = append(cl.buf[:0:0], data...)
		return
	}
	end += len(crlf2)
	h, err := parseHead(data[:end], false)
	if err != nil {
		p.fail(cl, 400)
		return
	}
	up, err := p.get()
	if err != nil {
		p.log.Warn("upstream", "err", err)
		p.reply(cl, 502)
		cl.buf = nil
		return
	}
	up.peer, cl.peer = cl, up
	up.req, up.buf, up.inBody, up.sent = h, up.buf[:0], false, false
	cl.msg, cl.closeAfter = frame(h, false, head{}), h.close
	n, done, err := cl.msg.feed(data[end:])
	if err != nil {
		p.fail(cl, 400)
		return
	}
	cl.inBody = !done
	if _, err := up.c.Write(data[:end+n]); err != nil {
		p.abandon(up)
		p.reply(cl, 502)
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
		h, err := parseHead(data[:end], true)
		if err != nil || h.status == 101 {
			p.abandon(up)
			p.fail(cl, 502)
			return
		}
		if h.status/100 == 1 { // 100 Continue and the like: an answer head follows
			_, _ = cl.c.Write(data[:end])
			data = data[end:]
			up.buf = up.buf[:0]
			continue
		}
		up.msg = frame(h, true, up.req)
		up.keep = !h.close && up.msg.mode != bodyClose
		up.inBody = true
		up.buf = up.buf[:0] // data may alias it: written out below before the next read
		n, done, err := up.msg.feed(data[end:])
		p.pass(up, cl, data[:end+n], done, err, len(data)-end-n)
		return
	}
	n, done, err := up.msg.feed(data)
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
		_, _ = cl.c.Write(b)
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
		_ = cl.c.Close()
		return
	}
	if len(cl.buf) > 0 && !cl.inBody {
		pending := cl.buf
		cl.buf = nil
		p.next(cl, pending)
	}
}

// get returns an idle upstream connection or dials one. Dialing blocks the
// event loop, which is acceptable for a benchmark peer: it happens while the
// pool warms up.
func (p *proxy) get() (*conn, error) {
	for n := len(p.idle); n > 0; n = len(p.idle) {
		up := p.idle[n-1]
		p.idle = p.idle[:n-1]
		if !up.dead {
			return up, nil
		}
	}
	nc, err := net.DialTimeout("tcp", p.target, 5*time.Second)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", p.target, err)
	}
	c, err := p.eng.AddConn(nc)
	_ = nc.Close() // nbio keeps its own copy of the descriptor
	if err != nil {
		return nil, fmt.Errorf("add %s: %w", p.target, err)
	}
	up := &conn{c: c, upstream: true}
	c.SetSession(up)
	return up, nil
}

// abandon closes an upstream connection that cannot be reused.
func (p *proxy) abandon(up *conn) {
	up.dead = true
	if cl := up.peer; cl != nil {
		cl.peer = nil
		up.peer = nil
	}
	_ = up.c.Close()
}

func (p *proxy) onClose(c *nbio.Conn, _ error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s, ok := c.Session().(*conn)
	if !ok {
		return
	}
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
	case s.inBody && s.msg.mode == bodyClose:
		_ = cl.c.Close() // the close ends the answer
	case !s.sent:
		p.fail(cl, 502)
	default:
		_ = cl.c.Close() // the answer was cut short
	}
}

// reply answers a client with an empty error and keeps its connection.
func (p *proxy) reply(cl *conn, status int) {
	_, _ = fmt.Fprintf(cl.c, "HTTP/1.1 %d %s\r\nContent-Length: 0\r\n\r\n", status, statusText(status))
}

// fail answers with an error and closes the client connection.
func (p *proxy) fail(cl *conn, status int) {
	if up := cl.peer; up != nil {
		p.abandon(up)
	}
	_, _ = fmt.Fprintf(cl.c, "HTTP/1.1 %d %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", status, statusText(status))
	_ = cl.c.Close()
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
