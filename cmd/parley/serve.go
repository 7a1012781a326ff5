package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"runtime/debug"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/docs"
	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/config"
	"github.com/parleyhq/parley/internal/httpapi"
	"github.com/parleyhq/parley/internal/profile"
	"github.com/parleyhq/parley/internal/ratelimit"
	"github.com/parleyhq/parley/internal/telemetry"
)

// serveGCPercent is serve's GOGC when the environment sets none.
const serveGCPercent = 400

func serveHelp(w io.Writer) {
	fmt.Fprint(w, `Runs the HTTP API (profiles, text and voice chat, OAuth) on PARLEY_HTTP_ADDR. With no
settings it needs no other server: SQLite in PARLEY_DATA_DIR; cache, sessions and rate
limits in process. Pending migrations are applied at start, under a lock. SIGINT or
SIGTERM stops it once in-flight requests finish (at most PARLEY_SHUTDOWN_TIMEOUT).
Each setting is read from its environment variable, else the --config file, else its
default. GOGC, when unset, is 400 for serve (Go's default is 100).

Examples:
  parley serve
  PARLEY_HTTP_ADDR=127.0.0.1:9000 PARLEY_DATA_DIR=/tmp/parley parley serve
  DATABASE_URL=postgres://parley@127.0.0.1:5432/parley REDIS_URL=redis://127.0.0.1:6379/0 parley serve
`)
	settingsHelp(w)
}

func runServe(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("serve", "serve [--config FILE]", e.stderr, serveHelp)
	load := serveConfig(fs, e)
	if err := parseFlags(fs, args, e); err != nil {
		return err
	}
	cfg, err := load()
	if err != nil {
		return err
	}
	logger := telemetry.NewLogger(e.stderr, cfg.LogFormat, cfg.LogLevel)
	logger.Info("starting parley", "version", version, "config", cfg.Settings().Masked())
	if e.getenv("GOGC") == "" {
		// The live heap is ~30 MB and a text turn allocates ~14 KB, so at
		// Go's default (100) the collector ran ~5 times a second under
		// load; 400 cut server CPU per turn in every interleaved round
		// (docs/benchmarks-log.md, "Garbage collection") for ~90 MB more
		// resident memory. GOGC in the environment still decides.
		debug.SetGCPercent(serveGCPercent)
		logger.Debug("garbage collection", "gogc", serveGCPercent)
	}

	db, err := openStore(ctx, cfg, logger)
	if err != nil {
		return fmt.Errorf("database: %w", err)
	}
	defer db.Close()

	checks := []httpapi.Check{httpapi.ReadinessOf("database", db)}
	var rdb *redis.Client
	if cfg.RedisURL != "" {
		if rdb, err = newRedis(ctx, cfg.RedisURL); err != nil {
			return fmt.Errorf("redis: %w", err)
		}
		defer rdb.Close()
		checks = append(checks, httpapi.Check{Name: "redis", Func: func(ctx context.Context) error { return rdb.Ping(ctx).Err() }})
	}

	// Create business packages.
	registry := telemetry.NewRegistry()
	// --- caching (issue 7): profile reads through the cache; db itself with PARLEY_CACHE=off.
	reads, caches, closeCaches, err := cachedStore(ctx, cfg, db, rdb, registry, logger)
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	defer closeCaches()
	// --- end caching
	profiles := profile.NewService(reads)
	if !cfg.Cache {
		profiles.WithoutCache()
	}
	chats := chat.New(reads, sessionState(rdb), chat.Config{SessionTTL: cfg.SessionTTL, MaxQuestionLen: int(cfg.MaxQuestionLen)}, logger)
	if !cfg.Cache {
		chats.WithoutCache()
	}
	answers, closeAnswers, err := answerCache(ctx, cfg, rdb, caches, logger)
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	defer closeAnswers()
	if answers != nil {
		chats.WithAnswerCache(answers)
	}
	if err := attachLLM(cfg, rdb, registry, chats, logger); err != nil {
		return fmt.Errorf("llm: %w", err)
	}
	voice, err := newVoice(ctx, cfg, chats, registry, logger)
	if err != nil {
		return fmt.Errorf("voice: %w", err)
	}
	defer voice.quiet()
	voiceCheck := voice.check()
	checks = append(checks, httpapi.Check{Name: "voice", Optional: true, Func: func(context.Context) error { return voiceCheck() }})
	if c, ok := blobCheck(voice.store); ok {
		checks = append(checks, c)
	}
	authWrap, closeAuthCache, err := authCache(ctx, cfg, rdb, caches, logger)
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	defer closeAuthCache()
	authServer, err := newAuthServer(ctx, cfg, db, authWrap, logger)
	if err != nil {
		return fmt.Errorf("auth: %w", err)
	}
	quotas, _ := db.(auth.Quotas)
	limits, err := newLimits(cfg, rdb, quotas)
	if err != nil {
		return err
	}
	if mem, ok := limits.Limiter.(*ratelimit.Memory); ok {
		go mem.Run(ctx, time.Minute)
	}
	api := httpapi.New(httpapi.Deps{
		Logger:        logger,
		Registry:      registry,
		Profiles:      profiles,
		Chat:          chats,
		Checks:        checks,
		MetricsOnMain: cfg.AdminAddr == "",
		AccessLog:     true,
		CORSOrigins:   cfg.CORSOrigins,
		MaxBodyBytes:  cfg.MaxBodyBytes,
		OpenAPI:       docs.OpenAPI,
		Auth:          authServer,
		Policy:        auth.DefaultPolicy(),
		Limits:        limits,
		Voice:         voice.service,
		VoiceDown:     voice.down,
		// Streams hold a recogniser and a session lock for as long as
		// the client likes: capped per visitor and in all.
		VoiceStreamsPerClient: int(cfg.Voice.StreamsPerClient),
		VoiceStreams:          int(cfg.Voice.Streams),
		Audio:                 voice.audio,
		CacheStats:            func() any { return caches.Stats() },
	})
	authServer.OnError = api.WriteError
	go reloadKeys(ctx, authServer, keyReloadEvery(cfg), logger)
	go sweepSessions(ctx, db, cfg.SessionRetain, logger)
	audioSweep := time.NewTicker(time.Hour)
	defer audioSweep.Stop()
	startAudioRetention(ctx, cfg, voice.store, audioSweep.C, logger)

	servers := []*http.Server{newHTTPServer(cfg, cfg.HTTPAddr, api.Handler(), logger)}
	servers[0].RegisterOnShutdown(api.CloseStreams) // Shutdown does not track WebSockets
	if cfg.AdminAddr != "" {
		servers = append(servers, newHTTPServer(cfg, cfg.AdminAddr, adminHandler(registry), logger))
	}
	return serveUntilDone(ctx, cfg, servers, logger)
}

