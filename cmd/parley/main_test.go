package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/testenv"
)

const sample = "../../internal/profile/testdata/sample.resume.json"

// cli runs one command in-process with env as its whole environment.
func cli(t *testing.T, env map[string]string, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, func(k string) string { return env[k] }, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), err
}

func testEnvs(t *testing.T) map[string]map[string]string {
	return map[string]map[string]string{
		"sqlite":   {"PARLEY_DATA_DIR": t.TempDir()},
		"postgres": {"PARLEY_DATA_DIR": t.TempDir(), "DATABASE_URL": testenv.PostgresURL(t)},
	}
}

func TestImport(t *testing.T) {
	for name, env := range testEnvs(t) {
		t.Run(name, func(t *testing.T) {
			out, _, err := cli(t, env, "", "import", "--slug", "hendriks", sample)
			if err != nil || !strings.Contains(out, "version 1") {
				t.Fatalf("first import: %v, %q", err, out)
			}
			out, _, err = cli(t, env, "", "import", "--slug", "hendriks", sample)
			if err != nil || !strings.Contains(out, "unchanged") {
				t.Fatalf("identical re-import: %v, %q", err, out)
			}
			raw, _ := os.ReadFile(sample)
			changed := strings.Replace(string(raw), "Programmer", "Compression Programmer", 1)
			out, _, err = cli(t, env, changed, "import", "--slug", "hendriks", "-")
			if err != nil || !strings.Contains(out, "version 2") {
				t.Fatalf("changed import from stdin: %v, %q", err, out)
			}
		})
	}
}

func TestImportRejectsInvalidAndWritesNothing(t *testing.T) {
	for name, env := range testEnvs(t) {
		t.Run(name, func(t *testing.T) {
			cases := []struct{ name, doc, wantStderr string }{
				{"malformed", `{"basics": {"name": "A"}, "work": "x"`, ""},
				{"bad date", `{"basics": {"name": "A"}, "work": [{"name": "X"}, {"name": "Y"}, {"name": "Z", "startDate": "2019-13"}]}`, `work[2].startDate`},
				{"wrong type", `{"basics": {"name": true}}`, `basics.name`},
			}
			for _, c := range cases {
				_, stderr, err := cli(t, env, c.doc, "import", "--slug", "broken", "-")
				if err == nil {
					t.Fatalf("%s: imported", c.name)
				}
				if c.wantStderr != "" && !strings.Contains(stderr, c.wantStderr) {
					t.Errorf("%s: stderr %q lacks %q", c.name, stderr, c.wantStderr)
				}
			}
			// Nothing was written: the slug is unknown to a server on the same data.
			addr := testenv.FreeAddr(t)
			srvEnv := map[string]string{"PARLEY_HTTP_ADDR": addr}
			for k, v := range env {
				srvEnv[k] = v
			}
			stop := serveInBackground(t, srvEnv)
			defer stop()
			resp := get(t, "http://"+addr+"/v1/profiles/broken")
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("GET broken profile: %d, want 404", resp.StatusCode)
			}
		})
	}
}

func TestImportUsage(t *testing.T) {
	env := map[string]string{"PARLEY_DATA_DIR": t.TempDir()}
	if _, _, err := cli(t, env, "", "import", sample); err == nil {
		t.Error("import without --slug succeeded")
	}
	if _, _, err := cli(t, env, "", "import", "--slug", "Bad Slug", sample); err == nil {
		t.Error("import with an invalid slug succeeded")
	}
	if _, _, err := cli(t, env, "", "import", "--slug", "a", filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("import of a missing file succeeded")
	}
}

