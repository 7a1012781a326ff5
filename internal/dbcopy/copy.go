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
	"golang.org/x/sync/errgroup"

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
	// rejectedRows counts rows; rejects lists values, several per row at times.
	rejectedRows int
	rowNo        int
	counter      *atomic.Int64
	err          error
	digest       *rowDigest // when run verifies: digest of the rows copied
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
		c := s.t.Columns[i]
		out, rej, _ := convertValue(c, v)
		if rej != nil {
			ok = false
			s.rejects = append(s.rejects, rejectRow{Table: s.t.Name, Key: rowKey(s.t, vals, s.chunk, s.rowNo),
				Column: c.Name, Reason: rej.Kind + ": " + rej.Detail, chunk: s.chunk})
			continue
		}
		s.out[i] = out
	}
	if !ok {
		s.rejectedRows++
	}
	return ok
}

func (s *copySource) Values() ([]any, error) { return s.out, nil }
func (s *copySource) Err() error             { return s.err }

// convertValue converts one source value for column c, as run and plan
// both do. A value that converts to NULL (a zero date under zero_date:
// null) in a column that stays NOT NULL is rejected, not left for COPY to
// fail the whole chunk on.
//
// A rejected value's detail ends with the --mapping rule that copies it
// (ruleHint).
func convertValue(c *Column, v any) (any, *Reject, string) {
	out, rej, note := convertOne(c, v)
	if rej != nil {
		rej.Detail += ruleHint(c, rej, v)
	}
	return out, rej, note
}

func convertOne(c *Column, v any) (any, *Reject, string) {
	if v == nil {
		return nil, nullReject(c), ""
	}
	out, rej, note := c.conv.conv(c, v)
	if s, ok := out.(string); ok && rej == nil && c.text != nil {
		if out, rej = c.text(s); rej != nil {
			return nil, rej, ""
		}
	}
	if rej == nil && out == nil && !c.Nullable {
		b, _ := asBytes(v)
		return nil, rejectf("zero_date", "%s becomes NULL (zero_date: null) in a column that stays NOT NULL "+
			"(give the column a default of a zero date)", short(b)), ""
	}
	return out, rej, note
}

// nullReject rejects a NULL where the target column is NOT NULL: SQLite
// lets NULL into a PRIMARY KEY column other than INTEGER PRIMARY KEY.
func nullReject(c *Column) *Reject {
	if c.Nullable {
		return nil
	}
	return rejectf("null_in_key", "NULL in a column PostgreSQL declares NOT NULL (a SQLite PRIMARY KEY column may hold NULL)")
}

