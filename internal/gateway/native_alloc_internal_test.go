package gateway

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/valyala/fasthttp"

	"github.com/parleyhq/parley/internal/gateway/config"
	"github.com/parleyhq/parley/internal/ratelimit"
	"github.com/parleyhq/parley/internal/telemetry"
)

// fixedUpstream answers every request on a keep-alive connection with the
// same small JSON answer, allocating nothing per request itself, so that an
// allocation count taken around serveNative is the gateway's alone.
// Requests are taken to have no body (the callers send GETs).
func fixedUpstream(tb testing.TB) string {
	const body = `{"id":"u1","name":"Ada","skills":["go","sql"],"ok":true,"n":12345}`
	return answeringUpstream(tb, fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nDate: Mon, 30 Nov 2026 05:00:00 GMT\r\nContent-Length: %d\r\n\r\n%s", len(body), body))
}

// answeringUpstream is fixedUpstream answering with answer.
func answeringUpstream(tb testing.TB, answerText string) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ln.Close() })
	answer := []byte(answerText)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				buf := make([]byte, 32<<10)
				n := 0
				for {
					m, err := c.Read(buf[n:])
					if err != nil {
						return
					}
					n += m
					for {
						i := bytes.Index(buf[:n], []byte("\r\n\r\n"))
						if i < 0 {
							break
						}
						if _, err := c.Write(answer); err != nil {
							return
						}
						n = copy(buf, buf[i+4:n])
					}
					if n == len(buf) {
						return
					}
				}
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

// nativeCase is one gateway configuration for the native-path benchmarks.
type nativeCase struct {
	name  string
	route string // YAML lines under the route
	authz string // the request's Authorization value
}

func nativeCases(tb testing.TB) []nativeCase {
	j := newTestJWKS(tb)
	j.add(tb, "k1")
	bearer := "Bearer " + j.token(tb, "k1", time.Now().Add(time.Hour))
	edge := fmt.Sprintf("auth: {jwks_url: %q}\n    rate_limit: {rate: 1000000000, period: 1s", j.srv.URL)
	return []nativeCase{
		{name: "minimal"},
		// JWT (a cache hit after the first) + rate limit per client address,
		// as scripts/bench-gateway.sh's parley+
		{name: "edge", route: edge + "}", authz: bearer},
		{name: "edge-cred", route: edge + ", key: credential}", authz: bearer}, // rate limit per credential
	}
}

// newNativeGateway returns a gateway proxying to upstream with route's
// extra YAML, and a request context holding an ordinary GET as a browser
// or API client sends it.
func newNativeGateway(tb testing.TB, upstream string, c nativeCase) (*Gateway, *fasthttp.RequestCtx) {
	tb.Helper()
	yaml := fmt.Sprintf("listen: 127.0.0.1:0\nupstreams:\n  api:\n    targets: [%s]\nroutes:\n  - path_prefix: /\n    upstream: api\n    %s\n", upstream, c.route)
	cfg, err := config.Parse([]byte(yaml))
	if err != nil {
		tb.Fatalf("config: %v\n%s", err, yaml)
	}
	g, err := New(telemetry.Discard(), cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = g.Close() })
	// Parsed from the wire, as the server has it: the native path reads
	// the header block as received, which a header built with Set lacks.
	wire := "GET /v1/profiles/u1?fields=name HTTP/1.1\r\nHost: api.example.com\r\nUser-Agent: bench/1.0\r\nAccept: application/json\r\n"
	if c.authz != "" {
		wire += "Authorization: " + c.authz + "\r\n"
	}
	var req fasthttp.Request
	if err := req.Read(bufio.NewReader(strings.NewReader(wire + "\r\n"))); err != nil {
		tb.Fatal(err)
	}
	fc := &fasthttp.RequestCtx{}
	fc.Init(&req, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 40000}, nil)
	return g, fc
}

// serveScanned runs fc through the front end's handler, which is to find
// it ordinary.
func serveScanned(tb testing.TB, g *Gateway, fc *fasthttp.RequestCtx) {
	g.serveFast(fc, func(*fasthttp.RequestCtx) { tb.Fatal("an ordinary request went to the slow path") })
}

// serveOnce runs one request through the native path and checks the answer.
func serveOnce(tb testing.TB, g *Gateway, fc *fasthttp.RequestCtx) {
	fc.Response.Reset()
	serveScanned(tb, g, fc)
	if code := fc.Response.StatusCode(); code != 200 {
		tb.Fatalf("status %d: %s", code, fc.Response.Body())
	}
}