// serveInBackground runs `parley serve` until the returned stop is called,
// which cancels its context (as SIGTERM does) and checks it exits cleanly.
func serveInBackground(t testing.TB, env map[string]string) func() {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve"}, func(k string) string { return env[k] }, nil, io.Discard, io.Discard)
	}()
	base := "http://" + env["PARLEY_HTTP_ADDR"]
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			break
		}
		select {
		case err := <-done:
			t.Fatalf("serve exited early: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("serve did not become healthy")
		}
		time.Sleep(50 * time.Millisecond)
	}
	return func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve returned %v after shutdown, want nil", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("serve did not stop")
		}
	}
}

func get(t *testing.T, url string) *http.Response {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

func TestServeKeepsDataAcrossRestart(t *testing.T) {
	for name, env := range testEnvs(t) {
		t.Run(name, func(t *testing.T) {
			if _, _, err := cli(t, env, "", "import", "--slug", "hendriks", sample); err != nil {
				t.Fatal(err)
			}
			env["PARLEY_HTTP_ADDR"] = testenv.FreeAddr(t)
			base := "http://" + env["PARLEY_HTTP_ADDR"]
			var session string
			for round := range 2 {
				stop := serveInBackground(t, env)
				if resp := get(t, base+"/v1/profiles/hendriks"); resp.StatusCode != 200 {
					t.Errorf("GET profile: %d", resp.StatusCode)
				}
				if round == 0 {
					session = postJSON(t, base+"/v1/sessions", `{"profile": "hendriks"}`, 201)["id"].(string)
				}
				// The session and its history survive the restart.
				postJSON(t, base+"/v1/sessions/"+session+"/messages", `{"text": "Where did he study?"}`, 200)
				stop()
			}
			stop := serveInBackground(t, env)
			defer stop()
			hist := getJSON(t, base+"/v1/sessions/"+session+"/messages")
			if n := len(hist["messages"].([]any)); n != 4 {
				t.Errorf("%d messages after two turns across a restart, want 4", n)
			}
		})
	}
}

func TestInvalidConfigNamesTheSetting(t *testing.T) {
	_, _, err := cli(t, map[string]string{"PARLEY_HTTP_ADDR": "nope", "PARLEY_SESSION_TTL": "soon"}, "", "serve")
	if err == nil || !strings.Contains(err.Error(), "PARLEY_SESSION_TTL") {
		t.Fatalf("err = %v, want one naming PARLEY_SESSION_TTL", err)
	}
	_, _, err = cli(t, map[string]string{"PARLEY_HTTP_ADDR": "nope"}, "", "serve")
	if err == nil || !strings.Contains(err.Error(), "PARLEY_HTTP_ADDR") {
		t.Fatalf("err = %v, want one naming PARLEY_HTTP_ADDR", err)
	}
}

func TestHelpListsEverySetting(t *testing.T) {
	help, _, err := cli(t, nil, "", "serve", "--help")
	if err == nil {
		t.Fatal("--help returned nil; want flag.ErrHelp")
	}
	for _, want := range []string{"PARLEY_HTTP_ADDR", "DATABASE_URL", "REDIS_URL", "PARLEY_RATE_LIMIT", "127.0.0.1:8080",
		"PARLEY_LLM_BASE_URL", "PARLEY_LLM_TIMEOUT", "PARLEY_LLM_BUDGET", "PARLEY_LLM_MAX_RETRIES", "PARLEY_LLM_n_BASE_URL"} {
		if !strings.Contains(help, want) {
			t.Errorf("serve --help lacks %s", want)
		}
	}
}

// TestStoreCommandsHelpListsTheirSettings: migrate reaches only the database
// and import the database plus Redis (to tell running servers of the new
// version), so their help lists those, not serve's whole table.
func TestStoreCommandsHelpListsTheirSettings(t *testing.T) {
	for _, tc := range []struct {
		cmd       string
		want, not []string
	}{
		{"migrate", []string{"PARLEY_DATA_DIR", "DATABASE_URL"}, []string{"REDIS_URL"}},
		{"import", []string{"PARLEY_DATA_DIR", "DATABASE_URL", "REDIS_URL"}, nil},
	} {
		help, _, _ := cli(t, nil, "", tc.cmd, "--help")
		for _, want := range append(tc.want, "parley serve --help") {
			if !strings.Contains(help, want) {
				t.Errorf("%s --help lacks %s", tc.cmd, want)
			}
		}
		for _, not := range append(tc.not, "PARLEY_HTTP_ADDR", "PARLEY_LLM_BASE_URL", "PARLEY_STT") {
			if strings.Contains(help, not) {
				t.Errorf("%s --help lists %s, which it does not read", tc.cmd, not)
			}
		}
	}
}

// TestHelpGoesToStdout: help that was asked for is the command's output
// (stdout, exit 0), so that `parley serve --help | grep STT` finds it; a
// mistake still prints the usage to stderr.
func TestHelpGoesToStdout(t *testing.T) {
	for _, args := range [][]string{
		{"--help"}, {"help"}, {"serve", "--help"}, {"migrate", "-h"}, {"import", "--help"}, {"admin", "--help"},
		{"gateway", "--help"}, {"version", "--help"}, {"eval", "--help"}, {"dbcopy", "--help"},
		{"dbcopy", "plan", "--help"}, {"dbcopy", "run", "-h"}, {"dbcopy", "verify", "--help"},
	} {
		out, errOut, err := cli(t, map[string]string{"PARLEY_DATA_DIR": t.TempDir()}, "", args...)
		if err != nil && !errors.Is(err, flag.ErrHelp) {
			t.Errorf("%v: err = %v", args, err)
		}
		if !strings.Contains(out, "Usage") || errOut != "" {
			t.Errorf("%v: stdout %d bytes, stderr %d bytes; want the help on stdout alone", args, len(out), len(errOut))
		}
	}
	for _, args := range [][]string{{}, {"serve", "--no-such-flag"}, {"migrate"}, {"dbcopy", "plan", "--no-such-flag"}} {
		out, errOut, err := cli(t, map[string]string{"PARLEY_DATA_DIR": t.TempDir()}, "", args...)
		if err == nil || out != "" || !strings.Contains(errOut, "Usage") {
			t.Errorf("%v: err %v, stdout %d bytes, stderr %d bytes; want an error and the usage on stderr alone", args, err, len(out), len(errOut))
		}
	}
}

// TestHelpTeaches: each command's help says what it does and shows an
// example, and names the environment the README says it reads (serve
// reads PARLEY_CONFIG and GOGC, the gateway PARLEY_GATEWAY_FRONTEND and
// GOMAXPROCS), so that --help alone is enough to start.
func TestHelpTeaches(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"--help"}, []string{"sample.resume.json", "Content-Type: application/json"}},
		{[]string{"serve", "--help"}, []string{"Runs the HTTP API", "Examples:", "parley serve", "PARLEY_CONFIG", "GOGC"}},
		{[]string{"import", "--help"}, []string{"Examples:", "parley import --slug"}},
		{[]string{"migrate", "--help"}, []string{"Subcommands:", "\n\nSettings"}},
		{[]string{"gateway", "--help"}, []string{"Example:", "parley gateway --config", "PARLEY_GATEWAY_FRONTEND", "GOMAXPROCS"}},
		{[]string{"version", "--help"}, []string{"Prints the version"}},
		{[]string{"eval", "--help"}, []string{"Example:", "parley eval"}},
		{[]string{"admin", "--help"}, []string{"Examples:", "parley admin apikey create"}},
	} {
		out, _, _ := cli(t, nil, "", tc.args...)
		for _, want := range tc.want {
			if !strings.Contains(out, want) {
				t.Errorf("%v lacks %q", tc.args, want)
			}
		}
	}
}

