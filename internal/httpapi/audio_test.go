package httpapi_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/blob"
)

// TestAudioErrorsAreAPIProblems: the signed audio URLs answer their
// errors through the API's one writer, like every other route: the
// problem type, instance and request ID, no-store, and statuses from the
// one mapping (a bad key in the URL is 400).
func TestAudioErrorsAreAPIProblems(t *testing.T) {
	signer, err := blob.NewSigner([]byte(strings.Repeat("s", 32)), "http://127.0.0.1/v1/audio/", time.Now)
	if err != nil {
		t.Fatal(err)
	}
	store, err := blob.NewLocal(blob.LocalOptions{Dir: t.TempDir(), Signer: signer})
	if err != nil {
		t.Fatal(err)
	}
	f := buildServerWith(t, serverOptions{audio: blob.NewHandler(store, signer, nil)})
	tests := []struct {
		name, path string
		status     int
	}{
		{"bad signature", "/v1/audio/replies/x.wav?exp=1&sig=zz", 403},
		{"no signature", "/v1/audio/replies/x.wav", 403},
		{"empty key", "/v1/audio/", 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, "GET", f.URL+tt.path, "", nil)
			var p struct {
				Type, Title, Detail, Instance string
				RequestID                     string `json:"request_id"`
				Status                        int
			}
			if err := json.Unmarshal(body, &p); err != nil {
				t.Fatalf("%d %s: %v", resp.StatusCode, body, err)
			}
			if resp.StatusCode != tt.status || p.Status != tt.status {
				t.Errorf("status %d (body %d), want %d: %s", resp.StatusCode, p.Status, tt.status, body)
			}
			if resp.Header.Get("Content-Type") != "application/problem+json" || resp.Header.Get("Cache-Control") != "no-store" {
				t.Errorf("Content-Type %q, Cache-Control %q", resp.Header.Get("Content-Type"), resp.Header.Get("Cache-Control"))
			}
			if !strings.HasPrefix(p.Type, "https://parley.dev/problems/") || p.Instance == "" || p.RequestID != resp.Header.Get("X-Request-ID") {
				t.Errorf("not the API's problem: %s", body)
			}
		})
	}
}
