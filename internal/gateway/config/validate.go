package config

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Defaults applied by Parse to fields left empty.
const (
	DefaultReloadInterval  = 2 * time.Second
	DefaultShutdownTimeout = 30 * time.Second
	DefaultRouteTimeout    = 30 * time.Second
	DefaultAttempts        = 2
	DefaultBudgetRatio     = 0.1
	DefaultMinRetries      = 3
	DefaultMaxRequestBody  = 64 << 20
)

func (c *Config) applyDefaults() {
	if c.ReloadInterval == 0 {
		c.ReloadInterval = DefaultReloadInterval
	}
	if c.ShutdownTimeout == 0 {
		c.ShutdownTimeout = DefaultShutdownTimeout
	}
	if c.MaxRequestBody == 0 {
		c.MaxRequestBody = DefaultMaxRequestBody
	}
	for _, u := range c.Upstreams {
		if u == nil {
			continue
		}
		u.applyDefaults()
	}
	for i, r := range c.Routes {
		if r == nil {
			continue
		}
		if r.Name == "" {
			r.Name = fmt.Sprintf("route%d", i)
		}
		if r.Timeout == 0 {
			r.Timeout = DefaultRouteTimeout
		}
		for j, m := range r.Methods {
			r.Methods[j] = strings.ToUpper(m)
		}
		if a := r.Auth; a != nil && a.RefreshMinInterval == 0 {
			a.RefreshMinInterval = 10 * time.Second
		}
		if a := r.Auth; a != nil && a.RefreshInterval == 0 {
			a.RefreshInterval = 5 * time.Minute
		}
		if l := r.RateLimit; l != nil {
			if l.Period == 0 {
				l.Period = time.Second
			}
			if l.Burst == 0 {
				l.Burst = l.Rate
			}
			if l.Key == "" {
				l.Key = "ip"
			}
			if l.KeyPrefix == "" {
				l.KeyPrefix = "parley:gw:"
			}
		}
	}
}

func (u *Upstream) applyDefaults() {
	if u.Balancing == "" {
		u.Balancing = RoundRobin
	}
	if u.PreserveHost == nil {
		t := true
		u.PreserveHost = &t
	}
	if h := u.HealthCheck; h != nil {
		if h.Path == "" {
			h.Path = "/healthz"
		}
		if h.Interval == 0 {
			h.Interval = 2 * time.Second
		}
		if h.Timeout == 0 {
			h.Timeout = time.Second
		}
		if h.UnhealthyThreshold == 0 {
			h.UnhealthyThreshold = 2
		}
		if h.HealthyThreshold == 0 {
			h.HealthyThreshold = 2
		}
	}
	o := &u.Outlier
	if o.ConsecutiveFailures == 0 {
		o.ConsecutiveFailures = 5
	}
	if o.EjectionTime == 0 {
		o.EjectionTime = 10 * time.Second
	}
	if o.MaxEjectionPercent == 0 {
		o.MaxEjectionPercent = 50
	}
	r := &u.Retries
	if r.Attempts == nil {
		n := DefaultAttempts
		r.Attempts = &n
	}
	if r.BudgetRatio == 0 {
		r.BudgetRatio = DefaultBudgetRatio
	}
	if r.MinRetries == 0 {
		r.MinRetries = DefaultMinRetries
	}
	b := &u.Breaker
	if b.ConsecutiveFailures == 0 {
		b.ConsecutiveFailures = 20
	}
	if b.OpenTime == 0 {
		b.OpenTime = 10 * time.Second
	}
	if b.HalfOpenRequests == 0 {
		b.HalfOpenRequests = 5
	}
}

// problems collects field errors so that one run reports all of them.
type problems []apperr.FieldError

func (p *problems) add(path, format string, args ...any) {
	*p = append(*p, apperr.FieldError{Path: path, Message: fmt.Sprintf(format, args...)})
}

