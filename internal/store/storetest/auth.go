package storetest

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/auth"
)

// testAuth runs the identity ports (auth.Store) against the engine.
func testAuth(t *testing.T, open Opener) {
	ctx := context.Background()
	now := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	setup := func(t *testing.T) auth.Store {
		db, _ := migrated(t, open)
		st, ok := db.(auth.Store)
		if !ok {
			t.Fatalf("%T does not implement auth.Store", db)
		}
		return st
	}
	t.Run("ClientsAndUsers", func(t *testing.T) {
		st := setup(t)
		c := auth.Client{ID: "c1", Name: "site", SecretHash: []byte{1, 2, 3}, RedirectURIs: []string{"https://a.example/cb", "http://127.0.0.1/cb"},
			Scopes: auth.NewScopes("profiles:write", "openid"), GrantTypes: []string{"client_credentials", "refresh_token"}, CreatedAt: now}
		if err := st.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
		if err := st.CreateClient(ctx, c); !apperr.Is(err, apperr.Conflict) {
			t.Errorf("duplicate client: %v, want Conflict", err)
		}
		got, err := st.GetClient(ctx, "c1")
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(c, got); d != "" {
			t.Errorf("client (-want +got):\n%s", d)
		}
		if _, err := st.GetClient(ctx, "nope"); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("unknown client: %v", err)
		}
		if all, err := st.ListClients(ctx); err != nil || len(all) != 1 {
			t.Errorf("ListClients = %d, %v", len(all), err)
		}
		u := auth.User{ID: "u1", Username: "ada", PasswordHash: "$argon2id$x", Role: auth.RoleEditor, CreatedAt: now}
		if err := st.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		u2 := u
		u2.ID = "u2"
		if err := st.CreateUser(ctx, u2); !apperr.Is(err, apperr.Conflict) {
			t.Errorf("duplicate username: %v, want Conflict", err)
		}
		if err := st.SetPasswordHash(ctx, "u1", "$argon2id$y"); err != nil {
			t.Fatal(err)
		}
		got2, err := st.GetUserByUsername(ctx, "ada")
		u.PasswordHash = "$argon2id$y"
		if err != nil || !cmp.Equal(u, got2) {
			t.Errorf("GetUserByUsername = %+v, %v", got2, err)
		}
		if err := st.SetPasswordHash(ctx, "ghost", "x"); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("SetPasswordHash unknown: %v", err)
		}
	})
	t.Run("APIKeys", func(t *testing.T) { testAPIKeys(t, setup(t), now) })
	t.Run("SigningKeyRotation", func(t *testing.T) { testSigningKeys(t, setup(t), now) })
	t.Run("AuthCodes", func(t *testing.T) { testAuthCodes(t, setup(t), now) })
	t.Run("RefreshRotation", func(t *testing.T) { testRefresh(t, setup(t), now) })
	t.Run("LockoutsAndQuotas", func(t *testing.T) { testLockoutsQuotas(t, setup(t), now) })
}

