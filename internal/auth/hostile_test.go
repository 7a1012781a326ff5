package auth_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"github.com/parleyhq/parley/internal/auth"
)

// The cases of the identity hostile-client round (docs/benchmarks-log.md,
// "Hostile clients on the identity surface"): requests real OAuth clients and
// attackers send, with the answer the RFCs require.

// rawPost POSTs a form with the given headers (Authorization among them,
// possibly twice) and returns the status and the decoded JSON body.
func (e *env) rawPost(path string, form url.Values, headers http.Header) (int, map[string]any) {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header = headers.Clone()
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	b, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(b, &body)
	return resp.StatusCode, body
}

func TestHostileTokenRequests(t *testing.T) {
	e := newEnv(t)
	c, secret := e.client("profiles:read")
	pub, _, err := e.srv.CreateClient(t.Context(), "spa", auth.NewScopes("profiles:read"), []string{redirect}, true)
	if err != nil {
		t.Fatal(err)
	}
	body := url.Values{"grant_type": {"client_credentials"}, "client_id": {c.ID}, "client_secret": {secret}}
	basic := func(id, pw string) string {
		r, _ := http.NewRequest("GET", "/", nil)
		r.SetBasicAuth(id, pw)
		return r.Header.Get("Authorization")
	}
	tests := []struct {
		name       string
		form       url.Values
		auth       []string // Authorization header values
		wantStatus int
		wantError  string // "" for a token
	}{
		{"body credentials", body, nil, 200, ""},
		{"RFC6749-5.2 password grant is unsupported, not unauthorized",
			url.Values{"grant_type": {"password"}, "username": {"a"}, "password": {"b"}}, []string{basic(c.ID, secret)}, 400, "unsupported_grant_type"},
		{"RFC6749-5.2 device grant is unsupported",
			url.Values{"grant_type": {"urn:ietf:params:oauth:grant-type:device_code"}, "device_code": {"x"}}, []string{basic(c.ID, secret)}, 400, "unsupported_grant_type"},
		{"known grant the client may not use", url.Values{"grant_type": {"client_credentials"}, "client_id": {pub.ID}}, nil, 400, "unauthorized_client"},
		{"two Authorization headers", url.Values{"grant_type": {"client_credentials"}},
			[]string{basic(c.ID, secret), basic("x", "y")}, 400, "invalid_request"},
		{"Bearer header besides body credentials", body, []string{"Bearer abc.def.ghi"}, 401, "invalid_client"},
		{"undecodable Basic header besides body credentials", body, []string{"Basic !!!"}, 401, "invalid_client"},
		// Too large is 413, not a "malformed" 400 the client would try to fix.
		{"body past 16 KiB", url.Values{"grant_type": {"client_credentials"}, "client_id": {c.ID}, "client_secret": {secret},
			"pad": {strings.Repeat("a", 16<<10)}}, nil, 413, "invalid_request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, got := e.rawPost("/oauth/token", tt.form, http.Header{"Authorization": tt.auth})
			if st != tt.wantStatus || (tt.wantError == "") != (got["access_token"] != nil) ||
				(tt.wantError != "" && got["error"] != tt.wantError) {
				t.Errorf("answered %d %v, want %d %q", st, got, tt.wantStatus, tt.wantError)
			}
		})
	}
}

func TestHostileAuthorizationRequests(t *testing.T) {
	e := newEnv(t)
	c, _ := e.client("profiles:read", redirect)
	good := func() url.Values {
		return url.Values{"response_type": {"code"}, "client_id": {c.ID}, "redirect_uri": {redirect}, "state": {"st"},
			"scope": {"profiles:read"}, "code_challenge": {auth.S256Challenge(oauth2.GenerateVerifier())}, "code_challenge_method": {"S256"}}
	}
	with := func(f func(url.Values)) url.Values { q := good(); f(q); return q }
	tests := []struct {
		name       string
		q          url.Values
		wantStatus int
		wantError  string // the error in the redirect; "" for none
	}{
		{"good request shows the page", good(), 200, ""},
		{"RFC6749-4.1.2.1 response_type missing is invalid_request", with(func(q url.Values) { q.Del("response_type") }), 303, "invalid_request"},
		{"response_type token", with(func(q url.Values) { q.Set("response_type", "token") }), 303, "unsupported_response_type"},
		{"RFC6749-3.1 state twice", with(func(q url.Values) { q.Add("state", "other") }), 303, "invalid_request"},
		{"RFC6749-3.1 scope twice", with(func(q url.Values) { q.Add("scope", "admin") }), 303, "invalid_request"},
		{"redirect_uri twice is never redirected", with(func(q url.Values) { q.Add("redirect_uri", "https://evil.example/cb") }), 400, ""},
		{"client_id twice is never redirected", with(func(q url.Values) { q.Add("client_id", "other") }), 400, ""},
		{"OIDC-3.1.2.6 prompt=none without a session", with(func(q url.Values) { q.Set("prompt", "none") }), 303, "login_required"},
		{"response_mode fragment is not offered", with(func(q url.Values) { q.Set("response_mode", "fragment") }), 303, "invalid_request"},
		{"response_mode query", with(func(q url.Values) { q.Set("response_mode", "query") }), 200, ""},
		{"OIDC-6 request object", with(func(q url.Values) { q.Set("request", "eyJhbGciOiJub25lIn0.e30.") }), 303, "request_not_supported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := noRedirect.Get(e.ts.URL + "/oauth/authorize?" + tt.q.Encode())
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			loc, _ := url.Parse(resp.Header.Get("Location"))
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("answered %d (Location %q), want %d", resp.StatusCode, loc, tt.wantStatus)
			}
			if tt.wantStatus != 303 {
				if loc.String() != "" {
					t.Errorf("redirected to %s", loc)
				}
				return
			}
			// RFC 9207 §2: the issuer is named in error responses too.
			got := loc.Query()
			if !strings.HasPrefix(loc.String(), redirect+"?") || got.Get("error") != tt.wantError || got.Get("state") != "st" || got.Get("iss") != e.issuer {
				t.Errorf("redirected to %s, want %s?error=%s&state=st&iss=%s", loc, redirect, tt.wantError, e.issuer)
			}
		})
	}
}

