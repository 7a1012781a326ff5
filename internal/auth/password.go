package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"

	"github.com/parleyhq/parley/internal/apperr"
)

// Argon2Params are argon2id cost parameters.
type Argon2Params struct {
	MemoryKiB uint32
	Time      uint32
	Threads   uint8
	SaltLen   int
	KeyLen    uint32
}

// OWASPParams are the OWASP Password Storage Cheat Sheet's first argon2id
// configuration: m=19 MiB, t=2, p=1.
var OWASPParams = Argon2Params{MemoryKiB: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}

// Password length bounds: short passwords are guessable; very long ones
// are a cheap way to make us work.
const (
	MinPasswordLen = 12
	MaxPasswordLen = 1024
)

// Passwords hashes and verifies passwords with argon2id. A semaphore caps
// concurrent hashes: each takes 19 MiB and tens of milliseconds of a core,
// so unbounded concurrency would let a burst of sign-ins exhaust memory.
type Passwords struct {
	params Argon2Params
	sem    chan struct{}
	dummy  string
}

// NewPasswords returns a hasher with params allowing maxConcurrent hashes
// at once (at least 1).
func NewPasswords(params Argon2Params, maxConcurrent int) *Passwords {
	p := &Passwords{params: params, sem: make(chan struct{}, max(maxConcurrent, 1))}
	p.dummy = p.encode(make([]byte, params.SaltLen), "parley-dummy-password")
	return p
}

// CheckPasswordPolicy reports a password that is too short or too long as apperr.Invalid.
func CheckPasswordPolicy(pw string) error {
	if len(pw) < MinPasswordLen {
		return apperr.New(apperr.Invalid, "password must be at least %d characters", MinPasswordLen)
	}
	if len(pw) > MaxPasswordLen {
		return apperr.New(apperr.Invalid, "password must be at most %d bytes", MaxPasswordLen)
	}
	return nil
}

func (p *Passwords) acquire(ctx context.Context) error {
	select {
	case p.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return apperr.Wrap(apperr.Unavailable, ctx.Err(), "too many sign-ins in progress")
	}
}

func (p *Passwords) release() { <-p.sem }

// Hash returns the PHC string of a new hash of pw
// ($argon2id$v=19$m=19456,t=2,p=1$salt$hash).
func (p *Passwords) Hash(ctx context.Context, pw string) (string, error) {
	if err := CheckPasswordPolicy(pw); err != nil {
		return "", err
	}
	if err := p.acquire(ctx); err != nil {
		return "", err
	}
	defer p.release()
	salt := make([]byte, p.params.SaltLen)
	_, _ = rand.Read(salt)
	return p.encode(salt, pw), nil
}

func (p *Passwords) encode(salt []byte, pw string) string {
	k := argon2.IDKey([]byte(pw), salt, p.params.Time, p.params.MemoryKiB, p.params.Threads, p.params.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.params.MemoryKiB, p.params.Time,
		p.params.Threads, base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(k))
}

// Verify reports whether pw matches encoded. An empty encoded (unknown user)
// is checked against a dummy hash with the same parameters, so the time
// taken does not tell an unknown user from a wrong password; it then
// reports false. Errors: apperr.Unavailable when ctx ends while waiting for a
// hashing slot; apperr.Internal for a stored hash that cannot be parsed.
func (p *Passwords) Verify(ctx context.Context, encoded, pw string) (bool, error) {
	known := encoded != ""
	if !known {
		encoded = p.dummy
	}
	if len(pw) > MaxPasswordLen {
		pw = pw[:MaxPasswordLen] // still hash, to keep timing flat; cannot match a valid password
		known = false
	}
	params, salt, want, err := decodePHC(encoded)
	if err != nil {
		return false, err
	}
	if err := p.acquire(ctx); err != nil {
		return false, err
	}
	defer p.release()
	got := argon2.IDKey([]byte(pw), salt, params.Time, params.MemoryKiB, params.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1 && known, nil
}

// NeedsRehash reports whether encoded was made with other parameters.
func (p *Passwords) NeedsRehash(encoded string) bool {
	params, salt, key, err := decodePHC(encoded)
	return err != nil || params.MemoryKiB != p.params.MemoryKiB || params.Time != p.params.Time ||
		params.Threads != p.params.Threads || len(salt) != p.params.SaltLen || uint32(len(key)) != p.params.KeyLen
}

func decodePHC(s string) (Argon2Params, []byte, []byte, error) {
	bad := func(why string) (Argon2Params, []byte, []byte, error) {
		return Argon2Params{}, nil, nil, apperr.New(apperr.Internal, "stored password hash: %s", why)
	}
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return bad("not an argon2id PHC string")
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return bad("unsupported version")
	}
	var pr Argon2Params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &pr.MemoryKiB, &pr.Time, &pr.Threads); err != nil {
		return bad("bad parameters")
	}
	if pr.MemoryKiB == 0 || pr.MemoryKiB > 1<<22 || pr.Time == 0 || pr.Time > 100 || pr.Threads == 0 {
		return bad("parameters out of range")
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	key, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(salt) == 0 || len(key) < 16 {
		return bad("bad salt or key")
	}
	pr.SaltLen, pr.KeyLen = len(salt), uint32(len(key))
	return pr, salt, key, nil
}
