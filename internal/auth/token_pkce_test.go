package auth_test

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"github.com/parleyhq/parley/internal/auth"
)

// TestTokenRequestPKCEErrors: a code issued with a challenge is exchanged
// only with the verifier that made it (RFC 7636 §4.6); each failure is
// invalid_grant and says what was wrong, and spends the code.
func TestTokenRequestPKCEErrors(t *testing.T) {
	e := newEnv(t)
	e.user("ada", auth.RoleEditor)
	c, secret := e.client("profiles:write", redirect)
	conf := e.oauthConfig(c, secret)
	tests := []struct {
		name     string
		verifier func(good string) (string, bool) // the verifier to send, and whether to send one
		wantDesc string
	}{
		{"RFC7636-4.6 verifier missing", func(string) (string, bool) { return "", false }, "code_verifier is required"},
		{"verifier empty", func(string) (string, bool) { return "", true }, "code_verifier is required"},
		{"RFC7636-4.6 wrong verifier", func(string) (string, bool) { return oauth2.GenerateVerifier(), true }, "code_verifier does not match code_challenge"},
		{"RFC7636-4.1 verifier too short", func(g string) (string, bool) { return g[:42], true }, "code_verifier must be 43 to 128 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			good := oauth2.GenerateVerifier()
			code := e.authCode(conf, good)
			form := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {redirect}}
			if v, send := tt.verifier(good); send {
				form.Set("code_verifier", v)
			}
			st, body := e.post("/oauth/token", form, c.ID, secret)
			if st != 400 || body["error"] != "invalid_grant" || body["error_description"] != tt.wantDesc {
				t.Errorf("answered %d %v, want 400 invalid_grant %q", st, body, tt.wantDesc)
			}
			// The code is spent: the right verifier no longer helps.
			form.Set("code_verifier", good)
			if st, body := e.post("/oauth/token", form, c.ID, secret); st != 400 || !strings.Contains(body["error_description"].(string), "already used") {
				t.Errorf("the code again with the right verifier: %d %v, want invalid_grant (already used)", st, body)
			}
		})
	}
}
