package gateway

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/panjf2000/gnet/v2"
)

// loopStaleUpstream answers every request with a keep-alive "ok". Its
// first connection, after its first answer, waits for kill and is then
// closed (with a reset when rst); killed closes once it is. Every other
// connection is served until the gateway closes it, which closes eof.
type loopStaleUpstream struct {
	addr   string
	served atomic.Int32
	conns  atomic.Int32
	kill   chan struct{}
	killed chan struct{}
	eof    chan struct{}
}

func newLoopStaleUpstream(t *testing.T, rst bool) *loopStaleUpstream {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	u := &loopStaleUpstream{addr: ln.Addr().String(), kill: make(chan struct{}), killed: make(chan struct{}), eof: make(chan struct{}, 16)}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			first := u.conns.Add(1) == 1
			go func() {
				defer c.Close()
				br := bufio.NewReader(c)
				for {
					req, err := http.ReadRequest(br)
					if err != nil {
						u.eof <- struct{}{}
						return
					}
					_, _ = io.Copy(io.Discard, req.Body)
					u.served.Add(1)
					_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
					if first {
						<-u.kill
						if rst {
							_ = c.(*net.TCPConn).SetLinger(0)
						}
						c.Close()
						close(u.killed)
						return
					}
				}
			}()
		}
	}()
	return u
}

// TestLoopStaleUpstream is the stale keep-alive race on the loop: the
// upstream closes a pooled connection while a request is on its way to
// it, after the loop took the request and before it saw the close (the
// loop is held while both happen). As on the default engine
// (TestH1StaleConnection, TestH1ProbeSkipsDeadIdle): a connection idle
// past the probe age is checked first, so even a POST gets a fresh one;
// unprobed, a bodyless idempotent request goes again on a fresh
// connection, and so does any bodyless request whose write failed (a
// reset), but a POST that was written is not replayed.
func TestLoopStaleUpstream(t *testing.T) {
	for _, tc := range []struct {
		name       string
		method     string
		probe, rst bool
		want       int
		wantServed int32
	}{
		{"POST probed: a fresh connection", "POST", true, false, 200, 2},
		{"GET unprobed: retried", "GET", false, false, 200, 2},
		{"POST unprobed, written: not replayed", "POST", false, false, 502, 1},
		{"POST unprobed, reset before the write: retried", "POST", false, true, 200, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := newLoopStaleUpstream(t, tc.rst)
			addr, eng := startLoop(t, "http://"+u.addr, "")
			_, bodies, c := exchange(t, addr, "GET /first HTTP/1.1\r\nHost: h\r\n\r\n", "GET")
			if bodies[0] != "ok" {
				t.Fatalf("first answer %q", bodies[0])
			}
			onLoop(t, eng, func() {
				if tc.probe {
					eng.upProbe = 0
				} else {
					eng.upProbe = time.Hour
				}
			})
			// Hold the loop; the request arrives, then the upstream's
			// close, so that the loop sees them in that order.
			held, free := make(chan struct{}), make(chan struct{})
			l := eng.loop.Load()
			_ = (*l).Execute(context.Background(), gnet.RunnableFunc(func(context.Context) error { close(held); <-free; return nil }))
			<-held
			_, _ = io.WriteString(c, tc.method+" /second HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n")
			time.Sleep(20 * time.Millisecond) // let the request land before the close
			close(u.kill)
			<-u.killed
			time.Sleep(20 * time.Millisecond)
			close(free)
			res, err := http.ReadResponse(bufio.NewReader(c), nil)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = io.ReadAll(res.Body)
			if res.StatusCode != tc.want || u.served.Load() != tc.wantServed {
				t.Errorf("status %d, upstream served %d; want %d and %d", res.StatusCode, u.served.Load(), tc.want, tc.wantServed)
			}
		})
	}
}

// An idle upstream connection is closed once past the idle age (the
// sweep), not kept until the upstream closes it.
func TestLoopExpiresIdleUpstream(t *testing.T) {
	u := newLoopStaleUpstream(t, false)
	close(u.kill) // the first connection closes after one answer
	addr, eng := startLoop(t, "http://"+u.addr, "")
	exchange(t, addr, "GET /first HTTP/1.1\r\nHost: h\r\n\r\n", "GET") // a first connection, closed by the upstream
	onLoop(t, eng, func() { eng.upIdle = 0 })
	_, bodies, _ := exchange(t, addr, "GET /second HTTP/1.1\r\nHost: h\r\n\r\n", "GET")
	if bodies[0] != "ok" {
		t.Fatalf("answer %q", bodies[0])
	}
	select {
	case <-u.eof:
	case <-time.After(10 * time.Second):
		t.Fatal("the idle upstream connection was never closed")
	}
	var n int
	onLoop(t, eng, func() { n = eng.nIdle })
	if n != 0 {
		t.Errorf("%d idle upstream connections kept, want 0", n)
	}
}