func testAPIKeys(t *testing.T, st auth.Store, now time.Time) {
	ctx := context.Background()
	k := auth.APIKey{ID: "k1", Name: "ci", Hash: []byte("hash-1"), Hint: "parley_ab12…", Scopes: auth.NewScopes("profiles:write"),
		CreatedAt: now, ExpiresAt: now.Add(24 * time.Hour)}
	if err := st.CreateAPIKey(ctx, k); err != nil {
		t.Fatal(err)
	}
	dup := k
	dup.ID = "k2"
	if err := st.CreateAPIKey(ctx, dup); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("duplicate hash: %v, want Conflict", err)
	}
	if err := st.TouchAPIKey(ctx, "k1", now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := st.TouchAPIKey(ctx, "k1", now.Add(time.Minute)); err != nil { // older: ignored
		t.Fatal(err)
	}
	if err := st.RevokeAPIKey(ctx, "k1", now.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := st.RevokeAPIKey(ctx, "k1", now.Add(3*time.Hour)); err != nil { // idempotent, first kept
		t.Fatal(err)
	}
	got, err := st.GetAPIKeyByHash(ctx, []byte("hash-1"))
	if err != nil {
		t.Fatal(err)
	}
	want := k
	want.LastUsedAt, want.RevokedAt = now.Add(time.Hour), now.Add(2*time.Hour)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("API key (-want +got):\n%s", d)
	}
	if _, err := st.GetAPIKeyByHash(ctx, []byte("other")); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("unknown hash: %v", err)
	}
	if err := st.RevokeAPIKey(ctx, "ghost", now); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("revoke unknown: %v", err)
	}
	if all, err := st.ListAPIKeys(ctx); err != nil || len(all) != 1 {
		t.Errorf("ListAPIKeys = %d, %v", len(all), err)
	}
}

