package blob

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Signer makes and checks the expiring URLs Parley serves for the local
// store: BaseURL + key + "?exp=UNIX&sig=HMAC-SHA256(secret, key \n exp)".
type Signer struct {
	secret []byte
	base   string
	now    func() time.Time
}

// MinSecretLength is the shortest signing secret accepted (256 bits).
const MinSecretLength = 32

// NewSigner returns a signer. baseURL is where the handler is mounted,
// absolute and ending in "/" (e.g. PARLEY_PUBLIC_URL + "/v1/audio/"); now is
// the clock (nil: time.Now). Errors: apperr.Invalid for a short secret or a
// bad base URL.
func NewSigner(secret []byte, baseURL string, now func() time.Time) (*Signer, error) {
	if len(secret) < MinSecretLength {
		return nil, apperr.New(apperr.Invalid, "blob URL signing secret must be at least %d bytes", MinSecretLength)
	}
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !strings.HasSuffix(u.Path, "/") {
		return nil, apperr.New(apperr.Invalid, "blob base URL %q must be absolute http(s) and end with /", baseURL)
	}
	if now == nil {
		now = time.Now
	}
	return &Signer{secret: append([]byte(nil), secret...), base: baseURL, now: now}, nil
}

// URL returns the signed URL for key, valid for ttl.
func (s *Signer) URL(key string, ttl time.Duration) (string, error) {
	if err := ValidateKey(key); err != nil {
		return "", err
	}
	if ttl <= 0 {
		return "", apperr.New(apperr.Invalid, "signed URL lifetime must be positive")
	}
	exp := strconv.FormatInt(s.now().Add(ttl).Unix(), 10)
	return s.base + key + "?exp=" + exp + "&sig=" + s.mac(key, exp), nil
}

// Verify checks a request's key, exp and sig. Errors: apperr.Forbidden for a
// bad or expired signature (the same message for both, so nothing leaks),
// apperr.Invalid for a bad key.
func (s *Signer) Verify(key, exp, sig string) error {
	if err := ValidateKey(key); err != nil {
		return err
	}
	want := s.mac(key, exp)
	if !hmac.Equal([]byte(sig), []byte(want)) {
		return apperr.New(apperr.Forbidden, "the link is invalid or has expired")
	}
	e, err := strconv.ParseInt(exp, 10, 64)
	if err != nil || s.now().Unix() > e {
		return apperr.New(apperr.Forbidden, "the link is invalid or has expired")
	}
	return nil
}

func (s *Signer) mac(key, exp string) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte(key))
	m.Write([]byte{'\n'})
	m.Write([]byte(exp))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}
