// Package config is the gateway's configuration: the YAML schema, strict
// decoding (an unknown key is an error that names its path) and validation
// with messages that say which field is wrong and why.
package config

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parleyhq/parley/internal/apperr"
)

// Config is one gateway configuration file.
type Config struct {
	// Listen is the address of the proxy listener; routes own every path on it.
	Listen string `yaml:"listen"`
	// Engine serves the proxy listener: "" or "fasthttp" (the default)
	// or "loop", the experimental event-loop engine (one gnet loop for
	// the ordinary path; what it does not serve is handed over to the
	// default engine on the same connection).
	Engine string `yaml:"engine"`
	// AdminListen, when set, serves /healthz, /metrics and /status.
	AdminListen string `yaml:"admin_listen"`
	// TrustedProxies are CIDRs (or addresses) whose X-Forwarded-* headers are
	// believed; from anyone else those headers are replaced.
	TrustedProxies []string `yaml:"trusted_proxies"`
	// ReloadInterval is how often the file is polled for a change of content
	// (0: the default of 2s; negative: never; SIGHUP always reloads).
	ReloadInterval time.Duration `yaml:"reload_interval"`
	// ShutdownTimeout bounds how long a graceful shutdown waits for
	// in-flight requests and streams (default 30s).
	ShutdownTimeout time.Duration `yaml:"shutdown_timeout"`
	// MaxRequestBody is the largest request body forwarded, in bytes
	// (default 64 MiB): a larger declared length is refused with 413
	// before the body is read, and a chunked body that grows past it is
	// cut (the upstream sees it end short). Bodies over 64 KiB or chunked
	// are streamed to the upstream as they arrive, never held whole.
	MaxRequestBody int64 `yaml:"max_request_body"`
	// Upstreams are the pools of targets, by name.
	Upstreams map[string]*Upstream `yaml:"upstreams"`
	// Routes are matched in order; the first match wins.
	Routes []*Route `yaml:"routes"`
}

// The engines (Config.Engine).
const (
	EngineFastHTTP = "fasthttp"
	EngineLoop     = "loop"
)

// Balancing names a load-balancing policy.
type Balancing string

// The balancing policies.
const (
	RoundRobin    Balancing = "round_robin"
	LeastRequests Balancing = "least_requests"
	P2CLatency    Balancing = "p2c_latency"
)

// Upstream is a pool of equivalent targets.
type Upstream struct {
	// Targets are base URLs (http or https, no path beyond "/").
	Targets []string `yaml:"targets"`
	// Balancing is the policy; default round_robin.
	Balancing Balancing `yaml:"balancing"`
	// PreserveHost sends the client's Host header upstream (default true);
	// false sends the target's host.
	PreserveHost *bool `yaml:"preserve_host"`
	// HealthCheck, when set, probes every target actively.
	HealthCheck *HealthCheck `yaml:"health_check"`
	// Outlier is passive ejection of targets that fail consecutively.
	Outlier Outlier `yaml:"outlier"`
	// Retries governs retries of idempotent requests.
	Retries Retries `yaml:"retries"`
	// Breaker is the upstream's circuit breaker.
	Breaker Breaker `yaml:"breaker"`
}

// HealthCheck is an active probe: GET Path on every target every Interval.
type HealthCheck struct {
	Path               string        `yaml:"path"`
	Interval           time.Duration `yaml:"interval"`
	Timeout            time.Duration `yaml:"timeout"`
	UnhealthyThreshold int           `yaml:"unhealthy_threshold"`
	HealthyThreshold   int           `yaml:"healthy_threshold"`
}

// Outlier ejects a target after ConsecutiveFailures connection errors or
// 5xx answers, for EjectionTime, never more than MaxEjectionPercent of the pool.
type Outlier struct {
	ConsecutiveFailures int           `yaml:"consecutive_failures"`
	EjectionTime        time.Duration `yaml:"ejection_time"`
	MaxEjectionPercent  int           `yaml:"max_ejection_percent"`
}

