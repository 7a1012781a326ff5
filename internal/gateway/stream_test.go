package gateway_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// sseBackend streams n events; it sends event i+1 only after the test has
// received event i (signalled on next), so a buffering proxy deadlocks
// and fails the test instead of passing by luck.
func sseBackend(t *testing.T, n int, next <-chan struct{}) *backend {
	return newBackend(t, "sse", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(http.StatusOK)
		for i := range n {
			fmt.Fprintf(w, "data: event %d\n\n", i)
			http.NewResponseController(w).Flush()
			if i == n-1 {
				return
			}
			select {
			case <-next:
			case <-r.Context().Done():
				return
			}
		}
	})
}

// readSSE reads n events from body, signalling next after each but the last.
func readSSE(body io.Reader, n int, next chan<- struct{}) error {
	br := bufio.NewReader(body)
	for i := range n {
		line, err := br.ReadString('\n')
		if err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
		if want := fmt.Sprintf("data: event %d\n", i); line != want {
			return fmt.Errorf("got %q, want %q", line, want)
		}
		if _, err := br.ReadString('\n'); err != nil {
			return err
		}
		if i < n-1 {
			next <- struct{}{}
		}
	}
	return nil
}

func TestSSEChunksArriveBeforeNextIsSent(t *testing.T) {
	next := make(chan struct{})
	b := sseBackend(t, 5, next)
	_, base := startGateway(t, poolConfig(urls(b), "", "timeout: 1s"))
	resp, err := http.Get(base + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	done := make(chan error, 1)
	go func() { done <- readSSE(resp.Body, 5, next) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second): // a deadlock guard, not a performance threshold
		t.Fatal("stream stalled: the proxy buffers events")
	}
}

func TestWebSocketEchoThroughProxy(t *testing.T) {
	b := newBackend(t, "ws", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Upgrade") != "websocket" {
			http.Error(w, "upgrade required", http.StatusUpgradeRequired)
			return
		}
		conn, brw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		fmt.Fprint(brw, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
		brw.Flush()
		// Echo line by line: a frame-agnostic stand-in for a WebSocket echo.
		for {
			line, err := brw.ReadString('\n')
			if err != nil {
				return
			}
			fmt.Fprint(brw, "echo: "+line)
			brw.Flush()
		}
	})
	_, base := startGateway(t, poolConfig(urls(b), "", ""))
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second)) // a hang guard
	fmt.Fprint(conn, "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, msg := range []string{"hello", "second message"} {
		fmt.Fprint(conn, msg+"\n")
		got, err := br.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if got != "echo: "+msg+"\n" {
			t.Errorf("got %q", got)
		}
	}
}
