package gateway

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/parleyhq/parley/internal/gateway/config"
)

// Options are what Serve needs besides the configuration file.
type Options struct {
	// ConfigPath is the YAML file; it is re-read on SIGHUP and when its
	// content changes.
	ConfigPath string
	Logger     *slog.Logger
	// Ready, when set, receives the bound proxy and admin addresses (admin
	// empty when off) once both listen; tests use it with port 0.
	Ready func(proxy, admin string)
	// FrontEnd serves the proxy listener: FrontEndFastHTTP (the default,
	// also for "") or FrontEndNetHTTP, the plain net/http server.
	FrontEnd string
}

// Serve runs the gateway until ctx ends, then shuts down gracefully: it
// stops accepting, lets in-flight requests and streams finish within
// shutdown_timeout, and returns nil. Changes of listen or admin_listen in a
// reloaded file are logged and take effect at the next start.
func Serve(ctx context.Context, o Options) error {
	cfg, err := config.Load(ctx, o.ConfigPath)
	if err != nil {
		return err
	}
	g, err := New(o.Logger, cfg)
	if err != nil {
		return err
	}
	defer g.Close()
	if cfg.Engine == config.EngineLoop {
		return serveLoopEngine(ctx, g, o)
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	var servers []shutdowner
	errc := make(chan error, 2)
	if o.FrontEnd == "" {
		o.FrontEnd = FrontEndFastHTTP // named in the start-up log
	}
	switch o.FrontEnd {
	case FrontEndFastHTTP:
		fs := g.NewFastServer(o.Logger)
		servers = append(servers, fastShutdowner{fs})
		go func() {
			err := ServeFast(fs, ln)
			if err == nil {
				err = http.ErrServerClosed // fasthttp's way of saying it was shut down
			}
			errc <- err
		}()
	case FrontEndNetHTTP:
		srv := &http.Server{Handler: g, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 120 * time.Second,
			ErrorLog: slog.NewLogLogger(o.Logger.Handler(), slog.LevelDebug)}
		servers = append(servers, srv)
		go func() { errc <- srv.Serve(ln) }()
	default:
		_ = ln.Close()
		return fmt.Errorf("front end %q: want %q or %q", o.FrontEnd, FrontEndFastHTTP, FrontEndNetHTTP)
	}
	adminAddr := ""
	if cfg.AdminListen != "" {
		aln, err := lc.Listen(ctx, "tcp", cfg.AdminListen)
		if err != nil {
			_ = servers[0].Shutdown(context.WithoutCancel(ctx))
			return fmt.Errorf("admin listen: %w", err)
		}
		admin := &http.Server{Handler: g.AdminHandler(), ReadHeaderTimeout: 10 * time.Second}
		servers = append(servers, admin)
		adminAddr = aln.Addr().String()
		go func() { errc <- admin.Serve(aln) }()
	}
	// SIGHUP is caught from here on, before anyone is told the gateway is up.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	o.Logger.Info("gateway listening", "addr", ln.Addr().String(), "admin", adminAddr, "front_end", o.FrontEnd,
		"routes", len(cfg.Routes), "upstreams", len(cfg.Upstreams))
	if o.Ready != nil {
		o.Ready(ln.Addr().String(), adminAddr)
	}
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go watch(watchCtx, g, o.ConfigPath, cfg.ReloadInterval, o.Logger, hup)
	select {
	case <-ctx.Done():
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve: %w", err)
		}
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), g.Config().ShutdownTimeout)
	defer cancel()
	var errs []error
	for _, s := range servers {
		if err := s.Shutdown(sctx); err != nil {
			errs = append(errs, fmt.Errorf("shutdown: %w", err))
		}
	}
	o.Logger.Info("gateway stopped")
	return errors.Join(errs...)
}

// shutdowner is what Serve needs of a server at the end.
type shutdowner interface {
	Shutdown(ctx context.Context) error
}

type fastShutdowner struct{ s *fasthttp.Server }

func (f fastShutdowner) Shutdown(ctx context.Context) error { return f.s.ShutdownWithContext(ctx) }

// Watch reloads path into g on SIGHUP and whenever its content
// changes (polled every interval; never when interval < 0). A file
// that fails to parse or validate is logged and the running configuration
// stays.
func Watch(ctx context.Context, g *Gateway, path string, interval time.Duration, logger *slog.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	watch(ctx, g, path, interval, logger, hup)
}

func watch(ctx context.Context, g *Gateway, path string, interval time.Duration, logger *slog.Logger, hup <-chan os.Signal) {
	var tick <-chan time.Time
	if interval > 0 {
		t := time.NewTicker(interval)
		defer t.Stop()
		tick = t.C
	}
	_, last, _ := read(path)
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			b, s, err := read(path)
			last = s
			reload(g, path, b, err, logger, "sighup")
		case <-tick:
			// The bytes hashed are the bytes loaded: a second read could
			// catch the file mid-write after the hash said it changed.
			if b, s, err := read(path); s != last {
				last = s
				reload(g, path, b, err, logger, "file_change")
			}
		}
	}
}

// read returns the file's content and a stamp of it. Hashing a small file
// every poll is cheap and, unlike mtime and size, cannot miss two writes
// within one timestamp tick that leave the size unchanged. An unreadable
// file stamps as zero.
func read(path string) ([]byte, [sha256.Size]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, [sha256.Size]byte{}, fmt.Errorf("read gateway config: %w", err)
	}
	return b, sha256.Sum256(b), nil
}

func reload(g *Gateway, path string, b []byte, err error, logger *slog.Logger, why string) {
	var cfg *config.Config
	if err == nil {
		cfg, err = config.Parse(b)
		if err != nil {
			err = fmt.Errorf("%s: %w", path, err)
		}
	}
	if err != nil {
		g.metrics.reloads.WithLabelValues("error").Inc() // Apply counts its own outcomes
	} else {
		old := g.Config()
		if cfg.Listen != old.Listen || cfg.AdminListen != old.AdminListen {
			logger.Warn("listen addresses changed; they take effect at the next start", "path", path)
		}
		err = g.Apply(cfg)
	}
	if err != nil {
		logger.Error("config reload failed; keeping the running configuration", "why", why, "err", err)
		return
	}
	logger.Info("config reloaded", "why", why, "routes", len(cfg.Routes))
}
