package auth

import (
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
)

// maxCredentialLen bounds what we parse from an Authorization header.
const maxCredentialLen = 8192

// ParseBearer extracts the token from an Authorization header value of the
// form `Bearer <b64token>` (RFC 6750 §2.1). The scheme is case-insensitive
// (RFC 9110 §11.1); the token must match b64token
// (1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="). An empty
// header is apperr.Unauthorized (no credentials); anything malformed is
// apperr.Unauthorized too, with a message naming the problem.
func ParseBearer(header string) (string, error) {
	if header == "" {
		return "", apperr.New(apperr.Unauthorized, "authentication required")
	}
	if len(header) > maxCredentialLen {
		return "", apperr.New(apperr.Unauthorized, "authorization header too long")
	}
	scheme, token, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", apperr.New(apperr.Unauthorized, "authorization scheme must be Bearer")
	}
	token = strings.TrimLeft(token, " ")
	if !isB64Token(token) {
		return "", apperr.New(apperr.Unauthorized, "malformed bearer token")
	}
	return token, nil
}

func isB64Token(s string) bool {
	if s == "" {
		return false
	}
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && !strings.ContainsRune("-._~+/", rune(c)) {
			break
		}
	}
	if i == 0 {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] != '=' {
			return false
		}
	}
	return true
}