// TestREADMESettingsExist: every PARLEY_ variable the README's
// configuration table names is one that serve's or the gateway's help
// lists, so that the README cannot advertise a setting that was renamed or
// never existed.
func TestREADMESettingsExist(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	serveHelp, _, _ := cli(t, nil, "", "serve", "--help")
	gatewayHelp, _, _ := cli(t, nil, "", "gateway", "--help")
	_, table, _ := strings.Cut(string(readme), "## Configuration")
	table, _, _ = strings.Cut(table, "\n## ")
	named := regexp.MustCompile("`(PARLEY_[A-Za-z0-9_]+)`").FindAllStringSubmatch(table, -1)
	if len(named) < 10 {
		t.Fatalf("found %d variables in the README's configuration section; has its layout changed?", len(named))
	}
	for _, m := range named {
		if !strings.Contains(serveHelp, m[1]) && !strings.Contains(gatewayHelp, m[1]) {
			t.Errorf("README names %s, which neither parley serve --help nor parley gateway --help lists", m[1])
		}
	}
}

func TestMigrateStatusUpDown(t *testing.T) {
	env := map[string]string{"PARLEY_DATA_DIR": t.TempDir()}
	out, _, err := cli(t, env, "", "migrate", "status")
	if err != nil || !strings.Contains(out, "pending") {
		t.Fatalf("status on a fresh database: %v %q", err, out)
	}
	if out, _, err = cli(t, env, "", "migrate", "up"); err != nil || !strings.Contains(out, "up 00001") {
		t.Fatalf("up: %v %q", err, out)
	}
	if out, _, err = cli(t, env, "", "migrate", "up"); err != nil || !strings.Contains(out, "nothing to do") {
		t.Fatalf("second up: %v %q", err, out)
	}
	if out, _, err = cli(t, env, "", "migrate", "down"); err != nil || !strings.Contains(out, "down") {
		t.Fatalf("down: %v %q", err, out)
	}
	if _, _, err = cli(t, env, "", "migrate", "sideways"); err == nil {
		t.Fatal("unknown subcommand accepted")
	}
}