func testSigningKeys(t *testing.T, st auth.Store, now time.Time) {
	ctx := context.Background()
	key := func(id string, at time.Time) auth.StoredSigningKey {
		return auth.StoredSigningKey{ID: id, Algorithm: "ES256", PrivateJWK: []byte(`{"kid":"` + id + `"}`), CreatedAt: at}
	}
	if err := st.RotateSigningKey(ctx, key("a", now), now, now); err != nil {
		t.Fatal(err)
	}
	t1 := now.Add(time.Hour)
	if err := st.RotateSigningKey(ctx, key("b", t1), t1, t1.Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	ks, err := st.SigningKeys(ctx, t1)
	if err != nil {
		t.Fatal(err)
	}
	if len(ks) != 2 || ks[0].ID != "b" || !ks[0].RetiredAt.IsZero() || ks[1].ID != "a" || !ks[1].RetiredAt.Equal(t1) ||
		!ks[1].ExpiresAt.Equal(t1.Add(10*time.Minute)) || string(ks[1].PrivateJWK) != `{"kid":"a"}` {
		t.Fatalf("after rotation: %+v", ks)
	}
	// After the overlap the old key is no longer listed, and the next
	// rotation deletes it.
	t2 := t1.Add(time.Hour)
	if ks, _ := st.SigningKeys(ctx, t2); len(ks) != 1 || ks[0].ID != "b" {
		t.Errorf("after overlap: %+v", ks)
	}
	if err := st.RotateSigningKey(ctx, key("c", t2), t2, t2.Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if ks, _ := st.SigningKeys(ctx, time.Time{}); len(ks) != 2 {
		t.Errorf("expired key not deleted: %d keys", len(ks))
	}
	if err := st.RotateSigningKey(ctx, key("c", t2), t2, t2); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("duplicate key id: %v", err)
	}
	// Re-sealing is a compare and swap: only the first of two writers
	// holding the same old material changes the row.
	old := []byte(`{"kid":"c"}`)
	for i, tc := range []struct {
		old, next string
		want      bool
	}{
		{string(old), "sealed-1", true},
		{string(old), "sealed-2", false},
		{"sealed-1", "sealed-3", true},
	} {
		ok, err := st.ReplaceSigningKeyMaterial(ctx, "c", []byte(tc.old), []byte(tc.next))
		if err != nil || ok != tc.want {
			t.Errorf("replace %d: %v %v, want %v", i, ok, err, tc.want)
		}
	}
	if ok, err := st.ReplaceSigningKeyMaterial(ctx, "nope", old, []byte("x")); ok || err != nil {
		t.Errorf("replace on an unknown key: %v %v, want false, nil", ok, err)
	}
	ks, err = st.SigningKeys(ctx, t2)
	if err != nil || len(ks) == 0 || ks[0].ID != "c" || string(ks[0].PrivateJWK) != "sealed-3" {
		t.Errorf("after re-sealing: %+v %v", ks, err)
	}
}

func testAuthCodes(t *testing.T, st auth.Store, now time.Time) {
	ctx := context.Background()
	if err := st.CreateClient(ctx, auth.Client{ID: "c1", Name: "c", CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateUser(ctx, auth.User{ID: "u1", Username: "ada", PasswordHash: "x", Role: auth.RoleAdmin, CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	code := auth.AuthCode{Hash: []byte("code-1"), ClientID: "c1", UserID: "u1", RedirectURI: "https://a.example/cb",
		Scopes: auth.NewScopes("openid"), CodeChallenge: "chal", Nonce: "n-0S6_WzA2Mj", CreatedAt: now, ExpiresAt: now.Add(time.Minute)}
	if err := st.CreateAuthCode(ctx, code); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateAuthCode(ctx, auth.AuthCode{Hash: []byte("code-2"), ClientID: "c1", UserID: "u1", RedirectURI: "https://a.example/cb",
		Scopes: auth.NewScopes("openid"), CodeChallenge: "chal", CreatedAt: now, ExpiresAt: now.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if got, err := st.ConsumeAuthCode(ctx, []byte("code-2"), "fam-2", now); err != nil || got.Nonce != "" || got.CodeChallenge != "chal" {
		t.Errorf("code without nonce: %+v %v", got, err)
	}
	if _, err := st.ConsumeAuthCode(ctx, []byte("code-1"), "fam", now.Add(2*time.Minute)); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("expired code: %v, want NotFound", err)
	}
	// Concurrent exchanges: exactly one wins; the others learn the winner's family.
	var wins atomic.Int32
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := st.ConsumeAuthCode(ctx, []byte("code-1"), fmt.Sprint("fam-", i), now)
			switch {
			case err == nil:
				wins.Add(1)
				if c.Nonce != code.Nonce || c.UserID != "u1" || !c.CreatedAt.Equal(now) {
					t.Errorf("consumed code %+v does not round-trip nonce, user and time", c)
				}
			case apperr.Is(err, apperr.Conflict):
				if c.FamilyID == "" {
					t.Error("reused code does not name the first family")
				}
			default:
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if wins.Load() != 1 {
		t.Errorf("%d exchanges of one code succeeded, want 1 (RFC 6749 §4.1.2)", wins.Load())
	}
	if _, err := st.ConsumeAuthCode(ctx, []byte("nope"), "f", now); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("unknown code: %v", err)
	}
}

func testRefresh(t *testing.T, st auth.Store, now time.Time) {
	ctx := context.Background()
	tok := func(hash, fam string) auth.RefreshToken {
		return auth.RefreshToken{Hash: []byte(hash), FamilyID: fam, ClientID: "c1", Subject: "u1",
			Scopes: auth.NewScopes("openid"), CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	}
	if err := st.CreateRefreshToken(ctx, tok("r1", "f1")); err != nil {
		t.Fatal(err)
	}
	old, err := st.RotateRefreshToken(ctx, []byte("r1"), tok("r2", ""), now)
	if err != nil || old.FamilyID != "f1" || old.Subject != "u1" {
		t.Fatalf("rotate: %+v, %v", old, err)
	}
	if got, err := st.GetRefreshToken(ctx, []byte("r2"), now); err != nil || got.FamilyID != "f1" {
		t.Fatalf("new token not in the family: %+v, %v", got, err)
	}
	if _, err := st.GetRefreshToken(ctx, []byte("r1"), now); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("used token still active: %v", err)
	}
	// Replay of r1: reuse detected, the whole family (r2 too) is revoked.
	if _, err := st.RotateRefreshToken(ctx, []byte("r1"), tok("r3", ""), now); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("replay: %v, want Conflict", err)
	}
	if _, err := st.RotateRefreshToken(ctx, []byte("r2"), tok("r4", ""), now); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("token of a revoked family rotated: %v", err)
	}
	if _, err := st.RotateRefreshToken(ctx, []byte("zz"), tok("r5", ""), now); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("unknown token: %v", err)
	}
	if err := st.CreateRefreshToken(ctx, tok("e1", "fe")); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RotateRefreshToken(ctx, []byte("e1"), tok("e2", ""), now.Add(2*time.Hour)); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("expired token: %v, want NotFound", err)
	}
	// Races: two concurrent rotations of one token; exactly one wins.
	for trial := range 50 {
		fam, h := fmt.Sprint("race-", trial), fmt.Sprint("race-tok-", trial)
		if err := st.CreateRefreshToken(ctx, tok(h, fam)); err != nil {
			t.Fatal(err)
		}
		var wins atomic.Int32
		var wg sync.WaitGroup
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := st.RotateRefreshToken(ctx, []byte(h), tok(fmt.Sprint(h, "-", i), ""), now); err == nil {
					wins.Add(1)
				} else if !apperr.Is(err, apperr.Conflict) {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if wins.Load() != 1 {
			t.Fatalf("trial %d: %d winners, want 1", trial, wins.Load())
		}
	}
	if err := st.CreateRefreshToken(ctx, tok("v1", "fv")); err != nil {
		t.Fatal(err)
	}
	if err := st.RevokeRefreshFamily(ctx, "fv", now); err != nil {
		t.Fatal(err)
	}
	if _, err := st.GetRefreshToken(ctx, []byte("v1"), now); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("token of a revoked family: %v", err)
	}
	if err := st.RevokeAccessToken(ctx, "jti-1", now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := st.RevokeAccessToken(ctx, "jti-1", now.Add(time.Hour)); err != nil {
		t.Errorf("second revocation: %v", err)
	}
	for jti, want := range map[string]bool{"jti-1": true, "jti-2": false} {
		if got, err := st.AccessTokenRevoked(ctx, jti); err != nil || got != want {
			t.Errorf("AccessTokenRevoked(%s) = %v, %v", jti, got, err)
		}
	}
}

func testLockoutsQuotas(t *testing.T, st auth.Store, now time.Time) {
	ctx := context.Background()
	for i := 1; i <= 3; i++ {
		if n, err := st.RecordLoginFailure(ctx, "ada", now.Add(time.Duration(i)*time.Second)); err != nil || n != i {
			t.Fatalf("failure %d: %d, %v", i, n, err)
		}
	}
	if n, last, err := st.LoginFailures(ctx, "ada"); err != nil || n != 3 || !last.Equal(now.Add(3*time.Second)) {
		t.Errorf("LoginFailures = %d, %v, %v", n, last, err)
	}
	if err := st.ResetLoginFailures(ctx, "ada"); err != nil {
		t.Fatal(err)
	}
	if n, _, err := st.LoginFailures(ctx, "ada"); err != nil || n != 0 {
		t.Errorf("after reset: %d, %v", n, err)
	}
	// 40 concurrent additions of 1 against a limit of 25: exactly 25 succeed.
	var ok atomic.Int32
	var wg sync.WaitGroup
	for range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := st.AddUsage(ctx, "client-1", "2030-01", 1, 25)
			if err == nil {
				ok.Add(1)
			} else if !apperr.Is(err, apperr.RateLimited) {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if ok.Load() != 25 {
		t.Errorf("%d additions admitted, want 25", ok.Load())
	}
	if used, err := st.Usage(ctx, "client-1", "2030-01"); err != nil || used != 25 {
		t.Errorf("Usage = %d, %v", used, err)
	}
	if used, err := st.Usage(ctx, "client-1", "2030-02"); err != nil || used != 0 {
		t.Errorf("next month = %d, %v", used, err)
	}
	if _, err := st.AddUsage(ctx, "client-2", "2030-01", 30, 25); !apperr.Is(err, apperr.RateLimited) {
		t.Errorf("first addition above the limit: %v", err)
	}
}
