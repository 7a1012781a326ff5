package dbcopy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/profile"
	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/postgres"
	"github.com/parleyhq/parley/internal/testenv"
)

var testPepper = auth.Pepper(strings.Repeat("pepper-", 8))

// parleySQLite builds a Parley SQLite database with Parley's own code: a
// profile imported from the JSON Resume sample, a two-turn conversation and
// an API key. It returns the path and the raw API key.
func parleySQLite(t *testing.T) (string, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "parley.db")
	db, err := dial.Open(ctx, "sqlite:"+path, "", testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := dial.Up(ctx, db, testLogger(t)); err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("../profile/testdata/sample.resume.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := profile.NewService(db).Import(ctx, "hendriks", doc, profile.ImportOptions{Privacy: profile.Privacy{SharePhone: true}}); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 4, 5, 6, 7, 123456000, time.UTC)
	far := now.AddDate(100, 0, 0) // sessions expire; these must outlive the test
	if err := db.CreateSession(ctx, store.Session{ID: "s1", ProfileSlug: "hendriks", ProfileVersion: 1, State: []byte(`{}`), CreatedAt: now, ExpiresAt: far}); err != nil {
		t.Fatal(err)
	}
	turns := [][]store.Message{
		{{Role: "user", Text: "Where did he study?", CreatedAt: now}, {Role: "assistant", Text: "At the University of Lund ✓", Intent: "education",
			Citations: []byte(`[{"path": "education[0]", "weight": 1.50}]`), LatencyMicros: 1234, PromptVersion: "p1", CreatedAt: now.Add(time.Second)}},
		{{Role: "user", Text: "What is his email?", CreatedAt: now.Add(time.Minute)}, {Role: "assistant", Text: "I can't share that.", Refused: true,
			Citations: []byte(`[]`), CreatedAt: now.Add(time.Minute + time.Microsecond)}},
	}
	for _, msgs := range turns {
		if _, err := db.AppendTurn(ctx, "s1", msgs, []byte(`{"topic": "contact", "turns": 2, "ratio": 0.50}`), far); err != nil {
			t.Fatal(err)
		}
	}
	key := auth.NewAPIKey()
	ks, ok := db.(auth.Store)
	if !ok {
		t.Fatalf("%T keeps no API keys", db)
	}
	if err := ks.CreateAPIKey(ctx, auth.APIKey{ID: "k1", Name: "ci", Hash: testPepper.Hash(auth.PurposeAPIKey, key), Hint: auth.APIKeyHint(key),
		Scopes: auth.NewScopes("profiles:write"), CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	return path, key
}

// storeState is what Parley reads back from a store.
type storeState struct {
	Profile  store.Profile
	Document any
	Session  store.Session
	State    any
	Messages []store.Message
}

func readStore(t *testing.T, db store.Store) storeState {
	t.Helper()
	ctx := context.Background()
	var st storeState
	var err error
	if st.Profile, err = db.GetProfile(ctx, "hendriks"); err != nil {
		t.Fatal(err)
	}
	// JSON is compared by meaning: jsonb keeps its own key order and spacing.
	if err := json.Unmarshal(st.Profile.Document, &st.Document); err != nil {
		t.Fatal(err)
	}
	st.Profile.Document = nil
	if st.Session, err = db.GetSession(ctx, "s1", time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(st.Session.State, &st.State); err != nil {
		t.Fatal(err)
	}
	st.Session.State = nil
	if st.Messages, err = db.Messages(ctx, "s1", 0, 100); err != nil {
		t.Fatal(err)
	}
	for i := range st.Messages {
		var c any
		if err := json.Unmarshal(st.Messages[i].Citations, &c); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(c)
		st.Messages[i].Citations = b
	}
	return st
}

// TestParleySQLiteToPostgres moves a Parley SQLite database made by Parley's
// own code and checks that Parley's PostgreSQL store reads the same
// profile, conversation and API key, with its migrations all applied.
func TestParleySQLiteToPostgres(t *testing.T) {
	ctx := context.Background()
	path, key := parleySQLite(t)
	pg := testenv.PostgresURL(t)
	from := "sqlite:" + path
	lite, err := dial.Open(ctx, from, "", testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	want := readStore(t, lite)
	lite.Close()
	if len(want.Messages) != 4 {
		t.Fatalf("fixture has %d messages, want 4", len(want.Messages))
	}

	if res := copyAndVerify(t, from, pg); res.Rejected != 0 {
		t.Fatalf("%d values rejected", res.Rejected)
	}

	db, err := postgres.Open(ctx, pg, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := dial.Status(ctx, db, testLogger(t))
	if err != nil || len(st) == 0 {
		t.Fatalf("status: %v %v", st, err)
	}
	for _, m := range st {
		if !m.Applied {
			t.Errorf("migration %d %s not applied on the target", m.Version, m.Name)
		}
	}
	got := readStore(t, db)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("PostgreSQL store reads differently (-sqlite +postgres):\n%s", d)
	}
	if got.Profile.Hash == "" || !got.Profile.Privacy.SharePhone || got.Profile.Privacy.ShareAddress || !got.Profile.Public {
		t.Errorf("profile flags lost: %+v", got.Profile)
	}
	checkAPIKey(t, db, key)
}

// checkAPIKey authenticates key through auth.Server over db, as serve does.
func checkAPIKey(t *testing.T, db *postgres.DB, key string) {
	t.Helper()
	srv, err := auth.NewServer(context.Background(), auth.Config{Issuer: "https://chat.example.com", Pepper: testPepper}, db,
		auth.NewPasswords(auth.OWASPParams, 1), testLogger(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	var who *auth.Principal
	h := srv.Authenticate(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { who = auth.PrincipalFromContext(r.Context()) }))
	for _, c := range []struct {
		key  string
		want int
	}{{key, 200}, {key + "x", 401}} {
		who = nil
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("Authorization", "Bearer "+c.key)
		h.ServeHTTP(rec, req)
		if rec.Code != c.want {
			t.Errorf("API key %q...: status %d, want %d", c.key[:10], rec.Code, c.want)
		}
		if c.want == 200 && (who == nil || who.Kind != auth.KindAPIKey || who.Subject != "k1") {
			t.Errorf("API key authenticated as %+v, want apikey k1", who)
		}
	}
}

// TestParleyCopyCarriesNewestState: Parley's SQLite store keeps a turn's
// follow-up state on the turn's reply and updates the session's row only
// when its expiry slides; the copy must give each PostgreSQL session its
// newest state and a last_seq past its newest message, or PostgreSQL's
// next turn collides with a copied message and loses the follow-up memory.
func TestParleyCopyCarriesNewestState(t *testing.T) {
	ctx := context.Background()
	path, _ := parleySQLite(t)
	from := "sqlite:" + path
	lite, err := dial.Open(ctx, from, "", testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	far := time.Date(2126, 3, 4, 5, 6, 7, 0, time.UTC) // the fixture's expiry: no slide, no row update
	for k, state := range []string{`{"topic": "work"}`, `{"topic": "skills"}`, ""} {
		var st []byte
		if state != "" {
			st = []byte(state)
		}
		if _, err := lite.AppendTurn(ctx, "s1", []store.Message{{Role: "user", Text: fmt.Sprintf("q%d", k)}, {Role: "assistant", Text: fmt.Sprintf("a%d", k)}}, st, far); err != nil {
			t.Fatal(err)
		}
	}
	want := readStore(t, lite)
	lite.Close()
	if len(want.Messages) != 10 {
		t.Fatalf("fixture has %d messages, want 10", len(want.Messages))
	}
	pg := testenv.PostgresURL(t)
	if res := copyAndVerify(t, from, pg); res.Rejected != 0 {
		t.Fatalf("%d values rejected", res.Rejected)
	}
	db, err := postgres.Open(ctx, pg, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if d := cmp.Diff(want, readStore(t, db)); d != "" {
		t.Errorf("PostgreSQL store reads differently (-sqlite +postgres):\n%s", d)
	}
	if s, err := db.GetSession(ctx, "s1", time.Now()); err != nil || string(s.State) != `{"topic": "skills"}` {
		t.Errorf("copied state %s, %v; want the newest turn's", s.State, err)
	}
	out, err := db.AppendTurn(ctx, "s1", []store.Message{{Role: "user", Text: "q"}, {Role: "assistant", Text: "a"}}, nil, far)
	if err != nil || out[0].Seq != 11 || out[1].Seq != 12 {
		t.Fatalf("PostgreSQL turn after the copy: %+v, %v; want seqs 11, 12", out, err)
	}
	if s, err := db.GetSession(ctx, "s1", time.Now()); err != nil || string(s.State) != `{"topic": "skills"}` {
		t.Errorf("state after a PostgreSQL turn %s, %v; want the copied one kept", s.State, err)
	}
}
