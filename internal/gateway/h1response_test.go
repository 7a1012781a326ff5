package gateway

import (
	"bufio"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sameAsNetHTTP checks readResponse against http.ReadResponse on raw and
// reports whether the own parser took it.
func sameAsNetHTTP(t *testing.T, raw, method string) bool {
	t.Helper()
	req, _ := http.NewRequest(method, "http://up/", nil)
	br := bufio.NewReaderSize(strings.NewReader(raw), 4096)
	_, _ = br.Peek(1) // as roundTrip does: whatever arrived is buffered
	simple := parseSimple(br, req) != nil
	br = bufio.NewReaderSize(strings.NewReader(raw), 4096)
	_, _ = br.Peek(1)
	got, gerr := readResponse(br, req)
	want, werr := http.ReadResponse(bufio.NewReader(strings.NewReader(raw)), req)
	if werr == nil {
		werr = checkAnswerHeader(want.Header) // what net/http keeps and the gateway refuses
	}
	if (gerr != nil) != (werr != nil) {
		t.Fatalf("%q: err %v, net/http %v", raw, gerr, werr)
	}
	if gerr != nil {
		return simple
	}
	gb, gerr := io.ReadAll(got.Body)
	wb, werr := io.ReadAll(want.Body)
	if (gerr != nil) != (werr != nil) || string(gb) != string(wb) {
		t.Fatalf("%q: body %q (%v), net/http %q (%v)", raw, gb, gerr, wb, werr)
	}
	type view struct {
		Status           string
		Code             int
		Proto            string
		Length           int64
		Close            bool
		Header, Trailer  http.Header
		TransferEncoding []string
		RequestMatches   bool
		NoBody           bool
	}
	v := func(r *http.Response) view {
		return view{r.Status, r.StatusCode, r.Proto, r.ContentLength, r.Close, r.Header, r.Trailer,
			r.TransferEncoding, r.Request == req, r.Body == http.NoBody}
	}
	if d := cmp.Diff(v(want), v(got)); d != "" {
		t.Fatalf("%q (-net/http +own):\n%s", raw, d)
	}
	return simple
}

func TestReadResponseMatchesNetHTTP(t *testing.T) {
	tests := []struct {
		name, raw, method string
		simple            bool
	}{
		{"ordinary", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nDate: x\r\n\r\n{}", "GET", true},
		{"empty body", "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n", "POST", true},
		{"lower-case names, blanks, repeated field", "HTTP/1.1 404 Not Found\r\ncontent-length:  3 \r\nset-cookie: a=1\r\nSet-Cookie: b=2\r\nX-Empty:\r\n\r\nabc", "GET", true},
		{"empty reason", "HTTP/1.1 200 \r\nContent-Length: 1\r\n\r\nx", "GET", true},
		{"body cut short", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", "GET", true},
		{"no reason at all", "HTTP/1.1 200\r\nContent-Length: 1\r\n\r\nx", "GET", false},
		{"chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-T\r\n\r\n1\r\nx\r\n0\r\nX-T: v\r\n\r\n", "GET", false},
		{"close", "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx", "GET", false},
		{"no length", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil close", "GET", false},
		{"head", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", "HEAD", false},
		{"no content", "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n", "GET", false},
		{"not modified", "HTTP/1.1 304 Not Modified\r\n\r\n", "GET", false},
		{"informational", "HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n", "GET", false},
		{"HTTP/1.0", "HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx", "GET", false},
		{"folded line", "HTTP/1.1 200 OK\r\nX-A: a\r\n b\r\nContent-Length: 1\r\n\r\nx", "GET", false},
		{"space before colon", "HTTP/1.1 200 OK\r\nX-A : a\r\nContent-Length: 1\r\n\r\nx", "GET", false},
		{"two lengths", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx", "GET", false},
		{"signed length", "HTTP/1.1 200 OK\r\nContent-Length: +1\r\n\r\nx", "GET", false},
		{"bare LF in value", "HTTP/1.1 200 OK\r\nX-A: a\nb\r\nContent-Length: 1\r\n\r\nx", "GET", false},
		{"header not all buffered", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n", "GET", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sameAsNetHTTP(t, tt.raw, tt.method); got != tt.simple {
				t.Errorf("taken by the own parser: %v, want %v", got, tt.simple)
			}
		})
	}
}

// FuzzReadResponse: whatever the upstream sends, the result is what
// net/http would have made of it.
func FuzzReadResponse(f *testing.F) {
	f.Add("HTTP/1.1 200 OK\r\nContent-Type: a\r\nContent-Length: 2\r\n\r\n{}")
	f.Add("HTTP/1.1 500 x\r\nx-y: \t z \r\nContent-Length: 0\r\n\r\n")
	f.Add("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
	f.Fuzz(func(t *testing.T, raw string) {
		sameAsNetHTTP(t, raw, http.MethodGet)
	})
}
