package auth

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Lockout policy: after lockoutThreshold consecutive failures, sign-in for
// that username is refused for lockoutBase doubled per further failure, up
// to lockoutMax.
const (
	lockoutThreshold = 5
	lockoutBase      = time.Second
	lockoutMax       = 15 * time.Minute
)

// checkRedirectURI accepts absolute https URLs, and http only on loopback
// (RFC 8252 §7.3), without fragments (RFC 6749 §3.1.2).
func checkRedirectURI(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Host == "" || u.Fragment != "" || u.User != nil {
		return apperr.New(apperr.Invalid, "redirect URI %q must be an absolute URL without fragment or user info", raw)
	}
	host := u.Hostname()
	if u.Scheme != "https" && !(u.Scheme == "http" && (host == "127.0.0.1" || host == "::1" || host == "localhost")) {
		return apperr.New(apperr.Invalid, "redirect URI %q must use https (http only on loopback)", raw)
	}
	return nil
}

type authzRequest struct {
	client                             Client
	redirectURI, state, scope, nonce   string
	codeChallenge, codeChallengeMethod string
}

// maxNonceLen bounds the OpenID Connect nonce we store and echo.
const maxNonceLen = 512

// parseAuthz validates an authorization request. Errors before the client
// and redirect URI are known to be good are shown to the user, never
// redirected (RFC 6749 §4.1.2.1), so the endpoint is no open redirector.
// The redirect URI is compared exactly, byte for byte (RFC 9700 §2.1).
func (s *Server) parseAuthz(ctx context.Context, q url.Values) (authzRequest, *oauthError, bool) {
	a := authzRequest{redirectURI: q.Get("redirect_uri"), state: q.Get("state"), scope: q.Get("scope"), nonce: q.Get("nonce"),
		codeChallenge: q.Get("code_challenge"), codeChallengeMethod: q.Get("code_challenge_method")}
	// Which client and where to send it are what make an error
	// redirectable: given twice, neither can be trusted (RFC 6749 §3.1).
	for _, k := range []string{"client_id", "redirect_uri"} {
		if len(q[k]) > 1 {
			return a, invalidRequest("parameter " + k + " repeated"), false
		}
	}
	c, err := s.store.GetClient(ctx, q.Get("client_id"))
	if err != nil {
		return a, invalidRequest("unknown client"), false
	}
	a.client = c
	exact := false
	for _, u := range c.RedirectURIs {
		if u == a.redirectURI {
			exact = true
		}
	}
	if !exact {
		return a, invalidRequest("redirect_uri is not registered for this client"), false
	}
	for k, v := range q {
		if len(v) > 1 {
			return a, invalidRequest("parameter " + k + " repeated"), true
		}
	}
	switch rt := q.Get("response_type"); {
	case rt == "":
		return a, invalidRequest("response_type is required"), true
	case rt != "code":
		return a, oerr(400, "unsupported_response_type", "response_type must be code"), true
	}
	// The code goes back in the query and nowhere else (the metadata says
	// response_modes_supported: query), request objects are not read
	// (OIDC Core §6), and with no sign-in session here a request that must
	// not show a page can only fail (OIDC Core §3.1.2.6).
	if m := q.Get("response_mode"); m != "" && m != "query" {
		return a, invalidRequest("response_mode must be query"), true
	}
	if q.Has("request") {
		return a, oerr(400, "request_not_supported", "request objects are not supported"), true
	}
	if q.Has("request_uri") {
		return a, oerr(400, "request_uri_not_supported", "request_uri is not supported"), true
	}
	if slices.Contains(strings.Fields(q.Get("prompt")), "none") {
		return a, oerr(400, "login_required", "prompt=none: no one is signed in"), true
	}
	if !hasGrant(c, "authorization_code") {
		return a, oerr(400, "unauthorized_client", "client may not use the authorization code flow"), true
	}
	if err := ValidateChallenge(a.codeChallenge, a.codeChallengeMethod); err != nil {
		return a, invalidRequest(apperr.MessageOf(err)), true
	}
	if _, oe := grantedScopes(a.scope, c.Scopes); oe != nil {
		return a, oe.(*oauthError), true
	}
	if len(a.nonce) > maxNonceLen {
		return a, invalidRequest("nonce is too long"), true
	}
	return a, nil, true
}

