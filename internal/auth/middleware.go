package auth

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
)

// Authenticate turns an `Authorization: Bearer` credential (JWT access
// token or API key) into a Principal in the request context. A request
// without a Bearer credential passes through anonymous; a bad credential is refused
// with 401 and `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750
// §3.1) instead of being treated as anonymous, so a client learns its
// token is bad. Route requirements are enforced by Require.
func (s *Server) Authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if clientAuthPaths[r.URL.Path] {
			// There the header authenticates a client, not a bearer,
			// and its errors are the endpoint's to write in OAuth's format.
			next.ServeHTTP(w, r)
			return
		}
		// Read from the map under the canonical key net/http stores it
		// by: Values and Get canonicalise their key on every request.
		creds := r.Header["Authorization"]
		if len(creds) > 1 {
			// Authorization is no list (RFC 9110 §11.6.2): which of two
			// credentials counts is a guess a proxy and we could make
			// differently, so neither is taken.
			w.Header().Set("WWW-Authenticate", `Bearer realm="parley", error="invalid_request"`)
			s.OnError(w, r, apperr.New(apperr.Malformed, "send one Authorization header, not several"))
			return
		}
		var h string
		if len(creds) == 1 {
			h = creds[0]
		}
		// Other schemes (Basic client authentication at the token
		// endpoint) are not ours to judge here.
		if scheme, _, _ := strings.Cut(h, " "); h == "" || !strings.EqualFold(scheme, "Bearer") {
			next.ServeHTTP(w, r)
			return
		}
		raw, err := ParseBearer(h)
		if err == nil {
			var p *Principal
			if p, err = s.principalFromToken(r, raw); err == nil {
				next.ServeHTTP(w, r.WithContext(NewContextWithPrincipal(r.Context(), p)))
				return
			}
		}
		if apperr.Is(err, apperr.Unauthorized) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="parley", error="invalid_token"`)
		}
		s.OnError(w, r, err)
	})
}

// Require wraps the handler of route pattern with the requirement policy
// gives it. A pattern missing from policy makes Require panic at start-up:
// every route must be listed, so none is open by omission.
func (s *Server) Require(policy Policy, pattern string, h http.Handler) http.Handler {
	req, err := policy.Lookup(pattern)
	if err != nil {
		panic("auth: route " + pattern + " has no entry in the policy table")
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := req.Check(PrincipalFromContext(r.Context())); err != nil {
			switch apperr.CodeOf(err) {
			case apperr.Unauthorized:
				w.Header().Set("WWW-Authenticate", `Bearer realm="parley"`)
			case apperr.Forbidden:
				if scope := missingScope(req, PrincipalFromContext(r.Context())); scope != "" {
					w.Header().Set("WWW-Authenticate", `Bearer realm="parley", error="insufficient_scope", scope="`+scope+`"`)
				}
			}
			s.OnError(w, r, err)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// missingScope names the scope p would need to pass req (RFC 6750 §3.1
// insufficient_scope), or "" when no scope would do: the route's own
// scope, or admin where a route needs a role and p is a machine caller
// (API key or client credentials), which meets a role only with that
// scope. A user lacking the role is told only 403: no scope grants it.
func missingScope(req Requirement, p *Principal) string {
	switch {
	case req.Scope != "" && (p == nil || !p.HasScope(req.Scope)):
		return req.Scope
	case req.Role != "" && p != nil && p.Kind != KindUser:
		return ScopeAdmin
	}
	return ""
}

// writeProblem is the default OnError: a minimal RFC 9457 document. The
// real server replaces it with httpapi's writer, the one place that maps
// codes to statuses.
func writeProblem(w http.ResponseWriter, _ *http.Request, err error) {
	status := http.StatusInternalServerError
	switch apperr.CodeOf(err) {
	case apperr.Malformed:
		status = http.StatusBadRequest
	case apperr.Unauthorized:
		status = http.StatusUnauthorized
	case apperr.Forbidden:
		status = http.StatusForbidden
	case apperr.Unavailable:
		status = http.StatusServiceUnavailable
	case apperr.TooLarge:
		status = http.StatusRequestEntityTooLarge
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"type": "about:blank", "title": http.StatusText(status),
		"status": status, "detail": apperr.MessageOf(err)})
}
