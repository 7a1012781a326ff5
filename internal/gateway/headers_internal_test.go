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
// traceparent, and a valid inbound trace id is never lost.
func FuzzTraceparent(f *testing.F) {
	f.Add("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
	f.Add("00-00000000000000000000000000000000-00f067aa0ba902b7-01")
	f.Add("garbage")
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		h := http.Header{}
		h.Set("Traceparent", in)
		out, ok := traceparent(h)
		if !validTraceparent(out) {
			t.Fatalf("traceparent(%q) = %q, invalid", in, out)
		}
		in = h.Get("Traceparent")
		if ok != validTraceparent(in) {
			t.Fatalf("ok = %v for %q", ok, in)
		}
		if ok && !strings.HasPrefix(out, in[:36]) {
			t.Fatalf("trace id lost: %q -> %q", in, out)
		}
	})
}

// FuzzRequestID: the ID sent upstream is always short printable ASCII.
func FuzzRequestID(f *testing.F) {
	f.Add("abc-123")
	f.Add("bad\r\nheader")
	f.Add(strings.Repeat("x", 200))
	f.Fuzz(func(t *testing.T, in string) {
		h := http.Header{"X-Request-Id": {in}}
		id := requestID(h)
		if id == "" || len(id) > 128 || !printable(id) {
			t.Fatalf("requestID(%q) = %q", in, id)
		}
	})
}
