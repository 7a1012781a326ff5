package auth

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"

	"github.com/parleyhq/parley/internal/apperr"
)

// Signing keys are sealed before they reach the database: a copy of the
// database (a backup, a replica, an SQL injection) is then not enough to
// mint tokens; the pepper, which lives outside the database, is needed too.
//
// Format: sealedPrefix + base64url(nonce || AES-256-GCM ciphertext). The key
// comes from the pepper through HKDF-SHA256 with its own info string, so it
// is independent of the HMAC uses of the pepper. The additional data binds
// the ciphertext to the key's id and algorithm: a row cannot be passed off
// as another.
const (
	sealedPrefix = "parley-sealed-v1:"
	sealInfo     = "parley signing-key encryption v1"
)

// sealAEAD derives the AES-256-GCM instance for p.
func (p Pepper) sealAEAD() (cipher.AEAD, error) {
	key, err := hkdf.Key(sha256.New, p, nil, sealInfo, 32)
	if err != nil {
		return nil, fmt.Errorf("derive key-encryption key: %w", err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("key-encryption cipher: %w", err)
	}
	return cipher.NewGCM(block)
}

func sealAAD(id, alg string) []byte { return []byte("parley signing key\x00" + id + "\x00" + alg) }

// SealSigningKey encrypts a private JWK for storage under key id and alg.
func (p Pepper) SealSigningKey(id, alg string, jwk []byte) ([]byte, error) {
	aead, err := p.sealAEAD()
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, aead.NonceSize())
	_, _ = rand.Read(nonce) // crypto/rand.Read never fails (Go 1.24+)
	ct := aead.Seal(nonce, nonce, jwk, sealAAD(id, alg))
	return []byte(sealedPrefix + base64.RawURLEncoding.EncodeToString(ct)), nil
}

// OpenSigningKey returns the private JWK of a stored row and whether the
// row was sealed; a row without the sealed prefix predates sealing and is
// returned as is (the caller re-seals it). A row that does not open is
// apperr.Internal naming the likely cause: a different pepper.
func (p Pepper) OpenSigningKey(id, alg string, stored []byte) (jwk []byte, sealed bool, err error) {
	rest, ok := bytes.CutPrefix(stored, []byte(sealedPrefix))
	if !ok {
		return stored, false, nil
	}
	ct, err := base64.RawURLEncoding.AppendDecode(nil, rest)
	aead, aerr := p.sealAEAD()
	if aerr != nil {
		return nil, true, aerr
	}
	if err != nil || len(ct) < aead.NonceSize() {
		return nil, true, apperr.New(apperr.Internal, "signing key %s: sealed record is malformed", id)
	}
	jwk, err = aead.Open(nil, ct[:aead.NonceSize()], ct[aead.NonceSize():], sealAAD(id, alg))
	if err != nil {
		return nil, true, apperr.New(apperr.Internal,
			"signing key %s: cannot decrypt it: the auth pepper (PARLEY_AUTH_PEPPER or %s in the data directory) is not the one it was sealed with, or the row was altered", id, "auth-pepper")
	}
	return jwk, true, nil
}
