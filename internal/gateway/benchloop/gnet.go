package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"runtime"
	"strings"
	"time"

	"github.com/panjf2000/gnet/v2"
	gnetlog "github.com/panjf2000/gnet/v2/pkg/logging"
)

// runGnet serves with one gnet event loop that accepts too (SO_REUSEPORT
// listener of its own, as nginx's single worker). Upstream connections are
// registered on the same loop, so every callback runs on one goroutine and
// the proxy needs no lock.
func runGnet(ctx context.Context, log *slog.Logger, cfg config, target string, ready chan<- string) error {
	taddr, err := net.ResolveTCPAddr("tcp", target)
	if err != nil {
		return fmt.Errorf("target: %w", err)
	}
	addr := cfg.addr
	if strings.HasSuffix(addr, ":0") { // gnet does not tell the port it bound: pick one
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			return fmt.Errorf("listen: %w", err)
		}
		addr = ln.Addr().String()
		_ = ln.Close()
	}
	h := &gnetProxy{p: &proxy{log: log}, target: taddr, ctx: ctx, addr: addr, ready: ready}
	h.p.dial = h.dial
	done := make(chan error, 1)
	go func() {
		done <- gnet.Run(h, "tcp://"+addr, gnet.WithMulticore(false), gnet.WithNumEventLoop(1),
			gnet.WithReusePort(true), gnet.WithLockOSThread(cfg.lock), gnet.WithLogLevel(gnetlog.ErrorLevel))
	}()
	select {
	case err := <-done:
		return fmt.Errorf("gnet: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = h.eng.Stop(sctx)
	return <-done
}

type gnetProxy struct {
	gnet.BuiltinEventEngine
	p      *proxy
	target net.Addr
	ctx    context.Context
	eng    gnet.Engine
	addr   string
	ready  chan<- string
}

// dialFor marks an upstream connection registered for a waiting client.
type dialFor struct{ cl *conn }

func (h *gnetProxy) OnBoot(e gnet.Engine) gnet.Action {
	h.eng = e
	log := h.p.log
	log.Info("benchloop", "engine", "gnet", "addr", h.addr, "target", h.target, "gomaxprocs", runtime.GOMAXPROCS(0))
	if h.ready != nil {
		h.ready <- h.addr
	}
	return gnet.None
}

// dial registers a new upstream connection on the client's loop; gnet dials
// on a goroutine of its own and calls OnOpen on the loop when it is there.
func (h *gnetProxy) dial(cl *conn) {
	loop := cl.w.(gnet.Conn).EventLoop()
	res, err := loop.Register(gnet.NewContext(h.ctx, dialFor{cl}), h.target)
	if err != nil {
		h.p.dialFailed(cl, err)
		return
	}
	go func() {
		if r := <-res; r.Err != nil {
			_ = loop.Execute(h.ctx, gnet.RunnableFunc(func(context.Context) error {
				h.p.dialFailed(cl, r.Err)
				return nil
			}))
		}
	}()
}

func (h *gnetProxy) OnOpen(c gnet.Conn) ([]byte, gnet.Action) {
	if d, ok := c.Context().(dialFor); ok {
		up := &conn{w: c, upstream: true}
		c.SetContext(up)
		h.p.connected(d.cl, up)
		return nil, gnet.None
	}
	c.SetContext(&conn{w: c})
	return nil, gnet.None
}

func (h *gnetProxy) OnTraffic(c gnet.Conn) gnet.Action {
	s, ok := c.Context().(*conn)
	data, _ := c.Next(-1)
	if !ok {
		return gnet.Close
	}
	if s.upstream {
		h.p.answer(s, data)
	} else {
		h.p.request(s, data)
	}
	return gnet.None
}

func (h *gnetProxy) OnClose(c gnet.Conn, _ error) gnet.Action {
	if s, ok := c.Context().(*conn); ok {
		h.p.closed(s)
	}
	return gnet.None
}
