package auth_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/sqlite"
)

func openStore(t *testing.T) auth.Store {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "parley.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := dial.Up(ctx, db, nil); err != nil {
		t.Fatal(err)
	}
	return db
}

// privateScalar returns the "d" member of a private JWK: the secret that
// must never be in the database in the clear.
func privateScalar(t *testing.T, jwk []byte) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(jwk, &m); err != nil {
		t.Fatal(err)
	}
	d, _ := m["d"].(string)
	if len(d) < 32 {
		t.Fatalf("JWK has no private scalar: %s", jwk)
	}
	return d
}

// TestSigningKeysSealedAtRest: the rows hold AES-256-GCM ciphertext, never
// the private key, for both algorithms and across a rotation.
func TestSigningKeysSealedAtRest(t *testing.T) {
	for _, alg := range []string{auth.AlgES256, auth.AlgEdDSA} {
		t.Run(alg, func(t *testing.T) {
			e := newEnv(t, func(c *auth.Config) { c.SigningAlg = alg })
			ctx := context.Background()
			if err := e.srv.RotateKeys(ctx); err != nil {
				t.Fatal(err)
			}
			rows, err := e.store.SigningKeys(ctx, time.Now())
			if err != nil || len(rows) != 2 {
				t.Fatalf("%d rows, %v; want 2", len(rows), err)
			}
			for _, r := range rows {
				jwk, sealed, err := e.pepper.OpenSigningKey(r.ID, r.Algorithm, r.PrivateJWK)
				if err != nil || !sealed {
					t.Fatalf("row %s: sealed %v, %v", r.ID, sealed, err)
				}
				d := privateScalar(t, jwk)
				if bytes.Contains(r.PrivateJWK, []byte(d)) || bytes.Contains(r.PrivateJWK, []byte(`"d"`)) || bytes.Contains(r.PrivateJWK, jwk) {
					t.Errorf("row %s holds the private key in the clear: %s", r.ID, r.PrivateJWK)
				}
			}
		})
	}
}

// TestWrongPepperFailsAtStartUp: a server started with another pepper
// refuses to start, says why, and does not paper over it by minting a
// new key.
func TestWrongPepperFailsAtStartUp(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	other := auth.Pepper(strings.Repeat("q", 32))
	_, err := auth.NewServer(ctx, auth.Config{Issuer: e.issuer, Pepper: other}, e.store, auth.NewPasswords(cheap, 1), nil, nil)
	if err == nil || !apperr.Is(err, apperr.Internal) || !strings.Contains(err.Error(), "pepper") {
		t.Fatalf("NewServer with another pepper: %v; want an internal error naming the pepper", err)
	}
	if rows, _ := e.store.SigningKeys(ctx, time.Now()); len(rows) != 1 {
		t.Errorf("%d keys after the failed start, want the 1 there was", len(rows))
	}
	if _, err := auth.NewServer(ctx, auth.Config{Issuer: e.issuer, Pepper: e.pepper}, e.store, auth.NewPasswords(cheap, 1), nil, nil); err != nil {
		t.Errorf("the right pepper: %v", err)
	}
}

// TestPlaintextKeysResealed: rows written before sealing still load, keep
// their key id (so tokens they signed still verify), and are sealed at
// start-up; a rotation seals the new key too.
func TestPlaintextKeysResealed(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	pepper := auth.Pepper(strings.Repeat("p", 32))
	legacy, err := auth.GenerateSigningKey(auth.AlgES256, time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := legacy.MarshalPrivate()
	if err := st.RotateSigningKey(ctx, auth.StoredSigningKey{ID: legacy.ID, Algorithm: legacy.Algorithm, PrivateJWK: plain,
		CreatedAt: legacy.CreatedAt}, legacy.CreatedAt, legacy.CreatedAt); err != nil {
		t.Fatal(err)
	}
	srv, err := auth.NewServer(ctx, auth.Config{Issuer: "https://parley.example", Pepper: pepper}, st, auth.NewPasswords(cheap, 1), nil, nil)
	if err != nil {
		t.Fatalf("start over a plaintext key: %v", err)
	}
	if srv.Tokens().Keys().CurrentKeyID() != legacy.ID {
		t.Errorf("current key %s, want the legacy %s kept", srv.Tokens().Keys().CurrentKeyID(), legacy.ID)
	}
	rows, _ := st.SigningKeys(ctx, time.Now())
	if len(rows) != 1 || bytes.Contains(rows[0].PrivateJWK, []byte(privateScalar(t, plain))) {
		t.Fatalf("legacy row not sealed at start-up: %s", rows[0].PrivateJWK)
	}
	got, sealed, err := pepper.OpenSigningKey(rows[0].ID, rows[0].Algorithm, rows[0].PrivateJWK)
	if err != nil || !sealed || !bytes.Equal(got, plain) {
		t.Errorf("sealed row opens to %s (sealed %v, %v), want the original JWK", got, sealed, err)
	}
}

// TestOpenSigningKeyRejectsTampering: the ciphertext is bound to its key id
// and algorithm, and any altered byte fails authentication.
func TestOpenSigningKeyRejectsTampering(t *testing.T) {
	p := auth.Pepper(strings.Repeat("p", 32))
	sealed, err := p.SealSigningKey("kid1", auth.AlgES256, []byte(`{"d":"secret"}`))
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(sealed)
	flipped[len(flipped)-3] ^= 'A' ^ 'B'
	for name, tc := range map[string]struct {
		pepper   auth.Pepper
		id, alg  string
		stored   []byte
		wantOpen bool
	}{
		"intact":               {p, "kid1", auth.AlgES256, sealed, true},
		"other key id":         {p, "kid2", auth.AlgES256, sealed, false},
		"other algorithm":      {p, "kid1", auth.AlgEdDSA, sealed, false},
		"flipped byte":         {p, "kid1", auth.AlgES256, flipped, false},
		"truncated":            {p, "kid1", auth.AlgES256, sealed[:len("parley-sealed-v1:")+8], false},
		"not base64":           {p, "kid1", auth.AlgES256, []byte("parley-sealed-v1:***"), false},
		"other pepper":         {auth.Pepper(strings.Repeat("x", 32)), "kid1", auth.AlgES256, sealed, false},
		"pepper one byte off":  {append(auth.Pepper(strings.Repeat("p", 31)), 'q'), "kid1", auth.AlgES256, sealed, false},
		"second seal is fresh": {p, "kid1", auth.AlgES256, mustSeal(t, p), true},
	} {
		t.Run(name, func(t *testing.T) {
			got, wasSealed, err := tc.pepper.OpenSigningKey(tc.id, tc.alg, tc.stored)
			if !wasSealed {
				t.Error("a sealed row was taken for plaintext")
			}
			if tc.wantOpen != (err == nil) || (err == nil && string(got) != `{"d":"secret"}`) {
				t.Errorf("opened %q, %v; want open=%v", got, err, tc.wantOpen)
			}
			if err != nil && !apperr.Is(err, apperr.Internal) {
				t.Errorf("error %v is not apperr.Internal", err)
			}
		})
	}
	if bytes.Equal(sealed, mustSeal(t, p)) {
		t.Error("two seals of one key are identical: the nonce is not random")
	}
}

func mustSeal(t *testing.T, p auth.Pepper) []byte {
	t.Helper()
	s, err := p.SealSigningKey("kid1", auth.AlgES256, []byte(`{"d":"secret"}`))
	if err != nil {
		t.Fatal(err)
	}
	return s
}
