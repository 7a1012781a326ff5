// Package storetest is the conformance suite every storage engine passes:
// the same tests, run against SQLite and PostgreSQL.
package storetest

import (
	"context"
	"testing"

	"github.com/parleyhq/parley/internal/store/dial"
)

// Opener opens a fresh, empty database for one test and returns a function
// that opens another handle on the same database (as another process would).
type Opener func(t *testing.T) (db dial.DB, reopen func(t *testing.T) dial.DB)

// Run runs the whole suite against the engine that open provides.
func Run(t *testing.T, open Opener) {
	t.Run("Migrations", func(t *testing.T) { testMigrations(t, open) })
	t.Run("Profiles", func(t *testing.T) { testProfiles(t, open) })
	t.Run("Sessions", func(t *testing.T) { testSessions(t, open) })
	t.Run("Auth", func(t *testing.T) { testAuth(t, open) })
}

// migrated opens a fresh database and applies every migration.
func migrated(t *testing.T, open Opener) (dial.DB, func(t *testing.T) dial.DB) {
	t.Helper()
	db, reopen := open(t)
	if _, err := dial.Up(context.Background(), db, nil); err != nil {
		t.Fatalf("migrate up: %v", err)
	}
	return db, reopen
}
