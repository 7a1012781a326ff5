package auth_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/testenv"
)

const (
	testIssuer   = "https://parley.example"
	testAudience = "https://parley.example/v1"
)

var epoch = time.Unix(1_800_000_000, 0).UTC()

type fixture struct {
	tokens *auth.Tokens
	key    auth.SigningKey
	now    time.Time
}

func newFixture(t testing.TB, alg string) *fixture {
	t.Helper()
	k, err := auth.GenerateSigningKey(alg, epoch.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	ks, err := auth.NewKeySet([]auth.SigningKey{k})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{key: k, now: epoch}
	f.tokens = auth.NewTokens(testIssuer, testAudience, ks, func() time.Time { return f.now })
	return f
}

func validClaims() auth.AccessClaims {
	return auth.AccessClaims{Subject: "user-1", ClientID: "client-1", Scopes: auth.NewScopes("profiles:write"),
		ExpiresAt: epoch.Add(5 * time.Minute)}
}

// rawClaims is what a forged token carries, before encoding.
func rawClaims() map[string]any {
	return map[string]any{"iss": testIssuer, "aud": testAudience, "sub": "user-1", "client_id": "client-1",
		"scope": "profiles:write admin", "jti": "j1", "iat": epoch.Unix(), "exp": epoch.Add(5 * time.Minute).Unix()}
}

func b64(v any) string {
	var b []byte
	switch x := v.(type) {
	case []byte:
		b = x
	case string:
		b = []byte(x)
	default:
		b, _ = json.Marshal(x)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// signWith signs claims with an arbitrary go-jose key and header fields.
func signWith(t *testing.T, alg jose.SignatureAlgorithm, key any, kid string, hdr map[jose.HeaderKey]any, claims map[string]any) string {
	t.Helper()
	opts := &jose.SignerOptions{ExtraHeaders: hdr}
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: alg, Key: jose.JSONWebKey{Key: key, KeyID: kid}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	payload, _ := json.Marshal(claims)
	jws, err := s.Sign(payload)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jws.CompactSerialize()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func (f *fixture) signOwn(t *testing.T, hdr map[jose.HeaderKey]any, claims map[string]any) string {
	t.Helper()
	if hdr == nil {
		hdr = map[jose.HeaderKey]any{"typ": "at+jwt"}
	}
	return signWith(t, jose.SignatureAlgorithm(f.key.Algorithm), f.key.Private, f.key.ID, hdr, claims)
}

func hmacToken(header map[string]any, claims map[string]any, secret []byte) string {
	signing := b64(header) + "." + b64(claims)
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(signing))
	return signing + "." + b64(m.Sum(nil))
}

func with(claims map[string]any, k string, v any) map[string]any {
	claims[k] = v
	if v == nil {
		delete(claims, k)
	}
	return claims
}

func TestIssueVerifyRoundTrip(t *testing.T) {
	for _, alg := range []string{auth.AlgES256, auth.AlgEdDSA} {
		t.Run(alg, func(t *testing.T) {
			f := newFixture(t, alg)
			in := validClaims()
			in.Roles = []string{"editor"}
			raw, err := f.tokens.Issue(in)
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.tokens.Verify(raw)
			if err != nil {
				t.Fatal(err)
			}
			want := in
			want.Issuer, want.Audience, want.IssuedAt, want.ID = testIssuer, []string{testAudience}, epoch, got.ID
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("claims (-want +got):\n%s", d)
			}
			if got.ID == "" {
				t.Error("no jti")
			}
			// The header says at+jwt and names the key (RFC 9068 §2.1).
			hdr, _ := base64.RawURLEncoding.DecodeString(strings.Split(raw, ".")[0])
			var h map[string]any
			_ = json.Unmarshal(hdr, &h)
			if h["typ"] != "at+jwt" || h["kid"] != f.key.ID || h["alg"] != alg {
				t.Errorf("header = %v", h)
			}
		})
	}
}

// TestVerifyRejects is the attacker's list. Each case names the RFC section
// or vulnerability class it guards against.
func TestVerifyRejects(t *testing.T) {
	f := newFixture(t, auth.AlgES256)
	good, err := f.tokens.Issue(validClaims())
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(good, ".")
	pub := f.key.Private.Public()
	der, _ := x509.MarshalPKIXPublicKey(pub)
	pemKey := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
	jwkJSON, _ := json.Marshal(jose.JSONWebKey{Key: pub, KeyID: f.key.ID, Algorithm: "ES256", Use: "sig"})
	attacker, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	edKey, _ := auth.GenerateSigningKey(auth.AlgEdDSA, epoch)
	at := map[jose.HeaderKey]any{"typ": "at+jwt"}

	tamperedPayload := func() string {
		c := rawClaims()
		c["scope"] = "admin"
		return parts[0] + "." + b64(c) + "." + parts[2]
	}
	flipSig := func() string {
		sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
		sig[len(sig)-1] ^= 1
		return parts[0] + "." + parts[1] + "." + b64(sig)
	}

	// The decoder ignores the unused low bits of a segment's last
	// character: setting one gives another string that decodes the same.
	unusedBit := func(seg string) string {
		const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
		v := strings.IndexByte(alphabet, seg[len(seg)-1])
		return seg[:len(seg)-1] + string(alphabet[v|1])
	}
	if len(parts[2])%4 == 0 {
		t.Fatalf("signature of %d characters has no unused bits", len(parts[2]))
	}

	tests := []struct {
		name  string
		token string
	}{
		{"RFC4648-3.5 signature with an unused bit set", parts[0] + "." + parts[1] + "." + unusedBit(parts[2])},
		{"RFC7515-7.1 segment of 4n+1 characters", parts[0] + "." + parts[1] + "." + parts[2] + "AAA"},
		{"RFC8725-3.1 CVE-2015-9235 alg none", b64(map[string]any{"alg": "none", "typ": "at+jwt", "kid": f.key.ID}) + "." + b64(rawClaims()) + "."},
		{"RFC8725-3.1 alg None capitalised", b64(map[string]any{"alg": "None", "typ": "at+jwt"}) + "." + b64(rawClaims()) + "."},
		{"RFC8725-3.1 alg none with our signature kept", b64(map[string]any{"alg": "none", "typ": "at+jwt"}) + "." + parts[1] + "." + parts[2]},
		{"RFC8725-3.2 CVE-2016-10555 HS256 keyed with PEM public key", hmacToken(map[string]any{"alg": "HS256", "typ": "at+jwt", "kid": f.key.ID}, rawClaims(), pemKey)},
		{"RFC8725-3.2 CVE-2016-10555 HS256 keyed with DER public key", hmacToken(map[string]any{"alg": "HS256", "typ": "at+jwt", "kid": f.key.ID}, rawClaims(), der)},
		{"RFC8725-3.2 CVE-2016-10555 HS256 keyed with JWK JSON", hmacToken(map[string]any{"alg": "HS256", "typ": "at+jwt", "kid": f.key.ID}, rawClaims(), jwkJSON)},
		{"RFC8725-3.2 HS512 keyed with kid", hmacToken(map[string]any{"alg": "HS512", "typ": "at+jwt", "kid": f.key.ID}, rawClaims(), []byte(f.key.ID))},
		{"RFC7519-4.1.4 expired", f.signOwn(t, nil, with(rawClaims(), "exp", epoch.Add(-time.Minute).Unix()))},
		{"RFC9068-2.2 exp missing", f.signOwn(t, nil, with(rawClaims(), "exp", nil))},
		{"RFC9068-2.2 iat missing", f.signOwn(t, nil, with(rawClaims(), "iat", nil))},
		{"RFC7519-4.1.5 nbf in the future", f.signOwn(t, nil, with(rawClaims(), "nbf", epoch.Add(10*time.Minute).Unix()))},
		{"RFC7519-4.1.6 iat in the future", f.signOwn(t, nil, with(rawClaims(), "iat", epoch.Add(10*time.Minute).Unix()))},
		{"RFC9068-4 wrong iss", f.signOwn(t, nil, with(rawClaims(), "iss", "https://evil.example"))},
		{"RFC9068-4 iss with trailing slash", f.signOwn(t, nil, with(rawClaims(), "iss", testIssuer+"/"))},
		{"RFC9068-4 iss missing", f.signOwn(t, nil, with(rawClaims(), "iss", nil))},
		{"RFC7519-4.1.3 wrong aud", f.signOwn(t, nil, with(rawClaims(), "aud", "https://other-api.example"))},
		{"RFC7519-4.1.3 aud missing", f.signOwn(t, nil, with(rawClaims(), "aud", nil))},
		{"RFC9068-4 RFC8725-3.11 typ JWT (token substitution)", f.signOwn(t, map[jose.HeaderKey]any{"typ": "JWT"}, rawClaims())},
		{"RFC9068-4 typ missing (ID token substitution)", f.signOwn(t, map[jose.HeaderKey]any{}, rawClaims())},
		{"RFC9068-2.2 sub missing", f.signOwn(t, nil, with(rawClaims(), "sub", nil))},
		{"RFC9068-2.2 client_id missing", f.signOwn(t, nil, with(rawClaims(), "client_id", nil))},
		{"RFC9068-2.2 jti missing", f.signOwn(t, nil, with(rawClaims(), "jti", nil))},
		{"RFC6749-3.3 scope claim with illegal characters", f.signOwn(t, nil, with(rawClaims(), "scope", "a\"b"))},
		{"RFC7515-5.2 modified payload (privilege escalation)", tamperedPayload()},
		{"RFC7515-5.2 modified signature", flipSig()},
		{"RFC7515-5.2 empty signature", parts[0] + "." + parts[1] + "."},
		{"RFC7515-7.1 truncated: two segments", parts[0] + "." + parts[1]},
		{"RFC7515-7.1 truncated signature", good[:len(good)-10]},
		{"RFC7515-7.1 truncated: header only", parts[0]},
		{"RFC7516 JWE (five segments)", good + ".x.y"},
		{"RFC7515-7.2 JSON serialisation refused", `{"payload":"` + parts[1] + `","protected":"` + parts[0] + `","signature":"` + parts[2] + `"}`},
		{"RFC7515-4.1.4 unknown kid", signWith(t, jose.ES256, attacker, "nope", at, rawClaims())},
		{"RFC7515-4.1.4 attacker key reusing our kid", signWith(t, jose.ES256, attacker, f.key.ID, at, rawClaims())},
		{"RFC7515-4.1.4 no kid", signWith(t, jose.ES256, f.key.Private, "", at, rawClaims())},
		{"CVE-2018-0114 embedded jwk header with attacker key", signWithEmbeddedJWK(t, attacker)},
		{"RFC8725-3.1 alg/key mismatch: EdDSA token naming an ES256 kid", signWith(t, jose.EdDSA, edKey.Private, f.key.ID, at, rawClaims())},
		{"RFC7515-4.1.11 unknown crit header", f.signOwn(t, map[jose.HeaderKey]any{"typ": "at+jwt", "crit": []string{"exp"}}, rawClaims())},
		{"DoS oversized token", good + strings.Repeat("A", 9000)},
		{"garbage", "not a token"},
		{"empty", ""},
		{"RFC7515-2 header not base64url", "!!!." + parts[1] + "." + parts[2]},
	}
	if len(tests) < 40 {
		t.Fatalf("only %d negative cases", len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := f.tokens.Verify(tt.token)
			t.Log(err)
			if err == nil {
				t.Fatalf("accepted forged token; claims %+v", c)
			}
			if !apperr.Is(err, apperr.Unauthorized) {
				t.Errorf("err %v has code %s, want unauthorized", err, apperr.CodeOf(err))
			}
		})
	}
}

func signWithEmbeddedJWK(t *testing.T, key *ecdsa.PrivateKey) string {
	t.Helper()
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: key},
		(&jose.SignerOptions{EmbedJWK: true}).WithType("at+jwt"))
	if err != nil {
		t.Fatal(err)
	}
	payload, _ := json.Marshal(rawClaims())
	jws, err := s.Sign(payload)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := jws.CompactSerialize()
	return out
}