// TestRevokedGrantRevokesItsAccessTokens: a reused code, a replayed refresh
// token and a revoked refresh token each end the grant, and the access
// tokens it issued stop working at once (RFC 6749 §4.1.2, RFC 9700 §4.14.2,
// RFC 7009 §2.1), while other grants' tokens keep working.
func TestRevokedGrantRevokesItsAccessTokens(t *testing.T) {
	e := newEnv(t)
	e.user("ada", auth.RoleAdmin)
	c, secret := e.client("profiles:write", redirect)
	conf := e.oauthConfig(c, secret)
	grant := func() (code, verifier string, tok map[string]any) {
		verifier = oauth2.GenerateVerifier()
		code = e.authCode(conf, verifier)
		st, tok := e.post("/oauth/token", url.Values{"grant_type": {"authorization_code"}, "code": {code},
			"code_verifier": {verifier}, "redirect_uri": {redirect}}, c.ID, secret)
		if st != 200 {
			t.Fatalf("exchange: %d %v", st, tok)
		}
		return code, verifier, tok
	}
	refresh := func(rt string) (int, map[string]any) {
		return e.post("/oauth/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}}, c.ID, secret)
	}
	tests := []struct {
		name string
		// end ends the grant and returns the access tokens that must stop working.
		end func(t *testing.T) []string
	}{
		{"code reused", func(t *testing.T) []string {
			code, v, tok := grant()
			e.post("/oauth/token", url.Values{"grant_type": {"authorization_code"}, "code": {code},
				"code_verifier": {v}, "redirect_uri": {redirect}}, c.ID, secret)
			return []string{tok["access_token"].(string)}
		}},
		{"old refresh token replayed", func(t *testing.T) []string {
			_, _, tok := grant()
			st, next := refresh(tok["refresh_token"].(string))
			if st != 200 {
				t.Fatalf("refresh: %d %v", st, next)
			}
			refresh(tok["refresh_token"].(string))
			return []string{tok["access_token"].(string), next["access_token"].(string)}
		}},
		{"refresh token revoked", func(t *testing.T) []string {
			_, _, tok := grant()
			if st, b := e.post("/oauth/revoke", url.Values{"token": {tok["refresh_token"].(string)}}, c.ID, secret); st != 200 {
				t.Fatalf("revoke: %d %v", st, b)
			}
			return []string{tok["access_token"].(string)}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, bystander := grant()
			for _, at := range tt.end(t) {
				if st, _ := e.put(at); st != http.StatusUnauthorized {
					t.Errorf("access token of the ended grant: PUT answered %d, want 401", st)
				}
				if _, b := e.post("/oauth/introspect", url.Values{"token": {at}}, c.ID, secret); b["active"] != false {
					t.Errorf("access token of the ended grant introspected %v, want active false", b)
				}
			}
			if st, _ := e.put(bystander["access_token"].(string)); st != http.StatusOK {
				t.Errorf("another grant's access token: PUT answered %d, want 200", st)
			}
		})
	}
}

// TestRefreshKeepsTheGrantScope: RFC 6749 §6, a narrower scope asked for at
// refresh narrows that access token only; the new refresh token keeps the
// scope of the one it replaces.
func TestRefreshKeepsTheGrantScope(t *testing.T) {
	e := newEnv(t)
	e.user("ada", auth.RoleAdmin)
	c, secret := e.client("profiles:write profiles:read", redirect)
	conf := e.oauthConfig(c, secret)
	conf.Scopes = []string{"profiles:read", "profiles:write"}
	v := oauth2.GenerateVerifier()
	_, tok := e.post("/oauth/token", url.Values{"grant_type": {"authorization_code"}, "code": {e.authCode(conf, v)},
		"code_verifier": {v}, "redirect_uri": {redirect}}, c.ID, secret)
	rt := tok["refresh_token"].(string)
	for _, step := range []struct{ ask, wantAccess string }{
		{"profiles:read", "profiles:read"},
		{"", "profiles:read profiles:write"},
		{"profiles:read profiles:write", "profiles:read profiles:write"},
	} {
		form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}}
		if step.ask != "" {
			form.Set("scope", step.ask)
		}
		st, got := e.post("/oauth/token", form, c.ID, secret)
		if st != 200 || got["scope"] != step.wantAccess {
			t.Fatalf("refresh asking %q: %d %v, want scope %q", step.ask, st, got, step.wantAccess)
		}
		rt = got["refresh_token"].(string)
		if _, in := e.post("/oauth/introspect", url.Values{"token": {rt}}, c.ID, secret); in["scope"] != "profiles:read profiles:write" {
			t.Errorf("after asking %q the new refresh token has scope %v, want the grant's", step.ask, in["scope"])
		}
	}
}

