package auth

import (
	"encoding/base64"
	"net/http"
	"strings"
)

// Sign-in form CSRF protection (signed double-submit cookie, OWASP CSRF
// cheat sheet). The page sets a random cookie and embeds
// Pepper.Hash(PurposeCSRF, cookie) in the form; a POST must carry both. A
// cross-site page can neither read the cookie nor compute the HMAC without
// the pepper, so it cannot forge a sign-in ("login CSRF") in the victim's
// browser. SameSite=Lax adds a second, browser-side barrier.
const (
	csrfCookie = "parley_signin_csrf"
	csrfField  = "csrf_token"
	csrfMaxAge = 30 * 60 // seconds; a form older than this must be reloaded
)

// csrfToken returns the form token for the request's cookie, setting a
// fresh cookie when the request has none (or a malformed one). Reusing an
// existing cookie keeps two open sign-in tabs valid.
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	val := ""
	if c, err := r.Cookie(csrfCookie); err == nil && validCSRFCookie(c.Value) {
		val = c.Value
	} else {
		val = RandomToken(32)
	}
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: val, Path: "/oauth/authorize", MaxAge: csrfMaxAge,
		HttpOnly: true, Secure: strings.HasPrefix(s.cfg.Issuer, "https://"), SameSite: http.SameSiteLaxMode})
	return s.csrfTokenFor(val)
}

func (s *Server) csrfTokenFor(cookie string) string {
	return base64.RawURLEncoding.EncodeToString(s.cfg.Pepper.Hash(PurposeCSRF, cookie))
}

// checkCSRF reports whether the submitted form token matches the cookie.
func (s *Server) checkCSRF(r *http.Request, formToken string) bool {
	c, err := r.Cookie(csrfCookie)
	if err != nil || !validCSRFCookie(c.Value) || formToken == "" {
		return false
	}
	got, err := base64.RawURLEncoding.DecodeString(formToken)
	return err == nil && s.cfg.Pepper.Equal(PurposeCSRF, c.Value, got)
}

// validCSRFCookie accepts only what RandomToken(32) produces.
func validCSRFCookie(v string) bool {
	b, err := base64.RawURLEncoding.DecodeString(v)
	return err == nil && len(b) == 32
}