// TestRotationOverlap: after rotation, tokens of the previous key verify
// while it stays in the set, and stop verifying once it is dropped.
func TestRotationOverlap(t *testing.T) {
	f := newFixture(t, auth.AlgES256)
	old := f.key
	before, _ := f.tokens.Issue(validClaims())
	next, _ := auth.GenerateSigningKey(auth.AlgEdDSA, epoch)
	old.RetiredAt = epoch
	ks, err := auth.NewKeySet([]auth.SigningKey{old, next})
	if err != nil {
		t.Fatal(err)
	}
	f.tokens.SetKeys(ks)
	if ks.CurrentKeyID() != next.ID {
		t.Fatalf("current key %s, want the new one", ks.CurrentKeyID())
	}
	if got := len(ks.JWKS().Keys); got != 2 {
		t.Fatalf("JWKS has %d keys during overlap, want 2", got)
	}
	for _, k := range ks.JWKS().Keys {
		if !k.IsPublic() {
			t.Fatalf("JWKS leaks a private key: %s", k.KeyID)
		}
	}
	after, _ := f.tokens.Issue(validClaims())
	for _, tok := range []string{before, after} {
		if _, err := f.tokens.Verify(tok); err != nil {
			t.Errorf("during overlap: %v", err)
		}
	}
	ks2, _ := auth.NewKeySet([]auth.SigningKey{next})
	f.tokens.SetKeys(ks2)
	if _, err := f.tokens.Verify(before); err == nil {
		t.Error("token of a dropped key still verifies")
	}
	if _, err := f.tokens.Verify(after); err != nil {
		t.Errorf("token of the current key: %v", err)
	}
}

