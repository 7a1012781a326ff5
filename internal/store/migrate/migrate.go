// Package migrate runs an engine's embedded goose migrations: up, down and
// status. The engines supply their dialect, files and cross-process lock.
package migrate

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"log/slog"
	"time"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// Status is one migration's state.
type Status struct {
	Version   int64
	Name      string
	Applied   bool
	AppliedAt time.Time
}

// Result is one migration applied or rolled back.
type Result struct {
	Version  int64
	Name     string
	Duration time.Duration
}

// Set is an engine's migrations.
type Set struct {
	Dialect goose.Dialect
	Files   fs.FS
	// Locker serialises concurrent runs across processes (PostgreSQL
	// advisory lock); nil when the engine locks by other means.
	Locker lock.SessionLocker
	Logger *slog.Logger
}

func (s Set) provider(db *sql.DB) (*goose.Provider, error) {
	opts := []goose.ProviderOption{goose.WithDisableGlobalRegistry(true)}
	if s.Locker != nil {
		opts = append(opts, goose.WithSessionLocker(s.Locker))
	}
	if s.Logger != nil {
		opts = append(opts, goose.WithSlog(s.Logger))
	}
	p, err := goose.NewProvider(s.Dialect, db, s.Files, opts...)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	return p, nil
}

// Up applies every pending migration, each in its own transaction.
func (s Set) Up(ctx context.Context, db *sql.DB) ([]Result, error) {
	p, err := s.provider(db)
	if err != nil {
		return nil, err
	}
	rs, err := p.Up(ctx)
	return results(rs), err
}

// Down rolls back the newest applied migration.
func (s Set) Down(ctx context.Context, db *sql.DB) ([]Result, error) {
	p, err := s.provider(db)
	if err != nil {
		return nil, err
	}
	r, err := p.Down(ctx)
	if r == nil {
		return nil, err
	}
	return results([]*goose.MigrationResult{r}), err
}

// Status lists every migration, applied or not, oldest first.
func (s Set) Status(ctx context.Context, db *sql.DB) ([]Status, error) {
	p, err := s.provider(db)
	if err != nil {
		return nil, err
	}
	st, err := p.Status(ctx)
	if err != nil {
		return nil, fmt.Errorf("migration status: %w", err)
	}
	out := make([]Status, 0, len(st))
	for _, m := range st {
		out = append(out, Status{
			Version:   m.Source.Version,
			Name:      m.Source.Path,
			Applied:   m.State == goose.StateApplied,
			AppliedAt: m.AppliedAt,
		})
	}
	return out, nil
}

func results(rs []*goose.MigrationResult) []Result {
	out := make([]Result, 0, len(rs))
	for _, r := range rs {
		if r == nil || r.Source == nil {
			continue
		}
		out = append(out, Result{Version: r.Source.Version, Name: r.Source.Path, Duration: r.Duration})
	}
	return out
}

// PostgresLocker returns the advisory-lock session locker used for
// PostgreSQL: concurrent runs wait (up to about five minutes) instead of failing.
func PostgresLocker() (lock.SessionLocker, error) {
	return lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 300))
}
