package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

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
