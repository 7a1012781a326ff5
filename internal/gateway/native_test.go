package gateway_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// rawUpstream is an HTTP/1.1 upstream at the wire level: it records every
// request's header block as it arrived (order and all) and answers with
// what answer returns, on keep-alive connections.
type rawUpstream struct {
	ln     net.Listener
	mu     sync.Mutex
	heads  []string
	conns  atomic.Int64
	answer func(conn net.Conn, head string)
}

func newRawUpstream(t *testing.T, answer func(conn net.Conn, head string)) *rawUpstream {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	u := &rawUpstream{ln: ln, answer: answer}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u.conns.Add(1)
			go u.serve(c)
		}
	}()
	return u
}

func (u *rawUpstream) serve(c net.Conn) {
	defer c.Close()
	br := bufio.NewReader(c)
	for {
		var head strings.Builder
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			head.WriteString(line)
			if line == "\r\n" {
				break
			}
		}
		h := head.String()
		if m := regexp.MustCompile(`(?i)\r\ncontent-length: *(\d+)`).FindStringSubmatch(h); m != nil {
			n, _ := strconv.Atoi(m[1])
			if _, err := io.CopyN(io.Discard, br, int64(n)); err != nil {
				return
			}
		}
		u.mu.Lock()
		u.heads = append(u.heads, h)
		u.mu.Unlock()
		u.answer(c, h)
	}
}

func (u *rawUpstream) url() string { return "http://" + u.ln.Addr().String() }

func (u *rawUpstream) last() string {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.heads[len(u.heads)-1]
}

// fields returns the names of a header block's fields, in order.
func fields(head string) []string {
	var names []string
	for _, line := range strings.Split(head, "\r\n")[1:] {
		if k, _, ok := strings.Cut(line, ":"); ok {
			names = append(names, k)
		}
	}
	return names
}

// The native path writes the request as it came, minus what must not
// pass: fields keep their order (a map would shuffle them), hop-by-hop
// fields and those Connection names go, X-Forwarded-* are the gateway's,
// and the answer's hop-by-hop fields and request id are replaced too.
func TestNativeWireHeaders(t *testing.T) {
	up := newRawUpstream(t, func(c net.Conn, _ string) {
		_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nKeep-Alive: timeout=5\r\n"+
			"Proxy-Authenticate: Basic\r\nX-Request-Id: upstream-id\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n"+
			"X-Multi: 1\r\nX-Multi: 2\r\nContent-Length: 5\r\n\r\nhello")
	})
	g, _ := startGateway(t, poolConfig([]string{up.url()}, "", ""))
	base := serveFast(t, g)
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, _ = io.WriteString(conn, "GET /a/b?q=1 HTTP/1.1\r\nHost: parley.example\r\nX-F: 6\r\nX-A: 1\r\n"+
		"Connection: keep-alive, X-Hop\r\nX-Hop: secret\r\nKeep-Alive: timeout=9\r\nProxy-Authorization: Basic eA==\r\n"+
		"X-Forwarded-For: 6.6.6.6\r\nX-Forwarded-Host: evil.test\r\nForwarded: for=6.6.6.6\r\nX-C: 3\r\n"+
		"X-Request-Id: client-id\r\nX-B: 2\r\nX-A: 1b\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()

	head := up.last()
	if !strings.HasPrefix(head, "GET /a/b?q=1 HTTP/1.1\r\nHost: parley.example\r\n") {
		t.Errorf("request line and host: %q", head)
	}
	want := []string{"Host", "X-F", "X-A", "X-C", "X-B", "X-A", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
		"X-Request-Id", "Traceparent"}
	if d := cmp.Diff(want, fields(head)); d != "" {
		t.Errorf("fields sent upstream (-want +got):\n%s\n%s", d, head)
	}
	for _, line := range []string{"X-Forwarded-For: 127.0.0.1\r\n", "X-Forwarded-Proto: http\r\n",
		"X-Forwarded-Host: parley.example\r\n", "X-Request-Id: client-id\r\n", "X-A: 1b\r\n"} {
		if !strings.Contains(head, line) {
			t.Errorf("upstream did not get %q:\n%s", line, head)
		}
	}
	got := map[string][]string{}
	for _, k := range []string{"Keep-Alive", "Proxy-Authenticate", "X-Request-Id", "Set-Cookie", "X-Multi", "Content-Length", "Content-Type"} {
		got[k] = resp.Header.Values(k)
	}
	wantResp := map[string][]string{"Keep-Alive": nil, "Proxy-Authenticate": nil, "X-Request-Id": {"client-id"},
		"Set-Cookie": {"a=1", "b=2"}, "X-Multi": {"1", "2"}, "Content-Length": {"5"}, "Content-Type": {"text/plain"}}
	if d := cmp.Diff(wantResp, got); d != "" || string(body) != "hello" || resp.StatusCode != 200 {
		t.Errorf("response %d %q (-want +got):\n%s", resp.StatusCode, body, d)
	}
}

