package config_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/gateway/config"
)

const minimal = `
listen: 127.0.0.1:8081
upstreams:
  api:
    targets: [http://127.0.0.1:8080, http://127.0.0.1:8082]
routes:
  - path_prefix: /
    upstream: api
`

func TestParseMinimalAppliesDefaults(t *testing.T) {
	c, err := config.Parse([]byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	u := c.Upstreams["api"]
	got := []any{c.Listen, c.AdminListen, u.Balancing, *u.PreserveHost, u.HealthCheck == nil,
		*u.Retries.Attempts, c.Routes[0].Name, c.Routes[0].Timeout, c.Routes[0].Auth == nil, c.Routes[0].RateLimit == nil,
		c.MaxRequestBody}
	want := []any{"127.0.0.1:8081", "", config.RoundRobin, true, true,
		config.DefaultAttempts, "route0", config.DefaultRouteTimeout, true, true, int64(64 << 20)}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got)\n%s", d)
	}
}

func TestParseFull(t *testing.T) {
	c, err := config.Parse([]byte(`
listen: :8081
admin_listen: 127.0.0.1:9091
trusted_proxies: [10.0.0.0/8, 127.0.0.1]
upstreams:
  api:
    targets: [https://a.internal:8443]
    balancing: p2c_latency
    health_check: {path: /readyz, interval: 500ms}
    retries: {attempts: 0}
routes:
  - name: sessions
    path_prefix: /v1/
    host: "*.example.com"
    methods: [get, post]
    upstream: api
    timeout: 5s
    auth: {jwks_url: "http://127.0.0.1:8080/oauth/jwks", allow_api_keys: true}
    rate_limit: {rate: 10, period: 1m}
`))
	if err != nil {
		t.Fatal(err)
	}
	r := c.Routes[0]
	got := []any{r.Methods, r.Timeout, r.RateLimit.Burst, r.RateLimit.Key, c.Upstreams["api"].HealthCheck.Interval,
		c.Upstreams["api"].HealthCheck.Path, *c.Upstreams["api"].Retries.Attempts, r.Auth.RefreshMinInterval, r.Auth.RefreshInterval}
	want := []any{[]string{"GET", "POST"}, 5 * time.Second, 10, "ip", 500 * time.Millisecond, "/readyz", 0,
		10 * time.Second, 5 * time.Minute}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got)\n%s", d)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		code       apperr.Code
		want       []string // substrings of the message
	}{
		{"unknown top key", minimal + "lisen: x\n", apperr.Malformed, []string{`unknown key "lisen"`}},
		{"unknown nested key", strings.Replace(minimal, "    targets:", "    helth_check: {}\n    targets:", 1), apperr.Malformed, []string{`"upstreams.api.helth_check"`}},
		{"unknown route key", minimal + "    pathprefix: /x\n", apperr.Malformed, []string{`"routes[0].pathprefix"`}},
		{"bad yaml", "listen: [", apperr.Malformed, []string{"gateway config"}},
		{"bad duration", minimal + "    timeout: soon\n", apperr.Malformed, []string{"soon"}},
		{"empty", "", apperr.Invalid, []string{"empty document"}},
		{"missing everything", "listen: 127.0.0.1:1\n", apperr.Invalid, []string{"upstreams: at least one", "routes: at least one"}},
		{"bad target and balancer", `
listen: 127.0.0.1:1
upstreams:
  api: {targets: ["ftp://x", "http://h/p"], balancing: random}
routes: [{path_prefix: /, upstream: api}]`, apperr.Invalid, []string{
			"upstreams.api.targets[0]", "scheme must be http or https",
			"upstreams.api.targets[1]", "only scheme://host[:port]", `upstreams.api.balancing: "random" is not one of`}},
		{"unknown upstream and bad prefix", `
listen: 127.0.0.1:1
upstreams: {api: {targets: [http://h:1]}}
routes: [{path_prefix: v1, upstream: web, methods: [FETCH]}]`, apperr.Invalid, []string{
			"routes[0].path_prefix", `routes[0].upstream: unknown upstream "web"`, `routes[0].methods[0]: "FETCH"`}},
		{"negative body limit", "max_request_body: -1\n" + minimal, apperr.Invalid, []string{"max_request_body: must not be negative"}},
		{"bad listen", strings.Replace(minimal, "127.0.0.1:8081", "8081", 1), apperr.Invalid, []string{`listen: "8081" is not host:port`}},
		{"bad rate limit", minimal + "    rate_limit: {rate: 0, key: user}\n", apperr.Invalid, []string{"routes[0].rate_limit.rate", `routes[0].rate_limit.key: "user"`}},
		{"auth without jwks", minimal + "    auth: {issuer: x}\n", apperr.Invalid, []string{"routes[0].auth.jwks_url: required"}},
		{"unknown engine", "engine: epoll\n" + minimal, apperr.Invalid, []string{`engine: "epoll" is not one of fasthttp, loop`}},
		{"loop engine with a Redis limit", "engine: loop\n" + minimal + "    rate_limit: {rate: 1, period: 1s, burst: 1, key: ip, redis_url: redis://r:6379}\n", apperr.Invalid,
			[]string{"routes[0].rate_limit.redis_url: engine: loop does not support a Redis-backed rate limit yet"}},
		{"jwks refresh too often", minimal + "    auth: {jwks_url: http://id:1/jwks, refresh_interval: 500ms}\n", apperr.Invalid,
			[]string{"routes[0].auth.refresh_interval: must be at least 1s"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.Parse([]byte(tt.yaml))
			if err == nil {
				t.Fatal("no error")
			}
			if got := apperr.CodeOf(err); got != tt.code {
				t.Errorf("code %q, want %q (%v)", got, tt.code, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			var ae *apperr.Error
			if !errors.As(err, &ae) {
				t.Errorf("not an *apperr.Error: %T", err)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte("listen: [\n"))
	f.Add([]byte("upstreams: {a: {targets: [1, 2]}}\nroutes: [null]\n"))
	f.Add([]byte("upstreams: {a: null}\nroutes: [{upstream: a, auth: {}}]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := config.Parse(b)
		if err == nil && c == nil {
			t.Fatal("nil config without error")
		}
	})
}
