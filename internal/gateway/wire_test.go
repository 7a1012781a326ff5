package gateway_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Two traceparent fields are no trace context (W3C Trace Context's test
// suite, test_traceparent_duplicated): the gateway starts a new trace, as
// for a malformed one, and drops tracestate with it. Checked on the native
// path (/x) and the slow one (/x%41) of the fasthttp front end, and on
// net/http.
func TestDuplicateTraceparentStartsNewTrace(t *testing.T) {
	up := newRawUpstream(t, func(c net.Conn, _ string) {
		_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
	})
	fronts := bothFronts(t, poolConfig([]string{up.url()}, "", ""))
	const (
		tp1 = "00-11111111111111111111111111111111-1111111111111111-01"
		tp2 = "00-22222222222222222222222222222222-2222222222222222-01"
	)
	tpRe := regexp.MustCompile(`(?i)\r\ntraceparent: *([^\r]*)`)
	tests := []struct {
		name, fields string
		wantTrace    string // the trace id kept, or "" for a new one
	}{
		{"one", "Traceparent: " + tp1 + "\r\nTracestate: a=1\r\n", "11111111111111111111111111111111"},
		{"two valid", "Traceparent: " + tp1 + "\r\nTracestate: a=1\r\ntraceparent: " + tp2 + "\r\n", ""},
		{"valid then invalid", "Traceparent: " + tp1 + "\r\nTraceparent: junk\r\nTracestate: a=1\r\n", ""},
		{"invalid then valid", "Traceparent: junk\r\nTracestate: a=1\r\nTraceparent: " + tp1 + "\r\n", ""},
		{"two equal", "Traceparent: " + tp1 + "\r\nTraceparent: " + tp1 + "\r\nTracestate: a=1\r\n", ""},
	}
	for front, addr := range fronts {
		for _, target := range []string{"/x", "/x%41"} {
			for _, tt := range tests {
				resp, body := rawExchange(t, addr, "GET "+target+" HTTP/1.1\r\nHost: h\r\n"+tt.fields+"\r\n")
				if resp.StatusCode != 200 {
					t.Errorf("%s %s %s: %d %s", front, target, tt.name, resp.StatusCode, body)
					continue
				}
				head := up.last()
				all := tpRe.FindAllStringSubmatch(head, -1)
				if len(all) != 1 || len(all[0][1]) != 55 {
					t.Errorf("%s %s %s: upstream traceparent fields %q:\n%s", front, target, tt.name, all, head)
					continue
				}
				trace := all[0][1][3:35]
				hasState := strings.Contains(strings.ToLower(head), "\r\ntracestate:")
				if tt.wantTrace != "" {
					if trace != tt.wantTrace || !hasState {
						t.Errorf("%s %s %s: trace %s (tracestate %v), want %s kept with its state", front, target, tt.name, trace, hasState, tt.wantTrace)
					}
					continue
				}
				if strings.Count(trace, trace[:1]) == 32 || hasState {
					t.Errorf("%s %s %s: trace %s (tracestate %v), want a new trace without tracestate:\n%s", front, target, tt.name, trace, hasState, head)
				}
			}
		}
	}
}

// The HTTP version in the request line, as nginx answers it: a major
// version above 1 is 505, HTTP/0.x is 400 (a request with a version and
// a header block is no HTTP/0.9 request), both as problem+json with the
// connection closed; HTTP/1.2 to 1.9 are proxied (RFC 9110 §2.5: a
// recipient takes a higher minor version as the highest it supports;
// fasthttp reads them by HTTP/1.0's rules, closing after the answer).
func TestRequestLineHTTPVersion(t *testing.T) {
	up := newRawUpstream(t, func(c net.Conn, _ string) {
		_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
	})
	fronts := bothFronts(t, poolConfig([]string{up.url()}, "", ""))
	tests := []struct {
		version       string
		want, netWant int // netWant: net/http's server answers HTTP/0.x itself, with 505
	}{
		{"HTTP/2.0", 505, 505},
		{"HTTP/3.0", 505, 505},
		{"HTTP/9.9", 505, 505},
		{"HTTP/0.9", 400, 505},
		{"HTTP/1.9", 200, 200},
		{"HTTP/1.2", 200, 200},
		{"HTTP/1.1", 200, 200},
	}
	for front, addr := range fronts {
		for _, target := range []string{"/x", "/x%41"} {
			for _, tt := range tests {
				c, err := net.Dial("tcp", addr)
				if err != nil {
					t.Fatal(err)
				}
				_ = c.SetDeadline(time.Now().Add(10 * time.Second)) // a hang guard
				req := fmt.Sprintf("GET %s %s\r\nHost: h\r\n\r\n", target, tt.version)
				_, _ = io.WriteString(c, req+req) // the second tells whether the connection stays open
				br := bufio.NewReader(c)
				resp, err := http.ReadResponse(br, nil)
				if err != nil {
					t.Fatalf("%s %q: %v", front, req, err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				want := tt.want
				if front == "net/http" {
					want = tt.netWant
				}
				if resp.StatusCode != want {
					t.Errorf("%s %s %s = %d, want %d: %s", front, target, tt.version, resp.StatusCode, want, body)
				}
				if tt.version == "HTTP/1.1" {
					if resp, err := http.ReadResponse(br, nil); err != nil || resp.StatusCode != 200 {
						t.Errorf("%s %s %s: keep-alive: second answer %v", front, target, tt.version, err)
					}
				} else if want != 200 {
					// net/http's server writes its own plain-text answer to a
					// request line it refuses; the status is what is checked there.
					if ct := resp.Header.Get("Content-Type"); front == "fasthttp" && ct != "application/problem+json" {
						t.Errorf("%s %s %s: Content-Type %q", front, target, tt.version, ct)
					}
					if _, err := http.ReadResponse(br, nil); err == nil {
						t.Errorf("%s %s %s: the connection stayed open after %d", front, target, tt.version, resp.StatusCode)
					}
				}
				c.Close()
			}
		}
	}
}

// Bytes a client sends right after its upgrade request, before the 101
// arrives (in the same packet here), reach the upstream first once the
// tunnel is up: the server's reader has them buffered, and the tunnel
// used to copy from the bare connection after them (both front ends).
func TestWebSocketDataBeforeSwitch(t *testing.T) {
	b := newBackend(t, "ws", func(w http.ResponseWriter, r *http.Request) {
		conn, brw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		_, _ = io.WriteString(brw, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
		_ = brw.Flush()
		for {
			line, err := brw.ReadString('\n')
			if err != nil {
				return
			}
			_, _ = io.WriteString(brw, "echo: "+line)
			_ = brw.Flush()
		}
	})
	fronts := bothFronts(t, poolConfig(urls(b), "", ""))
	const upgrade = "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
	for front, addr := range fronts {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		_ = c.SetDeadline(time.Now().Add(5 * time.Second)) // a hang guard: lost bytes are never echoed
		_, _ = io.WriteString(c, upgrade+"early\nsecond\n")
		br := bufio.NewReader(c)
		resp, err := http.ReadResponse(br, nil)
		if err != nil || resp.StatusCode != http.StatusSwitchingProtocols {
			t.Fatalf("%s: %v %v", front, resp, err)
		}
		for _, want := range []string{"echo: early\n", "echo: second\n"} {
			if got, err := br.ReadString('\n'); got != want {
				t.Errorf("%s: got %q (%v), want %q", front, got, err, want)
				break
			}
		}
		_, _ = io.WriteString(c, "later\n")
		if got, err := br.ReadString('\n'); got != "echo: later\n" {
			t.Errorf("%s: after the switch: got %q (%v)", front, got, err)
		}
		c.Close()
	}
}

// A request refused for its version may have a body on the way: the
// client still sending gets the 505 and a clean end, not a reset.
func TestRequestLineHTTPVersionLingers(t *testing.T) {
	b := newBackend(t, "ok", nil)
	g, _ := startGateway(t, poolConfig(urls(b), "", ""))
	c, err := net.Dial("tcp", strings.TrimPrefix(serveFast(t, g), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second)) // a hang guard
	fmt.Fprintf(c, "POST /x HTTP/2.0\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s", 1<<20, strings.Repeat("a", 100<<10))
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusHTTPVersionNotSupported {
		t.Fatalf("got %d, want 505", resp.StatusCode)
	}
	if _, err := io.WriteString(c, strings.Repeat("b", 8<<10)); err != nil {
		t.Fatalf("write after the answer: %v", err)
	}
	if err := c.(*net.TCPConn).CloseWrite(); err != nil {
		t.Fatal(err)
	}
	if n, err := io.Copy(io.Discard, br); err != nil || n != 0 {
		t.Fatalf("after the answer: %d bytes, %v; want a clean end", n, err)
	}
}

// HTTP/2's connection preface sent to the HTTP/1 port (a client with
// prior knowledge, `curl --http2-prior-knowledge`) is 505 as any HTTP/2.0
// request line, on both front ends, and the connection ends.
func TestHTTP2PrefaceIs505(t *testing.T) {
	up := newRawUpstream(t, func(c net.Conn, _ string) {
		_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
	})
	for front, addr := range bothFronts(t, poolConfig([]string{up.url()}, "", "")) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		_ = c.SetDeadline(time.Now().Add(10 * time.Second)) // a hang guard
		// The preface, then an empty SETTINGS frame.
		_, _ = io.WriteString(c, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00")
		br := bufio.NewReader(c)
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("%s: %v", front, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusHTTPVersionNotSupported {
			t.Errorf("%s: %d, want 505: %s", front, resp.StatusCode, body)
		}
		if ct := resp.Header.Get("Content-Type"); front == "fasthttp" && ct != "application/problem+json" {
			t.Errorf("%s: Content-Type %q", front, ct)
		}
		if _, err := http.ReadResponse(br, nil); err == nil {
			t.Errorf("%s: the connection stayed open after the preface", front)
		}
		c.Close()
	}
}
