package gateway_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/gateway"
	"github.com/parleyhq/parley/internal/telemetry"
)

// bothFronts serves cfgYAML on the fasthttp front end and on net/http's
// server and returns their addresses (host:port) by name.
func bothFronts(t *testing.T, cfgYAML string) map[string]string {
	t.Helper()
	fronts := map[string]string{}
	g, err := gateway.New(telemetry.Discard(), mustParse(t, cfgYAML))
	if err != nil {
		t.Fatal(err)
	}
	fronts["fasthttp"] = strings.TrimPrefix(serveFast(t, g), "http://")
	srv := httptest.NewServer(g)
	t.Cleanup(srv.Close)
	fronts["net/http"] = strings.TrimPrefix(srv.URL, "http://")
	return fronts
}

// rawExchange sends req as is on a new connection to addr and reads one
// answer.
func rawExchange(t *testing.T, addr, req string) (*http.Response, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, req); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("%q: %v", req, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(body)
}

// A path an upstream may normalise into an authenticated route (dot
// segments, "//", backslashes, also percent-encoded; ";" parameters;
// a host with the FQDN's trailing dot) never reaches it through the open
// route: it is refused (400) or routed where it normalises to (401).
func TestHostilePathsAndHostsDoNotBypassRoutes(t *testing.T) {
	up := newRawUpstream(t, func(c net.Conn, _ string) {
		_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
	})
	cfg := fmt.Sprintf(`listen: 127.0.0.1:0
upstreams:
  api:
    targets: [%[1]s]
routes:
  - path_prefix: /admin/
    upstream: api
    auth: {jwks_url: "http://127.0.0.1:1/jwks", issuer: x}
  - host: admin.example.com
    path_prefix: /
    upstream: api
    auth: {jwks_url: "http://127.0.0.1:1/jwks", issuer: x}
  - path_prefix: /
    upstream: api
`, up.url())
	fronts := bothFronts(t, cfg)
	tests := []struct {
		target, host string
		want         int
	}{
		{"/open/x", "x", 200},
		{"/.well-known/x", "x", 200},
		{"/admin/x", "x", 401},
		{"/a/../admin/x", "x", 400},
		{"/./admin/x", "x", 400},
		{"/open/..", "x", 200},     // read clean it is "/": the same route
		{"//open/x", "x", 200},     // as above: proxied as sent
		{"/open//x/./y", "x", 200}, // as above
		{"/admin//x", "x", 401},    // both readings are admin's
		{"/open/%5C..%5Cadmin%5Cx", "x", 400},
		{"//admin/x", "x", 400},
		{"/%2e%2e/admin/x", "x", 400},
		{"/open/%2E%2E/admin/x", "x", 400},
		{"/%2Fadmin/x", "x", 400},
		{"/open/%5C..%5Cadmin", "x", 200}, // "/admin" is no "/admin/" path either way
		{"/admin/..;/open", "x", 400},
		{"/admin;jsessionid=1/x", "x", 401},
		{"/open/x?next=//a/../b;c", "x", 200},
		{"/x", "admin.example.com", 401},
		{"/x", "ADMIN.example.com:80", 401},
		{"/x", "admin.example.com.", 401},
		{"/x", "admin.example.com.:8080", 401},
	}
	for front, addr := range fronts {
		for _, tt := range tests {
			resp, body := rawExchange(t, addr, "GET "+tt.target+" HTTP/1.1\r\nHost: "+tt.host+"\r\n\r\n")
			if resp.StatusCode != tt.want {
				t.Errorf("%s: GET %s (Host %s) = %d, want %d: %s", front, tt.target, tt.host, resp.StatusCode, tt.want, body)
			}
		}
	}
}

