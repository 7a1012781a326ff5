package dbcopy

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parleyhq/parley/internal/apperr"
)

// rejectRow is one value that could not be copied exactly.
type rejectRow struct {
	Table  string `json:"table"`
	Key    string `json:"key"`
	Column string `json:"column"`
	Reason string `json:"reason"`
	chunk  int
}

// copySource adapts a chunk's RowIter to pgx.CopyFromSource, converting
// each value and setting rejected rows aside.
type copySource struct {
	it      *RowIter
	t       *Table
	chunk   int
	out     []any
	rejects []rejectRow
	rowNo   int
	counter *atomic.Int64
	err     error
	digest  *rowDigest // when run verifies: digest of the rows copied
}

func (s *copySource) Next() bool {
	for {
		ok, err := s.it.Next()
		if err != nil || !ok {
			s.err = err
			return false
		}
		s.rowNo++
		if s.counter != nil {
			s.counter.Add(1)
		}
		if s.convertRow(s.it.Values()) {
			if s.digest != nil && !s.digest.bad {
				s.digest.addRow(s.t, s.out)
			}
			return true
		}
	}
}

// convertRow fills s.out; false means the row was rejected.
func (s *copySource) convertRow(vals []any) bool {
	if s.out == nil {
		s.out = make([]any, len(vals))
	}
	ok := true
	for i, v := range vals {
		if v == nil {
			s.out[i] = nil
			continue
		}
		c := s.t.Columns[i]
		out, rej, _ := c.conv.conv(c, v)
		if rej != nil {
			ok = false
			s.rejects = append(s.rejects, rejectRow{Table: s.t.Name, Key: rowKey(s.t, vals, s.chunk, s.rowNo),
				Column: c.Name, Reason: rej.Kind + ": " + rej.Detail, chunk: s.chunk})
			continue
		}
		s.out[i] = out
	}
	return ok
}

func (s *copySource) Values() ([]any, error) { return s.out, nil }
func (s *copySource) Err() error             { return s.err }

// rowKey renders the primary key of a source row as a JSON object, or the
// row's position in its chunk when the table has no key.
func rowKey(t *Table, vals []any, chunk, rowNo int) string {
	idx := t.pkIndexes()
	if len(idx) == 0 {
		return fmt.Sprintf(`{"chunk":%d,"row":%d}`, chunk, rowNo)
	}
	parts := make([]string, len(idx))
	for i, j := range idx {
		var v string
		switch x := vals[j].(type) {
		case []byte:
			v = strconv.Quote(string(x))
		case string:
			v = strconv.Quote(x)
		default:
			v = strconv.Quote(fmt.Sprint(x))
		}
		parts[i] = strconv.Quote(t.Columns[j].Name) + ":" + v
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// copyChunk copies one chunk in one target transaction with its rejects and
// its checkpoint mark: after a crash the chunk is either all there or absent.
// With verify, PostgreSQL digests the chunk as stored before the commit and
// the digest is compared with the one of the rows sent (digest.go); when
// they differ, or the table's types are not digested, the chunk is
// compared row by row after the commit, and the differences are returned.
func copyChunk(ctx context.Context, pool *pgxpool.Pool, r Reader, schema string, t *Table, c Chunk, counter *atomic.Int64, verify bool) (int64, int, []string, error) {
	n, rejects, agreed, err := copyChunkTx(ctx, pool, r, schema, t, c, counter, verify)
	if err != nil || !verify || agreed {
		return n, rejects, nil, err
	}
	v, err := verifyChunk(ctx, pool, r, schema, t, c, false, 0)
	if err != nil {
		return 0, 0, nil, err
	}
	return n, rejects, v.diffs, nil
}

// copyChunkTx copies the chunk; agreed reports whether the digests agreed.
func copyChunkTx(ctx context.Context, pool *pgxpool.Pool, r Reader, schema string, t *Table, c Chunk, counter *atomic.Int64, verify bool) (n int64, rejects int, agreed bool, err error) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return 0, 0, false, fmt.Errorf("begin: %w", err)
	}
	defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()
	// Safe to relax: data and checkpoint commit together, so a lost commit
	// after a server crash only means the chunk is copied again.
	if _, err := tx.Exec(ctx, "SET LOCAL synchronous_commit = off"); err != nil {
		return 0, 0, false, err
	}
	it, err := r.Rows(ctx, t, c)
	if err != nil {
		return 0, 0, false, err
	}
	defer it.Close()
	src := &copySource{it: it, t: t, chunk: c.No, counter: counter}
	if verify && digestable(t) {
		src.digest = &rowDigest{}
	}
	cols := make([]string, len(t.Columns))
	for i, col := range t.Columns {
		cols[i] = col.Target
	}
	n, err = tx.CopyFrom(ctx, pgx.Identifier{schema, t.Target}, cols, src)
	if err != nil {
		return 0, 0, false, fmt.Errorf("copy %s chunk %d: %w", t.Name, c.No, err)
	}
	if len(src.rejects) > 0 {
		rows := make([][]any, len(src.rejects))
		for i, rj := range src.rejects {
			rows[i] = []any{rj.Table, c.No, rj.Key, rj.Column, rj.Reason}
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{ckSchema, "rejects"}, []string{"table_name", "chunk_no", "key", "column_name", "reason"}, pgx.CopyFromRows(rows)); err != nil {
			return 0, 0, false, fmt.Errorf("save rejects: %w", err)
		}
	}
	if src.digest != nil && !src.digest.bad {
		rows, sum, xor, err := targetDigest(ctx, tx, schema, t, c)
		if err != nil {
			return 0, 0, false, err
		}
		agreed = src.digest.matches(rows, sum, xor)
	}
	if _, err := tx.Exec(ctx, `UPDATE `+ckSchema+`.chunks SET done = true, rows = $3, rejected = $4 WHERE table_name = $1 AND chunk_no = $2`,
		t.Name, c.No, n, len(src.rejects)); err != nil {
		return 0, 0, false, fmt.Errorf("checkpoint: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, 0, false, fmt.Errorf("commit chunk: %w", err)
	}
	return n, len(src.rejects), agreed, nil
}

// copyChunks runs the pending chunks on one worker per reader.
// With verify, the differences found go to diffs.
func copyChunks(ctx context.Context, pool *pgxpool.Pool, readers []Reader, schema string, tables map[string]*Table,
	pending []Chunk, counter *atomic.Int64, logger *slog.Logger, verify bool, diffs *diffList) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan Chunk)
	errs := make(chan error, len(readers))
	for _, r := range readers {
		go func() {
			for c := range work {
				n, rej, d, err := copyChunk(ctx, pool, r, schema, tables[c.Table], c, counter, verify)
				if err != nil {
					errs <- err
					cancel()
					for range work { // drain so the feeder can finish
					}
					return
				}
				diffs.add(d)
				logger.Debug("chunk copied", "table", c.Table, "chunk", c.No, "rows", n, "rejected", rej)
			}
			errs <- nil
		}()
	}
