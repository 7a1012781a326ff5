package auth_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/auth"
)

func TestParseBearer(t *testing.T) {
	tests := []struct {
		name, header, want string
	}{
		{"RFC6750-2.1 plain", "Bearer abc.def-_~+/==", "abc.def-_~+/=="},
		{"RFC9110-11.1 scheme is case-insensitive", "bEaReR tok", "tok"},
		{"RFC6750-2.1 several spaces", "Bearer   tok", "tok"},
		{"RFC6750-3 missing header", "", ""},
		{"RFC6750-2.1 Basic scheme refused", "Basic dXNlcjpwYXNz", ""},
		{"RFC6750-2.1 no token", "Bearer", ""},
		{"RFC6750-2.1 empty token", "Bearer ", ""},
		{"RFC6750-2.1 token with space", "Bearer a b", ""},
		{"RFC6750-2.1 token with comma (two credentials)", "Bearer a,Bearer b", ""},
		{"RFC6750-2.1 padding only", "Bearer ==", ""},
		{"RFC6750-2.1 padding in the middle", "Bearer a=b", ""},
		{"RFC6750-2.1 quoted token", `Bearer "tok"`, ""},
		{"RFC6750-2.1 tab separator", "Bearer\ttok", ""},
		{"RFC6750-2.1 non-ASCII", "Bearer tök", ""},
		{"DoS oversized header", "Bearer " + strings.Repeat("a", 9000), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := auth.ParseBearer(tt.header)
			if tt.want == "" {
				if err == nil || !apperr.Is(err, apperr.Unauthorized) {
					t.Fatalf("ParseBearer(%q) = %q, %v; want Unauthorized", tt.header, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseBearer(%q) = %q, %v; want %q", tt.header, got, err, tt.want)
			}
		})
	}
}

func FuzzParseBearer(f *testing.F) {
	for _, s := range []string{"Bearer abc", "bearer a.b.c", "Basic x", "Bearer ", "Bearer a==", "Bearer parley_x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		tok, err := auth.ParseBearer(h)
		if err != nil {
			if !apperr.Is(err, apperr.Unauthorized) {
				t.Fatalf("code %s", apperr.CodeOf(err))
			}
			return
		}
		if tok == "" || strings.ContainsAny(tok, " \t,\"") || !strings.HasSuffix(h, tok) {
			t.Fatalf("ParseBearer(%q) = %q", h, tok)
		}
	})
}

