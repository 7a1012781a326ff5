package main

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/config"
	"github.com/parleyhq/parley/internal/httpapi"
	"github.com/parleyhq/parley/internal/telemetry"
)

// TestListenerLeavesLongHeadsToTheAPI: the listener's head limit is past
// the API's, so a head between the two is answered by the API (431 as
// problem+json naming the field) and only one past the listener's gets
// net/http's plain-text 431.
func TestListenerLeavesLongHeadsToTheAPI(t *testing.T) {
	api := httpapi.New(httpapi.Deps{Logger: telemetry.Discard(), Registry: telemetry.NewRegistry()})
	srv := newHTTPServer(&config.Serve{}, "127.0.0.1:0", api.Handler(), telemetry.Discard())
	l, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	tests := []struct {
		name        string
		cookie      int // bytes of the Cookie field's value
		status      int
		contentType string
	}{
		{"under the API's limit", httpapi.MaxHeadBytes / 2, http.StatusOK, "application/json"},
		{"past the API's limit", 2 * httpapi.MaxHeadBytes, http.StatusRequestHeaderFieldsTooLarge, "application/problem+json"},
		{"past the listener's limit (and its 4 KiB of slack)", maxHeaderBytes + 8<<10, http.StatusRequestHeaderFieldsTooLarge, "text/plain; charset=utf-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest("GET", "http://"+l.Addr().String()+"/healthz", nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Cookie", "c="+strings.Repeat("x", tc.cookie))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.status || resp.Header.Get("Content-Type") != tc.contentType {
				t.Fatalf("%d %s, want %d %s: %.200s", resp.StatusCode, resp.Header.Get("Content-Type"), tc.status, tc.contentType, body)
			}
			if tc.contentType == "application/problem+json" {
				var p httpapi.Problem
				if err := json.Unmarshal(body, &p); err != nil || p.Status != tc.status || !strings.Contains(p.Detail, "Cookie") {
					t.Errorf("problem %s: %v", body, err)
				}
			}
		})
	}
}
