package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/redis/go-redis/v9"

	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/config"
	"github.com/parleyhq/parley/internal/httpapi"
	"github.com/parleyhq/parley/internal/ratelimit"
	"github.com/parleyhq/parley/internal/store/dial"
)

// pepperFile holds the generated pepper when PARLEY_AUTH_PEPPER is unset.
const pepperFile = "auth-pepper"

// loadPepper returns PARLEY_AUTH_PEPPER, or the pepper generated once into
// the data directory (created on first use, mode 0600).
func loadPepper(cfg *config.Serve) (auth.Pepper, error) {
	if cfg.AuthPepper != "" {
		return auth.Pepper(cfg.AuthPepper), nil
	}
	path := filepath.Join(cfg.DataDir, pepperFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
			return nil, fmt.Errorf("auth pepper: %w", err)
		}
		raw := make([]byte, 48)
		_, _ = rand.Read(raw)
		b = []byte(base64.RawStdEncoding.EncodeToString(raw))
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			return loadPepper(cfg) // another process won the race: use its pepper
		}
		if err != nil {
			return nil, fmt.Errorf("auth pepper: %w", err)
		}
		_, werr := f.Write(b)
		if err := errors.Join(werr, f.Close()); err != nil {
			return nil, fmt.Errorf("auth pepper: %w", err)
		}
	} else if err != nil {
		return nil, fmt.Errorf("auth pepper: %w", err)
	}
	p := auth.Pepper(strings.TrimSpace(string(b)))
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("auth pepper in %s: %w", path, err)
	}
	return p, nil
}

// newAuthServer builds the authorization server over db, its store
// decorated by wrap when wrap is not nil (the auth caches).
func newAuthServer(ctx context.Context, cfg *config.Serve, db dial.DB, wrap func(auth.Store) auth.Store, logger *slog.Logger) (*auth.Server, error) {
	st, ok := db.(auth.Store)
	if !ok {
		return nil, fmt.Errorf("the %s store does not implement the auth ports", db.Engine())
	}
	if wrap != nil {
		st = wrap(st)
	}
	pepper, err := loadPepper(cfg)
	if err != nil {
		return nil, err
	}
	return auth.NewServer(ctx, auth.Config{
		Issuer: cfg.PublicBase(), AccessTTL: cfg.AccessTTL, SigningAlg: cfg.SigningAlg, Pepper: pepper,
	}, st, auth.NewPasswords(auth.OWASPParams, 4), logger, nil)
}

// newLimits builds the rate limits: Redis-backed when a client is given (so
// replicas share one budget), in-process otherwise; none when turned off.
func newLimits(cfg *config.Serve, rdb *redis.Client, quotas auth.Quotas) (httpapi.Limits, error) {
	ips, err := ratelimit.NewIPResolver(cfg.TrustedProxies)
	if err != nil {
		return httpapi.Limits{}, fmt.Errorf("PARLEY_TRUSTED_PROXIES: %w", err)
	}
	l := httpapi.Limits{IPs: ips, Quotas: quotas, MonthlyQuota: cfg.MonthlyQuota}
	if !cfg.RateLimit {
		return l, nil
	}
	for _, r := range []struct {
		v   string
		dst *ratelimit.Limit
	}{{cfg.RateAnonymous, &l.Anonymous}, {cfg.RateAuthed, &l.Authenticated}} {
		n, per, err := config.ParseRate(r.v)
		if err != nil {
			return httpapi.Limits{}, err
		}
		*r.dst = ratelimit.Limit{Rate: n, Burst: n, Period: per}
	}
	if rdb != nil {
		l.Limiter = ratelimit.NewRedis(rdb, redisPrefix+"rl:")
	} else {
		l.Limiter = ratelimit.NewMemory(nil)
	}
	return l, nil
}