// maxHeaderBytes is the listener's head limit, well past the API's own
// (httpapi.MaxHeadBytes): a head between the two reaches the API, which
// answers 431 as problem+json naming the field at fault; only a head past
// this one gets net/http's plain-text 431. The memory a connection may
// hold while its head arrives stays bounded (256 KiB, plus net/http's
// 4 KiB of slack).
const maxHeaderBytes = 4 * httpapi.MaxHeadBytes

func newHTTPServer(cfg *config.Serve, addr string, h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadTimeout:       cfg.ReadTimeout,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       cfg.IdleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}

// adminHandler serves metrics and profiling on the admin listener, away
// from the public API.
func adminHandler(reg *prometheus.Registry) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", httpapi.MetricsHandler(reg))
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	return mux
}

// serveUntilDone listens on every server and, when ctx ends (SIGTERM or
// SIGINT), stops accepting, lets in-flight requests finish and returns nil.
func serveUntilDone(ctx context.Context, cfg *config.Serve, servers []*http.Server, logger *slog.Logger) error {
	listeners := make([]net.Listener, 0, len(servers))
	for _, s := range servers {
		l, err := net.Listen("tcp", s.Addr)
		if err != nil {
			for _, l := range listeners {
				l.Close()
			}
			return fmt.Errorf("listen on %s: %w", s.Addr, err)
		}
		listeners = append(listeners, l)
	}
	errc := make(chan error, len(servers))
	var wg sync.WaitGroup
	for i, s := range servers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			logger.Info("listening", "addr", listeners[i].Addr().String())
			if err := s.Serve(listeners[i]); err != nil && !errors.Is(err, http.ErrServerClosed) {
				errc <- err
			}
		}()
	}
	var serveErr error
	select {
	case <-ctx.Done():
		logger.Info("shutting down: finishing in-flight requests", "timeout", cfg.ShutdownTimeout)
	case serveErr = <-errc:
		logger.Error("server failed", "err", serveErr)
	}
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	for _, s := range servers {
		if err := s.Shutdown(sctx); err != nil {
			logger.Warn("shutdown incomplete", "addr", s.Addr, "err", err)
		}
	}
	wg.Wait()
	logger.Info("stopped")
	return serveErr
}

// reloadKeys picks up signing keys rotated by `parley admin keys rotate` or
// by another replica.
func reloadKeys(ctx context.Context, s *auth.Server, every time.Duration, logger *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.ReloadKeys(ctx); err != nil && ctx.Err() == nil {
				logger.Warn("reload signing keys", "err", err)
			}
		}
	}
}

// sweepSessions deletes sessions (with their messages) that expired more
// than retain ago, hourly; with several replicas each sweeps, harmlessly.
func sweepSessions(ctx context.Context, db interface {
	DeleteExpiredSessions(context.Context, time.Time) (int, error)
}, retain time.Duration, logger *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			n, err := db.DeleteExpiredSessions(ctx, time.Now().Add(-retain))
			if err != nil && ctx.Err() == nil {
				logger.Warn("sweep expired sessions", "err", err)
			} else if n > 0 {
				logger.Info("expired sessions deleted", "count", n)
			}
		}
	}
}
