package auth

import (
	"slices"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
)

// Well-known scopes. ScopeProfilesRead is checked by no parley route
// (every profile GET /v1/profiles/{slug} serves is public) and so is not
// in discovery's scopes_supported; roles still grant it so that tokens and
// clients holding it keep working, and a gateway route may check it.
const (
	ScopeProfilesRead  = "profiles:read"
	ScopeProfilesWrite = "profiles:write"
	ScopeAdmin         = "admin"
	ScopeOpenID        = "openid"
)

// Scopes is a set of scope tokens, kept sorted and without duplicates so
// that two equal sets render to the same string.
type Scopes []string

// maxScopeLen bounds the scope parameter so that parsing stays cheap.
const maxScopeLen = 1024

// ParseScope parses a space-delimited scope parameter (RFC 6749 §3.3):
// scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). Tokens are separated by
// single spaces; empty input is the empty set. Anything else is
// apperr.Invalid (the OAuth invalid_scope error).
func ParseScope(s string) (Scopes, error) {
	if len(s) > maxScopeLen {
		return nil, apperr.New(apperr.Invalid, "scope is longer than %d bytes", maxScopeLen)
	}
	if s == "" {
		return Scopes{}, nil
	}
	parts := strings.Split(s, " ")
	for _, p := range parts {
		if p == "" {
			return nil, apperr.New(apperr.Invalid, "scope has an empty token (RFC 6749 §3.3: tokens are separated by single spaces)")
		}
		for i := 0; i < len(p); i++ {
			c := p[i]
			if c < 0x21 || c == 0x22 || c == 0x5c || c > 0x7e {
				return nil, apperr.New(apperr.Invalid, "scope token %q has a character outside RFC 6749 §3.3 NQCHAR", p)
			}
		}
	}
	return NewScopes(parts...), nil
}

// NewScopes builds a set from tokens (assumed valid).
func NewScopes(tokens ...string) Scopes {
	out := slices.Clone(tokens)
	slices.Sort(out)
	return slices.Compact(out)
}

// String renders the set as a scope parameter.
func (s Scopes) String() string { return strings.Join(s, " ") }

// Has reports whether the set holds token.
func (s Scopes) Has(token string) bool {
	_, ok := slices.BinarySearch(s, token)
	return ok
}

// Within reports whether every token of s is also in allowed.
func (s Scopes) Within(allowed Scopes) bool {
	for _, t := range s {
		if !allowed.Has(t) {
			return false
		}
	}
	return true
}

// Intersect returns the tokens in both sets.
func (s Scopes) Intersect(o Scopes) Scopes {
	out := Scopes{}
	for _, t := range s {
		if o.Has(t) {
			out = append(out, t)
		}
	}
	return out
}
