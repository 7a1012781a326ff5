package auth

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"hash"
	"time"

	"github.com/go-jose/go-jose/v4/jwt"

	"github.com/parleyhq/parley/internal/apperr"
)

// IDClaims are what an OpenID Connect ID token says (OIDC Core §2).
type IDClaims struct {
	Subject     string // the user id
	ClientID    string // the sole audience
	Nonce       string // echoed from the authorization request ("" when none)
	AuthTime    time.Time
	ExpiresAt   time.Time
	AccessToken string // issued alongside; its hash goes in at_hash
}

type idWireClaims struct {
	jwt.Claims
	AuthTime int64  `json:"auth_time"`
	Nonce    string `json:"nonce,omitempty"`
	AtHash   string `json:"at_hash,omitempty"`
	// Azp is the authorized party; with a single audience it equals aud
	// (OIDC Core §2) but some relying parties want it anyway.
	Azp string `json:"azp"`
}

// IssueID signs an ID token with the current key. It has typ JWT, not
// at+jwt, so Verify refuses it as an access token.
func (t *Tokens) IssueID(c IDClaims) (string, error) {
	ks := t.keys.Load()
	w := idWireClaims{
		Claims: jwt.Claims{Issuer: t.issuer, Subject: c.Subject, Audience: jwt.Audience{c.ClientID},
			IssuedAt: jwt.NewNumericDate(t.now()), Expiry: jwt.NewNumericDate(c.ExpiresAt)},
		AuthTime: c.AuthTime.Unix(), Nonce: c.Nonce, Azp: c.ClientID,
	}
	if c.AccessToken != "" {
		w.AtHash = atHash(ks.current.Algorithm, c.AccessToken)
	}
	s, err := jwt.Signed(ks.idSigner).Claims(w).Serialize()
	if err != nil {
		return "", apperr.Wrap(apperr.Internal, err, "sign ID token")
	}
	return s, nil
}

// atHash is the left half of the hash of the access token, base64url
// (OIDC Core §3.1.3.6). The hash follows the signature's: SHA-256 for
// ES256, SHA-512 for EdDSA (Ed25519 signs with SHA-512; go-oidc and the
// OpenID errata agree).
func atHash(alg, accessToken string) string {
	var h hash.Hash = sha256.New()
	if alg == AlgEdDSA {
		h = sha512.New()
	}
	h.Write([]byte(accessToken))
	sum := h.Sum(nil)
	return base64.RawURLEncoding.EncodeToString(sum[:len(sum)/2])
}
