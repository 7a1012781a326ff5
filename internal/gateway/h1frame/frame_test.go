package h1frame_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/gateway/h1frame"
)

// TestChunkedFrame feeds a chunked body split at every position and checks
// that its end is found exactly there, with trailers and extensions.
func TestChunkedFrame(t *testing.T) {
	tests := []struct {
		name, msg string
		ok        bool
	}{
		{"plain", "5\r\nhello\r\n0\r\n\r\n", true},
		{"extension and trailer", "5;x=1\r\nhello\r\nA\r\n0123456789\r\n0\r\nT: v\r\n\r\n", true},
		{"bare LF", "5\nhello\n0\n\n", true},
		{"bad size", "zz\r\nhello\r\n0\r\n\r\n", false},
		{"missing CRLF after data", "5\r\nhelloX0\r\n\r\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for cut := 0; cut <= len(tt.msg); cut++ {
				b := h1frame.Body{Mode: h1frame.BodyChunked}
				in := []byte(tt.msg + "NEXT")
				total, ended, failed := 0, false, false
				for _, part := range [][]byte{in[:cut], in[cut:]} {
					n, done, err := b.Feed(part)
					total += n
					if err != nil {
						failed = true
						break
					}
					if done {
						ended = true
						break
					}
				}
				if tt.ok && (failed || !ended || total != len(tt.msg)) {
					t.Fatalf("cut %d: ended %v failed %v at %d, want end at %d", cut, ended, failed, total, len(tt.msg))
				}
				if !tt.ok && !failed {
					t.Fatalf("cut %d: accepted a malformed body (ended %v at %d)", cut, ended, total)
				}
			}
		})
	}
}

func TestParseHeadRefusesSmuggling(t *testing.T) {
	tests := []struct {
		name, head string
		ok         bool
	}{
		{"length", "POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\n", true},
		{"length and chunked", "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", false},
		{"two lengths", "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", false},
		{"gzip coding", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", false},
		{"not HTTP/1", "GET / HTTP/2.0\r\n\r\n", false},
		{"two hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := h1frame.ParseHead([]byte(tt.head), false)
			if (err == nil) != tt.ok {
				t.Fatalf("err %v, want ok %v", err, tt.ok)
			}
		})
	}
}
