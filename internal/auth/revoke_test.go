package auth_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/parleyhq/parley/internal/auth"
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
