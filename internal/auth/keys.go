package auth

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/go-jose/go-jose/v4"

	"github.com/parleyhq/parley/internal/apperr"
)

// Signing algorithms Parley issues and accepts. Only asymmetric ones: a
// verifier that also accepted HMAC could be fooled into using a public key
// as an HMAC secret (the "alg confusion" class, e.g. CVE-2016-10555).
const (
	AlgES256 = string(jose.ES256)
	AlgEdDSA = string(jose.EdDSA)
)

var allowedAlgs = []jose.SignatureAlgorithm{jose.ES256, jose.EdDSA}

// SigningKey is one token-signing key.
type SigningKey struct {
	ID        string
	Algorithm string // AlgES256 or AlgEdDSA
	Private   crypto.Signer
	CreatedAt time.Time
	// RetiredAt is when the key stopped signing (zero: it is the current
	// key). A retired key still verifies tokens until they expire.
	RetiredAt time.Time
}

// GenerateSigningKey makes a new key for alg.
func GenerateSigningKey(alg string, now time.Time) (SigningKey, error) {
	var priv crypto.Signer
	switch alg {
	case AlgES256:
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			return SigningKey{}, fmt.Errorf("generate P-256 key: %w", err)
		}
		priv = k
	case AlgEdDSA:
		_, k, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return SigningKey{}, fmt.Errorf("generate Ed25519 key: %w", err)
		}
		priv = k
	default:
		return SigningKey{}, apperr.New(apperr.Invalid, "unsupported signing algorithm %q (want ES256 or EdDSA)", alg)
	}
	return SigningKey{ID: RandomToken(12), Algorithm: alg, Private: priv, CreatedAt: now.UTC()}, nil
}

// MarshalPrivate encodes the private key as a JWK, for storage.
func (k SigningKey) MarshalPrivate() ([]byte, error) {
	return json.Marshal(jose.JSONWebKey{Key: k.Private, KeyID: k.ID, Algorithm: k.Algorithm, Use: "sig"})
}

// ParseSigningKey decodes a stored private JWK; the id and algorithm must
// match the record's (apperr.Internal otherwise).
func ParseSigningKey(id, alg string, data []byte, created, retired time.Time) (SigningKey, error) {
	var jwk jose.JSONWebKey
	if err := json.Unmarshal(data, &jwk); err != nil {
		return SigningKey{}, apperr.Wrap(apperr.Internal, err, "signing key %s: bad JWK", id)
	}
	signer, ok := jwk.Key.(crypto.Signer)
	if !ok || jwk.IsPublic() || jwk.KeyID != id || jwk.Algorithm != alg || !slices.Contains(allowedAlgs, jose.SignatureAlgorithm(alg)) {
		return SigningKey{}, apperr.New(apperr.Internal, "signing key %s: not a private %s key", id, alg)
	}
	return SigningKey{ID: id, Algorithm: alg, Private: signer, CreatedAt: created, RetiredAt: retired}, nil
}

// KeySet is the keys in force at one time: one current signing key and the
// retired keys whose tokens may still be valid. It is immutable; rotation
// builds a new set.
type KeySet struct {
	current SigningKey
	signer  jose.Signer // access tokens: typ at+jwt
	// idSigner signs ID tokens with the same key but typ JWT, so neither
	// kind of token can pass for the other (RFC 8725 §3.11).
	idSigner jose.Signer
	public   map[string]jose.JSONWebKey
	order    []string // key ids, newest first, for a stable JWKS
}

// NewKeySet builds a set from keys: the newest key without RetiredAt signs,
// every key verifies. apperr.Invalid when there is no current key.
func NewKeySet(keys []SigningKey) (*KeySet, error) {
	ks := &KeySet{public: make(map[string]jose.JSONWebKey, len(keys))}
	sorted := slices.Clone(keys)
	slices.SortFunc(sorted, func(a, b SigningKey) int { return b.CreatedAt.Compare(a.CreatedAt) })
	for _, k := range sorted {
		if !slices.Contains(allowedAlgs, jose.SignatureAlgorithm(k.Algorithm)) {
			return nil, apperr.New(apperr.Invalid, "signing key %s has unsupported algorithm %q", k.ID, k.Algorithm)
		}
		if _, dup := ks.public[k.ID]; dup {
			return nil, apperr.New(apperr.Invalid, "duplicate signing key id %s", k.ID)
		}
		ks.public[k.ID] = jose.JSONWebKey{Key: k.Private.Public(), KeyID: k.ID, Algorithm: k.Algorithm, Use: "sig"}
		ks.order = append(ks.order, k.ID)
		if k.RetiredAt.IsZero() && ks.signer == nil {
			s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.SignatureAlgorithm(k.Algorithm),
				Key: jose.JSONWebKey{Key: k.Private, KeyID: k.ID}}, (&jose.SignerOptions{}).WithType(TokenType))
			if err != nil {
				return nil, fmt.Errorf("signer for key %s: %w", k.ID, err)
			}
			ids, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.SignatureAlgorithm(k.Algorithm),
				Key: jose.JSONWebKey{Key: k.Private, KeyID: k.ID}}, (&jose.SignerOptions{}).WithType("JWT"))
			if err != nil {
				return nil, fmt.Errorf("ID token signer for key %s: %w", k.ID, err)
			}
			ks.current, ks.signer, ks.idSigner = k, s, ids
		}
	}
	if ks.signer == nil {
		return nil, apperr.New(apperr.Invalid, "no current signing key")
	}
	return ks, nil
}

// CurrentKeyID names the key that signs new tokens.
func (ks *KeySet) CurrentKeyID() string { return ks.current.ID }

// JWKS returns the public keys as a JSON Web Key Set (RFC 7517 §5).
func (ks *KeySet) JWKS() jose.JSONWebKeySet {
	out := jose.JSONWebKeySet{Keys: make([]jose.JSONWebKey, 0, len(ks.order))}
	for _, id := range ks.order {
		out.Keys = append(out.Keys, ks.public[id])
	}
	return out
}

// verificationKey returns the public key with id when it is meant for alg.
func (ks *KeySet) verificationKey(id, alg string) (jose.JSONWebKey, bool) {
	k, ok := ks.public[id]
	if !ok || k.Algorithm != alg {
		return jose.JSONWebKey{}, false
	}
	return k, true
}
