package auth_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"

	"github.com/parleyhq/parley/internal/auth"
)

// TestScopesSupportedMatchThePolicy ties OIDC discovery to the route table:
// every advertised scope is openid or one some route checks (a route's
// scope, or admin for a route needing a role), and every scope a route
// checks is advertised. A scope that no route checks (profiles:read) is
// not advertised.
func TestScopesSupportedMatchThePolicy(t *testing.T) {
	e := newEnv(t)
	resp, err := http.Get(e.issuer + "/.well-known/openid-configuration")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var md struct {
		Scopes []string `json:"scopes_supported"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&md); err != nil {
		t.Fatal(err)
	}
	checked := map[string]bool{auth.ScopeOpenID: true}
	for _, req := range auth.DefaultPolicy() {
		if req.Scope != "" {
			checked[req.Scope] = true
		}
		if req.Role != "" {
			checked[auth.ScopeAdmin] = true
		}
	}
	for _, s := range md.Scopes {
		if !checked[s] {
			t.Errorf("scopes_supported names %q, which no route checks", s)
		}
	}
	for s := range checked {
		if !slices.Contains(md.Scopes, s) {
			t.Errorf("scopes_supported %v lacks %q, which a route checks", md.Scopes, s)
		}
	}
}
