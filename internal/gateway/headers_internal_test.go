package gateway

import (
	"net/http"
	"strings"
	"testing"
)

func TestValidTraceparent(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", true},
		{"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", true},
		{"00-00000000000000000000000000000000-00f067aa0ba902b7-01", false}, // zero trace id
		{"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", false}, // zero parent id
		{"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", false}, // upper case
		{"01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", false}, // unknown version, strictly
		{"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-", false},
		{"00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := validTraceparent(tt.in); got != tt.want {
			t.Errorf("validTraceparent(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// FuzzTraceparent: whatever arrives, what goes upstream is a valid
// traceparent, a valid inbound trace id is never lost, and Tracestate
// survives only with a valid inbound traceparent.
func FuzzTraceparent(f *testing.F) {
	f.Add("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
	f.Add("00-00000000000000000000000000000000-00f067aa0ba902b7-01")
	f.Add("garbage")
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		h := http.Header{}
		h.Set("Traceparent", in)
		h.Set("Tracestate", "vendor=x")
		in = h.Get("Traceparent")
		stamp(h)
		out := h.Get("Traceparent")
		if !validTraceparent(out) || len(h["Traceparent"]) != 1 {
			t.Fatalf("traceparent %q -> %q, invalid", in, h["Traceparent"])
		}
		ok := h.Get("Tracestate") != ""
		if ok != validTraceparent(in) {
			t.Fatalf("tracestate kept = %v for %q", ok, in)
		}
		if ok && (!strings.HasPrefix(out, in[:36]) || out[52:] != in[52:]) {
			t.Fatalf("trace id or flags lost: %q -> %q", in, out)
		}
	})
}

// FuzzRequestID: the ID sent upstream is always short printable ASCII, the
// one set on the header, and a usable inbound one is kept.
func FuzzRequestID(f *testing.F) {
	f.Add("abc-123")
	f.Add("bad\r\nheader")
	f.Add(strings.Repeat("x", 200))
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		h := http.Header{"X-Request-Id": {in}}
		id := stamp(h)
		if id == "" || len(id) > 128 || !printable(id) {
			t.Fatalf("stamp(%q) = %q", in, id)
		}
		if got := h["X-Request-Id"]; len(got) != 1 || got[0] != id {
			t.Fatalf("header %q, returned %q", got, id)
		}
		usable := in != "" && len(in) <= 128 && printable(in)
		if usable != (id == in) {
			t.Fatalf("stamp(%q) = %q", in, id)
		}
	})
}

// Fresh ids differ from request to request (they are random, not fixed).
func TestStampFreshIDs(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		h := http.Header{}
		id := stamp(h)
		tp := h.Get("Traceparent")
		if len(id) != 32 || seen[id] || seen[tp] {
			t.Fatalf("id %q, traceparent %q: wrong length or repeated", id, tp)
		}
		seen[id], seen[tp] = true, true
	}
}

// TestAppendRandomHex: 2n lowercase hex digits, appended, and fresh trace
// contexts built from them are valid.
func TestAppendRandomHex(t *testing.T) {
	for _, n := range []int{1, 8, 12, 16} {
		b := appendRandomHex([]byte("x-"), n)
		if len(b) != 2+2*n || string(b[:2]) != "x-" || !lowerHex(string(b[2:])) {
			t.Errorf("n=%d: %q", n, b)
		}
	}
	tp, fresh := appendTraceparent(nil, "")
	if !fresh || !validTraceparent(string(tp)) {
		t.Errorf("fresh traceparent %q (fresh %v) is not valid", tp, fresh)
	}
}
