package auth

import (
	"context"
	"time"
)

// Client is a registered OAuth 2.0 client.
type Client struct {
	ID   string
	Name string
	// SecretHash is Pepper.Hash(PurposeClientSecret, secret); nil for a
	// public client (which must use PKCE and cannot use client_credentials).
	SecretHash   []byte
	RedirectURIs []string // exact-match list (RFC 9700 §2.1)
	Scopes       Scopes   // the most this client may be granted
	GrantTypes   []string // e.g. "client_credentials", "authorization_code", "refresh_token"
	CreatedAt    time.Time
}

// Clients keeps OAuth clients.
type Clients interface {
	// CreateClient inserts c; apperr.Conflict if the id exists.
	CreateClient(ctx context.Context, c Client) error
	// GetClient returns the client, or apperr.NotFound.
	GetClient(ctx context.Context, id string) (Client, error)
	// ListClients returns every client, oldest first.
	ListClients(ctx context.Context) ([]Client, error)
}

// User is a person who can sign in.
type User struct {
	ID           string
	Username     string // unique, compared exactly (callers normalise case)
	PasswordHash string // PHC string (Passwords.Hash)
	Role         Role
	CreatedAt    time.Time
}

// Users keeps user accounts.
type Users interface {
	// CreateUser inserts u; apperr.Conflict if the id or username exists.
	CreateUser(ctx context.Context, u User) error
	// GetUser returns the user with id, or apperr.NotFound.
	GetUser(ctx context.Context, id string) (User, error)
	// GetUserByUsername returns the user, or apperr.NotFound.
	GetUserByUsername(ctx context.Context, username string) (User, error)
	// SetPasswordHash replaces a user's hash (after a rehash or a password
	// change); apperr.NotFound if the user does not exist.
	SetPasswordHash(ctx context.Context, id, hash string) error
}

// APIKey is a long-lived credential. The key itself is never stored.
type APIKey struct {
	ID         string
	Name       string
	Hash       []byte // Pepper.Hash(PurposeAPIKey, key); unique
	Hint       string // APIKeyHint(key), for listings
	Scopes     Scopes
	CreatedAt  time.Time
	ExpiresAt  time.Time // zero: never
	LastUsedAt time.Time // zero: never used
	RevokedAt  time.Time // zero: active
}

// APIKeys keeps API keys.
type APIKeys interface {
	// CreateAPIKey inserts k; apperr.Conflict if the id or hash exists.
	CreateAPIKey(ctx context.Context, k APIKey) error
	// GetAPIKeyByHash returns the key with hash (revoked and expired ones
	// included: the caller decides), or apperr.NotFound.
	GetAPIKeyByHash(ctx context.Context, hash []byte) (APIKey, error)
	// ListAPIKeys returns every key, oldest first.
	ListAPIKeys(ctx context.Context) ([]APIKey, error)
	// RevokeAPIKey marks the key revoked at at (idempotent: the first time
	// is kept); apperr.NotFound if no key has id.
	RevokeAPIKey(ctx context.Context, id string, at time.Time) error
	// TouchAPIKey records a use at at. It only moves LastUsedAt forward.
	// apperr.NotFound if no key has id.
	TouchAPIKey(ctx context.Context, id string, at time.Time) error
}

// StoredSigningKey is a signing key as kept in the database.
type StoredSigningKey struct {
	ID        string
	Algorithm string
	// PrivateJWK is the private key as the auth service sealed it
	// (AES-256-GCM, see SealSigningKey), or the plaintext JWK in rows
	// written before sealing. The store keeps it opaque.
	PrivateJWK []byte
	CreatedAt  time.Time
	RetiredAt  time.Time // zero: current
	// ExpiresAt is when the key may be forgotten: retirement plus the
	// longest token lifetime (zero while current).
	ExpiresAt time.Time
}

// SigningKeys keeps token-signing keys.
type SigningKeys interface {
	// RotateSigningKey, in one transaction, retires the current key(s) at
	// now with expiry keepUntil, inserts next as the current key, and
	// deletes keys whose ExpiresAt is before now. The first call (no key
	// yet) just inserts. apperr.Conflict if next.ID exists.
	RotateSigningKey(ctx context.Context, next StoredSigningKey, now, keepUntil time.Time) error
	// SigningKeys returns the keys not expired at now, newest first.
	SigningKeys(ctx context.Context, now time.Time) ([]StoredSigningKey, error)
	// ReplaceSigningKeyMaterial sets key id's PrivateJWK to next if it is
	// still old (compare and swap, so replicas re-sealing the same row at
	// start-up do not overwrite each other) and reports whether it did.
	ReplaceSigningKeyMaterial(ctx context.Context, id string, old, next []byte) (bool, error)
}