func TestParseScope(t *testing.T) {
	got, err := auth.ParseScope("profiles:write openid profiles:write")
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(auth.Scopes{"openid", "profiles:write"}, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if !got.Has("openid") || got.Has("admin") || !got.Within(auth.NewScopes("openid", "profiles:write", "admin")) {
		t.Error("set operations wrong")
	}
	bad := map[string]string{
		"RFC6749-3.3 double space":      "a  b",
		"RFC6749-3.3 leading space":     " a",
		"RFC6749-3.3 double quote":      `a"b`,
		"RFC6749-3.3 backslash":         `a\b`,
		"RFC6749-3.3 control character": "a\x00b",
		"RFC6749-3.3 non-ASCII":         "prófiles",
		"RFC6749-3.3 tab separator":     "a\tb",
		"DoS oversized scope":           strings.Repeat("a ", 600),
	}
	for name, s := range bad {
		if _, err := auth.ParseScope(s); !apperr.Is(err, apperr.Invalid) {
			t.Errorf("%s: ParseScope(%q) err %v, want Invalid", name, s, err)
		}
	}
}

func FuzzParseScope(f *testing.F) {
	f.Add("openid profiles:write")
	f.Add("a  b")
	f.Fuzz(func(t *testing.T, s string) {
		sc, err := auth.ParseScope(s)
		if err != nil {
			return
		}
		again, err := auth.ParseScope(sc.String())
		if err != nil || !cmp.Equal(sc, again) {
			t.Fatalf("round trip of %q: %v, %v", s, again, err)
		}
	})
}

func TestPKCE(t *testing.T) {
	verifier := "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk" // RFC 7636 Appendix B
	challenge := "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
	if got := auth.S256Challenge(verifier); got != challenge {
		t.Fatalf("S256Challenge = %s, want the RFC 7636 Appendix B value", got)
	}
	if err := auth.ValidateChallenge(challenge, "S256"); err != nil {
		t.Fatal(err)
	}
	if err := auth.VerifyPKCE(challenge, verifier); err != nil {
		t.Fatal(err)
	}
	neg := []struct{ name, challenge, method, verifier string }{
		{"RFC9700-2.1.1 PKCE downgrade: method plain", verifier, "plain", ""},
		{"RFC9700-2.1.1 PKCE downgrade: method missing", challenge, "", ""},
		{"RFC7636-4.4.1 challenge missing", "", "S256", ""},
		{"RFC7636-4.2 challenge not a SHA-256", "abc", "S256", ""},
	}
	for _, n := range neg {
		if err := auth.ValidateChallenge(n.challenge, n.method); !apperr.Is(err, apperr.Invalid) {
			t.Errorf("%s: %v, want Invalid", n.name, err)
		}
	}
	badVerifiers := map[string]string{
		"RFC7636-4.6 wrong verifier":                           strings.Repeat("a", 43),
		"RFC7636-4.1 verifier too short":                       verifier[:42],
		"RFC7636-4.1 verifier too long":                        strings.Repeat("a", 129),
		"RFC7636-4.1 verifier with illegal character":          verifier[:42] + "!",
		"RFC9700-2.1.1 plain downgrade: challenge as verifier": challenge,
		"RFC7636-4.5 verifier missing":                         "",
	}
	for name, v := range badVerifiers {
		if err := auth.VerifyPKCE(challenge, v); !apperr.Is(err, apperr.Invalid) {
			t.Errorf("%s: %v, want Invalid", name, err)
		}
	}
	if err := auth.VerifyPKCE("", verifier); !apperr.Is(err, apperr.Invalid) {
		t.Errorf("code without challenge: %v", err)
	}
}

func TestAPIKeyFormat(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		k := auth.NewAPIKey()
		if !strings.HasPrefix(k, "parley_") || len(k) != len("parley_")+38 || seen[k] {
			t.Fatalf("bad or repeated key %q", k)
		}
		seen[k] = true
		if err := auth.CheckAPIKey(k); err != nil {
			t.Fatalf("fresh key %q fails its own check: %v", k, err)
		}
	}
	k := auth.NewAPIKey()
	typo := []byte(k)
	i := len("parley_") + 3
	if typo[i] == 'a' {
		typo[i] = 'b'
	} else {
		typo[i] = 'a'
	}
	bad := map[string]string{
		"checksum catches a typo":    string(typo),
		"wrong prefix":               "parlay_" + k[7:],
		"truncated":                  k[:len(k)-1],
		"non-base62 character":       k[:10] + "-" + k[11:],
		"checksum swapped for zeros": k[:len(k)-6] + "000000",
	}
	for name, s := range bad {
		if err := auth.CheckAPIKey(s); !apperr.Is(err, apperr.Unauthorized) {
			t.Errorf("%s: %v, want Unauthorized", name, err)
		}
	}
}

func FuzzCheckAPIKey(f *testing.F) {
	f.Add(auth.NewAPIKey())
	f.Add("parley_")
	f.Fuzz(func(t *testing.T, s string) {
		if err := auth.CheckAPIKey(s); err == nil && (len(s) != 45 || !auth.LooksLikeAPIKey(s)) {
			t.Fatalf("accepted %q", s)
		}
	})
}

func TestPepper(t *testing.T) {
	p := auth.Pepper(strings.Repeat("k", 32))
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := auth.Pepper("short").Validate(); !apperr.Is(err, apperr.Invalid) {
		t.Errorf("short pepper: %v", err)
	}
	h := p.Hash(auth.PurposeAPIKey, "secret")
	if !p.Equal(auth.PurposeAPIKey, "secret", h) || p.Equal(auth.PurposeRefreshToken, "secret", h) ||
		p.Equal(auth.PurposeAPIKey, "secreT", h) || auth.Pepper(strings.Repeat("x", 32)).Equal(auth.PurposeAPIKey, "secret", h) {
		t.Error("keyed hash does not separate purpose, secret or pepper")
	}
	if s := auth.NewClientSecret(); len(s) < 43 {
		t.Errorf("client secret %q has fewer than 256 bits", s)
	}
}

