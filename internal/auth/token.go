package auth

import (
	"crypto/sha256"
	"errors"
	"strings"
	"sync/atomic"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"github.com/maypok86/otter/v2"

	"github.com/parleyhq/parley/internal/apperr"
)

// TokenType is the JOSE "typ" of access tokens (RFC 9068 §2.1). Checking it
// keeps an ID token or any other JWT signed by the same keys from being
// accepted as an access token (token substitution, RFC 8725 §3.11).
const TokenType = "at+jwt"

// maxTokenLen bounds the size of a token we are willing to parse.
const maxTokenLen = 8192

// AccessClaims are the claims of an access token (RFC 9068 §2.2).
type AccessClaims struct {
	Issuer    string
	Subject   string
	Audience  []string
	ClientID  string
	Scopes    Scopes
	Roles     []string // RFC 9068 §2.2.3.1; the user's role, if any
	IssuedAt  time.Time
	NotBefore time.Time
	ExpiresAt time.Time
	ID        string // jti
	// GrantID names the grant a user's token came from (the refresh
	// family, claim sid); revoking the grant revokes its access tokens
	// too (RFC 6749 §4.1.2, RFC 7009 §2.1). Empty for client credentials.
	GrantID string
}

type wireClaims struct {
	jwt.Claims
	ClientID string   `json:"client_id"`
	Scope    string   `json:"scope,omitempty"`
	Roles    []string `json:"roles,omitempty"`
	GrantID  string   `json:"sid,omitempty"`
}

// Tokens issues and verifies access tokens for one issuer and audience.
// The key set can be swapped at run time (after a rotation) with SetKeys.
type Tokens struct {
	issuer   string
	audience string
	leeway   time.Duration
	now      func() time.Time
	keys     atomic.Pointer[KeySet]
	// seen memoises signature checks by the token's digest: the same bytes
	// always verify the same way, so a token presented again skips the
	// ECDSA/EdDSA work. Claims (exp, nbf, iss, aud) and the key's presence
	// in the current set are still checked on every call.
	seen *otter.Cache[[sha256.Size]byte, verifiedSig]
}

// verifiedSig is a token whose signature checked out.
type verifiedSig struct {
	claims wireClaims
	kid    string
	alg    string
}

// seenTokens bounds the memo of verified signatures.
const seenTokens = 50_000

// NewTokens returns a token service. issuer is the configured public URL
// (never taken from a request); audience is the resource server identifier
// put in aud and required on verification. now is the clock (nil: time.Now).
func NewTokens(issuer, audience string, keys *KeySet, now func() time.Time) *Tokens {
	if now == nil {
		now = time.Now
	}
	t := &Tokens{issuer: issuer, audience: audience, leeway: 30 * time.Second, now: now,
		seen: otter.Must(&otter.Options[[sha256.Size]byte, verifiedSig]{MaximumSize: seenTokens})}
	t.keys.Store(keys)
	return t
}

// SetKeys replaces the key set.
func (t *Tokens) SetKeys(ks *KeySet) { t.keys.Store(ks) }

// Keys returns the key set in force.
func (t *Tokens) Keys() *KeySet { return t.keys.Load() }

// Issuer returns the issuer identifier.
func (t *Tokens) Issuer() string { return t.issuer }

// Audience returns the audience tokens are issued for.
func (t *Tokens) Audience() string { return t.audience }

// Issue signs an access token for c, filling iss, aud and iat when empty.
func (t *Tokens) Issue(c AccessClaims) (string, error) {
	if c.Issuer == "" {
		c.Issuer = t.issuer
	}
	if len(c.Audience) == 0 {
		c.Audience = []string{t.audience}
	}
	if c.IssuedAt.IsZero() {
		c.IssuedAt = t.now()
	}
	if c.ID == "" {
		c.ID = NewID()
	}
	w := wireClaims{
		Claims: jwt.Claims{Issuer: c.Issuer, Subject: c.Subject, Audience: jwt.Audience(c.Audience),
			IssuedAt: jwt.NewNumericDate(c.IssuedAt), Expiry: jwt.NewNumericDate(c.ExpiresAt), ID: c.ID},
		ClientID: c.ClientID, Scope: c.Scopes.String(), Roles: c.Roles, GrantID: c.GrantID,
	}
	if !c.NotBefore.IsZero() {
		w.NotBefore = jwt.NewNumericDate(c.NotBefore)
	}
	s, err := jwt.Signed(t.keys.Load().signer).Claims(w).Serialize()
	if err != nil {
		return "", apperr.Wrap(apperr.Internal, err, "sign access token")
	}
	return s, nil
}

func invalidToken(why string) error {
	return apperr.New(apperr.Unauthorized, "invalid access token: %s", why)
}

