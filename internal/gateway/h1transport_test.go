package gateway

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// dialCounter wraps a dialer and counts the connections it opened.
type dialCounter struct {
	n atomic.Int32
	d net.Dialer
}

func (c *dialCounter) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	c.n.Add(1)
	return c.d.DialContext(ctx, network, addr)
}

// fallbackStub records that a request was handed over.
type fallbackStub struct{ calls atomic.Int32 }

func (f *fallbackStub) RoundTrip(*http.Request) (*http.Response, error) {
	f.calls.Add(1)
	return nil, errors.New("fallback")
}

func newTestH1(fb http.RoundTripper) (*h1Transport, *dialCounter) {
	dc := &dialCounter{}
	t := newH1Transport(fb, dc.dial)
	t.probeAfter = time.Hour // tests below exercise the retry, not the probe
	return t, dc
}

func get(t *testing.T, tr http.RoundTripper, ctx context.Context, method, url string, body io.Reader) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if body == nil {
		req.Body = nil
	}
	return tr.RoundTrip(req)
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return string(b)
}

// TestH1Reuse: how a response ends decides whether its connection is
// reused, counted by the dials a second request needs.
func TestH1Reuse(t *testing.T) {
	for _, tc := range []struct {
		name      string
		handler   http.HandlerFunc
		readFully bool
		wantDials int32
	}{
		{"read to the end", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "hello") }, true, 1},
		{"chunked, read to the end", func(w http.ResponseWriter, _ *http.Request) {
			_, _ = io.WriteString(w, "a")
			http.NewResponseController(w).Flush()
			_, _ = io.WriteString(w, "b")
		}, true, 1},
		{"closed before the end", func(w http.ResponseWriter, _ *http.Request) {
			_, _ = w.Write(make([]byte, 100<<10))
		}, false, 2},
		{"upstream says Connection: close", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Connection", "close")
			_, _ = io.WriteString(w, "bye")
		}, true, 2},
		{"no body (204)", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }, false, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(tc.handler)
			defer srv.Close()
			tr, dc := newTestH1(&fallbackStub{})
			defer tr.CloseIdleConnections()
			for i := 0; i < 2; i++ {
				resp, err := get(t, tr, context.Background(), http.MethodGet, srv.URL+"/x", nil)
				if err != nil {
					t.Fatalf("request %d: %v", i, err)
				}
				if tc.readFully {
					readAll(t, resp)
				} else {
					_, _ = resp.Body.Read(make([]byte, 10))
					resp.Body.Close()
				}
			}
			if got := dc.n.Load(); got != tc.wantDials {
				t.Fatalf("dials = %d, want %d", got, tc.wantDials)
			}
		})
	}
}

// staleUpstream answers each connection's first request with a keep-alive
// response and then closes the connection without saying so: the race of
// an upstream's idle timeout against the next request.
func staleUpstream(t *testing.T) (addr string, served *atomic.Int32) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	served = &atomic.Int32{}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				req, err := http.ReadRequest(bufio.NewReader(c))
				if err != nil {
					return
				}
				_, _ = io.Copy(io.Discard, req.Body)
				served.Add(1)
				_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
			}()
		}
	}()
	return ln.Addr().String(), served
}

func TestH1StaleConnection(t *testing.T) {
	for _, tc := range []struct {
		name    string
		method  string
		body    string
		wantErr bool
	}{
		{"GET is retried on a fresh connection", http.MethodGet, "", false},
		{"DELETE is retried", http.MethodDelete, "", false},
		{"POST with a body is not retried", http.MethodPost, "payload", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			addr, served := staleUpstream(t)
			tr, dc := newTestH1(&fallbackStub{})
			defer tr.CloseIdleConnections()
			resp, err := get(t, tr, context.Background(), http.MethodGet, "http://"+addr+"/", nil)
			if err != nil {
				t.Fatal(err)
			}
			readAll(t, resp) // the connection goes back to the pool...
			// ...and the upstream closes it; wait until that is visible
			// so that the next request surely picks a dead connection.
			waitClosed(t, tr, addr)
			var body io.Reader
			if tc.body != "" {
				body = strings.NewReader(tc.body)
			}
			resp, err = get(t, tr, context.Background(), tc.method, "http://"+addr+"/", body)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("got %d, want an error", resp.StatusCode)
				}
				if got := served.Load(); got != 1 {
					t.Fatalf("upstream served %d requests, want 1 (no replay)", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("not retried: %v", err)
			}
			if got := readAll(t, resp); got != "ok" {
				t.Fatalf("body %q", got)
			}
			if got := dc.n.Load(); got != 2 {
				t.Fatalf("dials = %d, want 2", got)
			}
		})
	}
}

// waitClosed waits until the pooled connection to addr reads EOF.
func waitClosed(t *testing.T, tr *h1Transport, addr string) {
	t.Helper()
	tr.mu.Lock()
	cs := tr.idle[addr]
	tr.mu.Unlock()
	if len(cs) != 1 {
		t.Fatalf("%d idle connections, want 1", len(cs))
	}
	for i := 0; i < 500 && alive(cs[0].nc); i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if alive(cs[0].nc) {
		t.Fatal("upstream never closed the connection")
	}
}