func TestSigningKeyStorageRoundTrip(t *testing.T) {
	for _, alg := range []string{auth.AlgES256, auth.AlgEdDSA} {
		k, _ := auth.GenerateSigningKey(alg, epoch)
		data, err := k.MarshalPrivate()
		if err != nil {
			t.Fatal(err)
		}
		back, err := auth.ParseSigningKey(k.ID, alg, data, k.CreatedAt, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		ks, _ := auth.NewKeySet([]auth.SigningKey{back})
		tk := auth.NewTokens(testIssuer, testAudience, ks, func() time.Time { return epoch })
		raw, _ := tk.Issue(validClaims())
		ks0, _ := auth.NewKeySet([]auth.SigningKey{k})
		if _, err := auth.NewTokens(testIssuer, testAudience, ks0, func() time.Time { return epoch }).Verify(raw); err != nil {
			t.Errorf("%s: token from the reloaded key fails with the original: %v", alg, err)
		}
		if _, err := auth.ParseSigningKey("other", alg, data, epoch, time.Time{}); err == nil {
			t.Errorf("%s: key accepted under another id", alg)
		}
		pub, _ := json.Marshal(jose.JSONWebKey{Key: k.Private.Public(), KeyID: k.ID, Algorithm: alg})
		if _, err := auth.ParseSigningKey(k.ID, alg, pub, epoch, time.Time{}); err == nil {
			t.Errorf("%s: public key accepted as a signing key", alg)
		}
	}
	if _, err := auth.GenerateSigningKey("HS256", epoch); !apperr.Is(err, apperr.Invalid) {
		t.Errorf("HS256 key generation: %v, want Invalid", err)
	}
	if _, err := auth.NewKeySet(nil); err == nil {
		t.Error("empty key set accepted")
	}
}

func FuzzVerify(f *testing.F) {
	fx := newFixture(f, auth.AlgES256)
	good, _ := fx.tokens.Issue(validClaims())
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add("eyJhbGciOiJub25lIn0.e30.")
	f.Add("a.b.c")
	f.Add("...")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := fx.tokens.Verify(s)
		if err == nil && s != good {
			// Only a token we signed may pass; any other string that
			// verifies must at least carry our claims.
			if c.Issuer != testIssuer || c.Subject != "user-1" {
				t.Fatalf("accepted %q with claims %+v", s, c)
			}
		}
		if err != nil && !apperr.Is(err, apperr.Unauthorized) {
			t.Fatalf("error code %s", apperr.CodeOf(err))
		}
	})
}

