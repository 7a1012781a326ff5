package gateway

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/panjf2000/gnet/v2"

	"github.com/parleyhq/parley/internal/gateway/config"
	"github.com/parleyhq/parley/internal/telemetry"
)

// loopUpstream answers the loop tests: /sse sends two events 100 ms apart
// (the second only once the test says the first arrived), /echo echoes
// the method, body and a few fields, /chunked answers in chunks.
func loopUpstream(t *testing.T, gate chan struct{}) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/sse":
			w.Header().Set("Content-Type", "text/event-stream")
			fmt.Fprint(w, "data: one\n\n")
			w.(http.Flusher).Flush()
			select {
			case <-gate:
			case <-time.After(5 * time.Second):
			}
			fmt.Fprint(w, "data: two\n\n")
		case "/chunked":
			for i := range 3 {
				fmt.Fprintf(w, "part%d;", i)
				w.(http.Flusher).Flush()
			}
		case "/empty":
			w.WriteHeader(http.StatusNoContent)
		default:
			b, _ := io.ReadAll(r.Body)
			w.Header().Set("X-Seen-Id", r.Header.Get("X-Request-Id"))
			w.Header().Set("X-Seen-Xff", r.Header.Get("X-Forwarded-For"))
			fmt.Fprintf(w, "%s %s %s", r.Method, r.URL.RequestURI(), b)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// startLoop serves cfgYAML (%s: the upstream's URL) with the loop engine
// and returns its address and the engine.
func startLoop(t *testing.T, upstream, extra string) (string, *loopEngine) {
	t.Helper()
	addr, eng, _, _ := startLoopCtl(t, upstream, extra)
	return addr, eng
}

// startLoopCtl is startLoop that also returns the shutdown's start and a
// wait for ServeLoop's result.
func startLoopCtl(t *testing.T, upstream, extra string) (string, *loopEngine, context.CancelFunc, func() error) {
	t.Helper()
	cfg, err := config.Parse(fmt.Appendf(nil, `
listen: "127.0.0.1:0"
engine: loop
upstreams:
  api:
    targets: [%q]
routes:
  - name: all
    path_prefix: /
    upstream: api
%s`, upstream, extra))
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(telemetry.Discard(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var eng *loopEngine
	loopEngineStarted = func(e *loopEngine) { mu.Lock(); eng = e; mu.Unlock() }
	t.Cleanup(func() { loopEngineStarted = nil })
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan string, 1), make(chan error, 1)
	fs := g.NewFastServer(telemetry.Discard())
	go func() {
		done <- ServeLoop(ctx, g, fs, telemetry.Discard(), "127.0.0.1:0", func(a string) { ready <- a })
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		cancel()
		t.Fatal(err)
	}
	var served error
	finished := make(chan struct{})
	go func() { served = <-done; close(finished) }()
	t.Cleanup(func() { cancel(); <-finished; _ = fs.Shutdown(); _ = g.Close() })
	mu.Lock()
	defer mu.Unlock()
	return addr, eng, cancel, func() error { <-finished; return served }
}

// onLoop runs f on e's loop and waits for it.
func onLoop(t *testing.T, e *loopEngine, f func()) {
	t.Helper()
	l := e.loop.Load()
	if l == nil {
		t.Fatal("the loop has opened no connection yet")
	}
	ran := make(chan struct{})
	if err := (*l).Execute(context.Background(), gnet.RunnableFunc(func(context.Context) error { f(); close(ran); return nil })); err != nil {
		t.Fatal(err)
	}
	<-ran
}

// exchange writes raw on a fresh connection and reads n answers.
func exchange(t *testing.T, addr, raw string, methods ...string) ([]*http.Response, []string, net.Conn) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(c)
	var rs []*http.Response
	var bodies []string
	for _, m := range methods {
		res, err := http.ReadResponse(br, &http.Request{Method: m})
		if err != nil {
			t.Fatalf("answer %d: %v", len(rs)+1, err)
		}
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatalf("answer %d body: %v", len(rs)+1, err)
		}
		rs, bodies = append(rs, res), append(bodies, string(b))
	}
	return rs, bodies, c
}

