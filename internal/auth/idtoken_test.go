package auth_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/parleyhq/parley/internal/auth"
)

// TestIDTokenWithGoOIDC runs the OpenID Connect code flow and has go-oidc
// verify the ID token through discovery and the JWKS, for each signing
// algorithm: signature, iss, aud, exp (OIDC Core §3.1.3.7), the nonce
// (§3.1.2.1) and at_hash (§3.1.3.6).
func TestIDTokenWithGoOIDC(t *testing.T) {
	for _, alg := range []string{auth.AlgES256, auth.AlgEdDSA} {
		t.Run(alg, func(t *testing.T) {
			e := newEnv(t, func(c *auth.Config) { c.SigningAlg = alg })
			ctx := context.Background()
			u, err := e.srv.CreateUser(ctx, "ada", "correct horse battery", auth.RoleViewer)
			if err != nil {
				t.Fatal(err)
			}
			c, secret := e.client("openid profiles:read", redirect)
			provider, err := oidc.NewProvider(ctx, e.issuer)
			if err != nil {
				t.Fatalf("go-oidc discovery: %v", err)
			}
			var md struct {
				Scopes []string `json:"scopes_supported"`
			}
			if err := provider.Claims(&md); err != nil || !slices.Contains(md.Scopes, oidc.ScopeOpenID) {
				t.Errorf("discovery scopes_supported %v lacks openid (%v)", md.Scopes, err)
			}
			conf := e.oauthConfig(c, secret)
			conf.Scopes = []string{oidc.ScopeOpenID, "profiles:read"}
			verifier := provider.Verifier(&oidc.Config{ClientID: c.ID, SupportedSigningAlgs: []string{alg}})

			nonce := auth.RandomToken(16)
			signedIn := time.Now()
			tok := e.exchangeOIDC(conf, oidc.Nonce(nonce))
			raw, _ := tok.Extra("id_token").(string)
			if raw == "" {
				t.Fatal("token response has no id_token for scope openid")
			}
			idt, err := verifier.Verify(ctx, raw)
			if err != nil {
				t.Fatalf("go-oidc ID token verification: %v", err)
			}
			if idt.Nonce != nonce {
				t.Errorf("nonce %q, want %q echoed", idt.Nonce, nonce)
			}
			if idt.Subject != u.ID || idt.Issuer != e.issuer || !slices.Equal(idt.Audience, []string{c.ID}) {
				t.Errorf("sub %q iss %q aud %v; want %q %q [%s]", idt.Subject, idt.Issuer, idt.Audience, u.ID, e.issuer, c.ID)
			}
			if err := idt.VerifyAccessToken(tok.AccessToken); err != nil {
				t.Errorf("at_hash: %v", err)
			}
			if err := idt.VerifyAccessToken(tok.AccessToken + "x"); err == nil {
				t.Error("at_hash matched another access token")
			}
			var claims struct {
				AuthTime int64 `json:"auth_time"`
				IssuedAt int64 `json:"iat"`
			}
			if err := idt.Claims(&claims); err != nil || claims.AuthTime < signedIn.Unix()-1 || claims.AuthTime > time.Now().Unix() || claims.IssuedAt < claims.AuthTime {
				t.Errorf("auth_time %d iat %d, want the sign-in time (%d) (%v)", claims.AuthTime, claims.IssuedAt, signedIn.Unix(), err)
			}
			// RFC 8725 §3.11: an ID token is no access token.
			if code, _ := e.put(raw); code != 401 {
				t.Errorf("ID token used as a bearer token: %d, want 401", code)
			}
			if hdr := jwtHeader(t, raw); hdr["typ"] != "JWT" || hdr["alg"] != alg || hdr["kid"] == "" {
				t.Errorf("ID token header %v", hdr)
			}

			// No nonce in the request: none in the token (OIDC Core §2).
			tok = e.exchangeOIDC(conf)
			idt, err = verifier.Verify(ctx, tok.Extra("id_token").(string))
			if err != nil || idt.Nonce != "" {
				t.Errorf("without a nonce: %v, nonce %q", err, idt.Nonce)
			}
			// Without scope openid there is no ID token (OIDC Core §3.1.2.1).
			conf.Scopes = []string{"profiles:read"}
			if tok := e.exchangeOIDC(conf); tok.Extra("id_token") != nil {
				t.Errorf("id_token issued without scope openid: %v", tok.Extra("id_token"))
			}
		})
	}
}

// TestIDTokenNonceTooLong: an oversized nonce is refused at the
// authorization endpoint with a redirect, not stored.
func TestIDTokenNonceTooLong(t *testing.T) {
	e := newEnv(t)
	e.user("ada", auth.RoleViewer)
	c, secret := e.client("openid", redirect)
	conf := e.oauthConfig(c, secret)
	conf.Scopes = []string{"openid"}
	loc, st := e.signIn(conf.AuthCodeURL("s", oauth2.S256ChallengeOption(oauth2.GenerateVerifier()), oidc.Nonce(strings.Repeat("n", 513))), "ada", "correct horse battery")
	if loc == nil || loc.Query().Get("error") != "invalid_request" || loc.Query().Get("code") != "" {
		t.Errorf("answered %d %v, want an invalid_request redirect", st, loc)
	}
}

// exchangeOIDC signs ada in with extra authorization parameters and
// exchanges the code through golang.org/x/oauth2.
func (e *env) exchangeOIDC(conf *oauth2.Config, opts ...oauth2.AuthCodeOption) *oauth2.Token {
	e.t.Helper()
	verifier := oauth2.GenerateVerifier()
	loc, st := e.signIn(conf.AuthCodeURL("st4te", append(opts, oauth2.S256ChallengeOption(verifier))...), "ada", "correct horse battery")
	if loc == nil || loc.Query().Get("code") == "" {
		e.t.Fatalf("sign-in answered %d %v", st, loc)
	}
	tok, err := conf.Exchange(context.Background(), loc.Query().Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		e.t.Fatalf("exchange: %v", err)
	}
	return tok
}

func jwtHeader(t *testing.T, raw string) map[string]any {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(strings.Split(raw, ".")[0])
	var h map[string]any
	if err != nil || json.Unmarshal(b, &h) != nil {
		t.Fatalf("bad JWT header in %q", raw)
	}
	return h
}