// TestServeNativeAllocs: an ordinary request on the native path — with JWT
// validation (a verified-token cache hit) and a rate limit too — allocates
// nothing once the connection pool and caches are warm.
func TestServeNativeAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's sync.Pool drops items at random, which allocates")
	}
	up := fixedUpstream(t)
	for _, c := range nativeCases(t) {
		t.Run(c.name, func(t *testing.T) {
			g, fc := newNativeGateway(t, up, c)
			for range 10 {
				serveOnce(t, g, fc)
			}
			if n := testing.AllocsPerRun(200, func() { serveOnce(t, g, fc) }); n != 0 {
				t.Errorf("%.1f allocations per request, want 0", n)
			}
		})
	}
}

// BenchmarkServeNative is one proxied request on the native path without a
// client or a server loop around it: the gateway's own per-request work
// plus the two loopback system calls (profile it with -cpuprofile).
func BenchmarkServeNative(b *testing.B) {
	up := fixedUpstream(b)
	for _, c := range nativeCases(b) {
		b.Run(c.name, func(b *testing.B) {
			g, fc := newNativeGateway(b, up, c)
			serveOnce(b, g, fc)
			b.ReportAllocs()
			for b.Loop() {
				serveOnce(b, g, fc)
			}
		})
	}
}

// TestWriteFieldsMatchesWriteHeaders: the native path's rate-limit fields
// are the net/http path's (ratelimit.WriteHeaders), names and values.
func TestWriteFieldsMatchesWriteHeaders(t *testing.T) {
	for _, tc := range []struct {
		limit ratelimit.Limit
		res   ratelimit.Result
	}{
		{ratelimit.Limit{Rate: 60, Burst: 10, Period: time.Minute}, ratelimit.Result{Allowed: true, Remaining: 7, ResetAfter: 2500 * time.Millisecond}},
		{ratelimit.Limit{Rate: 60, Burst: 10, Period: time.Minute}, ratelimit.Result{Allowed: false, RetryAfter: 1100 * time.Millisecond, ResetAfter: 10 * time.Second}},
		{ratelimit.Limit{Rate: 5, Burst: 5, Period: 1500 * time.Millisecond}, ratelimit.Result{Allowed: false, Remaining: -3, RetryAfter: time.Millisecond}},
		{ratelimit.Limit{Rate: 1000000000, Burst: 1000000000, Period: time.Second}, ratelimit.Result{Allowed: true, Remaining: 999999999, ResetAfter: 90 * time.Minute}},
	} {
		tc.res.Limit = tc.limit
		l := newRouteLimit("r", &config.RateLimit{Rate: tc.limit.Rate, Burst: tc.limit.Burst, Period: tc.limit.Period}, ratelimit.Off{}, nil, nil)
		var rh fasthttp.ResponseHeader
		l.writeFields(&rh, tc.res)
		got := http.Header{}
		for k, v := range rh.All() {
			got.Add(string(k), string(v))
		}
		got.Del("Content-Type") // fasthttp's default, not a field of ours
		want := http.Header{}
		ratelimit.WriteHeaders(want, tc.res)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%+v: fields (-WriteHeaders +writeFields):\n%s", tc.res, d)
		}
	}
}

// TestServeNativeAnswerFields: a simple answer's fields reach the client
// in order, hop-by-hop ones and the upstream's request id left out, with
// few fields (copied from the offsets noted while checking) and with more
// than fit there (the header block split again).
func TestServeNativeAnswerFields(t *testing.T) {
	for _, n := range []int{2, 15, 16, 17, 40} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var head, want strings.Builder
			head.WriteString("HTTP/1.1 201 Created\r\nKeep-Alive: timeout=5\r\nX-Request-Id: upstream\r\n")
			for i := range n {
				fmt.Fprintf(&head, "X-F%d:  v%d \r\n", i, i)
				fmt.Fprintf(&want, "X-F%d=v%d;", i, i)
			}
			head.WriteString("Content-Length: 2\r\n\r\nok")
			g, fc := newNativeGateway(t, answeringUpstream(t, head.String()), nativeCase{name: "fields"})
			serveScanned(t, g, fc)
			var got strings.Builder
			for k, v := range fc.Response.Header.All() {
				switch string(k) {
				case "Keep-Alive":
					t.Errorf("hop-by-hop field %s: %s passed on", k, v)
				case "X-Request-Id":
					if string(v) == "upstream" {
						t.Errorf("the upstream's request id passed on")
					}
				case "Content-Length", "Content-Type":
				default:
					fmt.Fprintf(&got, "%s=%s;", k, v)
				}
			}
			if fc.Response.StatusCode() != 201 || string(fc.Response.Body()) != "ok" {
				t.Errorf("answer %d %q", fc.Response.StatusCode(), fc.Response.Body())
			}
			if got.String() != want.String() {
				t.Errorf("fields\n got %s\nwant %s", got.String(), want.String())
			}
		})
	}
}