// rowKey renders the primary key of a source row as a JSON object, or the
// row's position in its chunk when the table has no key.
func rowKey(t *Table, vals []any, chunk, rowNo int) string {
	idx := t.pkIndexes()
	if len(idx) == 0 {
		return fmt.Sprintf(`{"chunk":%d,"row":%d}`, chunk, rowNo)
	}
	parts := make([]string, len(idx))
	for i, j := range idx {
		if vals[j] == nil { // NULL keys (SQLite) do not tell rows apart
			return fmt.Sprintf(`{"chunk":%d,"row":%d}`, chunk, rowNo)
		}
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
// With verify it returns the digest of the rows sent (digest.go), nil when
// the table's types are not digested.
func copyChunk(ctx context.Context, pool *pgxpool.Pool, r Reader, schema string, t *Table, c Chunk, counter *atomic.Int64, verify bool, hk hashKind) (n int64, rejects int, d *rowDigest, err error) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return 0, 0, nil, fmt.Errorf("begin: %w", err)
	}
	defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()
	// Safe to relax: data and checkpoint commit together, so a lost commit
	// after a server crash only means the chunk is copied again.
	if _, err := tx.Exec(ctx, "SET LOCAL synchronous_commit = off"); err != nil {
		return 0, 0, nil, err
	}
	it, err := r.Rows(ctx, t, c)
	if err != nil {
		return 0, 0, nil, err
	}
	defer it.Close()
	src := &copySource{it: it, t: t, chunk: c.No, counter: counter}
	if verify && digestable(t) {
		src.digest = &rowDigest{hash: hk}
	}
	cols := make([]string, len(t.Columns))
	for i, col := range t.Columns {
		cols[i] = col.Target
	}
	n, err = tx.CopyFrom(ctx, pgx.Identifier{schema, t.Target}, cols, src)
	if err != nil {
		return 0, 0, nil, fmt.Errorf("copy %s chunk %d: %w%s", t.Name, c.No, err, pgDetail(err))
	}
	if len(src.rejects) > 0 {
		rows := make([][]any, len(src.rejects))
		for i, rj := range src.rejects {
			rows[i] = []any{rj.Table, c.No, rj.Key, rj.Column, rj.Reason}
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{ckSchema, "rejects"}, []string{"table_name", "chunk_no", "key", "column_name", "reason"}, pgx.CopyFromRows(rows)); err != nil {
			return 0, 0, nil, fmt.Errorf("save rejects: %w", err)
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE `+ckSchema+`.chunks SET done = true, rows = $3, rejected = $4 WHERE table_name = $1 AND chunk_no = $2`,
		t.Name, c.No, n, src.rejectedRows); err != nil {
		return 0, 0, nil, fmt.Errorf("checkpoint: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, 0, nil, fmt.Errorf("commit chunk: %w", err)
	}
	return n, src.rejectedRows, src.digest, nil
}

// copyChunks runs the pending chunks on one worker per reader. With verify
// it keeps the digest of the rows each chunk sent in checks: PostgreSQL
// digests its copy once the keys are built (checkDigests), because without
// an index on the chunk key every chunk's digest query would scan the
// whole table, which makes verification quadratic in the table size.
// Chunks whose tables are not digested go to checks.recheck.
func copyChunks(ctx context.Context, pool *pgxpool.Pool, readers []Reader, schema string, tables map[string]*Table,
	pending []Chunk, counter *atomic.Int64, logger *slog.Logger, verify bool, hk hashKind, checks *chunkChecks) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan Chunk)
	errs := make(chan error, len(readers))
	for _, r := range readers {
		go func() {
			for c := range work {
				n, rej, d, err := copyChunk(ctx, pool, r, schema, tables[c.Table], c, counter, verify, hk)
				if err != nil {
					errs <- err
					cancel()
					for range work { // drain so the feeder can finish
					}
					return
				}
				switch {
				case !verify:
				case d == nil || d.bad:
					checks.add(c)
				default:
					checks.addDigest(c, d)
				}
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

// checkDigests asks PostgreSQL for the digest of every chunk whose source
// digest checks holds, on workers connections, and moves the chunks whose
// digests differ to checks.recheck.
func checkDigests(ctx context.Context, pool *pgxpool.Pool, schema string, tables map[string]*Table, checks *chunkChecks, workers int, hk hashKind) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(max(workers, 1))
	for _, x := range checks.digests {
		g.Go(func() error {
			rows, sum, xor, err := targetDigest(gctx, pool, schema, tables[x.c.Table], x.c, hk)
			if err != nil {
				return err
			}
			if !x.d.matches(rows, sum, xor) {
				checks.add(x.c)
			}
			return nil
		})
	}
	err := g.Wait()
	checks.digests = nil
	return err
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

// chunkChecks collects what the verification of a run has to do.
type chunkChecks struct {
	mu      sync.Mutex
	digests []digested // chunks copied, with the digest of the rows sent
	recheck []Chunk    // to verify again, row by row if the digests still differ
}

type digested struct {
	c Chunk
	d *rowDigest
}

func (k *chunkChecks) addDigest(c Chunk, d *rowDigest) {
	d.buf = nil // only the sums are kept until the check
	k.mu.Lock()
	k.digests = append(k.digests, digested{c, d})
	k.mu.Unlock()
}

func (k *chunkChecks) add(c Chunk) {
	k.mu.Lock()
	k.recheck = append(k.recheck, c)
	k.mu.Unlock()
}
