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
	// draining: shutdown has begun (new connections are closed, each
	// client's connection is closed after its answer in flight);
	// drained is closed once no client connection is left.
	draining bool
	drained  chan struct{}
	// upProbe: an idle upstream connection older than this is checked
	// for a close by the upstream before reuse (tests change it);
	// upIdle: one older than this is closed, not reused.
	upProbe, upIdle time.Duration

	// Counts for tests and the log: requests sent upstream from the loop,
	// connections handed over, upstream connections detached for a slow
	// client.
	sent, handed, detached atomic.Int64
}

// loopEngineStarted, when set (tests), is told of every loop engine.
var loopEngineStarted func(*loopEngine)

// Limits of the loop engine.
const (
	loopMaxHead       = 16 << 10          // a larger header block is handed over (fasthttp answers 431)
	loopHighWater     = 1 << 20           // a client this far behind an answer slows its upstream (loopslow.go)
	loopLowWater      = 256 << 10         // ... until it is this far behind
	loopMaxIdle       = 1024              // idle upstream connections kept
	loopIdleTimeout   = 120 * time.Second // a client connection with no request
	loopHeaderTimeout = 10 * time.Second  // from a request's first byte to its header's end
	loopBodyTimeout   = 10 * time.Minute  // from the header's end to the body's (as the default engine)
	loopUpProbe       = time.Second       // as h1Transport.probeAfter
	loopUpIdle        = 90 * time.Second  // as h1Transport.idleTimeout
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
		clients: map[*loopClient]struct{}{}, idle: map[string][]*loopUp{}, drained: make(chan struct{}),
		upProbe: loopUpProbe, upIdle: loopUpIdle}
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
			return e.shutdown(ctx, done, sweep.C)
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
	if e.draining {
		return nil, gnet.Close // shutting down: no new client
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
		if s.slow {
			return e.detach(s, c)
		}
		return gnet.None
	}
	return gnet.Close
}

func (e *loopEngine) OnClose(c gnet.Conn, err error) gnet.Action {
	switch s := c.Context().(type) {
	case *loopClient:
		delete(e.clients, s)
		s.closed()
		e.checkDrained()
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
	e.expireIdle(now)
}

// shutdown is the graceful end, as the default engine's (fasthttp's
// ShutdownWithContext with CloseOnShutdown): no new connection is served
// (the loop keeps its listener, so one accepted now is closed at once),
// idle keep-alive connections are closed, a request in flight or being
// read is answered, with Connection: close, and then its connection is
// closed; the connections handed over are shut down by the fasthttp
// server meanwhile. After shutdown_timeout whatever is left is closed
// and the error says so.
func (e *loopEngine) shutdown(ctx context.Context, done <-chan error, sweep <-chan time.Time) error {
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), e.g.Config().ShutdownTimeout)
	defer cancel()
	fastDone := make(chan error, 1)
	go func() { fastDone <- e.fast.ShutdownWithContext(sctx) }()
	l := e.loop.Load()
	if l == nil || (*l).Execute(sctx, gnet.RunnableFunc(func(context.Context) error { e.drain(); return nil })) != nil {
		close(e.drained) // no connection was ever opened (or the loop is gone)
	}
	var errs []error
wait:
	for {
		select {
		case <-e.drained:
			break wait
		case <-sctx.Done():
			errs = append(errs, fmt.Errorf("shutdown: %w", sctx.Err()))
			break wait
		case err := <-done:
			return fmt.Errorf("loop engine: %w", err)
		case <-sweep:
			if l == nil {
				continue
			}
			_ = (*l).Execute(sctx, gnet.RunnableFunc(func(context.Context) error { e.sweep(time.Now()); return nil }))
		}
	}
	stop, cancelStop := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancelStop()
	_ = e.eng.Stop(stop) // closes what is left: upstream connections, clients past the timeout
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		errs = append(errs, fmt.Errorf("loop engine: %w", err))
	}
	if err := <-fastDone; err != nil {
		errs = append(errs, fmt.Errorf("shutdown: %w", err))
	}
	return errors.Join(errs...)
}

// drain starts the shutdown on the loop (see shutdown).
func (e *loopEngine) drain() {
	e.draining = true
	for cl := range e.clients {
		cl.drain()
	}
	e.checkDrained()
}

// checkDrained closes e.drained when shutting down with no client left.
func (e *loopEngine) checkDrained() {
	if e.draining && len(e.clients) == 0 {
		select {
		case <-e.drained:
		default:
			close(e.drained)
		}
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
	err := ServeLoop(ctx, g, fs, o.Logger, cfg.Listen, ready) // shuts fs down when ctx ends
	if err != nil && ctx.Err() == nil {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cfg.ShutdownTimeout)
		_ = fs.ShutdownWithContext(sctx) // the connections handed over
		cancel()
	}
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
