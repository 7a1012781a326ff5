package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestTwoServersShareTheCacheWithoutStaleReads runs two `parley serve`
// instances (each with its own pools, Redis clients and in-process cache
// tiers) on one PostgreSQL database and one Redis, the cache on. Every
// profile write through one server must be read back at once, through both,
// with no older version; an API key revoked with `parley admin` must then be
// refused by both servers, whose caches had just accepted it.
func TestTwoServersShareTheCacheWithoutStaleReads(t *testing.T) {
	dataDir := t.TempDir() // shared: both servers hash API keys with one pepper
	common := map[string]string{
		"PARLEY_DATA_DIR": dataDir, "DATABASE_URL": testenv.PostgresURL(t), "REDIS_URL": testenv.RedisURL(t),
		"PARLEY_RATE_LIMIT": "off", "PARLEY_CACHE": "on",
	}
	out, _, err := cli(t, common, "", "admin", "apikey", "create", "--name", "writer", "--scope", "profiles:write profiles:read")
	if err != nil {
		t.Fatal(err)
	}
	var key struct{ ID, Key string }
	if err := json.Unmarshal([]byte(out), &key); err != nil {
		t.Fatalf("apikey create printed %q (%v)", out, err)
	}
	var bases []string
	for range 2 {
		env := map[string]string{"PARLEY_HTTP_ADDR": testenv.FreeAddr(t)}
		for k, v := range common {
			env[k] = v
		}
		stop := serveInBackground(t, env)
		defer stop()
		bases = append(bases, "http://"+env["PARLEY_HTTP_ADDR"])
	}

	raw, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	// The servers' Redis key names are fixed; a slug of our own keeps other
	// tests on the same Redis out of the way.
	slug := fmt.Sprintf("ryw-%08x", rand.Uint32())
	const writes = 40
	stale, reads := 0, 0
	for i := 1; i <= writes; i++ {
		marker := fmt.Sprintf("revision-%d-of-this-test", i)
		doc := strings.Replace(string(raw), "Programmer", "Programmer "+marker, 1)
		if st := put(t, bases[i%2]+"/v1/profiles/"+slug, key.Key, doc); st != 200 && st != 201 {
			t.Fatalf("write %d: status %d", i, st)
		}
		// Read back at once through the writer and the other server, twice
		// each: the second read is answered by a warm in-process tier.
		for _, b := range []string{bases[i%2], bases[(i+1)%2], bases[i%2], bases[(i+1)%2]} {
			st, body := getBody(t, b+"/v1/profiles/"+slug, "")
			if st != 200 {
				t.Fatalf("read after write %d: status %d", i, st)
			}
			reads++
			if !strings.Contains(string(body), marker) {
				stale++
				t.Errorf("write %d through %s, read through %s: an older version", i, bases[i%2], b)
			}
		}
	}
	t.Logf("%d writes, %d reads right after them through both servers, %d stale", writes, reads, stale)

	// Both servers have the key in their caches (it authorised the writes).
	if _, _, err := cli(t, common, "", "admin", "apikey", "revoke", key.ID); err != nil {
		t.Fatal(err)
	}
	for _, b := range bases {
		deadline := time.Now().Add(10 * time.Second) // liveness bound; the design bound is 1 s
		for {
			st := put(t, b+"/v1/profiles/"+slug, key.Key, string(raw))
			if st == http.StatusUnauthorized {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s still accepts the revoked API key (status %d)", b, st)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// TestCacheOffSwitchesEveryCacheOff lists the caches a server runs with
// PARLEY_CACHE on and off (no Redis: the in-process tiers alone).
func TestCacheOffSwitchesEveryCacheOff(t *testing.T) {
	for _, tc := range []struct {
		setting string
		want    []string
	}{
		{"on", []string{"profiles", "answers", "apikeys"}},
		{"off", nil},
	} {
		t.Run(tc.setting, func(t *testing.T) {
			env := map[string]string{"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_CACHE": tc.setting, "PARLEY_HTTP_ADDR": testenv.FreeAddr(t)}
			out, _, err := cli(t, env, "", "admin", "apikey", "create", "--name", "ops", "--scope", "admin")
			if err != nil {
				t.Fatal(err)
			}
			var key struct{ Key string }
			if err := json.Unmarshal([]byte(out), &key); err != nil {
				t.Fatal(err)
			}
			stop := serveInBackground(t, env)
			defer stop()
			st, body := getBody(t, "http://"+env["PARLEY_HTTP_ADDR"]+"/v1/admin/caches", key.Key)
			if st != 200 {
				t.Fatalf("GET /v1/admin/caches: %d %s", st, body)
			}
			var got struct {
				Caches []struct{ Name string } `json:"caches"`
			}
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, c := range got.Caches {
				names = append(names, c.Name)
			}
			if strings.Join(names, ",") != strings.Join(tc.want, ",") {
				t.Errorf("PARLEY_CACHE=%s: caches %v, want %v", tc.setting, names, tc.want)
			}
		})
	}
}