// TestH1ProbeSkipsDeadIdle: a connection idle past probeAfter that the
// upstream closed is not used, so even a POST with a body succeeds.
func TestH1ProbeSkipsDeadIdle(t *testing.T) {
	addr, served := staleUpstream(t)
	tr, dc := newTestH1(&fallbackStub{})
	tr.probeAfter = 0
	defer tr.CloseIdleConnections()
	resp, err := get(t, tr, context.Background(), http.MethodGet, "http://"+addr+"/", nil)
	if err != nil {
		t.Fatal(err)
	}
	readAll(t, resp)
	waitClosed(t, tr, addr)
	resp, err = get(t, tr, context.Background(), http.MethodPost, "http://"+addr+"/", strings.NewReader("payload"))
	if err != nil {
		t.Fatal(err)
	}
	readAll(t, resp)
	if dc.n.Load() != 2 || served.Load() != 2 {
		t.Fatalf("dials %d, served %d; want 2 and 2", dc.n.Load(), served.Load())
	}
}

// TestH1Streaming: each chunk is readable as soon as the upstream flushes
// it, before the response ends.
func TestH1Streaming(t *testing.T) {
	next := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		for _, ev := range []string{"data: 1\n\n", "data: 2\n\n"} {
			_, _ = io.WriteString(w, ev)
			http.NewResponseController(w).Flush()
			<-next // the next event waits for the client to have read this one
		}
	}))
	defer srv.Close()
	defer close(next)
	tr, _ := newTestH1(&fallbackStub{})
	defer tr.CloseIdleConnections()
	resp, err := get(t, tr, context.Background(), http.MethodGet, srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	buf := make([]byte, 64)
	for _, want := range []string{"data: 1\n\n", "data: 2\n\n"} {
		n, err := resp.Body.Read(buf)
		if err != nil || string(buf[:n]) != want {
			t.Fatalf("read %q, %v; want %q", buf[:n], err, want)
		}
		next <- struct{}{}
	}
}

func TestH1Cancel(t *testing.T) {
	for _, tc := range []struct {
		name string
		// headers: the upstream sends response headers and one chunk, then
		// hangs; otherwise it hangs before answering.
		headers bool
	}{
		{"waiting for the response", false},
		{"reading the body", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gone := make(chan struct{})
			entered := make(chan struct{})
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tc.headers {
					_, _ = io.WriteString(w, "part")
					http.NewResponseController(w).Flush()
				}
				close(entered)
				<-r.Context().Done() // the server noticed the connection closed
				close(gone)
			}))
			defer srv.Close()
			tr, _ := newTestH1(&fallbackStub{})
			defer tr.CloseIdleConnections()
			ctx, cancel := context.WithCancel(context.Background())
			reading := make(chan struct{})
			errc := make(chan error, 1)
			go func() {
				resp, err := get(t, tr, ctx, http.MethodGet, srv.URL, nil)
				if err == nil {
					buf := make([]byte, 4)
					_, err = io.ReadFull(resp.Body, buf)
					close(reading)
					if err == nil {
						_, err = io.ReadAll(resp.Body)
					}
					resp.Body.Close()
				}
				errc <- err
			}()
			<-entered
			if tc.headers {
				<-reading
			}
			cancel()
			select {
			case err := <-errc:
				if err == nil {
					t.Fatal("no error after cancel")
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the request did not end after cancel")
			}
			select {
			case <-gone:
			case <-time.After(10 * time.Second):
				t.Fatal("the upstream connection was not closed")
			}
		})
	}
}