func TestHostileIntrospection(t *testing.T) {
	e := newEnv(t)
	e.user("ada", auth.RoleAdmin)
	c, secret := e.client("profiles:write", redirect)
	rs, rsSecret := e.client("profiles:read")
	v := oauth2.GenerateVerifier()
	_, tok := e.post("/oauth/token", url.Values{"grant_type": {"authorization_code"}, "code": {e.authCode(e.oauthConfig(c, secret), v)},
		"code_verifier": {v}, "redirect_uri": {redirect}}, c.ID, secret)
	tests := []struct {
		name         string
		form         url.Values
		id, secret   string
		wantStatus   int
		wantActive   any    // true, false, or nil for an error
		wantErrorStr string // OAuth error code when wantActive is nil
	}{
		{"RFC7662-2.1 token missing", url.Values{}, c.ID, secret, 400, nil, "invalid_request"},
		{"own refresh token", url.Values{"token": {tok["refresh_token"].(string)}}, c.ID, secret, 200, true, ""},
		{"another client's refresh token", url.Values{"token": {tok["refresh_token"].(string)}}, rs.ID, rsSecret, 200, false, ""},
		{"resource server checks an access token", url.Values{"token": {tok["access_token"].(string)}}, rs.ID, rsSecret, 200, true, ""},
		{"unknown token", url.Values{"token": {"nope"}}, c.ID, secret, 200, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, got := e.post("/oauth/introspect", tt.form, tt.id, tt.secret)
			if st != tt.wantStatus || got["active"] != tt.wantActive || (tt.wantActive == nil && got["error"] != tt.wantErrorStr) {
				t.Errorf("answered %d %v, want %d active=%v error=%q", st, got, tt.wantStatus, tt.wantActive, tt.wantErrorStr)
			}
		})
	}
}

// TestMetadataSaysWhatTheServerDoes checks the RFC 8414 document against
// behaviour the other tests pin, and that it is served at both well-known
// URIs.
func TestMetadataSaysWhatTheServerDoes(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"} {
		resp, err := http.Get(e.ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		var md map[string]any
		err = json.NewDecoder(resp.Body).Decode(&md)
		resp.Body.Close()
		if resp.StatusCode != 200 || err != nil {
			t.Fatalf("%s: %d %v", path, resp.StatusCode, err)
		}
		list := func(k string) []string {
			var out []string
			for _, v := range md[k].([]any) {
				out = append(out, v.(string))
			}
			return out
		}
		if md["issuer"] != e.issuer {
			t.Errorf("%s: issuer %v", path, md["issuer"])
		}
		// Omitted, response_modes_supported would mean query and fragment.
		if md["response_modes_supported"] == nil || !slices.Equal(list("response_modes_supported"), []string{"query"}) {
			t.Errorf("%s: response_modes_supported %v, want [query]", path, md["response_modes_supported"])
		}
		if md["authorization_response_iss_parameter_supported"] != true {
			t.Errorf("%s: authorization_response_iss_parameter_supported %v, want true (RFC 9207)", path, md["authorization_response_iss_parameter_supported"])
		}
		// Public clients revoke their own tokens with client_id alone.
		if !slices.Contains(list("revocation_endpoint_auth_methods_supported"), "none") {
			t.Errorf("%s: revocation auth methods %v lack none", path, md["revocation_endpoint_auth_methods_supported"])
		}
	}
}
