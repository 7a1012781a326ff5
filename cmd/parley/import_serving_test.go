package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestReimportWhileServing is the README's flow: `parley serve` runs, the
// owner imports a résumé, visitors read it and ask about it, the owner
// imports an edited one with the CLI (another process). With Redis, the
// server must serve the new version at once; without it, within the
// in-process pointers' bound (polled here with a generous liveness
// deadline; the bound itself is tested with a fake clock in
// internal/store/profilecache).
func TestReimportWhileServing(t *testing.T) {
	for _, tc := range []struct {
		name  string
		redis bool
		says  string // what the import prints of the servers
	}{
		{"embedded", false, "running servers pick up version 2 within 1s"},
		{"redis", true, "running servers serve version 2 at once"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{
				"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_HTTP_ADDR": testenv.FreeAddr(t),
				"PARLEY_RATE_LIMIT": "off", "PARLEY_CACHE": "on",
			}
			if tc.redis {
				env["REDIS_URL"] = testenv.RedisURL(t)
			}
			// The servers' Redis key names are fixed; a slug of our own keeps
			// other tests on the same Redis out of the way.
			slug := fmt.Sprintf("reimport-%08x", rand.Uint32())
			raw, err := os.ReadFile(sample)
			if err != nil {
				t.Fatal(err)
			}
			edition := func(employer string) string {
				return strings.ReplaceAll(string(raw), "Pied Piper", employer)
			}
			if _, _, err := cli(t, env, edition("Pied Piper"), "import", "--slug", slug, "-"); err != nil {
				t.Fatal(err)
			}
			stop := serveInBackground(t, env)
			defer stop()
			base := "http://" + env["PARLEY_HTTP_ADDR"]
			// Read it and ask about it, twice each: the server now holds
			// version 1 in every cache it has.
			for range 2 {
				if got := profileEmployer(t, base, slug); got != "Pied Piper" {
					t.Fatalf("before the re-import: employer %q", got)
				}
				if reply := ask(t, base, slug, "Where did he work?"); !strings.Contains(reply, "Pied Piper") {
					t.Fatalf("before the re-import the reply does not name the employer: %q", reply)
				}
			}

			out, _, err := cli(t, env, edition("Hooli XYZ"), "import", "--slug", slug, "-")
			if err != nil || !strings.Contains(out, "version 2") {
				t.Fatalf("re-import: %v, %q", err, out)
			}
			if !strings.Contains(out, tc.says) {
				t.Errorf("re-import printed %q, want it to say %q", out, tc.says)
			}
			start := time.Now()
			deadline := start.Add(10 * time.Second) // liveness; the design bound is far below
			for {
				got := profileEmployer(t, base, slug)
				reply := ask(t, base, slug, "Where did he work?")
				if got == "Hooli XYZ" && strings.Contains(reply, "Hooli XYZ") {
					break
				}
				if tc.redis {
					t.Fatalf("right after the re-import through Redis: profile employer %q, reply %q; want version 2 at once", got, reply)
				}
				if time.Now().After(deadline) {
					t.Fatalf("%s after the re-import the server still serves version 1: employer %q, reply %q",
						time.Since(start).Round(time.Millisecond), got, reply)
				}
				time.Sleep(50 * time.Millisecond)
			}
			t.Logf("version 2 served %s after the import returned", time.Since(start).Round(time.Millisecond))
		})
	}
}

// profileEmployer returns the first employer of slug's public profile.
func profileEmployer(t *testing.T, base, slug string) string {
	t.Helper()
	st, body := getBody(t, base+"/v1/profiles/"+slug, "")
	if st != 200 {
		t.Fatalf("GET profile: %d %s", st, body)
	}
	var p struct {
		Work []struct{ Name string } `json:"work"`
	}
	if err := json.Unmarshal(body, &p); err != nil || len(p.Work) == 0 {
		t.Fatalf("GET profile: %v, %s", err, body)
	}
	return p.Work[0].Name
}

// ask opens a session on slug and returns the reply to question.
func ask(t *testing.T, base, slug, question string) string {
	t.Helper()
	id := postJSON(t, base+"/v1/sessions", `{"profile": "`+slug+`"}`, 201)["id"].(string)
	q, _ := json.Marshal(map[string]string{"text": question})
	out := postJSON(t, base+"/v1/sessions/"+id+"/messages", string(q), 200)
	reply, _ := out["reply"].(map[string]any)
	text, _ := reply["text"].(string)
	return text
}