var signInPage = template.Must(template.New("signin").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to Parley</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Sign in</h1>
<p>{{.ClientName}} asks to act on your behalf{{if .Scope}} with: {{.Scope}}{{end}}.</p>
{{if .Error}}<p role="alert">{{.Error}}</p>{{end}}
<form method="post" action="/oauth/authorize">
{{range $k, $v := .Hidden}}<input type="hidden" name="{{$k}}" value="{{$v}}">{{end}}
<label>Username <input name="username" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button></form></main></body></html>`))

func (s *Server) renderSignIn(w http.ResponseWriter, r *http.Request, status int, a authzRequest, q url.Values, msg string) {
	hidden := map[string]string{}
	for _, k := range []string{"client_id", "redirect_uri", "state", "scope", "response_type", "code_challenge", "code_challenge_method", "nonce"} {
		hidden[k] = q.Get(k)
	}
	hidden[csrfField] = s.csrfToken(w, r)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Frame-Options", "DENY")
	w.WriteHeader(status)
	_ = signInPage.Execute(w, map[string]any{"ClientName": a.client.Name, "Scope": a.scope, "Error": msg, "Hidden": hidden})
}

func (s *Server) handleAuthorizePage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	a, oe, redirectable := s.parseAuthz(r.Context(), q)
	if oe != nil {
		s.authzError(w, r, a, oe, redirectable)
		return
	}
	s.renderSignIn(w, r, http.StatusOK, a, q, "")
}

func (s *Server) authzError(w http.ResponseWriter, r *http.Request, a authzRequest, oe *oauthError, redirectable bool) {
	if !redirectable {
		s.authzErrorPage(w, r, oe.Desc)
		return
	}
	// RFC 9207 §2: error responses name the issuer as successful ones do.
	v := url.Values{"error": {oe.Code}, "error_description": {oe.Desc}, "iss": {s.cfg.Issuer}}
	if a.state != "" {
		v.Set("state", a.state)
	}
	http.Redirect(w, r, appendQuery(a.redirectURI, v), http.StatusSeeOther)
}

func appendQuery(base string, v url.Values) string {
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + v.Encode()
}

func (s *Server) handleAuthorizeSubmit(w http.ResponseWriter, r *http.Request) {
	tooLarge := "form body exceeds " + strconv.Itoa(maxFormBytes) + " bytes"
	if r.ContentLength > maxFormBytes {
		s.authzErrorPageCode(w, r, apperr.TooLarge, http.StatusRequestEntityTooLarge, tooLarge)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		if mbe := (*http.MaxBytesError)(nil); errors.As(err, &mbe) {
			s.authzErrorPageCode(w, r, apperr.TooLarge, http.StatusRequestEntityTooLarge, tooLarge)
			return
		}
		s.authzErrorPage(w, r, "malformed form")
		return
	}
	q := r.PostForm
	a, oe, redirectable := s.parseAuthz(r.Context(), q)
	if oe != nil {
		s.authzError(w, r, a, oe, redirectable)
		return
	}
	// Checked before the password so that a forged form learns nothing and
	// signs no one in; the page comes back with a fresh token.
	if !s.checkCSRF(r, q.Get(csrfField)) {
		s.logger.Warn("sign-in form rejected: CSRF token missing or wrong", "event", "signin_csrf", "client_id", a.client.ID)
		s.renderSignIn(w, r, http.StatusForbidden, a, q, "This sign-in form has expired or did not come from Parley. Please sign in again.")
		return
	}
	u, err := s.SignIn(r.Context(), q.Get("username"), q.Get("password"))
	if err != nil {
		msg := "Wrong username or password."
		if apperr.Is(err, apperr.RateLimited) {
			msg = "Too many failed attempts. Try again later."
		} else if !apperr.Is(err, apperr.Unauthorized) {
			msg = "Sign-in is unavailable right now."
		}
		s.renderSignIn(w, r, http.StatusUnauthorized, a, q, msg)
		return
	}
	scopes, _ := grantedScopes(a.scope, a.client.Scopes)
	code := RandomToken(32)
	now := s.now()
	err = s.store.CreateAuthCode(r.Context(), AuthCode{Hash: s.cfg.Pepper.Hash(PurposeAuthCode, code), ClientID: a.client.ID,
		UserID: u.ID, RedirectURI: a.redirectURI, Scopes: scopes.Intersect(u.Role.Scopes()), CodeChallenge: a.codeChallenge,
		Nonce: a.nonce, CreatedAt: now.UTC(), ExpiresAt: now.Add(s.cfg.CodeTTL).UTC()})
	if err != nil {
		s.authzError(w, r, a, oerr(500, "server_error", "could not issue a code"), true)
		return
	}
	v := url.Values{"code": {code}, "iss": {s.cfg.Issuer}} // iss: RFC 9207
	if a.state != "" {
		v.Set("state", a.state)
	}
	http.Redirect(w, r, appendQuery(a.redirectURI, v), http.StatusSeeOther)
}

// SignIn checks a username and password with lockout: apperr.RateLimited
// while locked out, apperr.Unauthorized for a wrong pair (unknown users
// take the same path through the password hasher).
func (s *Server) SignIn(ctx context.Context, username, password string) (User, error) {
	key := normalizeUsername(username)
	n, last, err := s.store.LoginFailures(ctx, key)
	if err != nil {
		return User{}, err
	}
	if n >= lockoutThreshold {
		wait := min(lockoutBase<<min(n-lockoutThreshold, 20), lockoutMax)
		if s.now().Before(last.Add(wait)) {
			s.logger.Warn("sign-in refused: locked out", "event", "signin_locked", "username", key)
			return User{}, apperr.New(apperr.RateLimited, "too many failed sign-ins; try again later")
		}
	}
	u, err := s.store.GetUserByUsername(ctx, key)
	if err != nil && !apperr.Is(err, apperr.NotFound) {
		return User{}, err
	}
	ok, verr := s.passwords.Verify(ctx, u.PasswordHash, password)
	if verr != nil {
		return User{}, verr
	}
	if !ok {
		cnt, _ := s.store.RecordLoginFailure(ctx, key, s.now())
		s.logger.Warn("sign-in failed", "event", "signin_failed", "username", key, "failures", cnt)
		if cnt == lockoutThreshold {
			s.logger.Warn("account locked", "event", "lockout", "username", key)
		}
		return User{}, apperr.New(apperr.Unauthorized, "wrong username or password")
	}
	if n > 0 {
		_ = s.store.ResetLoginFailures(ctx, key)
	}
	s.logger.Info("sign-in", "event", "signin", "user_id", u.ID)
	return u, nil
}
