package gateway

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// deadlineConn records SetDeadline calls.
type deadlineConn struct {
	net.Conn
	set []time.Time
}

func (c *deadlineConn) SetDeadline(t time.Time) error { c.set = append(c.set, t); return nil }

// TestArmDeadline: an armed deadline is kept only when it is at most
// timeout/64 early, never when it is later than the wanted one, and
// timeout 0 clears it.
func TestArmDeadline(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	const to = 64 * time.Second
	tests := []struct {
		name    string
		armed   time.Time // zero: none
		now     time.Time
		timeout time.Duration
		want    []time.Time // SetDeadline calls
		after   time.Time   // c.deadline afterwards
	}{
		{"none armed", time.Time{}, t0, to, []time.Time{t0.Add(to)}, t0.Add(to)},
		{"armed just before: kept", t0.Add(to), t0.Add(time.Second), to, nil, t0.Add(to)},
		{"armed more than timeout/64 before: re-armed", t0.Add(to), t0.Add(time.Second + time.Nanosecond), to, []time.Time{t0.Add(to + time.Second + time.Nanosecond)}, t0.Add(to + time.Second + time.Nanosecond)},
		{"armed later than wanted: re-armed", t0.Add(2 * to), t0, to, []time.Time{t0.Add(to)}, t0.Add(to)},
		{"no timeout clears", t0.Add(to), t0, 0, []time.Time{{}}, time.Time{}},
		{"no timeout, none armed: nothing to do", time.Time{}, t0, 0, nil, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nc := &deadlineConn{}
			c := &h1Conn{nc: nc, deadline: tt.armed}
			c.arm(tt.now, tt.timeout)
			if len(nc.set) != len(tt.want) {
				t.Fatalf("SetDeadline calls %v, want %v", nc.set, tt.want)
			}
			for i := range tt.want {
				if !nc.set[i].Equal(tt.want[i]) {
					t.Fatalf("SetDeadline calls %v, want %v", nc.set, tt.want)
				}
			}
			if !c.deadline.Equal(tt.after) {
				t.Fatalf("deadline %v, want %v", c.deadline, tt.after)
			}
		})
	}
}

// TestH1ExpiredDeadlineStillReused: a pooled connection whose kept deadline
// has passed while it sat idle passes the liveness probe and is reused.
func TestH1ExpiredDeadlineStillReused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok") }))
	defer srv.Close()
	tr, dc := newTestH1(&fallbackStub{})
	tr.probeAfter = time.Second
	defer tr.CloseIdleConnections()
	addr := strings.TrimPrefix(srv.URL, "http://")
	for i := range 2 {
		req, _ := http.NewRequest(http.MethodGet, srv.URL, nil)
		resp, err := tr.roundTripTo(req, addr, addr, time.Now(), time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if got := readAll(t, resp); got != "ok" {
			t.Fatalf("body %q", got)
		}
		if i == 0 {
			tr.mu.Lock()
			c := tr.idle[addr][0]
			if c.deadline.IsZero() {
				t.Fatal("deadline not kept after a buffered body")
			}
			past := time.Now().Add(-time.Second)
			_ = c.nc.SetDeadline(past)
			c.deadline = past
			c.idleAt = time.Now().Add(-2 * tr.probeAfter) // probed before reuse, not yet expired
			tr.mu.Unlock()
		}
	}
	if got := dc.n.Load(); got != 1 {
		t.Fatalf("dials = %d, want 1", got)
	}
}
