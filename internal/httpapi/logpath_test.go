package httpapi_test

import (
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

// TestAccessLogShortensLongPaths: a client may send a path of tens of
// kilobytes (the API reads heads up to 64 KiB); the access log keeps 512
// bytes of it and its length, as routing errors do, so that one request
// cannot write a 64 KiB log line.
func TestAccessLogShortensLongPaths(t *testing.T) {
	logs := &records{}
	f := buildServerWith(t, serverOptions{logger: slog.New(logs), accessLog: true})
	tests := []struct {
		name, path string
		whole      bool
	}{
		{"an ordinary path", "/v1/profiles/nobody", true},
		{"a 512-byte path", "/v1/" + strings.Repeat("p", 508), true},
		{"a 40,000-byte path", "/v1/" + strings.Repeat("p", 40000), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, _ := doRaw(t, "GET", f.URL+tc.path, nil, http.Header{})
			if resp.StatusCode != 404 {
				t.Fatalf("status %d, want 404", resp.StatusCode)
			}
			logged := logs.lastAttr("request", "path")
			switch {
			case tc.whole && logged != tc.path:
				t.Errorf("logged path %.80q…, want the path whole", logged)
			case !tc.whole && (len(logged) > 600 || !strings.Contains(logged, "(40004 bytes)")):
				t.Errorf("logged %d bytes of path (%.40q…), want 512 and the length", len(logged), logged)
			}
		})
	}
}

// lastAttr is the string value of attribute key in the last record with
// message msg.
func (h *records) lastAttr(msg, key string) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	for i := len(h.recs) - 1; i >= 0; i-- {
		if h.recs[i].Message != msg {
			continue
		}
		var v string
		h.recs[i].Attrs(func(a slog.Attr) bool {
			if a.Key == key {
				v = a.Value.String()
				return false
			}
			return true
		})
		return v
	}
	return ""
}
