package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/oauth2/clientcredentials"

	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/testenv"
)

func put(t *testing.T, url, token, body string) int {
	t.Helper()
	req, _ := http.NewRequest("PUT", url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestAdminCredentialsWork creates an API key and an OAuth client with the
// CLI and uses both against a running server, the client through the
// independent golang.org/x/oauth2 client-credentials implementation.
func TestAdminCredentialsWork(t *testing.T) {
	for name, env := range testEnvs(t) {
		t.Run(name, func(t *testing.T) {
			addr := testenv.FreeAddr(t)
			env["PARLEY_HTTP_ADDR"] = addr
			base := "http://" + addr
			out, _, err := cli(t, env, "", "admin", "apikey", "create", "--name", "ci", "--scope", "profiles:write")
			if err != nil {
				t.Fatal(err)
			}
			var key struct{ ID, Key string }
			if err := json.Unmarshal([]byte(out), &key); err != nil || !strings.HasPrefix(key.Key, "parley_") {
				t.Fatalf("apikey create printed %q (%v)", out, err)
			}
			out, _, err = cli(t, env, "", "admin", "client", "create", "--name", "site", "--scope", "profiles:write profiles:read")
			if err != nil {
				t.Fatal(err)
			}
			var client struct {
				ID     string `json:"client_id"`
				Secret string `json:"client_secret"`
			}
			if err := json.Unmarshal([]byte(out), &client); err != nil || client.ID == "" || client.Secret == "" {
				t.Fatalf("client create printed %q (%v)", out, err)
			}
			doc, err := os.ReadFile(sample)
			if err != nil {
				t.Fatal(err)
			}
			stop := serveInBackground(t, env)
			defer stop()
			if st := put(t, base+"/v1/profiles/ada", "", string(doc)); st != 401 {
				t.Errorf("PUT without credentials: %d, want 401", st)
			}
			if st := put(t, base+"/v1/profiles/ada", key.Key, string(doc)); st != 201 {
				t.Errorf("PUT with the API key: %d, want 201", st)
			}
			cc := clientcredentials.Config{ClientID: client.ID, ClientSecret: client.Secret,
				TokenURL: base + "/oauth/token", Scopes: []string{"profiles:write"}}
			tok, err := cc.Token(context.Background())
			if err != nil {
				t.Fatalf("client credentials grant: %v", err)
			}
			if st := put(t, base+"/v1/profiles/ada", tok.AccessToken, strings.Replace(string(doc), "Programmer", "Engineer", 1)); st != 200 {
				t.Errorf("PUT with the access token: %d, want 200", st)
			}
			ro := clientcredentials.Config{ClientID: client.ID, ClientSecret: client.Secret,
				TokenURL: base + "/oauth/token", Scopes: []string{"profiles:read"}}
			rtok, err := ro.Token(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if st := put(t, base+"/v1/profiles/ada", rtok.AccessToken, string(doc)); st != 403 {
				t.Errorf("PUT with a read-only token: %d, want 403", st)
			}
			if _, _, err := cli(t, env, "", "admin", "apikey", "revoke", key.ID); err != nil {
				t.Fatal(err)
			}
			if st := put(t, base+"/v1/profiles/ada", key.Key, string(doc)); st != 401 {
				t.Errorf("PUT with a revoked key: %d, want 401", st)
			}
			out, _, err = cli(t, env, "", "admin", "apikey", "list")
			if err != nil || !strings.Contains(out, "revoked") || strings.Contains(out, key.Key) {
				t.Errorf("apikey list: %v\n%s", err, out)
			}
			st := getJSON(t, base+"/.well-known/openid-configuration")
			if st["issuer"] != base || st["token_endpoint"] != base+"/oauth/token" {
				t.Errorf("discovery: %v", st)
			}
		})
	}
}

func TestAdminUserCreateReadsStdin(t *testing.T) {
	env := map[string]string{"PARLEY_DATA_DIR": t.TempDir()}
	if _, _, err := cli(t, env, "short\n", "admin", "user", "create", "--username", "ada", "--role", "admin"); err == nil {
		t.Error("a short password was accepted")
	}
	out, _, err := cli(t, env, "correct horse battery staple\n", "admin", "user", "create", "--username", "ada", "--role", "admin")
	if err != nil || !strings.Contains(out, `"role":"admin"`) {
		t.Fatalf("user create: %v %q", err, out)
	}
	if _, _, err := cli(t, env, "", "admin", "nothing", "here"); err == nil {
		t.Error("unknown admin command accepted")
	}
}

// TestServeRefusesAnotherPepper: signing keys are sealed under the auth
// pepper, so `parley serve` with a different pepper must stop at start-up
// with an error that names the pepper, not run with a fresh key.
func TestServeRefusesAnotherPepper(t *testing.T) {
	for name, env := range testEnvs(t) {
		t.Run(name, func(t *testing.T) {
			env["PARLEY_AUTH_PEPPER"] = strings.Repeat("a", 40)
			if _, _, err := cli(t, env, "", "admin", "keys", "rotate"); err != nil {
				t.Fatalf("keys rotate: %v", err)
			}
			env["PARLEY_AUTH_PEPPER"] = strings.Repeat("b", 40)
			env["PARLEY_HTTP_ADDR"] = testenv.FreeAddr(t)
			_, _, err := cli(t, env, "", "serve")
			if err == nil || !strings.Contains(err.Error(), "pepper") || !strings.Contains(err.Error(), "decrypt") {
				t.Fatalf("serve with another pepper: %v; want a start-up error about decrypting with the pepper", err)
			}
		})
	}
}

// TestAdminHelpScopesAreChecked: every scope the admin help offers is one a
// route or the token endpoint acts on, or the help says it grants nothing,
// so that an operator does not hand out a scope believing it limits or
// allows something.
func TestAdminHelpScopesAreChecked(t *testing.T) {
	help, _, err := cli(t, nil, "", "admin", "--help")
	if err != nil {
		t.Fatal(err)
	}
	acted := map[string]bool{
		auth.ScopeAdmin:  true, // satisfies the admin routes' role for machine callers (Requirement.Check)
		auth.ScopeOpenID: true, // makes the code grant return an ID token
	}
	for pattern, req := range auth.DefaultPolicy() {
		if req.Scope != "" {
			acted[req.Scope] = true
		}
		if req.Role != "" && !strings.Contains(pattern, "/v1/admin/") {
			t.Errorf("%s needs role %s: the help says only /v1/admin/... takes the admin scope", pattern, req.Role)
		}
	}
	_, list, ok := strings.Cut(help, "Scopes, and what each allows:\n")
	if !ok {
		t.Fatalf("the help lists no scopes:\n%s", help)
	}
	listed := 0
	for _, line := range strings.Split(list, "\n") {
		if !strings.HasPrefix(line, "  ") {
			break
		}
		scope, use, _ := strings.Cut(strings.TrimSpace(line), " ")
		listed++
		if !acted[scope] && !strings.Contains(use, "grants nothing") {
			t.Errorf("the help offers %q (%s), which no route checks", scope, strings.TrimSpace(use))
		}
		delete(acted, scope)
	}
	if listed == 0 {
		t.Errorf("no scope listed:\n%s", help)
	}
	for scope := range acted {
		t.Errorf("scope %q is checked but the help does not list it", scope)
	}
}

// TestAdminNotesUncheckedScopes: a scope no parley route checks is still
// granted (a gateway route may check it) but the CLI says so; parley's
// own scopes pass without a note.
func TestAdminNotesUncheckedScopes(t *testing.T) {
	env := map[string]string{"PARLEY_DATA_DIR": t.TempDir()}
	for _, tc := range []struct {
		args []string
		note string // "" = no note
	}{
		{[]string{"apikey", "create", "--name", "ci", "--scope", "profiles:write"}, ""},
		{[]string{"apikey", "create", "--name", "ci2", "--scope", "sessions:write profiles:write"}, `"sessions:write"`},
		{[]string{"client", "create", "--name", "site", "--scope", "openid profiles:write admin"}, ""},
		// No route checks profiles:read (and discovery does not advertise it).
		{[]string{"client", "create", "--name", "reader", "--scope", "openid profiles:read"}, `"profiles:read"`},
		{[]string{"client", "create", "--name", "up", "--scope", "orders:read"}, `"orders:read"`},
	} {
		out, errOut, err := cli(t, env, "", append([]string{"admin"}, tc.args...)...)
		if err != nil || !strings.Contains(out, "{") {
			t.Fatalf("%v: %v, %q", tc.args, err, out)
		}
		hasNote := strings.Contains(errOut, "no parley route checks scope")
		if tc.note == "" && hasNote || tc.note != "" && !strings.Contains(errOut, tc.note) {
			t.Errorf("%v: stderr %q, want note %q", tc.args, errOut, tc.note)
		}
	}
}

// TestAdminHelpChangesNothing: --help on an admin command prints that
// command's usage to stdout and touches no database: it once opened (and
// created) the data directory first, listed the keys for "apikey list"
// and rotated the signing key for "keys rotate".
func TestAdminHelpChangesNothing(t *testing.T) {
	for _, args := range [][]string{
		{"client", "create", "--help"},
		{"apikey", "create", "--help"},
		{"apikey", "create", "--name", "ci", "-h"},
		{"apikey", "list", "--help"},
		{"apikey", "revoke", "--help"},
		{"user", "create", "-help"},
		{"keys", "rotate", "--help"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			out, errOut, err := cli(t, map[string]string{"PARLEY_DATA_DIR": dir}, "", append([]string{"admin"}, args...)...)
			if err != nil && !errors.Is(err, flag.ErrHelp) {
				t.Fatalf("err = %v", err)
			}
			if want := "Usage: parley admin " + args[0] + " " + args[1]; !strings.HasPrefix(out, want) || errOut != "" {
				t.Errorf("stdout starts %.40q, stderr %d bytes; want the usage (%q) on stdout alone", out, len(errOut), want)
			}
			if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("--help opened the database: %s exists (%v)", dir, err)
			}
		})
	}
}

// TestAdminRevokeTakesDashID: key IDs are base64url and may start with
// "-"; revoke reads its one argument as the ID, not as a flag.
func TestAdminRevokeTakesDashID(t *testing.T) {
	env := map[string]string{"PARLEY_DATA_DIR": t.TempDir()}
	for _, args := range [][]string{{"-nosuchkey"}, {"--", "-nosuchkey"}} {
		_, _, err := cli(t, env, "", append([]string{"admin", "apikey", "revoke"}, args...)...)
		if err == nil || strings.Contains(err.Error(), "flag") || strings.Contains(err.Error(), "exactly one") {
			t.Errorf("revoke %q: err = %v, want the store's answer about an unknown key", args, err)
		}
	}
}
