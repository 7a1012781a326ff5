package auth

import (
	"fmt"

	"github.com/parleyhq/parley/internal/apperr"
)

// Requirement is what one route demands of its caller.
type Requirement struct {
	// Anonymous routes need no credentials (a principal may still be set).
	Anonymous bool
	// Scope, when set, must have been granted to the caller.
	Scope string
	// Role, when set, must be held by a user caller; machine callers satisfy
	// it only with the admin scope.
	Role Role
}

// Check reports whether p satisfies the requirement: nil, apperr.Unauthorized
// without a principal, apperr.Forbidden when it lacks the scope or role.
func (r Requirement) Check(p *Principal) error {
	if r.Anonymous {
		return nil
	}
	if p == nil {
		return apperr.New(apperr.Unauthorized, "authentication required")
	}
	if r.Scope != "" && !p.HasScope(r.Scope) {
		return apperr.New(apperr.Forbidden, "the credentials lack the scope %q", r.Scope)
	}
	if r.Role != "" {
		ok := p.Role.AtLeast(r.Role) || (p.Kind != KindUser && p.HasScope(ScopeAdmin))
		if !ok {
			return apperr.New(apperr.Forbidden, "the role %q is required", r.Role)
		}
	}
	return nil
}

// Policy maps each route, by its http.ServeMux pattern ("PUT /v1/profiles/{slug}"),
// to its requirement. It is the one place that says who may call what; a
// route missing from it is refused (see Lookup).
type Policy map[string]Requirement

// DefaultPolicy is Parley's route table.
func DefaultPolicy() Policy {
	return Policy{
		"GET /healthz":                          {Anonymous: true},
		"GET /readyz":                           {Anonymous: true},
		"GET /metrics":                          {Anonymous: true},
		"GET /.well-known/openid-configuration": {Anonymous: true},
		"GET /.well-known/oauth-authorization-server": {Anonymous: true},
		"GET /oauth/jwks":                    {Anonymous: true},
		"POST /oauth/token":                  {Anonymous: true}, // client auth is part of the grant
		"POST /oauth/revoke":                 {Anonymous: true},
		"POST /oauth/introspect":             {Anonymous: true}, // requires client auth itself
		"GET /oauth/authorize":               {Anonymous: true},
		"POST /oauth/authorize":              {Anonymous: true},
		"POST /v1/sessions":                  {Anonymous: true},
		"POST /v1/sessions/{id}/messages":    {Anonymous: true},
		"GET /v1/sessions/{id}/messages":     {Anonymous: true},
		"POST /v1/sessions/{id}/voice":       {Anonymous: true},
		"GET /v1/sessions/{id}/voice/stream": {Anonymous: true},
		"GET /v1/profiles/{slug}":            {Anonymous: true},
		"PUT /v1/profiles/{slug}":            {Scope: ScopeProfilesWrite},
		"GET /v1/admin/":                     {Role: RoleAdmin},
		"GET /v1/admin/caches":               {Role: RoleAdmin},
		"POST /v1/admin/":                    {Role: RoleAdmin},
	}
}

// Scopes are the scopes the table gives a meaning: every route's Scope,
// admin when a route needs a role (machine callers meet a role with the
// admin scope), and openid, which asks the authorization-code flow for an
// ID token. OIDC discovery advertises exactly these (scopes_supported), so
// no advertised scope is one that no route checks.
func (p Policy) Scopes() Scopes {
	out := []string{ScopeOpenID}
	for _, r := range p {
		if r.Scope != "" {
			out = append(out, r.Scope)
		}
		if r.Role != "" {
			out = append(out, ScopeAdmin)
		}
	}
	return NewScopes(out...)
}

// Lookup returns the requirement of pattern. A pattern not in the table
// yields an error, so that a route added without a policy entry is refused
// rather than open.
func (p Policy) Lookup(pattern string) (Requirement, error) {
	r, ok := p[pattern]
	if !ok {
		return Requirement{}, apperr.Wrap(apperr.Forbidden, fmt.Errorf("route %q has no policy entry", pattern), "access denied")
	}
	return r, nil
}
