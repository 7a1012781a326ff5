package auth

import (
	"context"
	"time"
)

// Role is a user's role. Roles are ordered: admin > editor > viewer.
type Role string

// The roles.
const (
	RoleAdmin  Role = "admin"
	RoleEditor Role = "editor"
	RoleViewer Role = "viewer"
)

func (r Role) rank() int {
	switch r {
	case RoleAdmin:
		return 3
	case RoleEditor:
		return 2
	case RoleViewer:
		return 1
	}
	return 0
}

// Valid reports whether r is one of the defined roles.
func (r Role) Valid() bool { return r.rank() > 0 }

// AtLeast reports whether r grants everything min grants.
func (r Role) AtLeast(min Role) bool { return r.rank() >= min.rank() && r.rank() > 0 }

// Scopes returns what a user with role r may be granted: a token for a user
// carries the requested scopes intersected with these.
func (r Role) Scopes() Scopes {
	switch r {
	case RoleAdmin:
		return NewScopes(ScopeOpenID, ScopeProfilesRead, ScopeProfilesWrite, ScopeAdmin)
	case RoleEditor:
		return NewScopes(ScopeOpenID, ScopeProfilesRead, ScopeProfilesWrite)
	case RoleViewer:
		return NewScopes(ScopeOpenID, ScopeProfilesRead)
	}
	return Scopes{}
}

// PrincipalKind says how a caller proved who it is.
type PrincipalKind string

// The kinds of principal.
const (
	KindUser   PrincipalKind = "user"   // a person, through the authorization-code flow
	KindClient PrincipalKind = "client" // a machine client, through client credentials
	KindAPIKey PrincipalKind = "apikey" // an API key
)

// Principal is an authenticated caller.
type Principal struct {
	Kind     PrincipalKind
	Subject  string // user id, client id, or API key id
	ClientID string // the OAuth client the token was issued to ("" for API keys)
	Scopes   Scopes
	Role     Role   // users only
	TokenID  string // jti of the access token, or the API key id
	// ExpiresAt is when the credential stops working (zero: never).
	ExpiresAt time.Time
}

// HasScope reports whether the principal was granted scope.
func (p *Principal) HasScope(scope string) bool { return p != nil && p.Scopes.Has(scope) }

type principalKey struct{}

// NewContextWithPrincipal returns ctx carrying p.
func NewContextWithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFromContext returns the caller set by Authenticate, or nil for an
// anonymous request.
func PrincipalFromContext(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}
