package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/sqlite"
	"github.com/parleyhq/parley/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) (dial.DB, func(t *testing.T) dial.DB) {
		path := filepath.Join(t.TempDir(), "parley.db")
		openOne := func(t *testing.T) dial.DB {
			db, err := sqlite.Open(context.Background(), path, nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		}
		return openOne(t), openOne
	})
}

// The writer's connection settings are what the turn path's figures were
// measured with: WAL, NORMAL sync, and the larger checkpoint interval.
func TestWriterPragmas(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "parley.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tt := range []struct{ pragma, want string }{
		{"journal_mode", "wal"},
		{"synchronous", "1"}, // NORMAL
		{"wal_autocheckpoint", "10000"},
		{"foreign_keys", "1"},
	} {
		var got string
		if err := db.Writer().QueryRowContext(context.Background(), "PRAGMA "+tt.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("PRAGMA %s = %s, want %s", tt.pragma, got, tt.want)
		}
	}
}

// TestBackgroundCheckpoint: committed turns reach the main database file
// without the writer checkpointing (its wal_autocheckpoint is far above
// what this test writes), so the background checkpointer ran.
func TestBackgroundCheckpoint(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "parley.db")
	db, err := sqlite.Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := dial.Up(ctx, db, nil); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.PutProfile(ctx, store.ProfileInput{Slug: "ada", Document: []byte(`{"basics":{"name":"Ada"}}`), Hash: "h", Public: true}); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	if err := db.CreateSession(ctx, store.Session{ID: "s1", ProfileSlug: "ada", ProfileVersion: 1, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	size := func() int64 {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	// Migrations may have been checkpointed already; what matters is
	// growth from here.
	time.Sleep(300 * time.Millisecond)
	before := size()
	text := strings.Repeat("a fairly long answer about a career ", 40)
	for i := range 100 {
		msgs := []store.Message{{Role: "user", Text: "q", CreatedAt: now}, {Role: "assistant", Text: text, CreatedAt: now}}
		if _, err := db.AppendTurn(ctx, "s1", msgs, []byte(fmt.Sprintf(`{"turn":%d}`, i)), now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for size() <= before {
		if time.Now().After(deadline) {
			t.Fatalf("main database file still %d bytes 5 s after 100 turns (~150 KB): no checkpoint ran", before)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
