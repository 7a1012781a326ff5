package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Serve configures `parley serve`.
type Serve struct {
	HTTPAddr        string
	AdminAddr       string
	PublicURL       string
	DataDir         string
	DatabaseURL     string
	RedisURL        string
	LogFormat       string
	LogLevel        string
	RateLimit       bool
	Cache           bool
	ReadTimeout     time.Duration
	WriteTimeout    time.Duration
	IdleTimeout     time.Duration
	ShutdownTimeout time.Duration
	MaxBodyBytes    int64
	SessionTTL      time.Duration
	SessionRetain   time.Duration
	MaxQuestionLen  int64
	CORSOrigins     []string
	TrustedProxies  []string
	AuthPepper      string
	SigningAlg      string
	AccessTTL       time.Duration
	RateAnonymous   string
	RateAuthed      string
	MonthlyQuota    int64
	LLM             LLMConfig
	Blob            BlobConfig
	Voice           VoiceConfig
}

// Settings binds every field of c to its environment variable and file key.
func (c *Serve) Settings() Settings {
	s := func(env, key, def, help string, secret bool, bind func() (func(string) error, func() string)) Setting {
		set, get := bind()
		return Setting{Env: env, Key: key, Default: def, Help: help, Secret: secret, set: set, get: get}
	}
	return append(Settings{
		s("PARLEY_HTTP_ADDR", "http_addr", "127.0.0.1:8080", "address the API listens on (host:port)", false, func() (func(string) error, func() string) { return str(&c.HTTPAddr) }),
		s("PARLEY_ADMIN_ADDR", "admin_addr", "", "separate listener for /metrics and profiling; unset keeps /metrics on the API listener", false, func() (func(string) error, func() string) { return str(&c.AdminAddr) }),
		s("PARLEY_PUBLIC_URL", "public_url", "", "external base URL: OAuth issuer and base of absolute URLs (default http://HTTP_ADDR)", false, func() (func(string) error, func() string) { return str(&c.PublicURL) }),
		s("PARLEY_DATA_DIR", "data_dir", "./data", "directory for the SQLite database, audio and other local files", false, func() (func(string) error, func() string) { return str(&c.DataDir) }),
		s("DATABASE_URL", "database_url", "", "postgres://USER[:PASS]@HOST:PORT/DB for PostgreSQL; sqlite:PATH or unset for SQLite in DATA_DIR", false, func() (func(string) error, func() string) { return str(&c.DatabaseURL) }),
		s("REDIS_URL", "redis_url", "", "redis://HOST:PORT/DB for cache, sessions and rate limits; unset keeps them in-process", false, func() (func(string) error, func() string) { return str(&c.RedisURL) }),
		s("PARLEY_LOG_FORMAT", "log_format", "auto", "auto (text on a terminal, JSON otherwise), json or text", false, func() (func(string) error, func() string) { return str(&c.LogFormat) }),
		s("PARLEY_LOG_LEVEL", "log_level", "info", "debug, info, warn or error", false, func() (func(string) error, func() string) { return str(&c.LogLevel) }),
		s("PARLEY_RATE_LIMIT", "rate_limit", "on", "per-visitor rate limits; off only for local benchmarks", false, func() (func(string) error, func() string) { return boolean(&c.RateLimit) }),
		s("PARLEY_CACHE", "cache", "on", "every cache tier; off to measure what caching saves", false, func() (func(string) error, func() string) { return boolean(&c.Cache) }),
		s("PARLEY_READ_TIMEOUT", "read_timeout", "15s", "time to read a whole request", false, func() (func(string) error, func() string) { return dur(&c.ReadTimeout) }),
		s("PARLEY_WRITE_TIMEOUT", "write_timeout", "60s", "time to write a response (streams included)", false, func() (func(string) error, func() string) { return dur(&c.WriteTimeout) }),
		s("PARLEY_IDLE_TIMEOUT", "idle_timeout", "120s", "keep-alive idle time", false, func() (func(string) error, func() string) { return dur(&c.IdleTimeout) }),
		s("PARLEY_SHUTDOWN_TIMEOUT", "shutdown_timeout", "20s", "time to finish in-flight requests after SIGTERM", false, func() (func(string) error, func() string) { return dur(&c.ShutdownTimeout) }),
		s("PARLEY_MAX_BODY_BYTES", "max_body_bytes", "1048576", "largest JSON request body accepted (bytes)", false, func() (func(string) error, func() string) { return integer(&c.MaxBodyBytes) }),
		s("PARLEY_SESSION_TTL", "session_ttl", "1h", "sliding lifetime of a chat session", false, func() (func(string) error, func() string) { return dur(&c.SessionTTL) }),
		s("PARLEY_SESSION_RETENTION", "session_retention", "720h", "how long expired sessions and their messages are kept before deletion", false, func() (func(string) error, func() string) { return dur(&c.SessionRetain) }),
		s("PARLEY_MAX_QUESTION_CHARS", "max_question_chars", "1000", "longest question accepted (characters)", false, func() (func(string) error, func() string) { return integer(&c.MaxQuestionLen) }),
		s("PARLEY_CORS_ORIGINS", "cors_origins", "", "comma-separated origins allowed to call the API from a browser", false, func() (func(string) error, func() string) { return list(&c.CORSOrigins) }),
		s("PARLEY_TRUSTED_PROXIES", "trusted_proxies", "", "comma-separated CIDRs whose X-Forwarded-For is trusted", false, func() (func(string) error, func() string) { return list(&c.TrustedProxies) }),
		s("PARLEY_AUTH_PEPPER", "auth_pepper", "", "secret (32+ bytes) keying hashes of API keys and client secrets and sealing the signing keys at rest (keep it: another pepper cannot open them); unset: generated once into DATA_DIR/auth-pepper (set it explicitly when replicas share a database)", true, func() (func(string) error, func() string) { return str(&c.AuthPepper) }),
		s("PARLEY_SIGNING_ALG", "signing_alg", "ES256", "algorithm of new token signing keys: ES256 or EdDSA", false, func() (func(string) error, func() string) { return str(&c.SigningAlg) }),
		s("PARLEY_ACCESS_TOKEN_TTL", "access_token_ttl", "10m", "lifetime of OAuth access tokens", false, func() (func(string) error, func() string) { return dur(&c.AccessTTL) }),
		s("PARLEY_RATE_ANONYMOUS", "rate_anonymous", "600/m", "per-IP limit for anonymous visitors: N/s, N/m or N/h (burst N)", false, func() (func(string) error, func() string) { return str(&c.RateAnonymous) }),
		s("PARLEY_RATE_AUTHENTICATED", "rate_authenticated", "6000/m", "per-client/key/user limit for authenticated callers: N/s, N/m or N/h", false, func() (func(string) error, func() string) { return str(&c.RateAuthed) }),
		s("PARLEY_MONTHLY_QUOTA", "monthly_quota", "0", "requests per calendar month per authenticated client/key/user (0: unlimited)", false, func() (func(string) error, func() string) { return integer(&c.MonthlyQuota) }),
	}, append(append(c.LLM.settings(s), c.Blob.settings(s)...), c.Voice.settings(s)...)...)
}

