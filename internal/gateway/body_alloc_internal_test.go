package gateway

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"testing"

	"github.com/parleyhq/parley/internal/telemetry"
)

// smallPostClient is one keep-alive client connection to a gateway served
// by NewFastServer, sending a JSON turn of a few KB as a chat client does.
// It allocates nothing per request itself, so that an allocation count
// around post is the server loop's and the gateway's.
type smallPostClient struct {
	c   net.Conn
	br  *bufio.Reader
	req []byte
	buf []byte
}

func newSmallPostClient(tb testing.TB, upstream string) *smallPostClient {
	tb.Helper()
	g, _ := newNativeGateway(tb, upstream, nativeCase{name: "minimal"})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	srv := g.NewFastServer(telemetry.Discard())
	go func() { _ = ServeFast(srv, ln) }()
	tb.Cleanup(func() { _ = srv.Shutdown() })
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { c.Close() })
	body := bytes.Repeat([]byte(`{"role":"user","content":"tell me about the candidate's Go work"},`), 40)
	req := fmt.Appendf(nil, "POST /v1/turns HTTP/1.1\r\nHost: api.example.com\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
	return &smallPostClient{c: c, br: bufio.NewReaderSize(c, 16<<10), req: req, buf: make([]byte, 16<<10)}
}

// post sends one request and reads its answer (Content-Length framed).
func (p *smallPostClient) post(tb testing.TB) {
	if _, err := p.c.Write(p.req); err != nil {
		tb.Fatal(err)
	}
	n := -1
	status := 0
	for {
		line, err := p.br.ReadSlice('\n')
		if err != nil {
			tb.Fatal(err)
		}
		if status == 0 {
			status, _ = strconv.Atoi(string(line[9:12])) // no allocation: short
		}
		if len(line) <= 2 {
			break
		}
		if k, v, ok := bytes.Cut(line, []byte(":")); ok && bytes.EqualFold(k, []byte("Content-Length")) {
			n, _ = strconv.Atoi(string(bytes.TrimSpace(v)))
		}
	}
	if status != http.StatusOK || n < 0 {
		tb.Fatalf("status %d, length %d", status, n)
	}
	if _, err := p.br.Discard(n); err != nil {
		tb.Fatal(err)
	}
}

// TestFastServerSmallPostAllocs: a small POST through the whole fasthttp
// server loop and the native path allocates at most once once warm. The
// one is fasthttp's, not the gateway's: with StreamRequestBody the server
// loop drains every streamed body after the handler with io.CopyN, whose
// LimitReader escapes (fasthttp v1.78 requestStream.discard), even a body
// the handler has read to its end. GETs without a body allocate nothing
// (TestServeNativeAllocs).
func TestFastServerSmallPostAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's sync.Pool drops items at random, which allocates")
	}
	p := newSmallPostClient(t, fixedUpstream(t))
	for range 20 {
		p.post(t)
	}
	if n := testing.AllocsPerRun(500, func() { p.post(t) }); n > 1.05 {
		t.Errorf("%.2f allocations per request, want at most 1 (fasthttp's)", n)
	}
}

// BenchmarkFastServerSmallPost is one small POST through the fasthttp
// server loop, the native path and a loopback upstream (count its
// instructions with callgrind; see docs/benchmarks-log.md).
func BenchmarkFastServerSmallPost(b *testing.B) {
	p := newSmallPostClient(b, fixedUpstream(b))
	p.post(b)
	b.ReportAllocs()
	for b.Loop() {
		p.post(b)
	}
}