feed:
	for _, c := range pending {
		select {
		case work <- c:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	var first error
	for range readers {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	if first == nil && ctx.Err() != nil {
		first = ctx.Err()
	}
	return first
}

// prepareTarget creates the tables and records the chunk plan and the run,
// all in one transaction.
func prepareTarget(ctx context.Context, pool *pgxpool.Pool, opts Options, s *Schema, r Reader, fp string, shared bool) error {
	var chunks []Chunk
	for _, t := range s.Tables {
		cs, err := r.Chunks(ctx, t, opts.ChunkRows)
		if err != nil {
			return err
		}
		chunks = append(chunks, cs...)
	}
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+quoteIdent(opts.Schema)); err != nil {
			return fmt.Errorf("create schema: %w", err)
		}
		for _, t := range s.Tables {
			if opts.IntoExisting {
				if err := checkEmpty(ctx, tx, opts.Schema, t); err != nil {
					return err
				}
				continue
			}
			var exists bool
			if err := tx.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", qualified(opts.Schema, t.Target)).Scan(&exists); err != nil {
				return fmt.Errorf("check %s: %w", t.Target, err)
			}
			if exists {
				return apperr.New(apperr.Conflict, "table %s already exists in the target; drop it or run with --restart", qualified(opts.Schema, t.Target))
			}
			ddl, _ := createTableSQL(opts.Schema, t)
			if _, err := tx.Exec(ctx, ddl); err != nil {
				return fmt.Errorf("create %s: %w", t.Target, err)
			}
		}
		if err := saveChunks(ctx, tx, chunks); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO `+ckSchema+`.run (fingerprint, target_schema, source, snapshot_shared) VALUES ($1, $2, $3, $4)`,
			fp, opts.Schema, opts.sourceDisplay, shared)
		return err
	})
}

// diffList collects the differences workers find.
type diffList struct {
	mu sync.Mutex
	d  []string
}

func (l *diffList) add(d []string) {
	if len(d) == 0 {
		return
	}
	l.mu.Lock()
	l.d = append(l.d, d...)
	l.mu.Unlock()
}