// Verify checks raw as an access token of this issuer and audience and
// returns its claims. Every failure is apperr.Unauthorized with a message
// naming the check that failed; the checks, in order:
// size; compact JWS with exactly one signature (JWE and JSON serialisation
// refused); alg ES256 or EdDSA only ("none" and HMAC refused, RFC 8725
// §3.1/§3.2); typ at+jwt (RFC 9068 §4); kid of a known key whose algorithm
// matches the header's; signature; iss and aud (RFC 9068 §4, RFC 7519
// §4.1.1/§4.1.3); exp required and in the future, nbf and iat not in the
// future (RFC 7519 §4.1.4-6, with 30 s leeway); sub, client_id, jti present.
func (t *Tokens) Verify(raw string) (AccessClaims, error) {
	if len(raw) > maxTokenLen {
		return AccessClaims{}, invalidToken("too long")
	}
	if strings.Count(raw, ".") != 2 {
		return AccessClaims{}, invalidToken("not a compact JWS")
	}
	if !canonicalSegments(raw) {
		return AccessClaims{}, invalidToken("not canonical base64url")
	}
	digest := sha256.Sum256([]byte(raw))
	if v, ok := t.seen.GetIfPresent(digest); ok {
		if _, ok := t.keys.Load().verificationKey(v.kid, v.alg); !ok {
			return AccessClaims{}, invalidToken("unknown signing key")
		}
		return t.validate(v.claims)
	}
	tok, err := jwt.ParseSigned(raw, allowedAlgs)
	if err != nil {
		return AccessClaims{}, invalidToken("unparseable or disallowed algorithm")
	}
	if len(tok.Headers) != 1 {
		return AccessClaims{}, invalidToken("want exactly one signature")
	}
	h := tok.Headers[0]
	typ, _ := h.ExtraHeaders[jose.HeaderType].(string)
	if !strings.EqualFold(typ, TokenType) && !strings.EqualFold(typ, "application/"+TokenType) {
		return AccessClaims{}, invalidToken("typ is not at+jwt")
	}
	key, ok := t.keys.Load().verificationKey(h.KeyID, h.Algorithm)
	if !ok {
		return AccessClaims{}, invalidToken("unknown signing key")
	}
	var w wireClaims
	if err := tok.Claims(key.Key, &w); err != nil {
		return AccessClaims{}, invalidToken("bad signature")
	}
	c, err := t.validate(w)
	if err == nil {
		t.seen.Set(digest, verifiedSig{claims: w, kid: h.KeyID, alg: h.Algorithm})
	}
	return c, err
}

func (t *Tokens) validate(w wireClaims) (AccessClaims, error) {
	if w.Expiry == nil || w.IssuedAt == nil {
		return AccessClaims{}, invalidToken("exp and iat are required")
	}
	if w.Subject == "" || w.ClientID == "" || w.ID == "" {
		return AccessClaims{}, invalidToken("sub, client_id and jti are required")
	}
	err := w.Claims.ValidateWithLeeway(jwt.Expected{Issuer: t.issuer, AnyAudience: jwt.Audience{t.audience}, Time: t.now()}, t.leeway)
	switch {
	case err == nil:
	case errors.Is(err, jwt.ErrExpired):
		return AccessClaims{}, invalidToken("expired")
	case errors.Is(err, jwt.ErrNotValidYet) || errors.Is(err, jwt.ErrIssuedInTheFuture):
		return AccessClaims{}, invalidToken("not valid yet")
	case errors.Is(err, jwt.ErrInvalidIssuer):
		return AccessClaims{}, invalidToken("wrong issuer")
	case errors.Is(err, jwt.ErrInvalidAudience):
		return AccessClaims{}, invalidToken("wrong audience")
	default:
		return AccessClaims{}, invalidToken("claims rejected")
	}
	scopes, err := ParseScope(w.Scope)
	if err != nil {
		return AccessClaims{}, invalidToken("bad scope claim")
	}
	c := AccessClaims{Issuer: w.Issuer, Subject: w.Subject, Audience: w.Audience, ClientID: w.ClientID, Scopes: scopes,
		Roles: w.Roles, IssuedAt: w.IssuedAt.Time(), ExpiresAt: w.Expiry.Time(), ID: w.ID, GrantID: w.GrantID}
	if w.NotBefore != nil {
		c.NotBefore = w.NotBefore.Time()
	}
	return c, nil
}

// canonicalSegments reports whether each dot-separated segment of raw is
// base64url as an encoder writes it: the decoder go-jose uses ignores the
// unused low bits of a segment's last character, so a token with its last
// character changed (…A to …B) would verify as the same token. A token is
// one string, and a changed one is refused (RFC 4648 §3.5).
func canonicalSegments(raw string) bool {
	for seg := range strings.SplitSeq(raw, ".") {
		var unused uint
		switch len(seg) % 4 {
		case 1:
			return false
		case 2:
			unused = 4
		case 3:
			unused = 2
		default:
			continue
		}
		v := strings.IndexByte(base64URLAlphabet, seg[len(seg)-1])
		if v < 0 || v&(1<<unused-1) != 0 {
			return false
		}
	}
	return true
}

const base64URLAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
