package gateway_test

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// echo answers with the request it received as JSON.
func echo(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Connection", "X-Secret-Hop")
	w.Header().Set("X-Secret-Hop", "leak")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"method": r.Method, "path": r.URL.RequestURI(), "host": r.Host, "body": string(body), "header": r.Header,
	})
}

type echoed struct {
	Method, Path, Host, Body string
	Header                   http.Header
}

func doEcho(t *testing.T, req *http.Request) (*http.Response, echoed) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var e echoed
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
		t.Fatalf("status %d: %v", resp.StatusCode, err)
	}
	return resp, e
}

func TestProxyHeadersAndBody(t *testing.T) {
	b := newBackend(t, "a", echo)
	_, base := startGateway(t, poolConfig(urls(b), "", ""))
	req, _ := http.NewRequest(http.MethodPost, base+"/v1/x?q=1", strings.NewReader(`{"text":"hi"}`))
	req.Host = "parley.example"
	req.Header.Set("X-Forwarded-For", "6.6.6.6")    // from an untrusted client: replaced
	req.Header.Set("X-Forwarded-Host", "evil.test") // replaced
	req.Header.Set("Forwarded", "for=6.6.6.6")      // dropped
	req.Header.Set("Connection", "X-Hop")
	req.Header.Set("X-Hop", "must not pass")
	req.Header.Set("Keep-Alive", "timeout=5")
	req.Header.Set("Traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
	req.Header.Set("Tracestate", "k=v")
	resp, e := doEcho(t, req)
	got := map[string]any{
		"method": e.Method, "path": e.Path, "host": e.Host, "body": e.Body,
		"xff": e.Header.Values("X-Forwarded-For"), "xfh": e.Header.Get("X-Forwarded-Host"),
		"xfp": e.Header.Get("X-Forwarded-Proto"), "forwarded": e.Header.Get("Forwarded"),
		"hop": e.Header.Get("X-Hop"), "keepalive": e.Header.Get("Keep-Alive"),
		"tracestate": e.Header.Get("Tracestate"), "resp_hop": resp.Header.Get("X-Secret-Hop"),
	}
	want := map[string]any{
		"method": "POST", "path": "/v1/x?q=1", "host": "parley.example", "body": `{"text":"hi"}`,
		"xff": []string{"127.0.0.1"}, "xfh": "parley.example", "xfp": "http", "forwarded": "",
		"hop": "", "keepalive": "", "tracestate": "k=v", "resp_hop": "",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got)\n%s", d)
	}
	tp := e.Header.Get("Traceparent")
	if !strings.HasPrefix(tp, "00-4bf92f3577b34da6a3ce929d0e0e4736-") || strings.Contains(tp, "00f067aa0ba902b7") {
		t.Errorf("traceparent %q: want same trace id, new parent id", tp)
	}
	id := e.Header.Get("X-Request-Id")
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(id) || resp.Header.Get("X-Request-Id") != id {
		t.Errorf("request id upstream %q, response %q", id, resp.Header.Get("X-Request-Id"))
	}
}

func TestProxyGeneratesTraceAndKeepsRequestID(t *testing.T) {
	b := newBackend(t, "a", echo)
	_, base := startGateway(t, poolConfig(urls(b), "", ""))
	for _, in := range []string{"", "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "garbage"} {
		req, _ := http.NewRequest(http.MethodGet, base+"/", nil)
		req.Header.Set("X-Request-ID", "abc-123")
		if in != "" {
			req.Header.Set("Traceparent", in)
			req.Header.Set("Tracestate", "k=v")
		}
		_, e := doEcho(t, req)
		tp := e.Header.Get("Traceparent")
		if !regexp.MustCompile(`^00-[0-9a-f]{32}-[0-9a-f]{16}-01$`).MatchString(tp) || strings.Contains(tp, "00f067aa0ba902b7") {
			t.Errorf("in %q: traceparent %q", in, tp)
		}
		if e.Header.Get("Tracestate") != "" {
			t.Errorf("in %q: tracestate kept with an invalid traceparent", in)
		}
		if e.Header.Get("X-Request-Id") != "abc-123" {
			t.Errorf("request id %q", e.Header.Get("X-Request-Id"))
		}
	}
}

func TestRoutingByHostPathMethod(t *testing.T) {
	a, b, c := newBackend(t, "a", nil), newBackend(t, "b", nil), newBackend(t, "c", nil)
	_, base := startGateway(t, `listen: 127.0.0.1:0
upstreams:
  a: {targets: [`+a.srv.URL+`]}
  b: {targets: [`+b.srv.URL+`]}
  c: {targets: [`+c.srv.URL+`]}
routes:
  - {path_prefix: /v1/, host: "*.example.com", upstream: a}
  - {path_prefix: /v1/, methods: [POST], upstream: b}
  - {path_prefix: /static/, host: cdn.test, upstream: c}
`)
	tests := []struct{ method, host, path, want string }{
		{"GET", "api.example.com", "/v1/x", "a"},
		{"GET", "API.EXAMPLE.COM:8443", "/v1/x", "a"},
		{"POST", "other.test", "/v1/x", "b"},
		{"GET", "cdn.test", "/static/app.js", "c"},
		{"GET", "other.test", "/v1/x", "404"},
		{"GET", "example.com", "/v1/x", "404"},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, base+tt.path, nil)
		req.Host = tt.host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got := string(body)
		if resp.StatusCode == http.StatusNotFound {
			got = "404"
			if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("404 content type %q", ct)
			}
		}
		if got != tt.want {
			t.Errorf("%s %s%s: got %q, want %q", tt.method, tt.host, tt.path, got, tt.want)
		}
	}
}

func TestTrustedProxyChainExtended(t *testing.T) {
	b := newBackend(t, "a", echo)
	cfg := strings.Replace(poolConfig(urls(b), "", ""), "10.9.9.9", "127.0.0.1", 1)
	_, base := startGateway(t, cfg)
	req, _ := http.NewRequest(http.MethodGet, base+"/", nil)
	req.Header.Set("X-Forwarded-For", "203.0.113.7")
	req.Header.Set("X-Forwarded-Proto", "https")
	req.Header.Set("X-Forwarded-Host", "public.example")
	_, e := doEcho(t, req)
	got := []string{e.Header.Get("X-Forwarded-For"), e.Header.Get("X-Forwarded-Proto"), e.Header.Get("X-Forwarded-Host")}
	if d := cmp.Diff([]string{"203.0.113.7, 127.0.0.1", "https", "public.example"}, got); d != "" {
		t.Errorf("(-want +got)\n%s", d)
	}
}

func TestUpstreamErrorsAreProblems(t *testing.T) {
	slow := newBackend(t, "slow", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	dead := newBackend(t, "dead", nil)
	dead.srv.Close()
	tests := []struct {
		name, cfg string
		status    int
	}{
		{"unreachable", poolConfig(urls(dead), "", ""), http.StatusBadGateway},
		{"timeout", poolConfig(urls(slow), "", "timeout: 50ms"), http.StatusGatewayTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, base := startGateway(t, tt.cfg)
			resp, body := get(t, http.DefaultClient, base+"/x")
			var p struct {
				Status    int    `json:"status"`
				Title     string `json:"title"`
				RequestID string `json:"request_id"`
			}
			if err := json.Unmarshal([]byte(body), &p); err != nil {
				t.Fatal(err, body)
			}
			if resp.StatusCode != tt.status || p.Status != tt.status || p.Title == "" || p.RequestID == "" ||
				resp.Header.Get("X-Request-Id") != p.RequestID ||
				resp.Header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("got %d %s %q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
			}
		})
	}
}