// AuthCode is an issued authorization code (RFC 6749 §4.1.2).
type AuthCode struct {
	Hash          []byte // Pepper.Hash(PurposeAuthCode, code)
	ClientID      string
	UserID        string
	RedirectURI   string
	Scopes        Scopes
	CodeChallenge string // S256
	// Nonce is the OpenID Connect nonce of the request ("" when none),
	// echoed in the ID token.
	Nonce     string
	CreatedAt time.Time
	ExpiresAt time.Time
	// FamilyID is set once the code has been exchanged: the refresh family
	// it started, revoked if the code is presented again.
	FamilyID string
}

// AuthCodes keeps authorization codes.
type AuthCodes interface {
	// CreateAuthCode inserts c; apperr.Conflict if the hash exists.
	CreateAuthCode(ctx context.Context, c AuthCode) error
	// ConsumeAuthCode atomically marks the code used by family familyID and
	// returns it. apperr.NotFound if unknown or expired at now;
	// apperr.Conflict if it was already used (the returned code then carries
	// the FamilyID of the first use, so the caller can revoke it, RFC 6749 §4.1.2).
	ConsumeAuthCode(ctx context.Context, hash []byte, familyID string, now time.Time) (AuthCode, error)
}

// RefreshToken is one refresh token in a rotation family.
type RefreshToken struct {
	Hash      []byte // Pepper.Hash(PurposeRefreshToken, token)
	FamilyID  string
	ClientID  string
	Subject   string // user id
	Scopes    Scopes
	CreatedAt time.Time
	ExpiresAt time.Time
}

// RefreshTokens keeps refresh tokens, grouped in families: every rotation
// adds a token to the family of the one it replaces (RFC 9700 §4.14.2).
type RefreshTokens interface {
	// CreateRefreshToken inserts t, starting its family if new.
	// apperr.Conflict if the hash exists.
	CreateRefreshToken(ctx context.Context, t RefreshToken) error
	// RotateRefreshToken atomically marks the token with oldHash used and
	// inserts next into its family, returning the old token. Exactly one of
	// concurrent calls with the same oldHash succeeds. apperr.NotFound if
	// the token is unknown or expired at now; apperr.Conflict if it was
	// already used or its family revoked, in which case the whole family has
	// been revoked before returning (reuse detection).
	RotateRefreshToken(ctx context.Context, oldHash []byte, next RefreshToken, now time.Time) (RefreshToken, error)
	// GetRefreshToken returns an active (unused, unrevoked, unexpired at now)
	// token, or apperr.NotFound.
	GetRefreshToken(ctx context.Context, hash []byte, now time.Time) (RefreshToken, error)
	// RevokeRefreshFamily revokes every token of the family at now
	// (idempotent; unknown families are not an error).
	RevokeRefreshFamily(ctx context.Context, familyID string, now time.Time) error
}

// RevokedTokens remembers revoked access-token ids until they expire.
type RevokedTokens interface {
	// RevokeAccessToken records jti as revoked until expiresAt (idempotent).
	RevokeAccessToken(ctx context.Context, jti string, expiresAt time.Time) error
	// AccessTokenRevoked reports whether jti was revoked.
	AccessTokenRevoked(ctx context.Context, jti string) (bool, error)
}

// Lockouts counts failed sign-ins per key (a normalised username).
type Lockouts interface {
	// RecordLoginFailure adds one failure at now and returns the count of
	// consecutive failures including it.
	RecordLoginFailure(ctx context.Context, key string, now time.Time) (int, error)
	// LoginFailures returns the consecutive failures and the time of the
	// last (0 and zero time when none).
	LoginFailures(ctx context.Context, key string) (int, time.Time, error)
	// ResetLoginFailures clears the count after a successful sign-in.
	ResetLoginFailures(ctx context.Context, key string) error
}

// Quotas keeps monthly usage counters per subject (client, key or user).
type Quotas interface {
	// AddUsage adds n to subject's usage in month ("2006-01") if the result
	// stays within limit, atomically, and returns the new usage. When it
	// would exceed limit, nothing changes and it returns apperr.RateLimited
	// with the current usage.
	AddUsage(ctx context.Context, subject, month string, n, limit int64) (int64, error)
	// Usage returns subject's usage in month (0 when none).
	Usage(ctx context.Context, subject, month string) (int64, error)
}

// Store is every port the auth service needs.
type Store interface {
	Clients
	Users
	APIKeys
	SigningKeys
	AuthCodes
	RefreshTokens
	RevokedTokens
	Lockouts
	Quotas
}