// cheap keeps password tests fast; the OWASP parameters are checked apart.
var cheap = auth.Argon2Params{MemoryKiB: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestPasswords(t *testing.T) {
	ctx := context.Background()
	p := auth.NewPasswords(cheap, 2)
	h, err := p.Hash(ctx, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Errorf("hash %q is not a PHC argon2id string", h)
	}
	h2, _ := p.Hash(ctx, "correct horse battery")
	if h == h2 {
		t.Error("two hashes of one password are equal: salt not random")
	}
	cases := []struct {
		name, encoded, pw string
		want              bool
	}{
		{"right password", h, "correct horse battery", true},
		{"wrong password", h, "correct horse batterY", false},
		{"unknown user checks a dummy", "", "correct horse battery", false},
		{"unknown user with the dummy's own password", "", "parley-dummy-password", false},
		{"overlong password", h, strings.Repeat("x", 2000), false},
	}
	for _, c := range cases {
		got, err := p.Verify(ctx, c.encoded, c.pw)
		if err != nil || got != c.want {
			t.Errorf("%s: Verify = %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	if _, err := p.Verify(ctx, "$argon2id$v=19$m=99999999,t=1,p=1$AAAA$AAAA", "x"); !apperr.Is(err, apperr.Internal) {
		t.Errorf("hostile stored parameters: %v, want Internal", err)
	}
	if _, err := p.Hash(ctx, "short"); !apperr.Is(err, apperr.Invalid) {
		t.Errorf("short password: %v, want Invalid", err)
	}
	if p.NeedsRehash(h) || !auth.NewPasswords(auth.OWASPParams, 1).NeedsRehash(h) {
		t.Error("NeedsRehash wrong")
	}
}

func TestPasswordsOWASPParameters(t *testing.T) {
	h, err := auth.NewPasswords(auth.OWASPParams, 1).Hash(context.Background(), "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q does not use m=19 MiB, t=2, p=1", h)
	}
}

func TestPolicy(t *testing.T) {
	pol := auth.DefaultPolicy()
	writer := &auth.Principal{Kind: auth.KindClient, Subject: "c", Scopes: auth.NewScopes("profiles:write")}
	reader := &auth.Principal{Kind: auth.KindAPIKey, Subject: "k", Scopes: auth.NewScopes("profiles:read")}
	admin := &auth.Principal{Kind: auth.KindUser, Subject: "u", Role: auth.RoleAdmin, Scopes: auth.RoleAdmin.Scopes()}
	editor := &auth.Principal{Kind: auth.KindUser, Subject: "u", Role: auth.RoleEditor, Scopes: auth.RoleEditor.Scopes()}
	tests := []struct {
		pattern string
		p       *auth.Principal
		want    apperr.Code
	}{
		{"PUT /v1/profiles/{slug}", nil, apperr.Unauthorized},
		{"PUT /v1/profiles/{slug}", reader, apperr.Forbidden},
		{"PUT /v1/profiles/{slug}", writer, ""},
		{"PUT /v1/profiles/{slug}", editor, ""},
		{"GET /v1/profiles/{slug}", nil, ""},
		{"POST /v1/admin/", editor, apperr.Forbidden},
		{"POST /v1/admin/", writer, apperr.Forbidden},
		{"POST /v1/admin/", admin, ""},
		{"DELETE /v1/unlisted", admin, apperr.Forbidden},
	}
	for _, tt := range tests {
		req, err := pol.Lookup(tt.pattern)
		if err == nil {
			err = req.Check(tt.p)
		}
		if got := apperr.CodeOf(err); got != tt.want {
			t.Errorf("%s by %+v: %q (%v), want %q", tt.pattern, tt.p, got, err, tt.want)
		}
	}
}