// Retries: at most Attempts extra tries of an idempotent request that failed
// to connect or got 502/503/504, while retries stay under BudgetRatio of
// requests (plus MinRetries of slack so that a quiet pool can retry at all).
type Retries struct {
	Attempts    *int    `yaml:"attempts"`
	BudgetRatio float64 `yaml:"budget_ratio"`
	MinRetries  int     `yaml:"min_retries"`
}

// Breaker opens after ConsecutiveFailures failures in a row, stays open for
// OpenTime, then lets HalfOpenRequests through to probe.
type Breaker struct {
	ConsecutiveFailures int           `yaml:"consecutive_failures"`
	OpenTime            time.Duration `yaml:"open_time"`
	HalfOpenRequests    int           `yaml:"half_open_requests"`
}

// Route sends matching requests to an upstream.
type Route struct {
	// Name labels the route in metrics (default "route<index>").
	Name string `yaml:"name"`
	// PathPrefix matches the request path by prefix (required; "/" is all).
	PathPrefix string `yaml:"path_prefix"`
	// Host, when set, matches the Host header: exact, or "*.example.com".
	Host string `yaml:"host"`
	// Methods, when set, restricts the route to these methods.
	Methods []string `yaml:"methods"`
	// Upstream names the pool.
	Upstream string `yaml:"upstream"`
	// Timeout bounds the wait for the upstream's response headers (per
	// attempt; streams that have started are never cut; up to 1/64 early on
	// the HTTP/1.1 fast path, which keeps a connection's deadline armed
	// across requests). Default 30s.
	Timeout time.Duration `yaml:"timeout"`
	// Auth, when set, requires a valid JWT (or an API key, if allowed).
	Auth *Auth `yaml:"auth"`
	// RateLimit, when set, limits requests per client.
	RateLimit *RateLimit `yaml:"rate_limit"`
}

// Auth validates bearer JWTs against a JWKS.
type Auth struct {
	JWKSURL  string `yaml:"jwks_url"`
	Issuer   string `yaml:"issuer"`
	Audience string `yaml:"audience"`
	// AllowAPIKeys passes bearer credentials that are not JWTs through
	// unchecked, for the upstream to verify (Parley API keys are opaque).
	AllowAPIKeys bool `yaml:"allow_api_keys"`
	// RefreshMinInterval rate-limits JWKS refreshes on unknown kids (default 10s).
	RefreshMinInterval time.Duration `yaml:"refresh_min_interval"`
	// RefreshInterval is how often the JWKS is re-fetched in the background
	// (default 5m, at least 1s), sooner when the response's Cache-Control
	// max-age is shorter (but not below 30s), so that a key withdrawn from
	// the JWKS stops being accepted, cached tokens included.
	RefreshInterval time.Duration `yaml:"refresh_interval"`
}

// RateLimit is a GCRA limit per client key.
type RateLimit struct {
	Rate   int           `yaml:"rate"`
	Period time.Duration `yaml:"period"`
	Burst  int           `yaml:"burst"`
	// Key is "ip" (default) or "credential" (the bearer credential, else the IP).
	Key string `yaml:"key"`
	// RedisURL shares the limit between gateway replicas; memory when empty.
	RedisURL string `yaml:"redis_url"`
	// KeyPrefix prefixes Redis keys (default "parley:gw:").
	KeyPrefix string `yaml:"key_prefix"`
}

// Load reads and validates the file at path.
func Load(_ context.Context, path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gateway config: %w", err)
	}
	c, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// Parse decodes strictly, applies defaults and validates. Errors are
// apperr.Malformed (bad YAML, unknown key) or apperr.Invalid (bad values).
func Parse(b []byte) (*Config, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, apperr.Wrap(apperr.Malformed, err, "gateway config: %v", err)
	}
	if len(root.Content) == 0 {
		return nil, apperr.New(apperr.Invalid, "gateway config: empty document")
	}
	if err := checkKeys(root.Content[0], ""); err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var c Config
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return nil, apperr.Wrap(apperr.Malformed, err, "gateway config: %v", err)
	}
	c.applyDefaults()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}
