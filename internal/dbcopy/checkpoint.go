package dbcopy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parleyhq/parley/internal/apperr"
)

// ckSchema holds the copy's progress in the target, so that a run killed at
// any point resumes where it stopped: a chunk's rows, its rejects and its
// "done" mark commit in one transaction.
const ckSchema = "_parley_dbcopy"

var ckDDL = []string{
	`CREATE SCHEMA IF NOT EXISTS ` + ckSchema,
	`CREATE TABLE IF NOT EXISTS ` + ckSchema + `.run (
		id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
		fingerprint text NOT NULL, target_schema text NOT NULL, source text NOT NULL,
		snapshot_shared boolean NOT NULL, started_at timestamptz NOT NULL DEFAULT now())`,
	`CREATE TABLE IF NOT EXISTS ` + ckSchema + `.chunks (
		table_name text NOT NULL, chunk_no int NOT NULL, lo bigint, hi bigint,
		done boolean NOT NULL DEFAULT false, rows bigint, rejected bigint,
		PRIMARY KEY (table_name, chunk_no))`,
	`CREATE TABLE IF NOT EXISTS ` + ckSchema + `.rejects (
		table_name text NOT NULL, chunk_no int NOT NULL, key text NOT NULL, column_name text NOT NULL, reason text NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS ` + ckSchema + `.steps (
		name text PRIMARY KEY, ok boolean NOT NULL, note text NOT NULL DEFAULT '', done_at timestamptz NOT NULL DEFAULT now())`,
}

// lockTarget takes a session advisory lock so that two runs never share a
// target; the returned func releases it.
func lockTarget(ctx context.Context, pool *pgxpool.Pool) (func(), error) {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return nil, apperr.Wrap(apperr.Unavailable, err, "connect target: %v", err)
	}
	var ok bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock(hashtext('parley_dbcopy'))`).Scan(&ok); err != nil {
		conn.Release()
		return nil, fmt.Errorf("lock target: %w", err)
	}
	if !ok {
		conn.Release()
		return nil, apperr.New(apperr.Conflict, "another dbcopy run is working on this target")
	}
	return func() {
		_, _ = conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(hashtext('parley_dbcopy'))`)
		conn.Release()
	}, nil
}

// ensureCheckpoint creates the checkpoint schema under a transaction-level
// advisory lock: "CREATE ... IF NOT EXISTS" is not safe against a concurrent
// creator, and after a kill -9 the dead run's server backend may still be
// finishing the same DDL while the resumed run starts.
func ensureCheckpoint(ctx context.Context, pool *pgxpool.Pool) error {
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('parley:dbcopy:checkpoint', 0))`); err != nil {
			return err
		}
		for _, q := range ckDDL {
			if _, err := tx.Exec(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("create checkpoint tables: %w", err)
	}
	return nil
}

// fingerprint identifies the mapped schema; a resume with a different one
// would mix two copies.
func fingerprint(s *Schema, targetSchema string) string {
	return fingerprintKeys(s, targetSchema, func(t *Table) string { return t.ChunkKey })
}

// legacyFingerprint is the fingerprint a run of an earlier release recorded:
// it had no chunk key on an unsigned BIGINT and saved such a table as one
// chunk without bounds, which copies and verifies the same under a key, so
// its checkpoint resumes as it is. A run of this release records the key
// (fingerprint), so an earlier release refuses its bounded chunks rather
// than read every one of them as the whole table.
func legacyFingerprint(s *Schema, targetSchema string) string {
	return fingerprintKeys(s, targetSchema, func(t *Table) string {
		if unsignedBigKey(t) {
			return ""
		}
		return t.ChunkKey
	})
}

func fingerprintKeys(s *Schema, targetSchema string, key func(*Table) string) string {
	type col struct{ N, T, TT, C, Z, U string }
	type tab struct {
		N, T, K string
		C       []col
	}
	var ts []tab
	for _, t := range s.Tables {
		x := tab{N: t.Name, T: t.Target, K: key(t)}
		for _, c := range t.Columns {
			x.C = append(x.C, col{c.Name, c.Target, c.TargetType, c.Convert, c.ZeroDate, c.NulBytes})
		}
		ts = append(ts, x)
	}
	b, _ := json.Marshal(struct {
		S string
		T []tab
	}{targetSchema, ts})
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// loadRun returns the fingerprint of the run recorded in the target, if any.
func loadRun(ctx context.Context, pool *pgxpool.Pool) (string, bool, error) {
	var fp string
	err := pool.QueryRow(ctx, `SELECT fingerprint FROM `+ckSchema+`.run`).Scan(&fp)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read checkpoint: %w", err)
	}
	return fp, true, nil
}

// loadChunks returns the recorded chunks, all or only pending ones.
func loadChunks(ctx context.Context, q interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}, pendingOnly bool) ([]Chunk, error) {
	sql := `SELECT table_name, chunk_no, lo, hi FROM ` + ckSchema + `.chunks`
	if pendingOnly {
		sql += ` WHERE NOT done`
	}
	rows, err := q.Query(ctx, sql+` ORDER BY table_name, chunk_no`)
	if err != nil {
		return nil, fmt.Errorf("read chunks: %w", err)
	}
	var out []Chunk
	for rows.Next() {
		var c Chunk
		if err := rows.Scan(&c.Table, &c.No, &c.Lo, &c.Hi); err != nil {
			return nil, fmt.Errorf("read chunks: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func saveChunks(ctx context.Context, tx pgx.Tx, chunks []Chunk) error {
	rows := make([][]any, len(chunks))
	for i, c := range chunks {
		rows[i] = []any{c.Table, c.No, c.Lo, c.Hi}
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{ckSchema, "chunks"}, []string{"table_name", "chunk_no", "lo", "hi"}, pgx.CopyFromRows(rows))
	if err != nil {
		return fmt.Errorf("save chunks: %w", err)
	}
	return nil
}

// dropAll removes a previous copy: its tables, trigger functions and checkpoint.
func dropAll(ctx context.Context, pool *pgxpool.Pool, schema string, s *Schema) error {
	for _, t := range s.Tables {
		if _, err := pool.Exec(ctx, `DROP TABLE IF EXISTS `+qualified(schema, t.Target)+` CASCADE`); err != nil {
			return fmt.Errorf("drop %s: %w", t.Target, err)
		}
		if _, err := pool.Exec(ctx, `DROP FUNCTION IF EXISTS `+qualified(schema, triggerFuncName(t))+`() CASCADE`); err != nil {
			return fmt.Errorf("drop trigger function of %s: %w", t.Target, err)
		}
	}
	if _, err := pool.Exec(ctx, `DROP SCHEMA IF EXISTS `+ckSchema+` CASCADE`); err != nil {
		return fmt.Errorf("drop checkpoint: %w", err)
	}
	return nil
}
