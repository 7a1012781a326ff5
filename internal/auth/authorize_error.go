package auth

import (
	"html/template"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
)

// authzErrorTemplate is the page a person sees when an authorization request
// cannot be sent back to its client (RFC 6749 §4.1.2.1). It names no client
// and no URL from the request: the link may be an attacker's, and the page
// must not lend it Parley's voice.
var authzErrorTemplate = template.Must(template.New("authz-error").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign-in request not valid</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>This sign-in link is not valid</h1>
<p>{{.}}.</p>
<p>Go back to the application that sent you here and try again. If this happens again, tell the people who run it.</p>
</main></body></html>`))

// authzErrorPage answers 400 to an authorization request whose client or
// redirect URI is in doubt, so that nothing may be redirected: a page for a
// browser (the Accept header names HTML), problem+json for anything else.
func (s *Server) authzErrorPage(w http.ResponseWriter, r *http.Request, detail string) {
	s.authzErrorPageCode(w, r, apperr.Malformed, http.StatusBadRequest, detail)
}

// authzErrorPageCode is authzErrorPage for another code than Malformed
// (a form body past its size is TooLarge: 413 to both kinds of caller).
func (s *Server) authzErrorPageCode(w http.ResponseWriter, r *http.Request, code apperr.Code, status int, detail string) {
	h := w.Header()
	h.Add("Vary", "Accept") // Add: CORS may have put Origin there already
	h.Set("Cache-Control", "no-store")
	if !acceptsHTML(r.Header.Get("Accept")) {
		s.OnError(w, r, apperr.New(code, "invalid authorization request: %s", detail))
		return
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	h.Set("X-Frame-Options", "DENY")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = authzErrorTemplate.Execute(w, detail)
}

// acceptsHTML reports whether an Accept header names text/html (or XHTML)
// with a non-zero weight, as every browser's navigation request does. A
// bare */* (curl, HTTP libraries) is not taken as a wish for a page.
func acceptsHTML(accept string) bool {
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil || (mt != "text/html" && mt != "application/xhtml+xml") {
			continue
		}
		if q, ok := params["q"]; ok {
			if w, err := strconv.ParseFloat(q, 64); err != nil || w <= 0 {
				continue
			}
		}
		return true
	}
	return false
}
