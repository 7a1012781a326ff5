package gateway

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"
)

// A client that reads slowly gets a large answer whole: the loop holds
// the upstream back rather than queueing the answer or cutting the
// client (it cut one past 8 MiB queued before), for each framing.
func TestLoopSlowClientGetsWholeAnswer(t *testing.T) {
	const size = 24 << 20
	block := bytes.Repeat([]byte("0123456789abcdef"), 4096) // 64 KiB
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/length":
			w.Header().Set("Content-Length", strconv.Itoa(size))
		case "/close":
			w.Header().Set("Connection", "close")
		}
		for n := 0; n < size; n += len(block) {
			if _, err := w.Write(block); err != nil {
				return
			}
		}
	}))
	defer up.Close()
	addr, eng := startLoop(t, up.URL, "")
	for _, path := range []string{"/length", "/chunked", "/close"} {
		t.Run(path[1:], func(t *testing.T) {
			c, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			before := eng.detached.Load()
			_ = c.(*net.TCPConn).SetReadBuffer(16 << 10)
			_ = c.SetDeadline(time.Now().Add(60 * time.Second))
			_, _ = io.WriteString(c, "GET "+path+" HTTP/1.1\r\nHost: h\r\n\r\n")
			time.Sleep(300 * time.Millisecond) // the answer piles up behind the client
			res, err := http.ReadResponse(bufio.NewReader(c), nil)
			if err != nil {
				t.Fatal(err)
			}
			var got int
			buf := make([]byte, 16<<10)
			for {
				n, err := res.Body.Read(buf)
				for i := 0; i < n; i++ {
					if buf[i] != block[(got+i)%len(block)] {
						t.Fatalf("byte %d differs", got+i)
					}
				}
				got += n
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("after %d of %d bytes: %v", got, size, err)
				}
				if got < 2<<20 {
					time.Sleep(time.Millisecond) // slow at first
				}
			}
			if got != size {
				t.Fatalf("got %d bytes, want %d", got, size)
			}
			if eng.detached.Load() == before {
				t.Error("the upstream was never held back (no detach)")
			}
		})
	}
}
