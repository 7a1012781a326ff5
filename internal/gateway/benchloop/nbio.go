package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"runtime"
	"sync"
	"time"

	"github.com/lesismal/nbio"
	"github.com/lesismal/nbio/logging"
)

// runNbio serves with one nbio event loop. nbio runs OnClose (and OnOpen)
// on other goroutines, hence the lock; OnData for every connection comes
// from the loop, so the lock is uncontended under load.
func runNbio(ctx context.Context, log *slog.Logger, cfg config, target string, ready chan<- string) error {
	logging.SetLevel(logging.LevelError)
	eng := nbio.NewEngine(nbio.Config{Network: "tcp", Addrs: []string{cfg.addr}, NPoller: 1,
		LockPoller: cfg.lock, ReadBufferSize: 64 << 10})
	var mu sync.Mutex
	p := &proxy{log: log}
	// Dialing blocks the loop, which a benchmark peer can afford: it happens
	// while the pool warms up.
	p.dial = func(cl *conn) {
		nc, err := net.DialTimeout("tcp", target, 5*time.Second)
		if err != nil {
			p.dialFailed(cl, fmt.Errorf("dial %s: %w", target, err))
			return
		}
		c, err := eng.AddConn(nc)
		_ = nc.Close() // nbio keeps its own copy of the descriptor
		if err != nil {
			p.dialFailed(cl, fmt.Errorf("add %s: %w", target, err))
			return
		}
		up := &conn{w: c, upstream: true}
		c.SetSession(up)
		p.connected(cl, up)
	}
	eng.OnData(func(c *nbio.Conn, data []byte) {
		mu.Lock()
		defer mu.Unlock()
		// State is made here, under the lock, not in OnOpen: that runs on
		// the accepting goroutine, and epoll is no happens-before edge the
		// race detector can see. Upstream connections get theirs in dial.
		s, ok := c.Session().(*conn)
		if !ok {
			s = &conn{w: c}
			c.SetSession(s)
		}
		if s.upstream {
			p.answer(s, data)
		} else {
			p.request(s, data)
		}
	})
	eng.OnClose(func(c *nbio.Conn, _ error) {
		mu.Lock()
		defer mu.Unlock()
		if s, ok := c.Session().(*conn); ok {
			p.closed(s)
		}
	})
	if err := eng.Start(); err != nil {
		return fmt.Errorf("start: %w", err)
	}
	log.Info("benchloop", "engine", "nbio", "addr", eng.Addrs[0], "target", target, "gomaxprocs", runtime.GOMAXPROCS(0))
	if ready != nil {
		ready <- eng.Addrs[0]
	}
	<-ctx.Done()
	eng.Stop()
	return nil
}
