package auth

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
)

// oauthError is an RFC 6749 §5.2 error response.
type oauthError struct {
	status int
	Code   string `json:"error"`
	Desc   string `json:"error_description,omitempty"`
}

func (e *oauthError) Error() string { return e.Code + ": " + e.Desc }

func oerr(status int, code, desc string) *oauthError {
	return &oauthError{status: status, Code: code, Desc: desc}
}

func invalidRequest(desc string) *oauthError { return oerr(400, "invalid_request", desc) }
func invalidGrant(desc string) *oauthError   { return oerr(400, "invalid_grant", desc) }
func invalidClient() *oauthError             { return oerr(401, "invalid_client", "client authentication failed") }

// writeJSON writes v with the no-store headers RFC 6749 §5.1 requires of
// token responses (harmless on the others).
func writeJSON(w http.ResponseWriter, status int, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	h.Set("Pragma", "no-cache")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) writeOAuthError(w http.ResponseWriter, err error) {
	oe, ok := err.(*oauthError)
	if !ok {
		s.logger.Error("oauth endpoint failed", "err", err)
		oe = oerr(500, "server_error", "internal error")
		if apperr.Is(err, apperr.Unavailable) {
			oe = oerr(503, "temporarily_unavailable", "try again later")
		}
	}
	if oe.status == 401 {
		w.Header().Set("WWW-Authenticate", `Basic realm="parley", charset="UTF-8"`)
	}
	writeJSON(w, oe.status, oe)
}

// maxFormBytes bounds OAuth request bodies.
const maxFormBytes = 16 << 10

// parseForm reads an application/x-www-form-urlencoded body, refusing other
// media types, query parameters on POST (RFC 6749 §3.2: credentials must not
// travel in the URL) and repeated parameters (RFC 6749 §3.1/§3.2).
func parseForm(w http.ResponseWriter, r *http.Request) (url.Values, error) {
	ct := r.Header.Get("Content-Type")
	if mt, _, _ := strings.Cut(ct, ";"); !strings.EqualFold(strings.TrimSpace(mt), "application/x-www-form-urlencoded") {
		return nil, invalidRequest("content type must be application/x-www-form-urlencoded")
	}
	if r.URL.RawQuery != "" {
		return nil, invalidRequest("parameters must be sent in the body")
	}
	tooLarge := oerr(http.StatusRequestEntityTooLarge, "invalid_request", "request body exceeds "+strconv.Itoa(maxFormBytes)+" bytes")
	if r.ContentLength > maxFormBytes {
		return nil, tooLarge // before reading: no 100 Continue for a body refused anyway
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, tooLarge
		}
		return nil, invalidRequest("malformed form body")
	}
	for k, v := range r.PostForm {
		if len(v) > 1 {
			return nil, invalidRequest("parameter " + k + " repeated")
		}
	}
	return r.PostForm, nil
}

// authenticateClient implements client_secret_basic and client_secret_post
// (RFC 6749 §2.3.1); a public client names itself with client_id only.
// Using both methods at once is refused (§2.3). It returns the client and
// whether it proved a secret.
func (s *Server) authenticateClient(r *http.Request, form url.Values) (Client, bool, error) {
	if len(r.Header.Values("Authorization")) > 1 {
		return Client{}, false, invalidRequest("send one Authorization header, not several")
	}
	id, secret, basic := r.BasicAuth()
	if !basic && r.Header.Get("Authorization") != "" {
		// A Bearer token or a Basic header that does not decode is a
		// failed authentication, not an absent one: falling back to the
		// body's credentials would accept two methods at once (§2.3).
		return Client{}, false, invalidClient()
	}
	if basic {
		if form.Has("client_secret") {
			return Client{}, false, invalidRequest("use one client authentication method")
		}
		var err1, err2 error
		id, err1 = url.QueryUnescape(id)
		secret, err2 = url.QueryUnescape(secret)
		if err1 != nil || err2 != nil {
			return Client{}, false, invalidClient()
		}
		if fid := form.Get("client_id"); fid != "" && fid != id {
			return Client{}, false, invalidRequest("client_id does not match the authenticated client")
		}
	} else {
		id, secret = form.Get("client_id"), form.Get("client_secret")
	}
	if id == "" {
		return Client{}, false, invalidClient()
	}
	c, err := s.store.GetClient(r.Context(), id)
	if apperr.Is(err, apperr.NotFound) {
		// Spend the same HMAC as for a known client.
		s.cfg.Pepper.Equal(PurposeClientSecret, secret, nil)
		return Client{}, false, invalidClient()
	}
	if err != nil {
		return Client{}, false, err
	}
	if c.SecretHash == nil {
		if secret != "" || basic {
			return Client{}, false, invalidClient()
		}
		return c, false, nil
	}
	if secret == "" || !s.cfg.Pepper.Equal(PurposeClientSecret, secret, c.SecretHash) {
		s.logger.Warn("client authentication failed", "event", "client_auth_failed", "client_id", id)
		return Client{}, false, invalidClient()
	}
	return c, true, nil
}

func hasGrant(c Client, g string) bool {
	for _, x := range c.GrantTypes {
		if x == g {
			return true
		}
	}
	return false
}