// StoreSettings are the settings of c that a command which only opens the
// database reads (parley migrate and import): where the database is. Their
// --help lists these; they still load and validate the whole of Settings,
// because they share serve's config file and environment.
func (c *Serve) StoreSettings() Settings {
	return c.Settings().Only("PARLEY_DATA_DIR", "DATABASE_URL")
}

// Validate reports every problem at once, each naming the setting and the fix.
func (c *Serve) Validate() error {
	var errs []error
	bad := func(env, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", env, fmt.Sprintf(format, args...)))
	}
	if _, _, err := net.SplitHostPort(c.HTTPAddr); err != nil {
		bad("PARLEY_HTTP_ADDR", "%q is not host:port (e.g. 127.0.0.1:8080)", c.HTTPAddr)
	}
	if c.AdminAddr != "" {
		if _, _, err := net.SplitHostPort(c.AdminAddr); err != nil {
			bad("PARLEY_ADMIN_ADDR", "%q is not host:port (e.g. 127.0.0.1:9090)", c.AdminAddr)
		}
	}
	if c.PublicURL != "" {
		u, err := url.Parse(c.PublicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad("PARLEY_PUBLIC_URL", "%q is not an absolute http(s) URL (e.g. https://chat.example.com)", c.PublicURL)
		}
	}
	if c.DataDir == "" {
		bad("PARLEY_DATA_DIR", "must not be empty (e.g. ./data)")
	}
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") &&
		!strings.HasPrefix(c.DatabaseURL, "postgresql://") && !strings.HasPrefix(c.DatabaseURL, "sqlite:") {
		bad("DATABASE_URL", "use postgres://USER@HOST:PORT/DB or sqlite:PATH")
	}
	if c.RedisURL != "" && !strings.HasPrefix(c.RedisURL, "redis://") && !strings.HasPrefix(c.RedisURL, "rediss://") {
		bad("REDIS_URL", "use redis://HOST:PORT/DB or rediss:// for TLS")
	}
	switch c.LogFormat {
	case "auto", "json", "text":
	default:
		bad("PARLEY_LOG_FORMAT", "%q is not auto, json or text", c.LogFormat)
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		bad("PARLEY_LOG_LEVEL", "%q is not debug, info, warn or error", c.LogLevel)
	}
	positive := map[string]time.Duration{
		"PARLEY_READ_TIMEOUT": c.ReadTimeout, "PARLEY_WRITE_TIMEOUT": c.WriteTimeout,
		"PARLEY_IDLE_TIMEOUT": c.IdleTimeout, "PARLEY_SHUTDOWN_TIMEOUT": c.ShutdownTimeout,
		"PARLEY_SESSION_TTL": c.SessionTTL, "PARLEY_SESSION_RETENTION": c.SessionRetain,
	}
	for _, env := range []string{"PARLEY_READ_TIMEOUT", "PARLEY_WRITE_TIMEOUT", "PARLEY_IDLE_TIMEOUT", "PARLEY_SHUTDOWN_TIMEOUT", "PARLEY_SESSION_TTL", "PARLEY_SESSION_RETENTION"} {
		if positive[env] <= 0 {
			bad(env, "must be positive (e.g. 30s)")
		}
	}
	if c.MaxBodyBytes < 1024 || c.MaxBodyBytes > 64<<20 {
		bad("PARLEY_MAX_BODY_BYTES", "%d is outside 1024..67108864", c.MaxBodyBytes)
	}
	if c.MaxQuestionLen < 10 || c.MaxQuestionLen > 100000 {
		bad("PARLEY_MAX_QUESTION_CHARS", "%d is outside 10..100000", c.MaxQuestionLen)
	}
	for _, p := range c.TrustedProxies {
		if _, _, err := net.ParseCIDR(p); err != nil && net.ParseIP(p) == nil {
			bad("PARLEY_TRUSTED_PROXIES", "%q is not an IP or CIDR (e.g. 10.0.0.0/8)", p)
		}
	}
	for _, o := range c.CORSOrigins {
		if u, err := url.Parse(o); o != "*" && (err != nil || u.Scheme == "" || u.Host == "") {
			bad("PARLEY_CORS_ORIGINS", "%q is not an origin (e.g. https://me.example.com)", o)
		}
	}
	if c.AuthPepper != "" && len(c.AuthPepper) < 32 {
		bad("PARLEY_AUTH_PEPPER", "is %d bytes; use at least 32 (e.g. openssl rand -base64 48)", len(c.AuthPepper))
	}
	if c.SigningAlg != "ES256" && c.SigningAlg != "EdDSA" {
		bad("PARLEY_SIGNING_ALG", "%q is not ES256 or EdDSA", c.SigningAlg)
	}
	if c.AccessTTL < time.Minute || c.AccessTTL > 24*time.Hour {
		bad("PARLEY_ACCESS_TOKEN_TTL", "%s is outside 1m..24h", c.AccessTTL)
	}
	for env, v := range map[string]string{"PARLEY_RATE_ANONYMOUS": c.RateAnonymous, "PARLEY_RATE_AUTHENTICATED": c.RateAuthed} {
		if _, _, err := ParseRate(v); err != nil {
			bad(env, "%v", err)
		}
	}
	if c.MonthlyQuota < 0 {
		bad("PARLEY_MONTHLY_QUOTA", "must be 0 (unlimited) or positive")
	}
	c.LLM.validate(bad)
	c.Blob.validate(bad)
	c.Voice.validate(bad)
	return errors.Join(errs...)
}

// ParseRate reads "N/s", "N/m" or "N/h" as N requests per period.
func ParseRate(v string) (int, time.Duration, error) {
	n, unit, ok := strings.Cut(v, "/")
	count, err := strconv.Atoi(n)
	if !ok || err != nil || count < 1 {
		return 0, 0, fmt.Errorf("%q is not a rate like 60/m", v)
	}
	switch unit {
	case "s":
		return count, time.Second, nil
	case "m":
		return count, time.Minute, nil
	case "h":
		return count, time.Hour, nil
	}
	return 0, 0, fmt.Errorf("%q: the period must be s, m or h", v)
}

// PublicBase returns PublicURL, or http://HTTPAddr when it is unset.
func (c *Serve) PublicBase() string {
	if c.PublicURL != "" {
		return strings.TrimRight(c.PublicURL, "/")
	}
	return "http://" + c.HTTPAddr
}