// Validate reports every invalid field as one apperr.Invalid whose Fields
// name each by path.
func (c *Config) Validate() error {
	var p problems
	checkAddr(&p, "listen", c.Listen, true)
	checkAddr(&p, "admin_listen", c.AdminListen, false)
	for i, s := range c.TrustedProxies {
		if _, err := netip.ParsePrefix(s); err != nil {
			if _, err := netip.ParseAddr(s); err != nil {
				p.add(fmt.Sprintf("trusted_proxies[%d]", i), "%q is neither a CIDR prefix nor an IP address", s)
			}
		}
	}
	switch c.Engine {
	case "", EngineFastHTTP, EngineLoop:
	default:
		p.add("engine", "%q is not one of %s, %s", c.Engine, EngineFastHTTP, EngineLoop)
	}
	if c.ShutdownTimeout < 0 {
		p.add("shutdown_timeout", "must not be negative")
	}
	if c.MaxRequestBody < 0 {
		p.add("max_request_body", "must not be negative")
	}
	if len(c.Upstreams) == 0 {
		p.add("upstreams", "at least one upstream is required")
	}
	names := make([]string, 0, len(c.Upstreams))
	for name := range c.Upstreams {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		c.Upstreams[name].validate(&p, "upstreams."+name)
	}
	if len(c.Routes) == 0 {
		p.add("routes", "at least one route is required")
	}
	seen := map[string]bool{}
	for i, r := range c.Routes {
		path := fmt.Sprintf("routes[%d]", i)
		if r == nil {
			p.add(path, "empty route")
			continue
		}
		if seen[r.Name] {
			p.add(path+".name", "duplicate route name %q", r.Name)
		}
		seen[r.Name] = true
		r.validate(&p, path, c.Upstreams)
		if c.Engine == EngineLoop && r.RateLimit != nil && r.RateLimit.RedisURL != "" {
			// A Redis round trip would block the loop and every connection
			// on it.
			p.add(path+".rate_limit.redis_url", "engine: loop does not support a Redis-backed rate limit yet")
		}
	}
	if len(p) == 0 {
		return nil
	}
	msgs := make([]string, len(p))
	for i, f := range p {
		msgs[i] = f.String()
	}
	e := apperr.New(apperr.Invalid, "gateway config: %s", strings.Join(msgs, "; "))
	e.Fields = p
	return e
}

func checkAddr(p *problems, path, addr string, required bool) {
	if addr == "" {
		if required {
			p.add(path, "required (host:port, e.g. 127.0.0.1:8081)")
		}
		return
	}
	if _, _, err := net.SplitHostPort(addr); err != nil {
		p.add(path, "%q is not host:port", addr)
	}
}

func (u *Upstream) validate(p *problems, path string) {
	if u == nil {
		p.add(path, "empty upstream")
		return
	}
	if len(u.Targets) == 0 {
		p.add(path+".targets", "at least one target is required")
	}
	for i, t := range u.Targets {
		if msg := checkTarget(t); msg != "" {
			p.add(fmt.Sprintf("%s.targets[%d]", path, i), "%s", msg)
		}
	}
	if !slices.Contains([]Balancing{RoundRobin, LeastRequests, P2CLatency}, u.Balancing) {
		p.add(path+".balancing", "%q is not one of round_robin, least_requests, p2c_latency", u.Balancing)
	}
	if h := u.HealthCheck; h != nil {
		if !strings.HasPrefix(h.Path, "/") {
			p.add(path+".health_check.path", "must start with /")
		}
		positive(p, path+".health_check.interval", h.Interval)
		positive(p, path+".health_check.timeout", h.Timeout)
		atLeast(p, path+".health_check.unhealthy_threshold", h.UnhealthyThreshold, 1)
		atLeast(p, path+".health_check.healthy_threshold", h.HealthyThreshold, 1)
	}
	atLeast(p, path+".outlier.consecutive_failures", u.Outlier.ConsecutiveFailures, 1)
	positive(p, path+".outlier.ejection_time", u.Outlier.EjectionTime)
	if m := u.Outlier.MaxEjectionPercent; m < 0 || m > 100 {
		p.add(path+".outlier.max_ejection_percent", "%d is not within 0..100", m)
	}
	atLeast(p, path+".retries.attempts", *u.Retries.Attempts, 0)
	if r := u.Retries.BudgetRatio; r < 0 || r > 1 {
		p.add(path+".retries.budget_ratio", "%g is not within 0..1", r)
	}
	atLeast(p, path+".retries.min_retries", u.Retries.MinRetries, 0)
	atLeast(p, path+".breaker.consecutive_failures", u.Breaker.ConsecutiveFailures, 1)
	positive(p, path+".breaker.open_time", u.Breaker.OpenTime)
	atLeast(p, path+".breaker.half_open_requests", u.Breaker.HalfOpenRequests, 1)
}

