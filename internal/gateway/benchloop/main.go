// Command benchloop is a peer in scripts/bench-gateway.sh: a bare reverse
// proxy on an event-loop I/O engine, next to benchfast (fasthttp, a
// goroutine per connection). It asks whether a Go proxy whose connections
// are all served by one goroutine waiting in epoll_wait — as nginx's worker
// is — reaches nginx's throughput under the same CPU quota, where Go's
// netpoller parks and wakes a goroutine twice per request.
//
// Two engines: github.com/lesismal/nbio (-engine nbio, the default) and
// github.com/panjf2000/gnet/v2 (-engine gnet). Both keep the client and the
// upstream connections on one event loop, so a request goes from one socket
// to the other without a goroutine switch.
//
// It is a benchmark peer, not a gateway: keep-alive on both sides, HTTP/1.1,
// Content-Length and chunked bodies passed through unchanged (it reads only
// the fields that frame a message), pipelined requests queued, one pool of
// idle upstream connections; no routing, authentication, limits, retries,
// timeouts, header rewriting, Upgrade or TLS.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:9001", "listen address")
	target := flag.String("target", "http://127.0.0.1:9000", "upstream URL (http only)")
	engine := flag.String("engine", "nbio", "event-loop engine: nbio or gnet")
	lock := flag.Bool("lock", false, "lock the event loop to its OS thread")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, log, config{addr: *addr, target: *target, engine: *engine, lock: *lock}, nil); err != nil {
		log.Error("benchloop", "err", err)
		os.Exit(1)
	}
}

type config struct {
	addr, target, engine string
	lock                 bool
}

// run serves until ctx ends; ready, if set, receives the address listened on.
func run(ctx context.Context, log *slog.Logger, cfg config, ready chan<- string) error {
	u, err := url.Parse(cfg.target)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return fmt.Errorf("target: want http://host:port, got %q", cfg.target)
	}
	switch cfg.engine {
	case "nbio":
		return runNbio(ctx, log, cfg, u.Host, ready)
	case "gnet":
		return runGnet(ctx, log, cfg, u.Host, ready)
	}
	return fmt.Errorf("engine: want nbio or gnet, got %q", cfg.engine)
}
