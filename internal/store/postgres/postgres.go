// Package postgres is Parley's production storage engine: PostgreSQL through
// pgx v5 and pgxpool. Migrations run through goose under a PostgreSQL
// advisory lock so that concurrent `migrate up` runs apply each exactly once.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"runtime"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/migrate"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DB is the PostgreSQL store. It implements store.Store.
type DB struct {
	pool   *pgxpool.Pool
	logger *slog.Logger

	turns      chan *turnReq // AppendTurn -> turnCommitter
	closed     chan struct{}
	closeOnce  sync.Once
	committers sync.WaitGroup
}

var _ store.Store = (*DB)(nil)

// Open connects to the database at url (postgres://...). It does not apply migrations.
func Open(ctx context.Context, url string, logger *slog.Logger) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, apperr.Wrap(apperr.Invalid, err, "DATABASE_URL: %v", redactErr(err))
	}
	// pgxpool's default (max(4, CPUs)) starves a server with dozens of
	// concurrent requests each waiting on a round trip; the URL's
	// pool_max_conns still wins.
	if !strings.Contains(url, "pool_max_conns") {
		cfg.MaxConns = int32(max(16, 4*runtime.GOMAXPROCS(0)))
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	db := &DB{pool: pool, logger: logger}
	if err := db.Ping(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	db.startCommitters()
	return db, nil
}

// redactErr keeps pgx's parse message but never echoes a password.
func redactErr(err error) string {
	var pe *pgconn.ParseConfigError
	if errors.As(err, &pe) {
		return "cannot parse the connection string (check its syntax)"
	}
	return err.Error()
}

// Engine names the engine.
func (db *DB) Engine() string { return "postgres" }

// Pool returns the connection pool, for tools that need raw access.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// Ping checks that the server answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.pool.Ping(ctx); err != nil {
		return apperr.Wrap(apperr.Unavailable, err, "postgres: database unavailable")
	}
	return nil
}

// Close stops the turn committers (a group being written is finished
// first) and closes the pool.
func (db *DB) Close() error {
	db.closeOnce.Do(func() { close(db.closed) })
	db.committers.Wait()
	db.pool.Close()
	return nil
}

// Migrations returns the embedded migrations of this engine with the
// advisory-lock session locker.
func Migrations(logger *slog.Logger) (migrate.Set, error) {
	sub, _ := fs.Sub(migrationFiles, "migrations")
	locker, err := migrate.PostgresLocker()
	if err != nil {
		return migrate.Set{}, err
	}
	return migrate.Set{Dialect: goose.DialectPostgres, Files: sub, Locker: locker, Logger: logger}, nil
}

// Migrate runs fn with a database/sql handle over the pool; the goose session
// locker in Migrations provides the cross-process lock.
func (db *DB) Migrate(ctx context.Context, fn func(context.Context, *sql.DB) error) error {
	sqldb := stdlib.OpenDBFromPool(db.pool)
	defer sqldb.Close()
	return fn(ctx, sqldb)
}

// classify maps driver errors to apperr codes.
func classify(err error, what string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return apperr.Wrap(apperr.NotFound, err, "%s not found", what)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return apperr.Wrap(apperr.Conflict, err, "%s already exists", what)
		case "23503":
			return apperr.Wrap(apperr.NotFound, err, "%s: referenced record not found", what)
		case "40001", "40P01":
			return apperr.Wrap(apperr.Conflict, err, "%s: concurrent update, retry", what)
		}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if pgconn.SafeToRetry(err) || pgconn.Timeout(err) {
		return apperr.Wrap(apperr.Unavailable, err, "%s: database unavailable", what)
	}
	return fmt.Errorf("postgres: %s: %w", what, err)
}
