package gateway

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/panjf2000/gnet/v2"
	"github.com/valyala/fasthttp"

	"github.com/parleyhq/parley/internal/gateway/config"
)

// The event-loop engine (engine: loop, experimental). One gnet event loop
// accepts the proxy's connections and owns every socket of the ordinary
// path: the client connections and the upstream connections registered on
// the same loop, so that every callback runs on one goroutine and no
// request parks a goroutine or wakes one. Per client connection a small
// state machine (loopClient) reads a request whole (header block and a
// body of known length up to h1MaxBody), routes it, runs the edge checks
// on the raw bytes (the in-process rate limiter, JWT through the cached
// JWKS, API-key pass-through), writes the outbound request from the raw
// header block (loopwire.go) and passes the answer on as it arrives
// (loopanswer.go), its framing tracked by h1frame. Anything the loop does
// not serve — protocol switches, Expect, chunked or large uploads, HEAD,
// escaped or absolute targets, HTTP/1.0, bare-LF or folded header blocks,
// https targets, a JWT whose key is not cached — is handed over, at a
// request boundary, to the default fasthttp engine on the same socket
// (handOver): a dup'd descriptor becomes a net.Conn served by a goroutine
// of its own, with the bytes the loop had read put in front.

// loopEngine is one gateway's event loop.
type loopEngine struct {
	gnet.BuiltinEventEngine
	g      *Gateway
	fast   *fasthttp.Server // takes the connections handed over
	logger *slog.Logger
	addr   string
	eng    gnet.Engine
	booted chan struct{}
	loop   atomic.Pointer[gnet.EventLoop]

	// Loop-owned (touched on the loop goroutine only).
	clients map[*loopClient]struct{}
	idle    map[string][]*loopUp // idle upstream connections by address
	nIdle   int
	wbuf    []byte // an answer header being written

	// Counts for tests and the log: requests sent upstream from the loop,
	// connections handed over.
	sent, handed atomic.Int64
}

// loopEngineStarted, when set (tests), is told of every loop engine.
var loopEngineStarted func(*loopEngine)

// Limits of the loop engine.
const (
	loopMaxHead       = 16 << 10          // a larger header block is handed over (fasthttp answers 431)
	loopMaxPending    = 8 << 20           // a client this far behind an answer is cut
	loopMaxIdle       = 1024              // idle upstream connections kept
	loopIdleTimeout   = 120 * time.Second // a client connection with no request
	loopHeaderTimeout = 10 * time.Second  // from a request's first byte to its end
	loopSweep         = 50 * time.Millisecond
)

// ServeLoop serves g on addr with the event-loop engine until ctx ends;
// ready, when set, is called with the bound address. Connections handed
// over are served by fast (g's fasthttp server).
func ServeLoop(ctx context.Context, g *Gateway, fast *fasthttp.Server, logger *slog.Logger, addr string, ready func(string)) error {
	if strings.HasSuffix(addr, ":0") { // gnet does not tell the port it bound: pick one
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			return fmt.Errorf("listen: %w", err)
		}
		addr = ln.Addr().String()
		_ = ln.Close()
	}
	e := &loopEngine{g: g, fast: fast, logger: logger, addr: addr, booted: make(chan struct{}),
		clients: map[*loopClient]struct{}{}, idle: map[string][]*loopUp{}}
	if loopEngineStarted != nil {
		loopEngineStarted(e)
	}
	done := make(chan error, 1)
	go func() {
		done <- gnet.Run(e, "tcp://"+addr, gnet.WithMulticore(false), gnet.WithNumEventLoop(1),
			gnet.WithReusePort(true), gnet.WithTCPNoDelay(gnet.TCPNoDelay), gnet.WithLogger(gnetLogger{logger}))
	}()
	select {
	case err := <-done:
		return fmt.Errorf("loop engine: %w", err)
	case <-e.booted:
	}
	if ready != nil {
		ready(addr)
	}
	sweep := time.NewTicker(loopSweep)
	defer sweep.Stop()
	for {
		select {
		case err := <-done:
			return fmt.Errorf("loop engine: %w", err)
		case <-ctx.Done():
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), g.Config().ShutdownTimeout)
			defer cancel()
			_ = e.eng.Stop(sctx)
			if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
				return fmt.Errorf("loop engine: %w", err)
			}
			return nil
		case <-sweep.C:
			if l := e.loop.Load(); l != nil {
				_ = (*l).Execute(ctx, gnet.RunnableFunc(func(context.Context) error { e.sweep(time.Now()); return nil }))
			}
		}
	}
}

func (e *loopEngine) OnBoot(eng gnet.Engine) gnet.Action {
	e.eng = eng
	close(e.booted)
	return gnet.None
}

// loopDial marks an upstream connection registered for an exchange.
type loopDial struct{ up *loopUp }

