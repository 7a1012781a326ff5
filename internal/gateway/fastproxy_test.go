package gateway

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/gateway/config"
	"github.com/parleyhq/parley/internal/telemetry"
)

// TestFastPathMatchesReverseProxy sends the same requests through
// serveFast and through the route's httputil.ReverseProxy and expects the
// upstream and the client to see the same thing.
func TestFastPathMatchesReverseProxy(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		h := w.Header()
		h.Set("Connection", "X-Secret-Hop, Keep-Alive")
		h.Set("X-Secret-Hop", "leak")
		h.Set("Keep-Alive", "timeout=5")
		h.Set("Content-Type", "application/json")
		h.Set("Date", "fixed")
		if r.URL.Query().Has("trailer") {
			h.Set("Trailer", "X-Checksum")
		}
		_ = json.NewEncoder(w).Encode(map[string]any{
			"method": r.Method, "uri": r.RequestURI, "host": r.Host, "body": string(body),
			"header": r.Header, "length": r.ContentLength,
		})
		if r.URL.Query().Has("trailer") {
			h.Set("X-Checksum", "abc")
		}
	}))
	defer up.Close()
	cfg, err := config.Parse([]byte("listen: 127.0.0.1:0\ntrusted_proxies: [10.9.9.9]\nupstreams:\n  api:\n    targets: [" +
		up.URL + "]\nroutes:\n  - path_prefix: /\n    upstream: api\n"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(telemetry.Discard(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	rt := g.state.Load().routes[0]

	for _, tc := range []struct {
		name string
		make func() *http.Request
	}{
		{"GET with hop-by-hop headers", func() *http.Request {
			r := httptest.NewRequest(http.MethodGet, "http://front.example/a/b?x=1&y=%20", nil)
			r.Header.Set("Connection", "X-Hop, keep-alive")
			r.Header.Set("X-Hop", "drop me")
			r.Header.Set("Keep-Alive", "timeout=5")
			r.Header.Set("Proxy-Authorization", "secret")
			r.Header.Set("Te", "trailers, deflate")
			r.Header.Set("X-Forwarded-For", "6.6.6.6")
			r.Header.Set("Forwarded", "for=6.6.6.6")
			r.Header.Set("User-Agent", "curl/8")
			return r
		}},
		{"POST with a body, no User-Agent", func() *http.Request {
			r := httptest.NewRequest(http.MethodPost, "http://front.example/submit", strings.NewReader(`{"a":1}`))
			r.Header.Set("Content-Type", "application/json")
			return r
		}},
		{"escaped path", func() *http.Request {
			return httptest.NewRequest(http.MethodGet, "http://front.example/a%2Fb/c%20d", nil)
		}},
		{"trusted proxy chain", func() *http.Request {
			r := httptest.NewRequest(http.MethodGet, "http://front.example/", nil)
			r.RemoteAddr = "10.9.9.9:1234"
			r.Header.Set("X-Forwarded-For", "1.2.3.4")
			r.Header.Set("X-Forwarded-Proto", "https")
			return r
		}},
		{"response trailers", func() *http.Request {
			return httptest.NewRequest(http.MethodGet, "http://front.example/t?trailer=1", nil)
		}},
		{"DELETE without a body", func() *http.Request {
			return httptest.NewRequest(http.MethodDelete, "http://front.example/item/1", nil)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			run := func(fast bool) (int, http.Header, map[string]any, http.Header) {
				r := tc.make()
				r.Header.Set("X-Request-ID", "rid-1")
				if !fastInbound(r) {
					t.Fatal("request does not qualify for the fast path")
				}
				rec := httptest.NewRecorder()
				if fast {
					rt.serveFast(rec, r)
				} else {
					rt.proxy.ServeHTTP(rec, r)
				}
				res := rec.Result()
				var seen map[string]any
				if err := json.NewDecoder(res.Body).Decode(&seen); err != nil {
					t.Fatalf("fast=%v: status %d: %v", fast, res.StatusCode, err)
				}
				_, _ = io.Copy(io.Discard, res.Body)
				return res.StatusCode, res.Header, seen, res.Trailer
			}
			fs, fh, fseen, ftr := run(true)
			ss, sh, sseen, str := run(false)
			if fs != ss {
				t.Errorf("status fast %d, ReverseProxy %d", fs, ss)
			}
			if d := cmp.Diff(sh, fh); d != "" {
				t.Errorf("response headers (-ReverseProxy +fast):\n%s", d)
			}
			if d := cmp.Diff(sseen, fseen); d != "" {
				t.Errorf("what the upstream saw (-ReverseProxy +fast):\n%s", d)
			}
			if d := cmp.Diff(str, ftr); d != "" {
				t.Errorf("trailers (-ReverseProxy +fast):\n%s", d)
			}
			if fh.Get("X-Secret-Hop") != "" || fh.Get("Keep-Alive") != "" {
				t.Errorf("hop-by-hop response headers passed: %v", fh)
			}
		})
	}
}

// TestFastPathAbortsTruncatedBody: when the upstream dies mid-body, the
// client's connection is cut, so that it cannot take the partial body for
// a complete one.
func TestFastPathAbortsTruncatedBody(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				buf := make([]byte, 4096)
				_, _ = c.Read(buf)
				// Chunked, cut after the first chunk: without the abort the
				// gateway would end its own chunked response cleanly.
				_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nonly part\r\n")
				c.Close()
			}()
		}
	}()
	cfg, err := config.Parse([]byte("listen: 127.0.0.1:0\nupstreams:\n  api:\n    targets: [http://" + ln.Addr().String() +
		"]\nroutes:\n  - path_prefix: /\n    upstream: api\n"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(telemetry.Discard(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	srv := httptest.NewServer(g)
	defer srv.Close()
	resp, err := http.Post(srv.URL, "text/plain", strings.NewReader("x")) // POST: not retried
	if err != nil {
		return // cut before the header was sent: also no truncated body taken for whole
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err == nil {
		t.Fatalf("read %q with no error; want the connection cut", body)
	}
}