func TestLoopServesOrdinaryRequests(t *testing.T) {
	up := loopUpstream(t, nil)
	addr, eng := startLoop(t, up.URL, "")
	raw := "GET /a?x=1 HTTP/1.1\r\nHost: h\r\nX-Request-Id: abc\r\n\r\n" +
		"POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello" +
		"GET /empty HTTP/1.1\r\nHost: h\r\n\r\n" +
		"GET /chunked HTTP/1.1\r\nHost: h\r\n\r\n" +
		"GET /nowhere HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
	rs, bodies, _ := exchange(t, addr, raw, "GET", "POST", "GET", "GET", "GET")
	want := []string{"GET /a?x=1 ", "POST /b hello", "", "part0;part1;part2;", "GET /nowhere "}
	for i, w := range want {
		if bodies[i] != w {
			t.Errorf("answer %d: body %q, want %q", i+1, bodies[i], w)
		}
	}
	if rs[0].Header.Get("X-Request-Id") != "abc" || rs[0].Header.Get("X-Seen-Id") != "abc" {
		t.Errorf("request id: answer %q, upstream saw %q", rs[0].Header.Get("X-Request-Id"), rs[0].Header.Get("X-Seen-Id"))
	}
	if rs[0].Header.Get("X-Seen-Xff") != "127.0.0.1" {
		t.Errorf("X-Forwarded-For %q", rs[0].Header.Get("X-Seen-Xff"))
	}
	if rs[2].StatusCode != 204 || len(rs[3].TransferEncoding) == 0 || !rs[4].Close {
		t.Errorf("statuses/framing: %d %v close=%v", rs[2].StatusCode, rs[3].TransferEncoding, rs[4].Close)
	}
	if n, h := eng.sent.Load(), eng.handed.Load(); n != 5 || h != 0 {
		t.Errorf("loop sent %d upstream and handed %d over, want 5 and 0", n, h)
	}
}

// An event stream passes through as it arrives: the first event is read
// before the upstream sends the second.
func TestLoopStreamsUnbuffered(t *testing.T) {
	gate := make(chan struct{})
	up := loopUpstream(t, gate)
	addr, _ := startLoop(t, up.URL, "")
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(3 * time.Second))
	io.WriteString(c, "GET /sse HTTP/1.1\r\nHost: h\r\n\r\n")
	br := bufio.NewReader(c)
	res, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(res.Body).ReadString('\n')
	if err != nil || line != "data: one\n" {
		t.Fatalf("first event %q, %v (before the second was sent)", line, err)
	}
	close(gate)
}

// Requests the loop does not serve go to the default engine on the same
// connection, with what the loop had read: first thing on a connection,
// after answers the loop gave on it (pipelined in the same write), and
// the connection goes on being served there.
func TestLoopHandsOver(t *testing.T) {
	up := loopUpstream(t, nil)
	addr, eng := startLoop(t, up.URL, "")
	cases := []struct {
		name, raw string
		methods   []string
		bodies    []string
	}{
		{"HEAD first", "HEAD /h HTTP/1.1\r\nHost: h\r\n\r\nGET /after HTTP/1.1\r\nHost: h\r\n\r\n",
			[]string{"HEAD", "GET"}, []string{"", "GET /after "}},
		{"after a loop answer", "GET /one HTTP/1.1\r\nHost: h\r\n\r\nPOST /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nGET /two HTTP/1.1\r\nHost: h\r\n\r\n",
			[]string{"GET", "POST", "GET"}, []string{"GET /one ", "POST /up abc", "GET /two "}},
		{"HTTP/1.0", "GET /old HTTP/1.0\r\nHost: h\r\n\r\n", []string{"GET"}, []string{"GET /old "}},
		{"escaped path", "GET /a%20b HTTP/1.1\r\nHost: h\r\n\r\n", []string{"GET"}, []string{"GET /a%20b "}},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			before := eng.handed.Load()
			_, bodies, _ := exchange(t, addr, tt.raw, tt.methods...)
			for i, w := range tt.bodies {
				if bodies[i] != w {
					t.Errorf("answer %d: %q, want %q", i+1, bodies[i], w)
				}
			}
			if eng.handed.Load() != before+1 {
				t.Errorf("handed over %d connections, want 1", eng.handed.Load()-before)
			}
		})
	}
}

// The hand-over rests on a dup'd descriptor outliving the loop's close of
// its own: bytes written after the hand-over reach the new owner.
func TestLoopHandOverKeepsTheSocket(t *testing.T) {
	up := loopUpstream(t, nil)
	addr, _ := startLoop(t, up.URL, "")
	_, _, c := exchange(t, addr, "HEAD /h HTTP/1.1\r\nHost: h\r\n\r\n", "HEAD")
	time.Sleep(100 * time.Millisecond) // the loop has closed its descriptor
	io.WriteString(c, "GET /later HTTP/1.1\r\nHost: h\r\n\r\n")
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	if string(b) != "GET /later " {
		t.Fatalf("after the hand-over: %q", b)
	}
}