func (e *loopEngine) OnOpen(c gnet.Conn) ([]byte, gnet.Action) {
	if e.loop.Load() == nil {
		l := c.EventLoop()
		e.loop.Store(&l)
	}
	if d, ok := c.Context().(loopDial); ok {
		c.SetContext(d.up)
		e.upOpened(d.up, c)
		return nil, gnet.None
	}
	cl := &loopClient{e: e, c: c, since: time.Now()}
	if ap, err := netip.ParseAddrPort(c.RemoteAddr().String()); err == nil {
		cl.peer = ap.Addr().Unmap()
	}
	c.SetContext(cl)
	e.clients[cl] = struct{}{}
	return nil, gnet.None
}

func (e *loopEngine) OnTraffic(c gnet.Conn) gnet.Action {
	data, _ := c.Next(-1)
	switch s := c.Context().(type) {
	case *loopClient:
		return s.traffic(data)
	case *loopUp:
		e.upTraffic(s, data)
		return gnet.None
	}
	return gnet.Close
}

func (e *loopEngine) OnClose(c gnet.Conn, err error) gnet.Action {
	switch s := c.Context().(type) {
	case *loopClient:
		delete(e.clients, s)
		s.closed()
	case *loopUp:
		e.upClosed(s, err)
	}
	return gnet.None
}

// sweep runs on the loop every loopSweep: route timeouts, idle and slow
// clients, and the closes and hand-overs that waited for a client's
// pending output to drain.
func (e *loopEngine) sweep(now time.Time) {
	for cl := range e.clients {
		cl.tick(now)
	}
}

// handOver gives cl's connection to the fasthttp engine with the bytes
// the loop has read and not served (cl.in) in front. It is called on the
// client's own OnTraffic, so that no byte can be read by the loop after
// the descriptor is dup'd; the caller returns gnet.Close, which closes
// the loop's descriptor (the socket stays open through the dup).
func (cl *loopClient) handOver() gnet.Action {
	fd, err := cl.c.Dup()
	if err != nil {
		cl.e.logger.Warn("loop engine: hand-over failed", "err", err)
		return gnet.Close
	}
	f := os.NewFile(uintptr(fd), "client")
	nc, err := net.FileConn(f) // dups again, non-blocking, on Go's poller
	_ = f.Close()
	if err != nil {
		cl.e.logger.Warn("loop engine: hand-over failed", "err", err)
		return gnet.Close
	}
	cl.e.handed.Add(1)
	pre := append([]byte(nil), cl.in...)
	cl.in, cl.handed = nil, true
	lc := &lingerConn{Conn: &prefixConn{Conn: nc, pre: pre}}
	go func() { _ = cl.e.fast.ServeConn(lc) }()
	return gnet.Close
}

// serveLoopEngine is Serve for engine: loop: the proxy listener on the
// event loop (its own SO_REUSEPORT socket), the admin listener and the
// file watch as with the default engine.
func serveLoopEngine(ctx context.Context, g *Gateway, o Options) error {
	cfg := g.Config()
	fs := g.NewFastServer(o.Logger)
	adminAddr := ""
	errc := make(chan error, 1)
	if cfg.AdminListen != "" {
		var lc net.ListenConfig
		aln, err := lc.Listen(ctx, "tcp", cfg.AdminListen)
		if err != nil {
			return fmt.Errorf("admin listen: %w", err)
		}
		admin := &http.Server{Handler: g.AdminHandler(), ReadHeaderTimeout: 10 * time.Second}
		defer func() { _ = admin.Shutdown(context.WithoutCancel(ctx)) }()
		adminAddr = aln.Addr().String()
		go func() { errc <- admin.Serve(aln) }()
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	ready := func(addr string) {
		o.Logger.Info("gateway listening", "addr", addr, "admin", adminAddr, "engine", config.EngineLoop,
			"routes", len(cfg.Routes), "upstreams", len(cfg.Upstreams))
		if o.Ready != nil {
			o.Ready(addr, adminAddr)
		}
		go watch(watchCtx, g, o.ConfigPath, cfg.ReloadInterval, o.Logger, hup)
	}
	err := ServeLoop(ctx, g, fs, o.Logger, cfg.Listen, ready)
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), g.Config().ShutdownTimeout)
	defer cancel()
	_ = fs.ShutdownWithContext(sctx) // the connections handed over
	o.Logger.Info("gateway stopped")
	return err
}

// gnetLogger puts gnet's messages in the gateway's log: its warnings
// (such as an event for a connection closed earlier in the same poll)
// at debug level, its errors as errors.
type gnetLogger struct{ l *slog.Logger }

func (g gnetLogger) Debugf(f string, a ...any) { g.l.Debug("gnet: " + fmt.Sprintf(f, a...)) }
func (g gnetLogger) Infof(f string, a ...any)  { g.l.Debug("gnet: " + fmt.Sprintf(f, a...)) }
func (g gnetLogger) Warnf(f string, a ...any)  { g.l.Debug("gnet: " + fmt.Sprintf(f, a...)) }
func (g gnetLogger) Errorf(f string, a ...any) { g.l.Error("gnet: " + fmt.Sprintf(f, a...)) }
func (g gnetLogger) Fatalf(f string, a ...any) { g.l.Error("gnet: " + fmt.Sprintf(f, a...)) }
