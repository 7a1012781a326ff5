package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// TestWriteJSONFramesItsBody: the body is what json.Encoder writes, sent
// with a Content-Length matching it, for bodies below and above net/http's
// chunking buffer, and a pooled buffer never leaks one response into the
// next.
func TestWriteJSONFramesItsBody(t *testing.T) {
	for _, v := range []any{
		map[string]string{"status": "ok"},
		map[string]any{"text": strings.Repeat("long reply <&> ", 400)},
		map[string]string{"status": "ok"},
		[]int{},
	} {
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(v); err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		writeJSON(rec, http.StatusCreated, v)
		if rec.Code != http.StatusCreated {
			t.Errorf("status %d, want 201", rec.Code)
		}
		if got := rec.Header().Get("Content-Type"); got != "application/json" {
			t.Errorf("Content-Type %q", got)
		}
		if got := rec.Header().Get("Content-Length"); got != strconv.Itoa(want.Len()) {
			t.Errorf("Content-Length %q, want %d", got, want.Len())
		}
		if rec.Body.String() != want.String() {
			t.Errorf("body %.80q, want %.80q", rec.Body.String(), want.String())
		}
	}
}