// Fields a client sends to steer what the upstream trusts: a protocol
// switch other than WebSocket (h2c would make the connection the
// upstream's), Connection naming Authorization (the gateway checked it;
// the upstream is to see it), and client-address fields a proxy would
// write (X-Real-Ip, X-Forwarded-Port/-Prefix) from an untrusted peer.
func TestHostileRequestFields(t *testing.T) {
	up := newRawUpstream(t, func(c net.Conn, _ string) {
		_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
	})
	cfg := fmt.Sprintf(`listen: 127.0.0.1:0
upstreams:
  api:
    targets: [%[1]s]
routes:
  - path_prefix: /
    upstream: api
    auth: {jwks_url: "http://127.0.0.1:1/jwks", issuer: x, allow_api_keys: true}
`, up.url())
	fronts := bothFronts(t, cfg)
	const authz = "Authorization: Bearer opaque-key\r\n"
	tests := []struct {
		name, fields string
		// in the header block the upstream received; wantNot compares
		// without case and names fields, not values (a random request id
		// or traceparent may hold "443")
		want, wantNot []string
	}{
		{"h2c upgrade", authz + "Upgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n",
			nil, []string{"Upgrade:", "Http2-Settings:", "HTTP2-Settings:"}},
		{"tls upgrade", authz + "Upgrade: TLS/1.2\r\nConnection: Upgrade\r\n", nil, []string{"Upgrade:"}},
		{"connection names authorization", authz + "Connection: Authorization, X-Forwarded-For\r\n",
			[]string{"Authorization: Bearer opaque-key\r\n", "X-Forwarded-For: 127.0.0.1\r\n"}, nil},
		{"websocket names authorization", authz + "Upgrade: websocket\r\nConnection: Upgrade, Authorization\r\n",
			[]string{"Authorization: Bearer opaque-key\r\n", "Upgrade: websocket\r\n"}, nil},
		{"proxy fields from an untrusted peer", authz + "X-Real-Ip: 6.6.6.6\r\nX-Forwarded-Port: 443\r\nX-Forwarded-Prefix: /admin\r\nx-forwarded-ssl: on\r\n",
			[]string{"X-Forwarded-For: 127.0.0.1\r\n"}, []string{"X-Real-Ip:", "X-Forwarded-Port:", "X-Forwarded-Prefix:", "X-Forwarded-Ssl:"}},
	}
	for front, addr := range fronts {
		for _, tt := range tests {
			resp, body := rawExchange(t, addr, "GET /x HTTP/1.1\r\nHost: h\r\n"+tt.fields+"\r\n")
			if resp.StatusCode != 200 {
				t.Errorf("%s %s: %d %s", front, tt.name, resp.StatusCode, body)
				continue
			}
			head := up.last()
			for _, s := range tt.want {
				if !strings.Contains(head, s) {
					t.Errorf("%s %s: upstream did not get %q:\n%s", front, tt.name, s, head)
				}
			}
			for _, s := range tt.wantNot {
				if strings.Contains(strings.ToLower(head), strings.ToLower(s)) {
					t.Errorf("%s %s: upstream got %q:\n%s", front, tt.name, s, head)
				}
			}
		}
	}
}

// Upstream answers that would reach the client as a framing ambiguity, or
// hold the request, are 502 problems: a field name that is not a token
// ("Content-Length : 2", which net/http's parser keeps as a field) and an
// endless run of 1xx answers.
func TestHostileUpstreamAnswers(t *testing.T) {
	answers := map[string]string{
		"/space-colon":         "HTTP/1.1 200 OK\r\nContent-Length : 2\r\nContent-Type: text/plain\r\n\r\nhi",
		"/space-colon-chunked": "HTTP/1.1 200 OK\r\nContent-Length : 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n",
		"/1xx-flood":           strings.Repeat("HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n", 20) + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi",
		"/1xx-few":             strings.Repeat("HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n", 3) + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi",
	}
	up := newRawUpstream(t, func(c net.Conn, head string) {
		path := strings.Fields(head)[1]
		_, _ = io.WriteString(c, answers[path])
	})
	fronts := bothFronts(t, poolConfig([]string{up.url()}, "retries: {attempts: 0}", ""))
	tests := []struct {
		path, method string
		want         int
	}{
		{"/space-colon", "GET", 502},
		{"/space-colon-chunked", "GET", 502},
		{"/space-colon", "POST", 502},
		{"/1xx-flood", "GET", 502},
		{"/1xx-few", "GET", 200},
	}
	for front, addr := range fronts {
		for _, tt := range tests {
			resp, body := rawExchange(t, addr, tt.method+" "+tt.path+" HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n")
			if resp.StatusCode != tt.want {
				t.Errorf("%s %s %s = %d, want %d: %q %v", front, tt.method, tt.path, resp.StatusCode, tt.want, body, resp.Header)
			}
			if tt.want == 502 && resp.Header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("%s %s: %v", front, tt.path, resp.Header)
			}
		}
	}
}
