// Package dial opens the storage engine that a DATABASE_URL names and runs
// its migrations: `postgres://` (or `postgresql://`) selects PostgreSQL,
// `sqlite:PATH` or an empty URL selects SQLite under the data directory.
package dial

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/migrate"
	"github.com/parleyhq/parley/internal/store/postgres"
	"github.com/parleyhq/parley/internal/store/sqlite"
)

// DB is an open store that also knows how to migrate itself.
type DB interface {
	store.Store
	// Migrate runs fn while holding the engine's cross-process migration lock
	// (PostgreSQL: inside goose's advisory lock; SQLite: a file lock).
	Migrate(ctx context.Context, fn func(context.Context, *sql.DB) error) error
}

// DefaultSQLiteFile is the database file inside the data directory.
const DefaultSQLiteFile = "parley.db"

// Target is what a DATABASE_URL names.
type Target struct {
	Engine string // "sqlite" or "postgres"
	Path   string // sqlite: file path
	URL    string // postgres: connection URL
}

// Parse interprets databaseURL; dataDir places the default SQLite file.
func Parse(databaseURL, dataDir string) (Target, error) {
	switch {
	case databaseURL == "":
		return Target{Engine: "sqlite", Path: filepath.Join(dataDir, DefaultSQLiteFile)}, nil
	case strings.HasPrefix(databaseURL, "postgres://"), strings.HasPrefix(databaseURL, "postgresql://"):
		return Target{Engine: "postgres", URL: databaseURL}, nil
	case strings.HasPrefix(databaseURL, "sqlite:"):
		p := strings.TrimPrefix(databaseURL, "sqlite:")
		p = strings.TrimPrefix(p, "//")
		if p == "" {
			return Target{}, apperr.New(apperr.Invalid, "DATABASE_URL: sqlite: needs a path, e.g. sqlite:./data/parley.db")
		}
		return Target{Engine: "sqlite", Path: p}, nil
	}
	return Target{}, apperr.New(apperr.Invalid,
		"DATABASE_URL: unsupported scheme (use postgres://USER@HOST:PORT/DB or sqlite:PATH)")
}

// Open opens the engine that databaseURL names. It does not migrate.
func Open(ctx context.Context, databaseURL, dataDir string, logger *slog.Logger) (DB, error) {
	t, err := Parse(databaseURL, dataDir)
	if err != nil {
		return nil, err
	}
	if t.Engine == "postgres" {
		return postgres.Open(ctx, t.URL, logger)
	}
	return sqlite.Open(ctx, t.Path, logger)
}

// Migrations returns db's migration set.
func Migrations(db DB, logger *slog.Logger) (migrate.Set, error) {
	switch db.Engine() {
	case "postgres":
		return postgres.Migrations(logger)
	case "sqlite":
		return sqlite.Migrations(logger), nil
	}
	return migrate.Set{}, fmt.Errorf("no migrations for engine %q", db.Engine())
}

// Up applies every pending migration under the engine's lock.
func Up(ctx context.Context, db DB, logger *slog.Logger) ([]migrate.Result, error) {
	set, err := Migrations(db, logger)
	if err != nil {
		return nil, err
	}
	var res []migrate.Result
	err = db.Migrate(ctx, func(ctx context.Context, sdb *sql.DB) error {
		res, err = set.Up(ctx, sdb)
		return err
	})
	if err != nil {
		return res, fmt.Errorf("migrate up: %w", err)
	}
	return res, nil
}

// Down rolls back the newest migration under the engine's lock.
func Down(ctx context.Context, db DB, logger *slog.Logger) ([]migrate.Result, error) {
	set, err := Migrations(db, logger)
	if err != nil {
		return nil, err
	}
	var res []migrate.Result
	err = db.Migrate(ctx, func(ctx context.Context, sdb *sql.DB) error {
		res, err = set.Down(ctx, sdb)
		return err
	})
	if err != nil {
		return res, fmt.Errorf("migrate down: %w", err)
	}
	return res, nil
}

// Status lists the migrations and whether each is applied.
func Status(ctx context.Context, db DB, logger *slog.Logger) ([]migrate.Status, error) {
	set, err := Migrations(db, logger)
	if err != nil {
		return nil, err
	}
	var st []migrate.Status
	err = db.Migrate(ctx, func(ctx context.Context, sdb *sql.DB) error {
		st, err = set.Status(ctx, sdb)
		return err
	})
	return st, err
}