func BenchmarkVerifyES256(b *testing.B) { benchVerify(b, auth.AlgES256) }
func BenchmarkVerifyEdDSA(b *testing.B) { benchVerify(b, auth.AlgEdDSA) }
func BenchmarkIssueES256(b *testing.B) {
	f := newFixture(b, auth.AlgES256)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.tokens.Issue(validClaims()); err != nil {
			b.Fatal(err)
		}
	}
}

func benchVerify(b *testing.B, alg string) {
	f := newFixture(b, alg)
	raw, _ := f.tokens.Issue(validClaims())
	b.ReportAllocs()
	cpu := testenv.CPUTime()
	for b.Loop() {
		if _, err := f.tokens.Verify(raw); err != nil {
			b.Fatal(err)
		}
	}
	testenv.ReportCPU(b, cpu, "verifies")
}

// TestVerifyMemoStillChecksClaimsAndKeys: a token verified once is
// remembered, but expiry and the key's presence are checked again on every
// call (RFC 9068 §4: validate exp; key rotation must retire keys).
func TestVerifyMemoStillChecksClaimsAndKeys(t *testing.T) {
	f := newFixture(t, auth.AlgES256)
	raw, err := f.tokens.Issue(validClaims())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.tokens.Verify(raw); err != nil {
		t.Fatalf("first verify: %v", err)
	}
	if _, err := f.tokens.Verify(raw); err != nil {
		t.Fatalf("memoised verify: %v", err)
	}
	f.now = epoch.Add(10 * time.Minute)
	if _, err := f.tokens.Verify(raw); err == nil {
		t.Error("an expired token verified from the memo")
	}
	f.now = epoch
	other, err := auth.GenerateSigningKey(auth.AlgES256, epoch)
	if err != nil {
		t.Fatal(err)
	}
	ks, err := auth.NewKeySet([]auth.SigningKey{other})
	if err != nil {
		t.Fatal(err)
	}
	f.tokens.SetKeys(ks)
	if _, err := f.tokens.Verify(raw); err == nil {
		t.Error("a token whose key left the key set verified from the memo")
	}
}

