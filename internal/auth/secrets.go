package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"hash/crc32"
	"math/big"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
)

// Pepper keys every hash of a bearer secret (API keys, client secrets,
// refresh tokens, authorization codes). Without it, a stolen database is not
// enough to test guesses offline, and because the secrets are random and
// long, HMAC-SHA256 suffices (no slow hash needed, unlike passwords).
type Pepper []byte

// MinPepperLen is the shortest pepper accepted.
const MinPepperLen = 32

// Validate reports a pepper too short to key the hashes.
func (p Pepper) Validate() error {
	if len(p) < MinPepperLen {
		return apperr.New(apperr.Invalid, "auth pepper must be at least %d bytes", MinPepperLen)
	}
	return nil
}

// Hash returns HMAC-SHA256(pepper, purpose || 0x00 || secret). The purpose
// separates domains, so a refresh token can never match an API key hash.
func (p Pepper) Hash(purpose, secret string) []byte {
	m := hmac.New(sha256.New, p)
	m.Write([]byte(purpose))
	m.Write([]byte{0})
	m.Write([]byte(secret))
	return m.Sum(nil)
}

// Equal compares a secret with a stored hash in constant time.
func (p Pepper) Equal(purpose, secret string, stored []byte) bool {
	return hmac.Equal(p.Hash(purpose, secret), stored)
}

// Purposes for Pepper.Hash.
const (
	PurposeAPIKey       = "apikey"
	PurposeClientSecret = "client_secret"
	PurposeRefreshToken = "refresh_token"
	PurposeAuthCode     = "auth_code"
	PurposeCSRF         = "csrf"
)

// RandomToken returns n random bytes as unpadded base64url: the form used for
// client secrets, refresh tokens and authorization codes.
func RandomToken(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return base64.RawURLEncoding.EncodeToString(b)
}

// NewClientSecret returns a fresh client secret of 256 bits.
func NewClientSecret() string { return RandomToken(32) }

// NewID returns a random identifier with 128 bits of entropy.
func NewID() string { return RandomToken(16) }

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// API key layout: prefix, 32 random base62 characters (about 190 bits), and
// a 6-character base62 CRC32 of the random part, after GitHub's token
// format: the prefix lets secret scanners find leaked keys and the checksum
// lets them (and us) reject typos without a database lookup.
const (
	APIKeyPrefix      = "parley_"
	apiKeyRandomLen   = 32
	apiKeyChecksumLen = 6
	apiKeyLen         = len(APIKeyPrefix) + apiKeyRandomLen + apiKeyChecksumLen
)

// NewAPIKey returns a fresh API key.
func NewAPIKey() string {
	var sb strings.Builder
	sb.WriteString(APIKeyPrefix)
	limit := big.NewInt(int64(len(base62)))
	body := make([]byte, apiKeyRandomLen)
	for i := range body {
		n, _ := rand.Int(rand.Reader, limit)
		body[i] = base62[n.Int64()]
	}
	sb.Write(body)
	sb.WriteString(checksum62(body))
	return sb.String()
}

func checksum62(body []byte) string {
	c := uint64(crc32.ChecksumIEEE(body))
	out := make([]byte, apiKeyChecksumLen)
	for i := apiKeyChecksumLen - 1; i >= 0; i-- {
		out[i] = base62[c%62]
		c /= 62
	}
	return string(out)
}

// LooksLikeAPIKey reports whether s has the API key prefix; such a bearer
// credential is checked as an API key, anything else as a JWT.
func LooksLikeAPIKey(s string) bool { return strings.HasPrefix(s, APIKeyPrefix) }

// CheckAPIKey verifies the format and checksum of an API key without any
// lookup; apperr.Unauthorized when it is not a well-formed Parley key.
func CheckAPIKey(s string) error {
	if len(s) != apiKeyLen || !strings.HasPrefix(s, APIKeyPrefix) {
		return apperr.New(apperr.Unauthorized, "malformed API key")
	}
	body := s[len(APIKeyPrefix) : len(APIKeyPrefix)+apiKeyRandomLen]
	for i := 0; i < len(s)-len(APIKeyPrefix); i++ {
		if strings.IndexByte(base62, s[len(APIKeyPrefix)+i]) < 0 {
			return apperr.New(apperr.Unauthorized, "malformed API key")
		}
	}
	if checksum62([]byte(body)) != s[len(s)-apiKeyChecksumLen:] {
		return apperr.New(apperr.Unauthorized, "API key checksum mismatch")
	}
	return nil
}

// APIKeyHint is the part of a key safe to display in listings.
func APIKeyHint(key string) string {
	if len(key) < len(APIKeyPrefix)+4 {
		return APIKeyPrefix
	}
	return key[:len(APIKeyPrefix)+4] + "…"
}
