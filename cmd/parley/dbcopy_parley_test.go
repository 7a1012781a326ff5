package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/oauth2/clientcredentials"

	"github.com/parleyhq/parley/internal/testenv"
)

// getBody returns the status and body of an optionally authenticated GET.
func getBody(t *testing.T, url, token string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// parleyState is what a visitor and an API client see of an installation.
type parleyState struct {
	Profile any
	History any
}

func readState(t *testing.T, base, session string) parleyState {
	t.Helper()
	var st parleyState
	code, b := getBody(t, base+"/v1/profiles/hendriks", "")
	if code != 200 || json.Unmarshal(b, &st.Profile) != nil {
		t.Fatalf("GET profile: %d %s", code, b)
	}
	code, b = getBody(t, base+"/v1/sessions/"+session+"/messages", "")
	if code != 200 || json.Unmarshal(b, &st.History) != nil {
		t.Fatalf("GET history: %d %s", code, b)
	}
	return st
}

// TestDBCopyMovesParleyToPostgres is the acceptance path of dbcopy for a
// Parley installation: a SQLite installation with a profile, a
// conversation, an API key and an OAuth client moves to PostgreSQL with
// `parley dbcopy run`, and `parley serve` on the PostgreSQL database serves
// the same profile and history and accepts the credentials issued before.
func TestDBCopyMovesParleyToPostgres(t *testing.T) {
	// The pepper and the public URL (the token issuer) are configuration,
	// not data: a move keeps them.
	pepper, public := strings.Repeat("pepper-", 8), "https://chat.example.com"
	dataDir := t.TempDir()
	lite := map[string]string{"PARLEY_DATA_DIR": dataDir, "PARLEY_AUTH_PEPPER": pepper, "PARLEY_PUBLIC_URL": public, "PARLEY_HTTP_ADDR": testenv.FreeAddr(t)}
	if _, _, err := cli(t, lite, "", "import", "--slug", "hendriks", sample); err != nil {
		t.Fatal(err)
	}
	out, _, err := cli(t, lite, "", "admin", "apikey", "create", "--name", "ci", "--scope", "profiles:write")
	if err != nil {
		t.Fatal(err)
	}
	var key struct{ Key string }
	if err := json.Unmarshal([]byte(out), &key); err != nil {
		t.Fatalf("apikey create printed %q: %v", out, err)
	}
	out, _, err = cli(t, lite, "", "admin", "client", "create", "--name", "site", "--scope", "profiles:write")
	if err != nil {
		t.Fatal(err)
	}
	var client struct {
		ID     string `json:"client_id"`
		Secret string `json:"client_secret"`
	}
	if err := json.Unmarshal([]byte(out), &client); err != nil {
		t.Fatalf("client create printed %q: %v", out, err)
	}

	base := "http://" + lite["PARLEY_HTTP_ADDR"]
	stop := serveInBackground(t, lite)
	session := postJSON(t, base+"/v1/sessions", `{"profile": "hendriks"}`, 201)["id"].(string)
	postJSON(t, base+"/v1/sessions/"+session+"/messages", `{"text": "Where did he study?"}`, 200)
	postJSON(t, base+"/v1/sessions/"+session+"/messages", `{"text": "What is his email?"}`, 200)
	cc := clientcredentials.Config{ClientID: client.ID, ClientSecret: client.Secret, TokenURL: base + "/oauth/token", Scopes: []string{"profiles:write"}}
	tok, err := cc.Token(context.Background())
	if err != nil {
		t.Fatalf("client credentials grant before the move: %v", err)
	}
	before := readState(t, base, session)
	stop()

	pg := testenv.PostgresURL(t)
	from := "sqlite:" + filepath.Join(dataDir, "parley.db")
	for _, args := range [][]string{
		{"dbcopy", "plan", "--from", from, "--to", pg}, // the target is not migrated yet: plan says so
		{"dbcopy", "run", "--from", from, "--to", pg, "--reject-file", filepath.Join(t.TempDir(), "rejects.jsonl")},
		{"dbcopy", "verify", "--from", from, "--to", pg},
		{"dbcopy", "plan", "--from", from, "--to", pg},
	} {
		out, stderr, err := cli(t, lite, "", args...)
		if err != nil && !(args[1] == "plan" && strings.Contains(err.Error(), "parley migrate up")) {
			t.Fatalf("%s: %v\n%s\n%s", strings.Join(args[:2], " "), err, out, stderr)
		}
		if args[1] == "run" && (!strings.Contains(out, "copied") || strings.Contains(out, "REJECTED")) {
			t.Errorf("run printed %q", out)
		}
		t.Logf("%s:\n%s", strings.Join(args[:2], " "), out)
	}

	// A fresh data directory: everything must come from PostgreSQL.
	post := map[string]string{"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_AUTH_PEPPER": pepper, "PARLEY_PUBLIC_URL": public, "DATABASE_URL": pg, "PARLEY_HTTP_ADDR": testenv.FreeAddr(t)}
	out, _, err = cli(t, post, "", "migrate", "status")
	if err != nil || strings.Contains(strings.ToLower(out), "pending") {
		t.Errorf("migrate status on the target: %v\n%s", err, out)
	}
	base = "http://" + post["PARLEY_HTTP_ADDR"]
	stop = serveInBackground(t, post)
	defer stop()
	after := readState(t, base, session)
	if d := cmp.Diff(before, after); d != "" {
		t.Errorf("profile or history differ after the move (-sqlite +postgres):\n%s", d)
	}
	doc := `{"basics": {"name": "Ada"}}`
	if st := put(t, base+"/v1/profiles/ada", key.Key, doc); st != 201 {
		t.Errorf("PUT with the API key created before the move: %d, want 201", st)
	}
	if st := put(t, base+"/v1/profiles/ada", "parley_not-a-key", doc); st != 401 {
		t.Errorf("PUT with a made-up API key: %d, want 401", st)
	}
	if st := put(t, base+"/v1/profiles/ada", tok.AccessToken, `{"basics": {"name": "Ada L."}}`); st != 200 {
		t.Errorf("PUT with an access token issued before the move (signing keys copied): %d, want 200", st)
	}
	// The conversation continues on PostgreSQL.
	postJSON(t, base+"/v1/sessions/"+session+"/messages", `{"text": "Where did he work?"}`, 200)
	hist := getJSON(t, base+"/v1/sessions/"+session+"/messages")
	if n := len(hist["messages"].([]any)); n != 6 {
		t.Errorf("%d messages after a third turn on PostgreSQL, want 6", n)
	}
}
