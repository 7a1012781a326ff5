// Package sqlite is Parley's embedded storage engine: SQLite through the pure
// Go modernc.org/sqlite driver, in WAL mode, with one writer connection (SQLite
// allows one writer at a time; queuing in Go is cheaper than busy retries) and
// a pool of readers.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/store"
	"github.com/parleyhq/parley/internal/store/migrate"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DB is the SQLite store. It implements store.Store.
type DB struct {
	path   string
	writer *pool
	reader *pool
	logger *slog.Logger

	turns         chan *turnReq // AppendTurn -> turnCommitter
	closed        chan struct{}
	committerDone chan struct{}
	// committed (capacity 1) tells the checkpointer the WAL has grown.
	committed        chan struct{}
	checkpointerDone chan struct{}
	closeOnce        sync.Once
	expiries         map[string]time.Time // committed expiries, committer only (see rememberExpiries)
	lastSeqs         map[string]int       // committed last sequence numbers, committer only
	dataVersion      int                  // PRAGMA data_version when lastSeqs was last checked, committer only
	journalRows      int                  // rows appended to the journal since the last fold, committer only
	lastFold         time.Time            // committer only
	sessionsDeleted  atomic.Bool          // the committer must forget lastSeqs (journal.go)
	wtx              *wtx                 // the committer's statements on the writer's connection (committx.go)
}

var _ store.Store = (*DB)(nil)

// timeFormat has a fixed width so that stored times sort as text.
const timeFormat = "2006-01-02T15:04:05.000000Z"

// formatTime writes t in timeFormat. Written by hand for the years 0 to
// 9999 (Format parses its layout on every call; a turn formats its time
// once or twice, ~1.3k instructions each), Format beyond; the two agree
// (TestFormatTimeIsFormat).
func formatTime(t time.Time) string {
	t = t.UTC()
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		return t.Format(timeFormat)
	}
	hour, minute, sec := t.Clock()
	var b [len(timeFormat)]byte
	putDigits(b[0:4], year)
	b[4] = '-'
	putDigits(b[5:7], int(month))
	b[7] = '-'
	putDigits(b[8:10], day)
	b[10] = 'T'
	putDigits(b[11:13], hour)
	b[13] = ':'
	putDigits(b[14:16], minute)
	b[16] = ':'
	putDigits(b[17:19], sec)
	b[19] = '.'
	putDigits(b[20:26], t.Nanosecond()/1000) // truncated, as Format's .000000
	b[26] = 'Z'
	return string(b[:])
}

// putDigits writes n in decimal into all of b, zero-padded.
func putDigits(b []byte, n int) {
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
}

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeFormat, s)
	if err != nil {
		return time.Parse(time.RFC3339Nano, s)
	}
	return t, nil
}

// walCheckpointPages is the writer's wal_autocheckpoint, a backstop to
// the background checkpoints (checkpoint.go).
const walCheckpointPages = 10000

// Open opens (creating if needed) the database file at path. It does not
// apply migrations; call Migrations().Up or MigrateUp.
func Open(ctx context.Context, path string, logger *slog.Logger) (*DB, error) {
	if path == "" {
		return nil, apperr.New(apperr.Invalid, "sqlite: empty database path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("sqlite: create data directory: %w", err)
		}
	}
	pragmas := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	u := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + pragmas
	// The writer keeps its temporary files in memory: a group commit's
	// multi-row statements each write the pages they touch to a statement
	// journal (for a statement-level rollback), and as a file that cost a
	// write system call per page.
	// Its wal_autocheckpoint is a backstop; see checkpoint.go.
	writer, err := sql.Open("sqlite", u+"&_txlock=immediate&_pragma=temp_store(MEMORY)"+
		fmt.Sprintf("&_pragma=wal_autocheckpoint(%d)", walCheckpointPages))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open writer: %w", err)
	}
	writer.SetMaxOpenConns(1)
	writer.SetMaxIdleConns(1)
	writer.SetConnMaxIdleTime(0)
	reader, err := sql.Open("sqlite", u+"&_pragma=query_only(1)")
	if err != nil {
		writer.Close()
		return nil, fmt.Errorf("sqlite: open readers: %w", err)
	}
	n := max(4, runtime.GOMAXPROCS(0)*2)
	reader.SetMaxOpenConns(n)
	reader.SetMaxIdleConns(n)
	ckpt, err := sql.Open("sqlite", u)
	if err != nil {
		writer.Close()
		reader.Close()
		return nil, fmt.Errorf("sqlite: open checkpointer: %w", err)
	}
	ckpt.SetMaxOpenConns(1)
	db := &DB{path: path, writer: newPool(writer), reader: newPool(reader), logger: logger,
		turns: make(chan *turnReq, maxGroup), closed: make(chan struct{}), committerDone: make(chan struct{}),
		committed: make(chan struct{}, 1), checkpointerDone: make(chan struct{}),
		expiries: map[string]time.Time{}, lastSeqs: map[string]int{}}
	go db.turnCommitter()
	go db.checkpointer(ckpt)
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Engine names the engine.
func (db *DB) Engine() string { return "sqlite" }

// Ping checks that the database file can be read.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.writer.PingContext(ctx); err != nil {
		return apperr.Wrap(apperr.Unavailable, err, "sqlite: database unavailable")
	}
	return nil
}

// Close closes every connection.
func (db *DB) Close() error {
	db.closeOnce.Do(func() { close(db.closed) })
	<-db.committerDone
	<-db.checkpointerDone
	return errors.Join(db.reader.Close(), db.writer.Close())
}

// Writer returns the single writer connection pool, for migrations and tools.
func (db *DB) Writer() *sql.DB { return db.writer.db }

// Migrations returns the embedded migrations of this engine.
func Migrations(logger *slog.Logger) migrate.Set {
	sub, _ := fs.Sub(migrationFiles, "migrations")
	return migrate.Set{Dialect: goose.DialectSQLite3, Files: sub, Logger: logger}
}

// Migrate runs fn (Up, Down or Status of Migrations) while holding an
// exclusive lock on a file beside the database, so that concurrent `parley
// migrate up` processes apply each migration exactly once: the others wait,
// then find nothing left to do.
func (db *DB) Migrate(ctx context.Context, fn func(context.Context, *sql.DB) error) error {
	unlock, err := lockFile(ctx, db.path+".migrate.lock")
	if err != nil {
		return err
	}
	defer unlock()
	if err := foldForMigrations(ctx, db.writer.db); err != nil {
		return err
	}
	return fn(ctx, db.writer.db)
}

func lockFile(ctx context.Context, path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o640)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open migration lock: %w", err)
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() {
				_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
				f.Close()
			}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("sqlite: lock migrations: %w", err)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// classify maps driver errors to apperr codes.
func classify(err error, what string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return apperr.Wrap(apperr.NotFound, err, "%s not found", what)
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CONSTRAINT:
			if strings.Contains(se.Error(), "FOREIGN KEY") {
				return apperr.Wrap(apperr.NotFound, err, "%s: referenced record not found", what)
			}
			return apperr.Wrap(apperr.Conflict, err, "%s already exists", what)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return apperr.Wrap(apperr.Unavailable, err, "%s: database busy", what)
		}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("sqlite: %s: %w", what, err)
}