// An event stream the upstream frames with a Content-Length is still
// flushed event by event: the second event is sent only after the client
// has read the first, which it could not if the gateway buffered.
func TestNativeEventStreamWithLengthIsNotBuffered(t *testing.T) {
	first, second := "data: one\n\n", "data: two\n\n"
	read := make(chan struct{})
	up := newRawUpstream(t, func(c net.Conn, _ string) {
		_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: "+
			strconv.Itoa(len(first+second))+"\r\n\r\n"+first)
		select {
		case <-read:
		case <-time.After(10 * time.Second): // a guard against hanging, not a measurement
		}
		_, _ = io.WriteString(c, second)
	})
	g, _ := startGateway(t, poolConfig([]string{up.url()}, "", ""))
	resp, err := http.Get(serveFast(t, g) + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	buf := make([]byte, len(first))
	gotFirst := make(chan error, 1)
	go func() { _, err := io.ReadFull(resp.Body, buf); gotFirst <- err }()
	select {
	case err := <-gotFirst:
		if err != nil || string(buf) != first {
			t.Fatalf("first event %q, %v", buf, err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the first event did not arrive before the second was sent: buffered")
	}
	close(read)
	rest, _ := io.ReadAll(resp.Body)
	if string(rest) != second {
		t.Errorf("second event %q", rest)
	}
}

// A body larger than the connection's buffer streams through intact, and
// a connection whose body was read to its end serves the next request.
func TestNativeLargeBodyAndConnectionReuse(t *testing.T) {
	big := bytes.Repeat([]byte("0123456789abcdef"), 20000) // 320 KB
	up := newRawUpstream(t, func(c net.Conn, _ string) {
		_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: "+strconv.Itoa(len(big))+"\r\n\r\n")
		_, _ = c.Write(big)
	})
	g, _ := startGateway(t, poolConfig([]string{up.url()}, "", ""))
	base := serveFast(t, g)
	for i := range 3 {
		resp, err := http.Get(base + "/big")
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || !bytes.Equal(got, big) {
			t.Fatalf("request %d: %d bytes, %v", i, len(got), err)
		}
	}
	if n := up.conns.Load(); n != 1 {
		t.Errorf("upstream connections: %d, want 1 (kept alive)", n)
	}
}

// A target that drops connections: GETs go again to the other target,
// a POST (not idempotent) gets a 502 problem with the request id.
func TestNativeConnectionFailureRetriesOnlyIdempotent(t *testing.T) {
	dead := newRawUpstream(t, func(c net.Conn, _ string) { c.Close() })
	good := newBackend(t, "good", nil)
	g, _ := startGateway(t, poolConfig([]string{dead.url(), good.srv.URL}, "outlier: {consecutive_failures: 1000}\nretries: {min_retries: 100}", ""))
	base := serveFast(t, g)
	for i := range 6 {
		resp, body := get(t, http.DefaultClient, base+"/")
		if resp.StatusCode != 200 || body != "good" {
			t.Fatalf("GET %d: %d %q", i, resp.StatusCode, body)
		}
	}
	var bad int
	for range 6 {
		resp, err := http.Post(base+"/", "text/plain", strings.NewReader("x"))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusBadGateway {
			bad++
			var p map[string]any
			if resp.Header.Get("Content-Type") != "application/problem+json" || json.Unmarshal(b, &p) != nil ||
				p["request_id"] == "" || p["request_id"] != resp.Header.Get("X-Request-Id") {
				t.Errorf("502 without a problem naming the request id: %q %s", resp.Header, b)
			}
		}
	}
	if bad == 0 {
		t.Error("no POST reached the failing target; round robin should have sent some there")
	}
}

// Edge refusals on the native path: 429 with the rate-limit fields and
// Retry-After, 401 with WWW-Authenticate, both problem+json with the id.
func TestNativeEdgeRefusals(t *testing.T) {
	b := newBackend(t, "a", nil)
	g, _ := startGateway(t, poolConfig(urls(b), "", "rate_limit: {rate: 1, period: 1h, burst: 1}"))
	base := serveFast(t, g)
	resp, _ := get(t, http.DefaultClient, base+"/")
	if resp.StatusCode != 200 || resp.Header.Get("Ratelimit-Remaining") != "0" || resp.Header.Get("Ratelimit-Limit") != "1" {
		t.Fatalf("first: %d %q", resp.StatusCode, resp.Header)
	}
	resp, body := get(t, http.DefaultClient, base+"/")
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") == "" || resp.Header.Get("Content-Type") != "application/problem+json" ||
		!strings.Contains(body, resp.Header.Get("X-Request-Id")) || b.hits.Load() != 1 {
		t.Errorf("second: %d %q %s (upstream hits %d)", resp.StatusCode, resp.Header, body, b.hits.Load())
	}

	jwks := newBackend(t, "jwks", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, `{"keys":[]}`) })
	g2, _ := startGateway(t, poolConfig(urls(b), "", "auth: {jwks_url: "+jwks.srv.URL+"}"))
	resp, body = get(t, http.DefaultClient, serveFast(t, g2)+"/")
	if resp.StatusCode != 401 || resp.Header.Get("WWW-Authenticate") == "" || resp.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("no token: %d %q %s", resp.StatusCode, resp.Header, body)
	}
}

// More attempts than the attempt loop keeps inline: every attempt goes to
// a target not tried yet, on both front ends.
func TestRetriesReachEveryTarget(t *testing.T) {
	for _, fe := range []string{"net/http", "fasthttp"} {
		t.Run(fe, func(t *testing.T) {
			var bs []*backend
			for i := range 6 {
				b := newBackend(t, strconv.Itoa(i), nil)
				b.fails.Store(1)
				bs = append(bs, b)
			}
			g, base := startGateway(t, poolConfig(urls(bs...), "retries: {attempts: 5, min_retries: 10}\noutlier: {consecutive_failures: 100}", ""))
			if fe == "fasthttp" {
				base = serveFast(t, g)
			}
			resp, _ := get(t, http.DefaultClient, base+"/")
			if resp.StatusCode != http.StatusServiceUnavailable {
				t.Errorf("status %d, want the last target's 503", resp.StatusCode)
			}
			for i, b := range bs {
				if n := b.hits.Load(); n != 1 {
					t.Errorf("target %d: %d attempts, want 1", i, n)
				}
			}
		})
	}
}
