package gateway

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// upPair dials a loopback listener and hands the server's side to serve.
func upPair(t *testing.T, serve func(net.Conn)) *upConn {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		serve(c)
	}()
	nc, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	u := newUpConn(nc)
	if rawExchangeSupported && u.rc == nil {
		t.Fatal("a TCP connection should take the raw exchange")
	}
	return u
}

// echoLines answers every line it reads with "got N\n", N the line's length,
// after delay.
func echoLines(delay time.Duration) func(net.Conn) {
	return func(c net.Conn) {
		br := bufio.NewReaderSize(c, 1<<20)
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			time.Sleep(delay)
			if _, err := io.WriteString(c, "got "+itoa(len(line)-1)+"\n"); err != nil {
				return
			}
		}
	}
}

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}

// TestUpConnExchange: requests written through the bufio pair reach the
// upstream whole and every answer is read, whether it comes at once, late,
// or the request is larger than the socket's send buffer.
func TestUpConnExchange(t *testing.T) {
	tests := []struct {
		name   string
		delay  time.Duration
		size   int
		rounds int
	}{
		{"instant answers, many rounds", 0, 100, 2000},
		{"late answers", 5 * time.Millisecond, 100, 5},
		{"request past the send buffer", 0, 8 << 20, 3},
		{"request past the kept capacity", 0, maxKept + 1, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := upPair(t, echoLines(tt.delay))
			br, bw := bufio.NewReader(u), bufio.NewWriter(u)
			req := strings.Repeat("x", tt.size) + "\n"
			for i := range tt.rounds {
				if err := u.SetDeadline(time.Now().Add(10 * time.Second)); err != nil {
					t.Fatal(err)
				}
				if _, err := bw.WriteString(req); err != nil {
					t.Fatal(err)
				}
				if err := bw.Flush(); err != nil {
					t.Fatal(err)
				}
				got, err := br.ReadString('\n')
				if err != nil {
					t.Fatalf("round %d: %v", i, err)
				}
				if want := "got " + itoa(tt.size) + "\n"; got != want {
					t.Fatalf("round %d: answer %q, want %q", i, got, want)
				}
				if u.failedUnsent() {
					t.Fatalf("round %d: a good exchange reported as unsent", i)
				}
				if tt.delay > 0 && rawExchangeSupported && u.empty != 0 {
					t.Fatalf("round %d: %d reads found nothing: the send did not wait for the answer", i, u.empty)
				}
				if cap(u.buf) > maxKept {
					t.Fatalf("round %d: kept %d bytes of buffer past the exchange", i, cap(u.buf))
				}
			}
		})
	}
}

// TestUpConnFailures: which failures count as a request not sent (the
// caller may then resend even a non-idempotent request) and which as a
// failed read.
func TestUpConnFailures(t *testing.T) {
	tests := []struct {
		name       string
		serve      func(net.Conn)
		prepare    func(u *upConn)
		wantErr    func(error) bool
		wantUnsent bool
	}{
		{
			name:       "upstream closes without answering",
			serve:      func(c net.Conn) { _, _ = c.Read(make([]byte, 64)) },
			wantErr:    func(err error) bool { return err != nil && !errors.Is(err, os.ErrDeadlineExceeded) },
			wantUnsent: false,
		},
		{
			name:       "no answer before the deadline",
			serve:      func(c net.Conn) { time.Sleep(2 * time.Second) },
			prepare:    func(u *upConn) { _ = u.SetDeadline(time.Now().Add(50 * time.Millisecond)) },
			wantErr:    func(err error) bool { return errors.Is(err, os.ErrDeadlineExceeded) },
			wantUnsent: false,
		},
		{
			name:       "deadline passed before the send",
			serve:      func(c net.Conn) { time.Sleep(2 * time.Second) },
			prepare:    func(u *upConn) { _ = u.SetDeadline(time.Now().Add(-time.Second)) },
			wantErr:    func(err error) bool { return errors.Is(err, os.ErrDeadlineExceeded) },
			wantUnsent: true,
		},
		{
			name:       "connection closed here before the send",
			serve:      func(c net.Conn) { time.Sleep(2 * time.Second) },
			prepare:    func(u *upConn) { u.Conn.Close() },
			wantErr:    func(err error) bool { return errors.Is(err, net.ErrClosed) },
			wantUnsent: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := upPair(t, tt.serve)
			if _, err := u.Write([]byte("GET / HTTP/1.1\r\n\r\n")); err != nil {
				t.Fatal(err)
			}
			if tt.prepare != nil {
				tt.prepare(u)
			}
			_, err := u.Read(make([]byte, 64))
			if !tt.wantErr(err) {
				t.Fatalf("error %v", err)
			}
			if u.failedUnsent() != tt.wantUnsent {
				t.Fatalf("failedUnsent %v, want %v (error %v)", u.failedUnsent(), tt.wantUnsent, err)
			}
			if len(u.buf) != 0 || u.sent != 0 {
				t.Fatalf("request bytes kept after the failure: %d (%d sent)", len(u.buf), u.sent)
			}
		})
	}
}

// TestUpConnReadsWithoutRequest: reads with nothing to send (a body that
// follows the answer's header) pass straight through.
func TestUpConnReadsWithoutRequest(t *testing.T) {
	body := bytes.Repeat([]byte("b"), 100<<10)
	u := upPair(t, func(c net.Conn) { _, _ = c.Write(body) })
	got, err := io.ReadAll(io.LimitReader(u, int64(len(body))))
	if err != nil || !bytes.Equal(got, body) {
		t.Fatalf("read %d bytes, err %v", len(got), err)
	}
}

// halfCloseUpstream answers one request per connection, then half-closes
// it (FIN, still reading) and keeps it open: the one unasked signal an
// upstream gives on an idle connection that no later event follows.
func halfCloseUpstream(t *testing.T) (addr string, served *atomic.Int32) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	t.Cleanup(func() { close(done); ln.Close() })
	served = &atomic.Int32{}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				br := bufio.NewReader(c)
				if _, err := http.ReadRequest(br); err != nil {
					return
				}
				served.Add(1)
				_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
				_ = c.(*net.TCPConn).CloseWrite()
				go func() { _, _ = io.Copy(io.Discard, br) }()
				<-done
			}()
		}
	}()
	return ln.Addr().String(), served
}

// TestH1HalfClosedIdle: a pooled connection the upstream half-closed while
// it was idle past upQuiet is found dead at once and the request goes
// again on a fresh one, not left waiting for an answer until its timeout.
func TestH1HalfClosedIdle(t *testing.T) {
	addr, served := halfCloseUpstream(t)
	tr, dc := newTestH1(&fallbackStub{})
	defer tr.CloseIdleConnections()
	req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/", nil)
	resp, err := tr.roundTripTo(req, addr, addr, time.Now(), 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	readAll(t, resp)
	waitClosed(t, tr, addr)
	time.Sleep(upQuiet) // idle past upQuiet, the case the ordinary send is for
	req, _ = http.NewRequest(http.MethodGet, "http://"+addr+"/", nil)
	resp, err = tr.roundTripTo(req, addr, addr, time.Now(), 10*time.Second)
	if err != nil {
		t.Fatalf("second request: %v (want a retry on a fresh connection)", err)
	}
	if got := readAll(t, resp); got != "ok" {
		t.Fatalf("body %q", got)
	}
	if dc.n.Load() != 2 || served.Load() != 2 {
		t.Fatalf("dials %d, served %d; want 2 and 2", dc.n.Load(), served.Load())
	}
}
