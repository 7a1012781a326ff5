package auth

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"

	"github.com/parleyhq/parley/internal/apperr"
)

// PKCEMethodS256 is the only code_challenge_method accepted. RFC 7636 §4.2
// also defines "plain", which offers no protection when the authorization
// request is observed; OAuth 2.0 Security BCP (RFC 9700 §2.1.1) says to use S256.
const PKCEMethodS256 = "S256"

// ValidateChallenge checks an authorization request's PKCE parameters:
// method must be S256 and challenge a 43-character base64url SHA-256 value
// (RFC 7636 §4.2). Missing or plain is apperr.Invalid.
func ValidateChallenge(challenge, method string) error {
	if challenge == "" {
		return apperr.New(apperr.Invalid, "code_challenge is required (PKCE, RFC 7636)")
	}
	if method != PKCEMethodS256 {
		return apperr.New(apperr.Invalid, "code_challenge_method must be S256")
	}
	if b, err := base64.RawURLEncoding.DecodeString(challenge); err != nil || len(b) != sha256.Size {
		return apperr.New(apperr.Invalid, "code_challenge is not a base64url SHA-256 value")
	}
	return nil
}

// VerifyPKCE checks a token request's code_verifier against the stored S256
// challenge (RFC 7636 §4.6). The verifier must be 43-128 unreserved
// characters (§4.1). Any mismatch is apperr.Invalid (invalid_grant).
//
// A missing verifier is a mismatch too, not invalid_request: §4.6 answers
// invalid_grant whenever the verifier does not produce the code's challenge,
// and an absent one cannot; the parameter is only required because the code
// carries a challenge, which is the grant's business (Keycloak and Spring
// Authorization Server answer the same). The message says what to send.
func VerifyPKCE(challenge, verifier string) error {
	if challenge == "" {
		return apperr.New(apperr.Invalid, "authorization code has no PKCE challenge")
	}
	if verifier == "" {
		return apperr.New(apperr.Invalid, "code_verifier is required")
	}
	if len(verifier) < 43 || len(verifier) > 128 {
		return apperr.New(apperr.Invalid, "code_verifier must be 43 to 128 characters")
	}
	for i := 0; i < len(verifier); i++ {
		c := verifier[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
		if !ok {
			return apperr.New(apperr.Invalid, "code_verifier has a character outside RFC 7636 §4.1")
		}
	}
	if subtle.ConstantTimeCompare([]byte(S256Challenge(verifier)), []byte(challenge)) != 1 {
		return apperr.New(apperr.Invalid, "code_verifier does not match code_challenge")
	}
	return nil
}

// S256Challenge returns BASE64URL(SHA256(verifier)).
func S256Challenge(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}