// TestH1Fallback: what the fast path does not handle goes to the fallback.
func TestH1Fallback(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(r *http.Request)
		want  bool // handed to the fallback
	}{
		{"plain GET", func(*http.Request) {}, false},
		{"websocket upgrade", func(r *http.Request) { r.Header.Set("Connection", "Upgrade"); r.Header.Set("Upgrade", "websocket") }, true},
		{"https", func(r *http.Request) { r.URL.Scheme = "https" }, true},
		{"expect 100-continue", func(r *http.Request) { r.Header.Set("Expect", "100-continue") }, true},
		{"chunked body", func(r *http.Request) { r.ContentLength = -1; r.Body = io.NopCloser(strings.NewReader("x")) }, true},
		{"large body", func(r *http.Request) {
			r.ContentLength = h1MaxBody + 1
			r.Body = io.NopCloser(strings.NewReader(strings.Repeat("x", h1MaxBody+1)))
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
			defer srv.Close()
			fb := &fallbackStub{}
			tr, _ := newTestH1(fb)
			defer tr.CloseIdleConnections()
			req, _ := http.NewRequest(http.MethodGet, srv.URL, nil)
			tc.setup(req)
			resp, err := tr.RoundTrip(req)
			if err == nil {
				resp.Body.Close()
			}
			if got := fb.calls.Load() == 1; got != tc.want {
				t.Fatalf("fallback used = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestH1WriteRequest checks the wire form, and that a value that could
// split a header is refused.
func TestH1WriteRequest(t *testing.T) {
	for _, tc := range []struct {
		name    string
		setup   func(r *http.Request)
		want    []string // lines expected in the output
		wantErr bool
	}{
		{"host and path", func(*http.Request) {}, []string{"GET /a%20b?q=1 HTTP/1.1", "Host: up:80"}, false},

		{"empty user agent is not sent", func(r *http.Request) { r.Header.Set("User-Agent", "") }, nil, false},
		{"POST without body says length 0", func(r *http.Request) { r.Method = http.MethodPost }, []string{"POST /a%20b?q=1 HTTP/1.1", "Content-Length: 0"}, false},
		{"header value with CRLF", func(r *http.Request) { r.Header["X-Evil"] = []string{"a\r\nInjected: 1"} }, nil, true},
		{"header name with colon", func(r *http.Request) { r.Header["X:Evil"] = []string{"a"} }, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, "http://up:80/a%20b?q=1", nil)
			req.Header.Set("X-Keep", "yes")
			tc.setup(req)
			var sb strings.Builder
			w := bufio.NewWriter(&sb)
			err := writeRequest(w, req, req.URL.Host)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("no error; wrote %q", sb.String())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			out := sb.String()
			if !strings.HasSuffix(out, "\r\n\r\n") {
				t.Fatalf("header block not terminated: %q", out)
			}
			parsed, err := http.ReadRequest(bufio.NewReader(strings.NewReader(out)))
			if err != nil {
				t.Fatalf("not parseable: %v\n%s", err, out)
			}
			if parsed.Header.Get("X-Keep") != "yes" {
				t.Fatalf("X-Keep lost: %q", out)
			}
			for _, l := range tc.want {
				if !strings.Contains(out, l+"\r\n") {
					t.Fatalf("missing %q in %q", l, out)
				}
			}
			if strings.Contains(out, "User-Agent") {
				t.Fatalf("User-Agent sent: %q", out)
			}
		})
	}
}

// TestH1RetiresExpiredIdle: a connection idle past idleTimeout at the
// bottom of the pool is closed by the next put, not kept indefinitely.
func TestH1RetiresExpiredIdle(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok") }))
	defer srv.Close()
	tr, dc := newTestH1(&fallbackStub{})
	defer tr.CloseIdleConnections()
	// Two requests in flight at once: two connections in the pool.
	r1, err := get(t, tr, context.Background(), http.MethodGet, srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := get(t, tr, context.Background(), http.MethodGet, srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	readAll(t, r1)
	readAll(t, r2)
	addr := strings.TrimPrefix(srv.URL, "http://")
	tr.mu.Lock()
	if len(tr.idle[addr]) != 2 {
		t.Fatalf("%d idle, want 2", len(tr.idle[addr]))
	}
	tr.idle[addr][0].idleAt = time.Now().Add(-2 * tr.idleTimeout) // as if long unused
	tr.mu.Unlock()
	r3, err := get(t, tr, context.Background(), http.MethodGet, srv.URL, nil) // takes the top one
	if err != nil {
		t.Fatal(err)
	}
	readAll(t, r3) // its put retires the expired bottom one
	tr.mu.Lock()
	n := len(tr.idle[addr])
	tr.mu.Unlock()
	if n != 1 || dc.n.Load() != 2 {
		t.Fatalf("%d idle after %d dials; want 1 after 2", n, dc.n.Load())
	}
}

// TestH1TimeoutIsFinal: a route timeout on a reused connection is not
// mistaken for a stale connection and retried.
func TestH1TimeoutIsFinal(t *testing.T) {
	release := make(chan struct{})
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if hits.Add(1) > 1 {
			<-release
		}
		_, _ = io.WriteString(w, "ok")
	}))
	defer srv.Close()
	defer close(release)
	tr, _ := newTestH1(&fallbackStub{})
	defer tr.CloseIdleConnections()
	addr := strings.TrimPrefix(srv.URL, "http://")
	req, _ := http.NewRequest(http.MethodGet, srv.URL, nil)
	resp, err := tr.roundTripTo(req, addr, addr, time.Now(), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	readAll(t, resp) // pooled: the next attempt reuses it
	req, _ = http.NewRequest(http.MethodGet, srv.URL, nil)
	_, err = tr.roundTripTo(req, addr, addr, time.Now(), 20*time.Millisecond)
	if !errors.Is(err, errRouteTimeout) {
		t.Fatalf("err = %v, want errRouteTimeout", err)
	}
	if got := hits.Load(); got != 2 {
		t.Fatalf("upstream saw %d requests, want 2 (no retry after a timeout)", got)
	}
}

// TestH1InboundCloseKeepsUpstream: a request marked Close (an HTTP/1.0
// client's) does not cost an upstream connection per request.
func TestH1InboundCloseKeepsUpstream(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok") }))
	defer srv.Close()
	tr, dc := newTestH1(&fallbackStub{})
	defer tr.CloseIdleConnections()
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest(http.MethodGet, srv.URL, nil)
		req.Close = true
		resp, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		readAll(t, resp)
	}
	if got := dc.n.Load(); got != 1 {
		t.Fatalf("dials = %d, want 1", got)
	}
}
