package httpapi

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// TestWriteJSONFramesItsBody: the body is what json.Encoder writes, sent
// with a Content-Length matching it and never chunked, for bodies below
// and above net/http's chunking buffer (below it net/http counts the
// length, above it writeJSON declares it), to GET and HEAD alike, and a
// pooled buffer never leaks one response into the next.
func TestWriteJSONFramesItsBody(t *testing.T) {
	values := []any{
		map[string]string{"status": "ok"},
		map[string]any{"text": strings.Repeat("long reply <&> ", 400)},
		map[string]string{"status": "ok"},
		[]int{},
		map[string]any{"text": strings.Repeat("x", chunkingBuffer-len(`{"text":""}`+"\n"))}, // exactly the buffer
		map[string]any{"text": strings.Repeat("x", chunkingBuffer+1-len(`{"text":""}`+"\n"))},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i, _ := strconv.Atoi(r.URL.Path[1:])
		writeJSON(w, http.StatusCreated, values[i])
	}))
	defer srv.Close()
	for i, v := range values {
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(v); err != nil {
			t.Fatal(err)
		}
		for _, method := range []string{"GET", "HEAD"} {
			req, _ := http.NewRequest(method, srv.URL+"/"+strconv.Itoa(i), nil)
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != http.StatusCreated {
				t.Errorf("%s: status %d, want 201", method, resp.StatusCode)
			}
			if got := resp.Header.Get("Content-Type"); got != "application/json" {
				t.Errorf("%s: Content-Type %q", method, got)
			}
			if got := resp.Header.Get("Content-Length"); got != strconv.Itoa(want.Len()) || len(resp.TransferEncoding) != 0 {
				t.Errorf("%s: Content-Length %q, Transfer-Encoding %v, want %d and none", method, got, resp.TransferEncoding, want.Len())
			}
			if method == "HEAD" {
				want.Reset()
			}
			if string(body) != want.String() {
				t.Errorf("%s: body %.80q, want %.80q", method, body, want.String())
			}
		}
	}
}