func checkTarget(t string) string {
	u, err := url.Parse(t)
	switch {
	case err != nil:
		return fmt.Sprintf("%q is not a URL: %v", t, err)
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Sprintf("%q: scheme must be http or https", t)
	case u.Host == "":
		return fmt.Sprintf("%q: host is missing", t)
	case u.Path != "" && u.Path != "/", u.RawQuery != "", u.Fragment != "", u.User != nil:
		return fmt.Sprintf("%q: only scheme://host[:port] is allowed", t)
	}
	return ""
}

func (r *Route) validate(p *problems, path string, ups map[string]*Upstream) {
	if !strings.HasPrefix(r.PathPrefix, "/") {
		p.add(path+".path_prefix", "required and must start with / (use / for every path)")
	}
	if r.Upstream == "" {
		p.add(path+".upstream", "required")
	} else if _, ok := ups[r.Upstream]; !ok {
		p.add(path+".upstream", "unknown upstream %q", r.Upstream)
	}
	if h := r.Host; h != "" && (strings.ContainsAny(h, "/ :") || strings.Count(h, "*") > 1 || (strings.Contains(h, "*") && !strings.HasPrefix(h, "*."))) {
		p.add(path+".host", "%q is not a host name or *.domain", h)
	}
	for i, m := range r.Methods {
		if !slices.Contains(knownMethods, m) {
			p.add(fmt.Sprintf("%s.methods[%d]", path, i), "%q is not an HTTP method", m)
		}
	}
	positive(p, path+".timeout", r.Timeout)
	if a := r.Auth; a != nil {
		if u, err := url.Parse(a.JWKSURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			p.add(path+".auth.jwks_url", "required: an http(s) URL such as https://parley.example/oauth/jwks")
		}
		positive(p, path+".auth.refresh_min_interval", a.RefreshMinInterval)
		if a.RefreshInterval < time.Second {
			p.add(path+".auth.refresh_interval", "must be at least 1s, got %s", a.RefreshInterval)
		}
	}
	if l := r.RateLimit; l != nil {
		atLeast(p, path+".rate_limit.rate", l.Rate, 1)
		atLeast(p, path+".rate_limit.burst", l.Burst, 1)
		positive(p, path+".rate_limit.period", l.Period)
		if l.Key != "ip" && l.Key != "credential" {
			p.add(path+".rate_limit.key", "%q is not one of ip, credential", l.Key)
		}
		if l.RedisURL != "" && !strings.HasPrefix(l.RedisURL, "redis://") && !strings.HasPrefix(l.RedisURL, "rediss://") {
			p.add(path+".rate_limit.redis_url", "must start with redis:// or rediss://")
		}
	}
}

var knownMethods = []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut,
	http.MethodPatch, http.MethodDelete, http.MethodConnect, http.MethodOptions, http.MethodTrace}

func positive(p *problems, path string, d time.Duration) {
	if d <= 0 {
		p.add(path, "must be a positive duration such as 2s")
	}
}

func atLeast(p *problems, path string, v, least int) {
	if v < least {
		p.add(path, "%d is less than %d", v, least)
	}
}
