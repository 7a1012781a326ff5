package auth_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"github.com/parleyhq/parley/internal/auth"
)

// TestAuthorizationErrorPage: an authorization request whose client or
// redirect URI is in doubt is answered 400 where it was made (RFC 6749
// §4.1.2.1): a small HTML page for a browser, problem+json for a program,
// neither repeating anything the request carried.
func TestAuthorizationErrorPage(t *testing.T) {
	e := newEnv(t)
	c, _ := e.client("profiles:read", redirect)
	const evil = `"><script>alert(1)</script>`
	q := url.Values{"response_type": {"code"}, "client_id": {c.ID}, "redirect_uri": {"https://evil.example/cb?x=" + evil},
		"state": {evil}, "scope": {"profiles:read"}, "code_challenge": {auth.S256Challenge(oauth2.GenerateVerifier())},
		"code_challenge_method": {"S256"}}
	unknownClient := url.Values{"client_id": {evil}, "redirect_uri": {redirect}, "state": {evil}}
	browser := "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	tests := []struct {
		name, method, accept string
		q                    url.Values
		wantHTML             bool
	}{
		{"browser, unregistered redirect_uri", "GET", browser, q, true},
		{"browser, unknown client", "GET", browser, unknownClient, true},
		{"browser, form posted with unknown client", "POST", browser, unknownClient, true},
		{"XHTML only", "GET", "application/xhtml+xml", q, true},
		{"curl's */*", "GET", "*/*", q, false},
		{"no Accept", "GET", "", unknownClient, false},
		{"JSON", "GET", "application/json", q, false},
		{"HTML refused with q=0", "GET", "text/html;q=0, application/json", q, false},
		{"program posting the form", "POST", "application/json", unknownClient, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var req *http.Request
			if tt.method == "GET" {
				req, _ = http.NewRequest("GET", e.ts.URL+"/oauth/authorize?"+tt.q.Encode(), nil)
			} else {
				req, _ = http.NewRequest("POST", e.ts.URL+"/oauth/authorize", strings.NewReader(tt.q.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			if tt.accept != "" {
				req.Header.Set("Accept", tt.accept)
			}
			resp, err := noRedirect.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			body := string(b)
			if resp.StatusCode != 400 || resp.Header.Get("Location") != "" {
				t.Fatalf("answered %d Location %q, want 400 and no redirect", resp.StatusCode, resp.Header.Get("Location"))
			}
			for _, reflected := range []string{"<script", "evil.example", "alert(1)"} {
				if strings.Contains(body, reflected) {
					t.Errorf("body repeats %q from the request:\n%s", reflected, body)
				}
			}
			ct := resp.Header.Get("Content-Type")
			if tt.wantHTML {
				if !strings.HasPrefix(ct, "text/html") || !strings.Contains(body, "<h1>") ||
					!strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'none'") {
					t.Errorf("want an HTML page with a CSP, got %q CSP %q:\n%s", ct, resp.Header.Get("Content-Security-Policy"), body)
				}
				return
			}
			var p struct {
				Status int    `json:"status"`
				Detail string `json:"detail"`
			}
			if ct != "application/problem+json" || json.Unmarshal(b, &p) != nil || p.Status != 400 || p.Detail == "" {
				t.Errorf("want problem+json with status 400, got %q:\n%s", ct, body)
			}
		})
	}
}

// TestSignInFormTooLarge: a sign-in form past the size limit is 413 for a
// browser (the error page) and for a program (problem+json), whether its
// length is declared (refused before reading) or it is sent chunked.
func TestSignInFormTooLarge(t *testing.T) {
	e := newEnv(t)
	big := url.Values{"username": {strings.Repeat("a", 20<<10)}}.Encode()
	for _, tt := range []struct {
		name, accept, wantType string
		chunked                bool
	}{
		{"browser, declared length", "text/html", "text/html", false},
		{"browser, chunked", "text/html", "text/html", true},
		{"program, declared length", "application/json", "application/problem+json", false},
		{"program, chunked", "application/json", "application/problem+json", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader = strings.NewReader(big)
			if tt.chunked {
				body = io.MultiReader(body) // hides the length: sent chunked
			}
			req, _ := http.NewRequest("POST", e.ts.URL+"/oauth/authorize", body)
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Accept", tt.accept)
			resp, err := noRedirect.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.wantType) {
				t.Fatalf("answered %d %q, want 413 %s:\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), tt.wantType, b)
			}
			if !strings.Contains(string(b), "exceeds") {
				t.Errorf("body does not say the form is too large:\n%s", b)
			}
		})
	}
}