func postJSON(t *testing.T, url, body string, want int) map[string]any {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode != want {
		t.Fatalf("POST %s: %d, want %d: %v", url, resp.StatusCode, want, out)
	}
	return out
}

func getJSON(t *testing.T, url string) map[string]any {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return out
}

func TestSTTBeamIsValidated(t *testing.T) {
	for _, v := range []string{"0", "9", "-1", "wide"} {
		// An invalid address too: were the width accepted, serve fails on
		// it instead of serving.
		_, _, err := cli(t, map[string]string{"PARLEY_STT_BEAM": v, "PARLEY_HTTP_ADDR": "nope", "PARLEY_DATA_DIR": t.TempDir()}, "", "serve")
		if err == nil || !strings.Contains(err.Error(), "PARLEY_STT_BEAM") {
			t.Errorf("PARLEY_STT_BEAM=%s: err = %v, want one naming PARLEY_STT_BEAM", v, err)
		}
	}
}

func TestSTTIsValidated(t *testing.T) {
	tests := []struct {
		value string
		ok    bool
	}{
		{"moonshine", true}, {"pocketsphinx", true}, {"pick", true}, {"whisper", false}, {"Pick", false},
	}
	for _, tt := range tests {
		// An invalid address: a valid recogniser gets past validation and
		// fails on it instead, naming PARLEY_HTTP_ADDR, not PARLEY_STT.
		_, _, err := cli(t, map[string]string{"PARLEY_STT": tt.value, "PARLEY_HTTP_ADDR": "nope", "PARLEY_DATA_DIR": t.TempDir()}, "", "serve")
		if err == nil {
			t.Fatalf("PARLEY_STT=%s: serve on a bad address succeeded", tt.value)
		}
		if named := strings.Contains(err.Error(), "PARLEY_STT"); named == tt.ok {
			t.Errorf("PARLEY_STT=%s: err = %v; want it to name PARLEY_STT: %v", tt.value, err, !tt.ok)
		}
	}
}
