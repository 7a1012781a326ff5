package auth_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/auth/authcache"
	"github.com/parleyhq/parley/internal/cache"
)

// TestRevokingAnotherClientsTokenIsRefused: RFC 7009 §2.1 has the server
// refuse, and tell the client, when the token was issued to another client;
// nothing is revoked. Tokens that are unknown, malformed or expired are
// answered 200 (§2.2). Run on every storage engine, since what is revoked
// lives in the store.
func TestRevokingAnotherClientsTokenIsRefused(t *testing.T) {
	for _, eng := range engines {
		t.Run(eng.name, func(t *testing.T) {
			e := newEnvOn(t, eng.open(t), nil)
			e.user("ada", auth.RoleEditor)
			owner, ownerSecret := e.client("profiles:write", redirect)
			other, otherSecret := e.client("profiles:write")
			verifier := oauth2.GenerateVerifier()
			code := e.authCode(e.oauthConfig(owner, ownerSecret), verifier)
			st, user := e.post("/oauth/token", url.Values{"grant_type": {"authorization_code"}, "code": {code},
				"code_verifier": {verifier}, "redirect_uri": {redirect}}, owner.ID, ownerSecret)
			if st != 200 {
				t.Fatalf("code exchange: %d %v", st, user)
			}
			st, machine := e.post("/oauth/token", url.Values{"grant_type": {"client_credentials"}}, owner.ID, ownerSecret)
			if st != 200 {
				t.Fatalf("client credentials: %d %v", st, machine)
			}
			tests := []struct {
				name       string
				token      string
				wantStatus int
				wantError  string
			}{
				{"another client's access token", machine["access_token"].(string), 400, "unauthorized_client"},
				{"another client's user access token", user["access_token"].(string), 400, "unauthorized_client"},
				{"another client's refresh token", user["refresh_token"].(string), 400, "unauthorized_client"},
				{"unknown token", auth.RandomToken(32), 200, ""},
				{"malformed JWT", "eyJhbGciOiJub25lIn0.e30.", 200, ""},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					st, body := e.post("/oauth/revoke", url.Values{"token": {tt.token}}, other.ID, otherSecret)
					if st != tt.wantStatus || (tt.wantError != "" && body["error"] != tt.wantError) {
						t.Errorf("revoke answered %d %v, want %d %q", st, body, tt.wantStatus, tt.wantError)
					}
				})
			}
			// Nothing the refused requests named was revoked.
			for _, at := range []string{machine["access_token"].(string), user["access_token"].(string)} {
				if st, _ := e.put(at); st != http.StatusOK {
					t.Errorf("access token after another client's revocation: PUT %d, want 200", st)
				}
			}
			st, next := e.post("/oauth/token", url.Values{"grant_type": {"refresh_token"},
				"refresh_token": {user["refresh_token"].(string)}}, owner.ID, ownerSecret)
			if st != 200 {
				t.Errorf("refresh token after another client's revocation: %d %v, want 200", st, next)
			}
			// An expired token is no longer anyone's: 200, as for an unknown one.
			e.advance(time.Hour)
			if st, body := e.post("/oauth/revoke", url.Values{"token": {machine["access_token"].(string)}}, other.ID, otherSecret); st != 200 {
				t.Errorf("revoking another client's expired access token: %d %v, want 200", st, body)
			}
		})
	}
}

// countingKeys counts the API-key lookups that reach the database.
type countingKeys struct {
	auth.Store
	lookups atomic.Int64
}

func (c *countingKeys) GetAPIKeyByHash(ctx context.Context, hash []byte) (auth.APIKey, error) {
	c.lookups.Add(1)
	return c.Store.GetAPIKeyByHash(ctx, hash)
}

// TestAPIKeyRevokedThroughTheServerIsRefusedAtOnce: with API keys cached for
// far longer than the test runs, a key revoked through the server is refused
// on the next request, on every storage engine. The lookup count shows the
// key was being served from the cache when it was revoked.
func TestAPIKeyRevokedThroughTheServerIsRefusedAtOnce(t *testing.T) {
	for _, eng := range engines {
		t.Run(eng.name, func(t *testing.T) {
			var db *countingKeys
			e := newEnvOn(t, eng.open(t), func(st auth.Store) auth.Store {
				db = &countingKeys{Store: st}
				return authcache.New(db, cache.NewMemory(1<<20), authcache.Options{APIKeyTTL: time.Hour})
			})
			ctx := context.Background()
			k, key, err := e.srv.CreateAPIKey(ctx, "ci", auth.NewScopes("profiles:write"), time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			// The first use records the last-use time, which replaces the
			// cached entry; the uses after it are served from the cache.
			for range 4 {
				if st, _ := e.put(key); st != http.StatusOK {
					t.Fatalf("live key: PUT %d", st)
				}
			}
			if n := db.lookups.Load(); n != 2 {
				t.Fatalf("%d database lookups for 4 uses, want 2 (the key is not being cached)", n)
			}
			if err := e.srv.RevokeAPIKey(ctx, k.ID); err != nil {
				t.Fatal(err)
			}
			if st, h := e.put(key); st != http.StatusUnauthorized || !strings.Contains(h.Get("WWW-Authenticate"), "invalid_token") {
				t.Errorf("revoked key: PUT %d %q, want 401 invalid_token at once", st, h.Get("WWW-Authenticate"))
			}
		})
	}
}
