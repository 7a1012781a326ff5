package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

var engines = []string{"nbio", "gnet"}

// start runs the proxy on engine in front of h and returns its address.
func start(t *testing.T, engine string, h http.Handler) string {
	t.Helper()
	up := httptest.NewServer(h)
	t.Cleanup(up.Close)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	go func() { done <- run(ctx, log, config{addr: "127.0.0.1:0", target: up.URL, engine: engine}, ready) }()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case addr := <-ready:
		return addr
	case err := <-done:
		t.Fatalf("proxy did not start: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("proxy did not start")
	}
	return ""
}

var doc = strings.Repeat(`{"slug":"hendriks","summary":"Builds reliable distributed systems."}`, 15)

func upstream() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/length", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(len(doc)))
		w.Header().Set("X-Path", r.URL.Path)
		_, _ = io.WriteString(w, doc)
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, _ *http.Request) {
		f := w.(http.Flusher)
		for i := 0; i < len(doc); i += 100 {
			_, _ = io.WriteString(w, doc[i:min(i+100, len(doc))])
			f.Flush() // one chunk per write: the answer is framed by chunks
		}
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		_, _ = w.Write(b)
	})
	return mux
}

func TestProxy(t *testing.T) {
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) { testProxy(t, engine) })
	}
}

func testProxy(t *testing.T, engine string) {
	addr := start(t, engine, upstream())
	// One keep-alive connection for all: every answer must end where it
	// ends, or the next request on the connection reads garbage.
	tr := &http.Transport{MaxConnsPerHost: 1, DisableCompression: true}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 5 * time.Second}
	var conns int
	tests := []struct {
		name, method, path, body string
		chunkedBody              bool
		status                   int
		want                     string
		chunked                  bool
	}{
		{"content-length", "GET", "/length", "", false, 200, doc, false},
		{"chunked answer", "GET", "/chunked", "", false, 200, doc, true},
		{"no body", "GET", "/empty", "", false, 204, "", false},
		{"head", "HEAD", "/length", "", false, 200, "", false},
		{"post with length", "POST", "/echo", "hello, upstream", false, 200, "hello, upstream", false},
		{"post chunked", "POST", "/echo", doc, true, 200, doc, false},
		{"again after all", "GET", "/length", "", false, 200, doc, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader
			if tt.body != "" {
				body = strings.NewReader(tt.body)
				if tt.chunkedBody {
					body = io.MultiReader(body) // unknown length: sent chunked
				}
			}
			req, err := http.NewRequest(tt.method, "http://"+addr+tt.path, body)
			if err != nil {
				t.Fatal(err)
			}
			res, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			got, err := io.ReadAll(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			if res.StatusCode != tt.status || string(got) != tt.want {
				t.Fatalf("got %d %q, want %d %q", res.StatusCode, got, tt.status, tt.want)
			}
			if isChunked := len(res.TransferEncoding) > 0; isChunked != tt.chunked {
				t.Fatalf("chunked answer %v, want %v", isChunked, tt.chunked)
			}
			if tt.path == "/length" && tt.method == "GET" && res.Header.Get("X-Path") != tt.path {
				t.Fatalf("X-Path %q: the upstream's fields were not passed on", res.Header.Get("X-Path"))
			}
			conns++
		})
	}
	if conns != len(tests) {
		t.Fatalf("%d of %d requests answered", conns, len(tests))
	}
}

// TestPipelinedAndSplit writes requests in shapes a client may: two in one
// write, and one a byte at a time.
func TestPipelinedAndSplit(t *testing.T) {
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) { testPipelinedAndSplit(t, engine) })
	}
}

func testPipelinedAndSplit(t *testing.T, engine string) {
	addr := start(t, engine, upstream())
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	_ = nc.SetDeadline(time.Now().Add(5 * time.Second))
	r := bufio.NewReader(nc)
	read := func(path string) {
		t.Helper()
		res, err := http.ReadResponse(r, nil)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		b, err := io.ReadAll(res.Body)
		if err != nil || string(b) != doc {
			t.Fatalf("%s: %d bytes %v, want the document", path, len(b), err)
		}
	}
	req := func(path string) string { return "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n" }
	if _, err := io.WriteString(nc, req("/length")+req("/chunked")); err != nil {
		t.Fatal(err)
	}
	read("/length")
	read("/chunked")
	for _, b := range []byte(req("/chunked")) {
		if _, err := nc.Write([]byte{b}); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Millisecond) // separate reads on the proxy's side
	}
	read("/chunked (split)")
}
