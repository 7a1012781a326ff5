package gateway

import (
	"bytes"
	"io"
	"testing"
)

// byteReader returns its input a few bytes per Read, so that every split
// of a line end across reads is met.
type byteReader struct {
	s   string
	per int
}

func (r *byteReader) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	n := min(r.per, len(p), len(r.s))
	copy(p, r.s[:n])
	r.s = r.s[n:]
	return n, nil
}

// TestBareLFRewrite: the first header block of a connection is passed as
// read when its lines end in CRLF, and rewritten with CRLF and Connection:
// close when any ends in a bare LF; the bytes after the block (the body,
// a pipelined request) are never touched, however the reads split them.
func TestBareLFRewrite(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"crlf", "GET / HTTP/1.1\r\nHost: x\r\n\r\nbody\n\nmore\n", "GET / HTTP/1.1\r\nHost: x\r\n\r\nbody\n\nmore\n"},
		{"bare lf", "GET / HTTP/1.1\nHost: x\n\nbody\n\n", "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nbody\n\n"},
		{"mixed, crlf blank line", "GET / HTTP/1.1\nHost: x\r\n\r\nGET /2 HTTP/1.1\n\n", "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /2 HTTP/1.1\n\n"},
		{"bare cr kept", "GET / HTTP/1.1\nHost: x\rY: 1\n\n", "GET / HTTP/1.1\r\nHost: x\rY: 1\r\nConnection: close\r\n\r\n"},
		{"leading blank lines", "\n\r\nGET / HTTP/1.1\nHost: x\n\n", "\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"},
		{"crlf with a later bare lf in the body", "POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\na\n\n", "POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\na\n\n"},
	} {
		for _, per := range []int{1, 2, 3, 7, 1 << 10} {
			var f bareLF
			var got bytes.Buffer
			src := &byteReader{s: tc.in, per: per}
			buf := make([]byte, 5)
			for {
				n, err := f.read(src, buf)
				got.Write(buf[:n])
				if err != nil {
					break
				}
			}
			if got.String() != tc.want {
				t.Errorf("%s, %d per read: got %q, want %q", tc.name, per, got.String(), tc.want)
			}
		}
	}
}
