package gateway

import (
	"context"
	"io"
	"net"
	"os"

	"github.com/panjf2000/gnet/v2"

	"github.com/parleyhq/parley/internal/gateway/h1frame"
)

// Back-pressure to a slow client. gnet reads every readable connection
// and queues a client's output without bound, so an answer larger than
// the client takes in would pile up in the gateway. When a client's
// queued output passes loopHighWater, the answer's upstream connection
// leaves the loop (detach, from the upstream's own OnTraffic, so that the
// loop reads nothing more from it): its descriptor is dup'd, the loop's
// is closed, and a goroutine (pump) reads the rest, one read at a time,
// each only once the loop says the client is behind by no more than
// loopLowWater (checked by the sweep). The socket's own buffers then hold
// the upstream back, as nginx's proxy_buffering does past its buffers.
// The connection is closed at the answer's end (not pooled).

// detach takes up (whose OnTraffic this is, on c) off the loop.
func (e *loopEngine) detach(up *loopUp, c gnet.Conn) gnet.Action {
	up.slow = false
	nc, err := dupConn(c)
	if err != nil {
		e.upBroken(up, err)
		return gnet.None
	}
	e.detached.Add(1)
	c.SetContext(nil) // the loop's close of its descriptor is no end of the answer
	up.c, up.nc, up.resume, up.waiting = nil, nc, make(chan bool, 1), true
	go up.pump(c.EventLoop(), e)
	return gnet.Close
}

// dupConn is c's socket as a net.Conn of its own (the runtime's poller).
func dupConn(c gnet.Conn) (net.Conn, error) {
	fd, err := c.Dup()
	if err != nil {
		return nil, err
	}
	f := os.NewFile(uintptr(fd), "conn")
	nc, err := net.FileConn(f) // dups again
	_ = f.Close()
	return nc, err
}

// pump reads up's answer off the loop, a read per go-ahead, each passed
// on by the loop (slowFeed).
func (up *loopUp) pump(l gnet.EventLoop, e *loopEngine) {
	buf := make([]byte, 64<<10)
	for <-up.resume {
		n, err := up.nc.Read(buf)
		data := buf[:n]
		if l.Execute(loopCtx, gnet.RunnableFunc(func(context.Context) error { e.slowFeed(up, data, err); return nil })) != nil {
			_ = up.nc.Close() // the loop is gone
			return
		}
	}
}

// slowFeed passes on what pump read (on the loop).
func (e *loopEngine) slowFeed(up *loopUp, data []byte, rerr error) {
	ex := up.ex
	if ex == nil { // abandoned meanwhile
		up.stopSlow()
		return
	}
	n, done, ferr := up.body.Feed(data)
	if n > 0 {
		_, _ = ex.cl.c.Write(data[:n])
	}
	switch {
	case done || rerr == io.EOF && ferr == nil && up.body.Mode == h1frame.BodyClose:
		up.ex, ex.up = nil, nil
		up.stopSlow()
		ex.finish(false)
	case ferr != nil || rerr != nil:
		// The answer was cut after its header went out: so is the client's copy.
		up.ex, ex.up = nil, nil
		up.stopSlow()
		ex.t.outstanding.Add(-1)
		ex.cl.ex = nil
		ex.cl.closing = true
		_ = ex.cl.c.Close()
	case ex.cl.c.OutboundBuffered() > loopLowWater:
		up.waiting = true // the sweep gives the go-ahead (ex.tick)
	default:
		up.resume <- true
	}
}

// stopSlow closes a detached connection and ends its reader.
func (up *loopUp) stopSlow() {
	if up.nc == nil {
		return
	}
	_ = up.nc.Close()
	up.waiting = false
	select {
	case up.resume <- false:
	default: // a go-ahead is pending: the read fails on the closed connection, and the feed after it stops
	}
}
