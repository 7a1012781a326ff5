package dbcopy_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/parleyhq/parley/internal/testenv"
)

// makeSQLite writes a small Parley-like database: profiles, sessions, messages.
func makeSQLite(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parley.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := []string{
		`CREATE TABLE profiles (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, public BOOLEAN NOT NULL DEFAULT 1, created_at TEXT NOT NULL)`,
		`CREATE TABLE sessions (id TEXT PRIMARY KEY, profile_id INTEGER NOT NULL REFERENCES profiles(id), expires_at TEXT NOT NULL)`,
		`CREATE TABLE messages (id INTEGER PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id), role TEXT NOT NULL, body TEXT, score REAL, audio BLOB)`,
		`CREATE INDEX messages_session ON messages (session_id, id)`,
	}
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	db.SetMaxOpenConns(1) // BEGIN and COMMIT below run on the same connection
	if _, err := db.Exec("BEGIN"); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 30; i++ {
		if _, err := db.Exec(`INSERT INTO profiles VALUES (?, ?, ?, ?, '2025-01-02T03:04:05Z')`, i, fmt.Sprintf("p%d", i), fmt.Sprintf(`{"basics":{"name":"N%d"}}`, i), i%2); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`INSERT INTO sessions VALUES (?, ?, '2025-02-01T00:00:00Z')`, fmt.Sprintf("s%d", i), i); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i <= 3000; i++ {
		if _, err := db.Exec(`INSERT INTO messages VALUES (?, ?, 'user', ?, ?, ?)`, i, fmt.Sprintf("s%d", i%30+1), fmt.Sprintf("message %d ✓", i), float64(i)/3, []byte{byte(i), 0, 1}); err != nil {
			t.Fatal(err)
		}
	}
	// SQLite TEXT may hold invalid UTF-8; PostgreSQL cannot.
	if _, err := db.Exec(`INSERT INTO messages VALUES (3001, 's1', 'user', CAST(x'ff41' AS TEXT), NULL, NULL)`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("COMMIT"); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSQLiteSource(t *testing.T) {
	path := makeSQLite(t)
	dst := testenv.PostgresURL(t)
	ctx := context.Background()
	rejects := t.TempDir() + "/rejects.jsonl"
	src := "sqlite:" + path
	if _, err := runCLI(t, ctx, "run", "--from", src, "--to", dst, "--chunk-rows", "500", "--reject-file", rejects); err != nil {
		t.Fatalf("run: %v", err)
	}
	if _, err := runCLI(t, ctx, "verify", "--from", src, "--to", dst); err != nil {
		t.Fatalf("verify: %v", err)
	}
	rj := readRejects(t, rejects)
	if len(rj) != 1 || rj[0].Table != "messages" || rj[0].Column != "body" || rj[0].Key != `{"id":"3001"}` {
		t.Errorf("rejects = %+v, want messages 3001 body invalid_utf8", rj)
	}
	pg := pgConn(t, dst)
	var body string
	var score float64
	var audio []byte
	var public bool
	if err := pg.QueryRow(ctx, `SELECT m.body, m.score, m.audio, p.public FROM messages m JOIN sessions s ON s.id = m.session_id
		JOIN profiles p ON p.id = s.profile_id WHERE m.id = 31`).Scan(&body, &score, &audio, &public); err != nil {
		t.Fatal(err)
	}
	if body != "message 31 ✓" || score != 31.0/3 || string(audio) != string([]byte{31, 0, 1}) || public { // session s2 -> profile 2, not public
		t.Errorf("message 31 = %q %v %x %v", body, score, audio, public)
	}
	var id int64
	if err := pg.QueryRow(ctx, `INSERT INTO profiles (slug, doc, created_at) VALUES ('new', '{}', 'now') RETURNING id`).Scan(&id); err != nil || id != 31 {
		t.Errorf("identity after copy: id %d, %v; want 31", id, err)
	}
	if _, err := pg.Exec(ctx, `INSERT INTO profiles (slug, doc, created_at) VALUES ('p1', '{}', 'now')`); err == nil {
		t.Errorf("unique index on slug missing")
	}
}
