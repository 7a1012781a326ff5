package auth_test

import (
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/parleyhq/parley/internal/auth"
)

const redirect = "http://127.0.0.1:9999/cb"

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func (e *env) user(name string, role auth.Role) {
	e.t.Helper()
	if _, err := e.srv.CreateUser(context.Background(), name, "correct horse battery", role); err != nil {
		e.t.Fatal(err)
	}
}

// signIn loads the sign-in page for an authorization URL, submits its form
// as a browser would (hidden fields, CSRF cookie) and returns the redirect
// it answers with (or the status when it does not redirect).
func (e *env) signIn(authURL, username, password string) (*url.URL, int) {
	e.t.Helper()
	u, _ := url.Parse(authURL)
	form := u.Query()
	// An authorization request the server refuses renders no form (and no
	// token); it is still posted, to check the POST refuses it too.
	page, cookie := e.signInForm(authURL)
	form.Set("csrf_token", page.Get("csrf_token"))
	form.Set("username", username)
	form.Set("password", password)
	resp := e.submitSignIn(form, cookie)
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return nil, resp.StatusCode
	}
	loc, _ := url.Parse(resp.Header.Get("Location"))
	return loc, resp.StatusCode
}

var hiddenInput = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`)

// signInForm GETs the sign-in page and returns its hidden fields and the
// CSRF cookie it set (nil when it set none).
func (e *env) signInForm(authURL string) (url.Values, *http.Cookie) {
	e.t.Helper()
	resp, err := noRedirect.Get(authURL)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return hiddenFields(e.t, string(body)), findCookie(resp, "parley_signin_csrf")
}

func hiddenFields(t *testing.T, page string) url.Values {
	t.Helper()
	form := url.Values{}
	for _, m := range hiddenInput.FindAllStringSubmatch(page, -1) {
		form.Set(m[1], html.UnescapeString(m[2]))
	}
	return form
}

func findCookie(resp *http.Response, name string) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// submitSignIn POSTs the sign-in form with cookie (none when nil).
func (e *env) submitSignIn(form url.Values, cookie *http.Cookie) *http.Response {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.ts.URL+"/oauth/authorize", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if cookie != nil {
		req.AddCookie(&http.Cookie{Name: cookie.Name, Value: cookie.Value})
	}
	resp, err := noRedirect.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	return resp
}

func (e *env) oauthConfig(c auth.Client, secret string) *oauth2.Config {
	return &oauth2.Config{ClientID: c.ID, ClientSecret: secret, RedirectURL: redirect, Scopes: []string{"profiles:write"},
		Endpoint: oauth2.Endpoint{AuthURL: e.issuer + "/oauth/authorize", TokenURL: e.issuer + "/oauth/token"}}
}

// authCode runs the flow up to the code.
func (e *env) authCode(conf *oauth2.Config, verifier string) string {
	e.t.Helper()
	loc, status := e.signIn(conf.AuthCodeURL("st4te", oauth2.S256ChallengeOption(verifier)), "ada", "correct horse battery")
	if loc == nil {
		e.t.Fatalf("sign-in answered %d", status)
	}
	if loc.Query().Get("state") != "st4te" || loc.Query().Get("iss") != e.issuer {
		e.t.Fatalf("redirect %s lacks state or iss", loc)
	}
	return loc.Query().Get("code")
}

func TestAuthorizationCodeWithPKCE(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.user("ada", auth.RoleEditor)
	c, secret := e.client("profiles:write profiles:read openid", redirect)
	conf := e.oauthConfig(c, secret)
	page, err := http.Get(conf.AuthCodeURL("st4te", oauth2.S256ChallengeOption(oauth2.GenerateVerifier())))
	if err != nil || page.StatusCode != 200 || !strings.Contains(page.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Fatalf("sign-in page: %v %v", page.StatusCode, err)
	}
	page.Body.Close()
	verifier := oauth2.GenerateVerifier()
	tok, err := conf.Exchange(ctx, e.authCode(conf, verifier), oauth2.VerifierOption(verifier))
	if err != nil {
		t.Fatalf("exchange: %v", err)
	}
	if code, _ := e.put(tok.AccessToken); code != 200 {
		t.Errorf("editor's token on PUT: %d", code)
	}
	// Refresh through the library: the old token is expired on purpose.
	tok.Expiry = time.Now().Add(-time.Minute)
	fresh, err := conf.TokenSource(ctx, tok).Token()
	if err != nil {
		t.Fatalf("refresh: %v", err)
	}
	if fresh.RefreshToken == tok.RefreshToken || fresh.AccessToken == tok.AccessToken {
		t.Error("refresh did not rotate the tokens")
	}
	// RFC 9700 §4.14.2: replaying the first refresh token revokes the family.
	if code, body := e.post("/oauth/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {tok.RefreshToken}}, c.ID, secret); code != 400 || body["error"] != "invalid_grant" {
		t.Fatalf("replay: %d %v", code, body)
	}
	if code, body := e.post("/oauth/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {fresh.RefreshToken}}, c.ID, secret); code != 400 {
		t.Errorf("newest token after replay: %d %v, want revoked", code, body)
	}
}

// TestAuthorizationNegative is the attacker's list for the code flow and the
// other endpoints.
func TestAuthorizationNegative(t *testing.T) {
	e := newEnv(t)
	e.user("ada", auth.RoleAdmin)
	c, secret := e.client("profiles:write profiles:read", redirect)
	other, otherSecret := e.client("profiles:write", redirect)
	conf := e.oauthConfig(c, secret)
	exchange := func(code, verifier, clientID, clientSecret, redirectURI string) (int, map[string]any) {
		return e.post("/oauth/token", url.Values{"grant_type": {"authorization_code"}, "code": {code},
			"code_verifier": {verifier}, "redirect_uri": {redirectURI}}, clientID, clientSecret)
	}
	wantErr := func(name string, status int, body map[string]any, wantStatus int, wantCode string) {
		t.Helper()
		if status != wantStatus || body["error"] != wantCode {
			t.Errorf("%s: %d %v, want %d %s", name, status, body, wantStatus, wantCode)
		}
	}

	t.Run("RFC6749-4.1.2 code reuse revokes the first grant", func(t *testing.T) {
		v := oauth2.GenerateVerifier()
		code := e.authCode(conf, v)
		st, body := exchange(code, v, c.ID, secret, redirect)
		if st != 200 {
			t.Fatalf("first exchange: %d %v", st, body)
		}
		st, b2 := exchange(code, v, c.ID, secret, redirect)
		wantErr("second exchange", st, b2, 400, "invalid_grant")
		st, b3 := e.post("/oauth/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {body["refresh_token"].(string)}}, c.ID, secret)
		wantErr("refresh token of the reused code", st, b3, 400, "invalid_grant")
	})
	t.Run("RFC6749-4.1.3 code used by another client", func(t *testing.T) {
		v := oauth2.GenerateVerifier()
		st, body := exchange(e.authCode(conf, v), v, other.ID, otherSecret, redirect)
		wantErr("other client", st, body, 400, "invalid_grant")
	})
	t.Run("RFC7636-4.6 wrong verifier", func(t *testing.T) {
		st, body := exchange(e.authCode(conf, oauth2.GenerateVerifier()), oauth2.GenerateVerifier(), c.ID, secret, redirect)
		wantErr("wrong verifier", st, body, 400, "invalid_grant")
	})
	t.Run("RFC9700-2.1.1 PKCE downgrade: verifier omitted", func(t *testing.T) {
		st, body := exchange(e.authCode(conf, oauth2.GenerateVerifier()), "", c.ID, secret, redirect)
		wantErr("no verifier", st, body, 400, "invalid_grant")
	})
	t.Run("RFC6749-4.1.3 redirect_uri differs at exchange", func(t *testing.T) {
		v := oauth2.GenerateVerifier()
		st, body := exchange(e.authCode(conf, v), v, c.ID, secret, redirect+"/")
		wantErr("redirect mismatch", st, body, 400, "invalid_grant")
	})
	for name, params := range map[string]url.Values{
		"RFC9700-2.1.1 PKCE downgrade: method plain": {"code_challenge_method": {"plain"}},
		"RFC9700-2.1.1 PKCE downgrade: no challenge": {"code_challenge": {""}, "code_challenge_method": {""}},
	} {
		t.Run(name, func(t *testing.T) {
			u, _ := url.Parse(conf.AuthCodeURL("s", oauth2.S256ChallengeOption(oauth2.GenerateVerifier())))
			q := u.Query()
			for k, v := range params {
				q[k] = v
			}
			u.RawQuery = q.Encode()
			loc, st := e.signIn(u.String(), "ada", "correct horse battery")
			if loc == nil || loc.Query().Get("error") != "invalid_request" || loc.Query().Get("code") != "" {
				t.Errorf("answered %d %v, want an invalid_request redirect without code", st, loc)
			}
		})
	}
	for name, bad := range map[string]string{
		"RFC9700-4.1.3 redirect with extra query":    redirect + "?next=evil",
		"RFC9700-4.1.3 redirect with other case":     strings.Replace(redirect, "cb", "CB", 1),
		"RFC9700-4.1.3 redirect with trailing slash": redirect + "/",
		"RFC9700-4.1.3 redirect to another host":     "https://evil.example/cb",
		"RFC9700-4.1.3 redirect with userinfo trick": "http://127.0.0.1:9999@evil.example/cb",
	} {
		t.Run(name, func(t *testing.T) {
			u, _ := url.Parse(conf.AuthCodeURL("s", oauth2.S256ChallengeOption(oauth2.GenerateVerifier())))
			q := u.Query()
			q.Set("redirect_uri", bad)
			u.RawQuery = q.Encode()
			resp, err := noRedirect.Get(u.String())
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 400 || resp.Header.Get("Location") != "" {
				t.Errorf("GET answered %d Location %q; want 400 and no redirect (RFC 6749 §4.1.2.1)", resp.StatusCode, resp.Header.Get("Location"))
			}
			if loc, st := e.signIn(u.String(), "ada", "correct horse battery"); loc != nil || st != 400 {
				t.Errorf("POST answered %d %v", st, loc)
			}
		})
	}
	t.Run("RFC7662-2.1 unauthenticated introspection", func(t *testing.T) {
		st, body := e.post("/oauth/introspect", url.Values{"token": {"x"}}, "", "")
		wantErr("no client auth", st, body, 401, "invalid_client")
		st, body = e.post("/oauth/introspect", url.Values{"token": {"x"}}, c.ID, "wrong")
		wantErr("wrong secret", st, body, 401, "invalid_client")
	})
	t.Run("RFC7009-2.1 revoked access token", func(t *testing.T) {
		st, body := e.post("/oauth/token", url.Values{"grant_type": {"client_credentials"}, "scope": {"profiles:write"}}, c.ID, secret)
		if st != 200 {
			t.Fatalf("token: %d %v", st, body)
		}
		at := body["access_token"].(string)
		if st, body := e.post("/oauth/introspect", url.Values{"token": {at}}, c.ID, secret); st != 200 || body["active"] != true {
			t.Fatalf("introspect before revocation: %d %v", st, body)
		}
		if st, body := e.post("/oauth/revoke", url.Values{"token": {at}}, other.ID, otherSecret); st != 400 || body["error"] != "unauthorized_client" {
			t.Errorf("revocation by another client: %d %v (RFC 7009 §2.1: refused, and nothing revoked)", st, body)
		}
		if code, _ := e.put(at); code != 200 {
			t.Fatalf("another client's revocation took effect: %d", code)
		}
		if st, _ := e.post("/oauth/revoke", url.Values{"token": {at}}, c.ID, secret); st != 200 {
			t.Fatalf("revoke: %d", st)
		}
		if st, body := e.post("/oauth/introspect", url.Values{"token": {at}}, c.ID, secret); st != 200 || body["active"] != false {
			t.Errorf("introspect after revocation: %d %v", st, body)
		}
		if code, h := e.put(at); code != 401 || !strings.Contains(h.Get("WWW-Authenticate"), "invalid_token") {
			t.Errorf("revoked token on PUT: %d %q", code, h.Get("WWW-Authenticate"))
		}
	})
	t.Run("RFC6749-2.3.1 client secret wrong", func(t *testing.T) {
		st, body := e.post("/oauth/token", url.Values{"grant_type": {"client_credentials"}}, c.ID, secret+"x")
		wantErr("wrong secret", st, body, 401, "invalid_client")
	})
	t.Run("RFC6749-2.3 two authentication methods", func(t *testing.T) {
		st, body := e.post("/oauth/token", url.Values{"grant_type": {"client_credentials"}, "client_secret": {secret}}, c.ID, secret)
		wantErr("basic and post", st, body, 400, "invalid_request")
	})
	t.Run("RFC6749-3.3 scope escalation", func(t *testing.T) {
		st, body := e.post("/oauth/token", url.Values{"grant_type": {"client_credentials"}, "scope": {"admin"}}, c.ID, secret)
		wantErr("admin scope", st, body, 400, "invalid_scope")
	})
	t.Run("RFC6749-4.4 public client cannot use client_credentials", func(t *testing.T) {
		pub, _, err := e.srv.CreateClient(context.Background(), "spa", auth.NewScopes("profiles:read"), []string{redirect}, true)
		if err != nil {
			t.Fatal(err)
		}
		st, body := e.post("/oauth/token", url.Values{"grant_type": {"client_credentials"}, "client_id": {pub.ID}}, "", "")
		if st == 200 {
			t.Errorf("public client got a token: %v", body)
		}
	})
	t.Run("RFC6749-3.2 credentials in the query string", func(t *testing.T) {
		req, _ := http.NewRequest("POST", e.ts.URL+"/oauth/token?client_secret="+secret, strings.NewReader("grant_type=client_credentials"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.SetBasicAuth(c.ID, secret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 400 {
			t.Errorf("query parameters accepted: %d", resp.StatusCode)
		}
	})
}

func TestLockout(t *testing.T) {
	e := newEnv(t)
	e.user("ada", auth.RoleViewer)
	c, secret := e.client("profiles:read", redirect)
	conf := e.oauthConfig(c, secret)
	conf.Scopes = []string{"profiles:read"}
	authURL := conf.AuthCodeURL("s", oauth2.S256ChallengeOption(oauth2.GenerateVerifier()))
	for i := range 5 {
		if loc, st := e.signIn(authURL, "ada", "wrong password!"); loc != nil || st != 401 {
			t.Fatalf("failure %d: %d", i, st)
		}
	}
	// OWASP ASVS V2.2.1: locked even with the right password, and the
	// username's case does not open a second counter.
	if loc, _ := e.signIn(authURL, "ADA", "correct horse battery"); loc != nil {
		t.Fatal("signed in while locked out")
	}
	e.advance(2 * time.Second)
	if loc, st := e.signIn(authURL, "ada", "correct horse battery"); loc == nil {
		t.Fatalf("still locked after the back-off: %d", st)
	}
	if loc, _ := e.signIn(authURL, "nobody", "correct horse battery"); loc != nil {
		t.Fatal("unknown user signed in")
	}
}

func TestAPIKeyAuthentication(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	k, key, err := e.srv.CreateAPIKey(ctx, "ci", auth.NewScopes("profiles:write"), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if code, _ := e.put(key); code != 200 {
		t.Fatalf("API key: %d", code)
	}
	_, shortKey, _ := e.srv.CreateAPIKey(ctx, "tmp", auth.NewScopes("profiles:write"), e.clock().Add(time.Hour))
	bad := []byte(key)
	bad[10] ^= 1
	if code, _ := e.put(string(bad)); code != 401 {
		t.Errorf("API key with a typo: %d", code)
	}
	if err := e.srv.RevokeAPIKey(ctx, k.ID); err != nil {
		t.Fatal(err)
	}
	if code, _ := e.put(key); code != 401 {
		t.Errorf("revoked API key: %d", code)
	}
	e.advance(2 * time.Hour)
	if code, _ := e.put(shortKey); code != 401 {
		t.Errorf("expired API key: %d", code)
	}
	keys, _ := e.store.ListAPIKeys(ctx)
	for _, got := range keys {
		if got.ID == k.ID && got.LastUsedAt.IsZero() {
			t.Errorf("last-used time not recorded: %+v", got)
		}
	}
	if len(keys) != 2 {
		t.Errorf("%d keys listed, want 2", len(keys))
	}
}

// TestRefreshRace: 1,000 trials of two concurrent refreshes of one token.
// Exactly one wins each time, and the loser's replay revokes the family, so
// the winner's new refresh token stops working too.
func TestRefreshRace(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.user("ada", auth.RoleEditor)
	u, _ := e.store.GetUserByUsername(ctx, "ada")
	c, secret := e.client("profiles:write", redirect)
	trials := 1000
	if testing.Short() {
		trials = 100
	}
	for trial := range trials {
		raw := auth.RandomToken(32)
		err := e.store.CreateRefreshToken(ctx, auth.RefreshToken{Hash: e.pepper.Hash(auth.PurposeRefreshToken, raw),
			FamilyID: fmt.Sprint("fam-", trial), ClientID: c.ID, Subject: u.ID, Scopes: auth.NewScopes("profiles:write"),
			CreatedAt: time.Now(), ExpiresAt: time.Now().Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		var wins atomic.Int32
		var winner atomic.Value
		var wg sync.WaitGroup
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				st, body := e.post("/oauth/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {raw}}, c.ID, secret)
				if st == 200 {
					wins.Add(1)
					winner.Store(body["refresh_token"].(string))
				} else if body["error"] != "invalid_grant" {
					t.Errorf("loser got %d %v", st, body)
				}
			}()
		}
		wg.Wait()
		if wins.Load() != 1 {
			t.Fatalf("trial %d: %d winners", trial, wins.Load())
		}
		st, _ := e.post("/oauth/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {winner.Load().(string)}}, c.ID, secret)
		if st != 400 {
			t.Fatalf("trial %d: the family survived a replay (%d)", trial, st)
		}
	}
}

// TestSignInCSRF: the sign-in form is accepted only with the token the page
// embedded and the cookie it set (OWASP CSRF cheat sheet, signed double
// submit; login CSRF, RFC 6749 §10.12). Every refusal is a 403 that
// re-renders the form with a usable token and signs no one in.
func TestSignInCSRF(t *testing.T) {
	e := newEnv(t)
	e.user("ada", auth.RoleEditor)
	c, secret := e.client("profiles:write", redirect)
	authURL := e.oauthConfig(c, secret).AuthCodeURL("st4te", oauth2.S256ChallengeOption(oauth2.GenerateVerifier()))
	good, cookie := e.signInForm(authURL)
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || good.Get("csrf_token") == "" {
		t.Fatalf("sign-in page: cookie %+v, token %q; want an HttpOnly SameSite=Lax cookie and a token", cookie, good.Get("csrf_token"))
	}
	_, otherCookie := e.signInForm(authURL)
	good.Set("username", "ada")
	good.Set("password", "correct horse battery")
	with := func(field, value string) url.Values {
		f := url.Values{}
		for k, v := range good {
			f[k] = v
		}
		if value == "" {
			f.Del(field)
		} else {
			f.Set(field, value)
		}
		return f
	}
	for name, tc := range map[string]struct {
		form   url.Values
		cookie *http.Cookie
	}{
		"no token":                       {with("csrf_token", ""), cookie},
		"no cookie":                      {good, nil},
		"wrong token":                    {with("csrf_token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), cookie},
		"token of another cookie":        {good, otherCookie},
		"token not base64":               {with("csrf_token", "!!"), cookie},
		"cookie value is the token":      {good, &http.Cookie{Name: cookie.Name, Value: good.Get("csrf_token")}},
		"attacker's own cookie and form": {good, &http.Cookie{Name: cookie.Name, Value: auth.RandomToken(32)}},
	} {
		t.Run(name, func(t *testing.T) {
			resp := e.submitSignIn(tc.form, tc.cookie)
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusForbidden || resp.Header.Get("Location") != "" {
				t.Fatalf("answered %d (Location %q), want 403 without redirect", resp.StatusCode, resp.Header.Get("Location"))
			}
			if !strings.Contains(string(body), "did not come from Parley") {
				t.Errorf("403 page does not say why: %s", body)
			}
			// The re-rendered form works: resubmitting it signs in.
			retry := hiddenFields(t, string(body))
			retry.Set("username", "ada")
			retry.Set("password", "correct horse battery")
			fresh := findCookie(resp, "parley_signin_csrf")
			if fresh == nil {
				fresh = tc.cookie
			}
			again := e.submitSignIn(retry, fresh)
			again.Body.Close()
			if again.StatusCode != http.StatusSeeOther || !strings.Contains(again.Header.Get("Location"), "code=") {
				t.Errorf("re-rendered form answered %d, want a redirect with a code", again.StatusCode)
			}
		})
	}
	t.Run("valid token and cookie", func(t *testing.T) {
		resp := e.submitSignIn(good, cookie)
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther || !strings.Contains(resp.Header.Get("Location"), "code=") {
			t.Errorf("answered %d, want a redirect with a code", resp.StatusCode)
		}
	})
}