// BenchmarkVerifyES256Cold verifies tokens never seen before: the full
// signature check, as for a client's first request with a new token.
func BenchmarkVerifyES256Cold(b *testing.B) { benchVerifyCold(b, auth.AlgES256) }

// BenchmarkVerifyEdDSACold is the same for Ed25519 keys
// (PARLEY_SIGNING_ALG=EdDSA), whose verification is cheaper than ECDSA's.
func BenchmarkVerifyEdDSACold(b *testing.B) { benchVerifyCold(b, auth.AlgEdDSA) }

func benchVerifyCold(b *testing.B, alg string) {
	f := newFixture(b, alg)
	toks := make([]string, 4096)
	for i := range toks {
		c := validClaims()
		c.Subject = fmt.Sprintf("user-%d", i)
		toks[i], _ = f.tokens.Issue(c)
	}
	b.ReportAllocs()
	i := 0
	var cpu, issuing time.Duration
	cpu = testenv.CPUTime()
	for b.Loop() {
		if _, err := f.tokens.Verify(toks[i%len(toks)]); err != nil {
			b.Fatal(err)
		}
		i++
		if i%len(toks) == 0 {
			b.StopTimer()
			t0 := testenv.CPUTime()
			for j := range toks {
				c := validClaims()
				c.Subject = fmt.Sprintf("user-%d-%d", i, j)
				toks[j], _ = f.tokens.Issue(c)
			}
			issuing += testenv.CPUTime() - t0
			b.StartTimer()
		}
	}
	testenv.ReportCPU(b, cpu+issuing, "verifies") // signing fresh tokens is not counted
}
