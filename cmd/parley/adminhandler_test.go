package main

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

// TestAdminListenerIgnoresAuthorization: /metrics and /healthz on the admin
// listener answer a scrape or probe whatever Authorization it sends, as
// they do on the main listener (httpapi's operations routes).
func TestAdminListenerIgnoresAuthorization(t *testing.T) {
	h := adminHandler(prometheus.NewRegistry())
	for _, path := range []string{"/metrics", "/healthz"} {
		for _, authz := range []string{"", "Bearer stale-token", "Bearer parley_notakey", "Basic Zm9vOmJhcg=="} {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			if authz != "" {
				req.Header.Set("Authorization", authz)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Errorf("GET %s with Authorization %q: %d, want 200", path, authz, rec.Code)
			}
		}
	}
}
